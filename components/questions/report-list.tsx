import Link from "next/link";
import type { ResolveFormState } from "./form-state";
import { formatDateTime } from "./labels";
import { questionHref } from "./question-list";
import { ResolveReportForm } from "./resolve-report-form";

export interface ReportListItem {
  id: string;
  questionId: string;
  questionStem: string;
  questionArchived: boolean;
  reasonLabel: string;
  detail: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
}

function preview(stem: string): string {
  const flat = stem.replace(/\{\{[^{}\n]+\}\}/g, "____").replace(/\s+/g, " ").trim();
  return flat.length > 140 ? `${flat.slice(0, 140)}…` : flat;
}

export function ReportList({
  reports,
  resolveAction,
  resolutionMax,
}: {
  reports: ReportListItem[];
  resolveAction: (state: ResolveFormState, formData: FormData) => Promise<ResolveFormState>;
  resolutionMax: number;
}) {
  return (
    <ul className="space-y-3" aria-label="신고 목록">
      {reports.map((report) => {
        const open = report.resolvedAt == null;
        return (
          <li key={report.id}>
            <article
              aria-label={`${report.reasonLabel} 신고 (${open ? "열림" : "해결됨"})`}
              className={`rounded-xl border p-4 ${
                open
                  ? "border-amber-300 bg-white dark:border-amber-700/70 dark:bg-slate-900"
                  : "border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/50"
              }`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span
                  className={`rounded-full px-2 py-0.5 text-xs font-semibold ${
                    open
                      ? "bg-amber-100 text-amber-900 dark:bg-amber-500/20 dark:text-amber-200"
                      : "bg-emerald-100 text-emerald-900 dark:bg-emerald-500/20 dark:text-emerald-200"
                  }`}
                >
                  {open ? "열림" : "해결됨"}
                </span>
                <span className="text-sm font-semibold">{report.reasonLabel}</span>
                <time dateTime={report.createdAt.toISOString()} className="text-xs text-slate-500 dark:text-slate-400">
                  {formatDateTime(report.createdAt)}
                </time>
              </div>
              <p className="mt-2 text-sm">
                <Link href={questionHref(report.questionId)} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  <span className="font-mono text-xs">{report.questionId}</span>
                  <span className="block text-slate-700 dark:text-slate-300">{preview(report.questionStem)}</span>
                </Link>
                {report.questionArchived && <span className="text-xs text-amber-700 dark:text-amber-300"> (보관된 문제)</span>}
              </p>
              {report.detail ? (
                <p className="mt-2 rounded-md bg-slate-100 px-3 py-2 text-sm whitespace-pre-line dark:bg-slate-800">{report.detail}</p>
              ) : (
                <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">자세한 내용 없음</p>
              )}
              {open ? (
                <ResolveReportForm action={resolveAction} reportId={report.id} resolutionMax={resolutionMax} />
              ) : (
                <p className="mt-2 text-sm text-emerald-800 dark:text-emerald-300">
                  {report.resolvedAt && `${formatDateTime(report.resolvedAt)} 해결`}
                  {report.resolution && ` — ${report.resolution}`}
                </p>
              )}
            </article>
          </li>
        );
      })}
    </ul>
  );
}
