import type { Metadata } from "next";
import { LintReport } from "@/components/study/lint-report";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { getDb } from "@/lib/server/db";
import { fetchLintReport } from "@/lib/server/study";
import { SearchHotkey } from "@/components/study/search-hotkey";

export const metadata: Metadata = { title: "노트 점검" };

export default async function LintPage() {
  const report = await fetchLintReport(getDb());
  return (
    <>
      <SearchHotkey />
      <PageHeader
        title="노트 점검"
        description="노트에서 뽑은 사실을 AWS 공식 문서와 다른 노트에 견주어 본 결과입니다. 시험은 AWS 문서를 따르므로, AWS 문서와 다른 내용은 노트를 고쳐 두세요."
      />
      {report.total === 0 ? (
        <EmptyState title="점검 경고가 없습니다" icon="check">
          노트를 불러오지 않았다면 먼저 <code className="font-mono">npm run ingest</code> 를 실행하세요.
        </EmptyState>
      ) : (
        <LintReport groups={report.groups} />
      )}
    </>
  );
}
