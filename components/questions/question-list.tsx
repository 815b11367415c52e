import Link from "next/link";
import { questionHref } from "@/lib/core/hrefs";
import type { QuestionListItem } from "@/lib/core/questions/types";
import { QuestionBadges } from "./question-badges";

export { questionHref };

/** Cloze blanks would give the answer away in the list; show them as empty slots. */
function previewOf(stem: string): string {
  return stem
    .replace(/\{\{[^{}\n]+\}\}/g, "____")
    .replace(/`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

export function QuestionList({ items }: { items: QuestionListItem[] }) {
  return (
    <ul className="space-y-3" aria-label="문제 목록">
      {items.map((item) => (
        <li key={item.id}>
          <article className="group relative rounded-xl border border-slate-200 bg-white shadow-sm p-4 transition hover:border-sky-400 focus-within:border-sky-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-sky-600">
            <QuestionBadges type={item.type} domain={item.domain} origin={item.origin} difficulty={item.difficulty} />
            <h2 className="mt-2 text-[0.95rem] leading-relaxed font-medium text-slate-900 dark:text-slate-100">
              {/* The whole card is clickable through the stretched link; the text stays selectable. */}
              <Link href={questionHref(item.id)} className="line-clamp-3 after:absolute after:inset-0 after:rounded-xl">
                {previewOf(item.stem)}
              </Link>
            </h2>
            <p className="mt-2 flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-slate-500 dark:text-slate-400">
              <span className="font-mono">{item.id}</span>
              <span>{item.bankTitle}</span>
              {item.topics.length > 0 && <span>주제: {item.topics.map((topic) => topic.name).join(", ")}</span>}
            </p>
          </article>
        </li>
      ))}
    </ul>
  );
}
