import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { QuestionView } from "@/components/questions/question-view";
import { ReportForm } from "@/components/questions/report-form";
import { getDb } from "@/lib/server/db";
import { getQuestionDetail } from "@/lib/server/questions/browse";
import { REPORT_DETAIL_MAX, REPORT_REASONS, REPORT_REASON_LABELS } from "@/lib/server/questions/reports";
import { reportQuestionAction } from "../actions";
import { QuestionReviewActions } from "@/components/cards/question-review-actions";
import { reviewHref } from "@/lib/core/hrefs";
import { addToReviewAction } from "@/app/cards/actions";

type Params = Promise<{ id: string }>;

function decodeId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  return { title: `문제 ${decodeId((await params).id)}` };
}

const reasons = REPORT_REASONS.map((value) => ({ value, label: REPORT_REASON_LABELS[value] }));

export default async function QuestionPage({ params }: { params: Params }) {
  const id = decodeId((await params).id);
  const detail = await getQuestionDetail(getDb(), id);
  if (!detail) notFound();
  return (
    <div className="space-y-4">
      <nav aria-label="이동 경로" className="text-sm text-slate-600 dark:text-slate-400">
        <ol className="flex flex-wrap items-center gap-1">
          <li>
            <Link href="/questions" className="hover:underline">
              문제
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            <Link href={`/questions?bank=${encodeURIComponent(detail.bank.id)}`} className="hover:underline">
              {detail.bank.title}
            </Link>
          </li>
        </ol>
      </nav>

      <QuestionView question={detail.question} links={detail} />

      <QuestionReviewActions questionId={detail.question.id} practiceHref={reviewHref({ question: detail.question.id, mode: "cram" })} action={addToReviewAction} />

      <section
        aria-labelledby="report-title"
        className="rounded-xl border border-slate-200 bg-white shadow-sm p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900"
      >
        <h2 id="report-title" className="font-semibold">
          문제 신고
        </h2>
        <p className="mt-1 mb-3 text-sm text-slate-600 dark:text-slate-400">
          정답이나 해설이 틀렸거나 AWS 문서와 다르면 알려 주세요.
          {detail.openReports > 0 && ` 이 문제에는 처리되지 않은 신고가 ${detail.openReports}건 있습니다.`}
        </p>
        <ReportForm action={reportQuestionAction} questionId={detail.question.id} reasons={reasons} detailMax={REPORT_DETAIL_MAX} />
      </section>
    </div>
  );
}
