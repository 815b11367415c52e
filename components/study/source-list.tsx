import { formatPageRef } from "@/lib/core/format/page-ref";
import { noteHref } from "./links";

export interface SourceView {
  notePath: string;
  noteTitle: string;
  line: number;
  endLine: number;
  pageRef: string | null;
  heading: string;
}

export function SourceList({ sources }: { sources: readonly SourceView[] }) {
  if (sources.length === 0) return <p className="text-sm text-slate-500 dark:text-slate-400">출처 정보가 없습니다.</p>;
  return (
    <ul className="space-y-2 text-sm">
      {sources.map((source) => (
        <li key={`${source.notePath}:${source.line}`}>
          <a href={noteHref(source.notePath, source.line)} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
            {source.notePath}
            <span className="tabular-nums">:{source.line}</span>
            {source.endLine > source.line ? <span className="tabular-nums">–{source.endLine}</span> : null}
          </a>
          <span className="block text-xs text-slate-500 dark:text-slate-400">
            {source.heading}
            {source.pageRef ? ` · ${formatPageRef(source.pageRef)}` : ""}
          </span>
        </li>
      ))}
    </ul>
  );
}
