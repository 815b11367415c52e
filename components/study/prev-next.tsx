import Link from "next/link";
import { topicHref } from "./links";

interface Neighbour {
  slug: string;
  title: string;
  /** set when the link leaves the current note for the previous or next one */
  noteTitle?: string | null;
}

/** 이전/다음 in the note's own order; at a note's end the link says which note it opens. */
export function PrevNext({ previous, next }: { previous: Neighbour | null; next: Neighbour | null }) {
  if (!previous && !next) return null;
  const base = "group flex min-h-16 flex-col justify-center rounded-xl border border-slate-200 bg-white px-4 py-3 hover:border-sky-400 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-sky-600";
  return (
    <nav aria-label="이전·다음 주제" className="mt-10 grid gap-3 sm:grid-cols-2">
      {previous ? (
        <Link href={topicHref(previous.slug)} rel="prev" className={base}>
          <span className="text-xs text-slate-600 dark:text-slate-400">{previous.noteTitle ? `← 이전 노트 · ${previous.noteTitle}` : "← 이전 주제"}</span>
          <span className="font-medium text-slate-900 group-hover:text-sky-700 dark:text-slate-100 dark:group-hover:text-sky-300">{previous.title}</span>
        </Link>
      ) : (
        <span className="hidden sm:block" />
      )}
      {next ? (
        <Link href={topicHref(next.slug)} rel="next" className={`${base} sm:items-end sm:text-right`}>
          <span className="text-xs text-slate-600 dark:text-slate-400">{next.noteTitle ? `다음 노트 · ${next.noteTitle} →` : "다음 주제 →"}</span>
          <span className="font-medium text-slate-900 group-hover:text-sky-700 dark:text-slate-100 dark:group-hover:text-sky-300">{next.title}</span>
        </Link>
      ) : null}
    </nav>
  );
}
