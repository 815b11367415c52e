import Link from "next/link";
import { topicHref } from "./links";

export function ChildTopics({ items }: { items: readonly { slug: string; title: string; factCount: number }[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="space-y-1 text-sm">
      {items.map((child) => (
        <li key={child.slug} className="flex items-baseline justify-between gap-2">
          <Link href={topicHref(child.slug)} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
            {child.title}
          </Link>
          {child.factCount > 0 ? <span className="shrink-0 text-xs tabular-nums text-emerald-700 dark:text-emerald-400">수치 {child.factCount}</span> : null}
        </li>
      ))}
    </ul>
  );
}
