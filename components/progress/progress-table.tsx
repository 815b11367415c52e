// The sortable progress table (server-rendered: each header is a link that sets ?sort and
// ?order, so sorting works without JavaScript). On a phone the table scrolls sideways with the
// name column kept in view.
import Link from "next/link";
import { reviewHref, topicHref } from "@/lib/core/hrefs";
import { formatShortDate } from "@/lib/core/format/datetime";
import { defaultOrder, SORT_LABELS, type ProgressRow, type ProgressSort, type SortKey } from "@/lib/core/progress/mastery";
import { buttonClasses } from "@/components/ui/button-link";
import { percent } from "./format";

type Row = ProgressRow & { topicSlug?: string | null };

const COLUMNS: readonly SortKey[] = ["mastery", "coverage", "reviewAccuracy", "examAccuracy", "dueToday", "dueWeek", "lastReview", "leeches"];

function sortHref(key: SortKey, current: ProgressSort, anchor: string): string {
  const order = current.sort === key ? (current.order === "asc" ? "desc" : "asc") : defaultOrder(key);
  return `/progress?sort=${key}&order=${order}#${anchor}`;
}

export function ProgressTable({ rows, sort, kind, timeZone, caption }: { rows: readonly Row[]; sort: ProgressSort; kind: "topic" | "domain"; timeZone: string; caption: string }) {
  const header = (key: SortKey, label: string, align = "text-right") => {
    const active = sort.sort === key;
    return (
      <th key={key} scope="col" aria-sort={active ? (sort.order === "asc" ? "ascending" : "descending") : undefined} className={`whitespace-nowrap px-2 py-2 font-medium ${align}`}>
        <Link href={sortHref(key, sort, kind === "topic" ? "topics" : "domains")} className={`inline-flex min-h-9 items-center gap-0.5 hover:text-sky-700 dark:hover:text-sky-400 ${active ? "text-slate-900 dark:text-slate-100" : ""}`}>
          {label}
          <span aria-hidden="true">{active ? (sort.order === "asc" ? "▲" : "▼") : ""}</span>
        </Link>
      </th>
    );
  };
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full min-w-[52rem] text-sm" data-progress-table={kind}>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr className="border-b border-slate-200 text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
            {kind === "topic" ? header("label", "주제", "text-left sticky left-0 bg-white dark:bg-slate-900") : (
              <th scope="col" className="sticky left-0 bg-white px-2 py-2 text-left font-medium dark:bg-slate-900">
                영역
              </th>
            )}
            {COLUMNS.map((key) => header(key, SORT_LABELS[key]))}
            <th scope="col" className="px-2 py-2">
              <span className="sr-only">복습 시작</span>
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
          {rows.map((row) => (
            <tr key={row.key} data-progress-row={row.key}>
              <th scope="row" className="sticky left-0 bg-white px-2 py-2 text-left font-medium dark:bg-slate-900">
                {row.topicSlug ? (
                  <Link href={topicHref(row.topicSlug)} className="text-sky-700 hover:underline dark:text-sky-400">
                    {row.label}
                  </Link>
                ) : (
                  row.label
                )}
                <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
                  카드 {row.seen}/{row.cards}
                </span>
              </th>
              <td className="px-2 py-2 text-right tabular-nums" data-cell="mastery">
                <span className="font-semibold">{percent(row.mastery)}</span>
                <span aria-hidden="true" className="mt-1 ml-auto block h-1.5 w-16 overflow-hidden rounded bg-slate-100 dark:bg-slate-800">
                  <span className="block h-full bg-sky-600 dark:bg-sky-400" style={{ width: `${Math.round((row.mastery ?? 0) * 100)}%` }} />
                </span>
              </td>
              <td className="px-2 py-2 text-right tabular-nums">{percent(row.coverage)}</td>
              <td className="px-2 py-2 text-right tabular-nums" data-cell="reviewAccuracy">
                {percent(row.reviewAccuracy)}
                {row.reviewAnswers ? <span className="block text-xs text-slate-500 dark:text-slate-400">{row.reviewAnswers}번</span> : null}
              </td>
              <td className="px-2 py-2 text-right tabular-nums" data-cell="examAccuracy">
                {percent(row.examAccuracy)}
                {row.examAnswers ? <span className="block text-xs text-slate-500 dark:text-slate-400">{row.examAnswers}문제</span> : null}
              </td>
              <td className="px-2 py-2 text-right tabular-nums" data-cell="dueToday">{row.dueToday}</td>
              <td className="px-2 py-2 text-right tabular-nums">{row.dueWeek}</td>
              <td className="whitespace-nowrap px-2 py-2 text-right">{row.lastReview ? formatShortDate(row.lastReview, timeZone) : "—"}</td>
              <td className="px-2 py-2 text-right tabular-nums">{row.leeches}</td>
              <td className="px-2 py-2 text-right">
                <Link href={reviewHref(kind === "topic" ? { topic: row.key } : { domain: row.key })} className={`${buttonClasses("secondary")} whitespace-nowrap`} data-review-link={row.key}>
                  지금 복습<span className="sr-only">: {row.label}</span>
                </Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
