import type { Metadata } from "next";
import { ExamHistory, InProgressAttempts } from "@/components/exam/history";
import { StartForm } from "@/components/exam/start-form";
import { PageHeader } from "@/components/ui/page-header";
import { requestContext } from "@/lib/server/context";
import { fetchExamStartView } from "@/lib/server/exams";
import { abandonExamAction, startExamAction } from "../actions";

export const metadata: Metadata = { title: "모의고사" };

export default async function ExamsPage() {
  const { db, learnerId, now } = await requestContext();
  const view = await fetchExamStartView(db, { learnerId, now });
  return (
    <div className="space-y-6">
      <PageHeader title="모의고사" description="SAA-C03 형식으로 시간을 재며 풉니다. 답은 고르는 즉시 저장되어 새로 고치거나 창을 닫아도 이어서 풀 수 있고, 틀린 문제는 복습 일정에 들어갑니다." />
      <InProgressAttempts attempts={view.inProgress} now={now} abandonAction={abandonExamAction} />
      <section aria-labelledby="start-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
        <h2 id="start-title" className="mb-4 text-lg font-semibold">
          새 시험
        </h2>
        <StartForm view={view} action={startExamAction} />
      </section>
      <ExamHistory history={view.history} />
    </div>
  );
}
