import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { ReportList } from "@/components/questions/report-list";
import { requestContext } from "@/lib/server/context";
import { RESOLUTION_MAX, countQuestionReports, listQuestionReports } from "@/lib/server/questions/reports";
import { resolveReportAction } from "../actions";

export const metadata: Metadata = { title: "문제 신고 목록" };

const statusSchema = z.preprocess(
  (value) => (Array.isArray(value) ? value[0] : value),
  z.enum(["all", "open", "resolved"]).catch("all"),
);

const tabs = [
  { status: "all", label: "전체" },
  { status: "open", label: "열림" },
  { status: "resolved", label: "해결됨" },
] as const;

export default async function ReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const status = statusSchema.parse((await searchParams).status);
  const { db, learnerId } = await requestContext();
  const [reports, counts] = await Promise.all([listQuestionReports(db, { learnerId, status }), countQuestionReports(db, learnerId)]);
  const countFor = { all: counts.open + counts.resolved, open: counts.open, resolved: counts.resolved };

  return (
    <div className="space-y-5">
      <nav aria-label="이동 경로" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/questions" className="hover:underline">
          문제
        </Link>{" "}
        / 신고
      </nav>
      <PageHeader title="문제 신고 목록" description="열린 신고가 위에 옵니다. 문제 은행을 고친 뒤 해결됨으로 표시하세요." />
      <nav aria-label="신고 상태" className="flex gap-1 border-b border-slate-200 dark:border-slate-800">
        {tabs.map((tab) => {
          const active = tab.status === status;
          return (
            <Link
              key={tab.status}
              href={tab.status === "all" ? "/questions/reports" : `/questions/reports?status=${tab.status}`}
              aria-current={active ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm ${
                active
                  ? "border-sky-600 font-semibold text-sky-800 dark:border-sky-400 dark:text-sky-300"
                  : "border-transparent text-slate-600 hover:text-slate-900 dark:text-slate-400 dark:hover:text-slate-100"
              }`}
            >
              {tab.label} <span className="text-xs">({countFor[tab.status]})</span>
            </Link>
          );
        })}
      </nav>
      {reports.length === 0 ? (
        <EmptyState
          title={status === "open" ? "열린 신고가 없습니다." : status === "resolved" ? "해결된 신고가 없습니다." : "아직 신고가 없습니다."}
          icon="check"
          actions={
            <ButtonLink href="/questions" variant="secondary">
              문제 보기
            </ButtonLink>
          }
        >
          문제 페이지 아래의 &lsquo;문제 신고&rsquo;로 틀린 정답이나 어색한 문장을 알려 주세요.
        </EmptyState>
      ) : (
        <ReportList reports={reports} resolveAction={resolveReportAction} resolutionMax={RESOLUTION_MAX} />
      )}
    </div>
  );
}
