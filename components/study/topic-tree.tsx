import Link from "next/link";
import { categoryAnchor, topicHref } from "./links";

export interface TopicTreeNodeView {
  id: string;
  slug: string;
  title: string;
  factCount: number;
  context: string[];
  children: TopicTreeNodeView[];
}

export interface TopicTreeGroupView {
  category: { key: string; name: string; nameEn: string };
  topicCount: number;
  factCount: number;
  roots: TopicTreeNodeView[];
}

export function CategoryJumpList({ groups }: { groups: readonly TopicTreeGroupView[] }) {
  return (
    <nav aria-label="분류로 이동" className="mb-6">
      <ul className="flex flex-wrap gap-2">
        {groups.map((group) => (
          <li key={group.category.key}>
            <a
              href={`#${categoryAnchor(group.category.key)}`}
              className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:border-sky-500 hover:text-sky-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:border-sky-500 dark:hover:text-sky-300"
            >
              {group.category.name}
              <span className="tabular-nums text-xs text-slate-500 dark:text-slate-400">{group.topicCount}</span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export function TopicTree({ groups }: { groups: readonly TopicTreeGroupView[] }) {
  return (
    <div className="space-y-6">
      {groups.map((group) => {
        const headingId = `${categoryAnchor(group.category.key)}-title`;
        return (
          <section
            key={group.category.key}
            id={categoryAnchor(group.category.key)}
            aria-labelledby={headingId}
            className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
          >
            <div className="mb-3 flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-slate-100 pb-3 dark:border-slate-800">
              <h2 id={headingId} className="text-lg font-semibold text-slate-900 dark:text-slate-50">
                {group.category.name} <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{group.category.nameEn}</span>
              </h2>
              <p className="text-sm tabular-nums text-slate-600 dark:text-slate-400">
                주제 {group.topicCount}개{group.factCount ? ` · 수치 ${group.factCount}개` : ""}
              </p>
            </div>
            {/* Two columns on wide screens: a category can hold a hundred headings. */}
            <ul className={`space-y-1 ${group.topicCount > 12 ? "lg:columns-2 lg:gap-10" : ""}`}>
              {group.roots.map((node) => (
                <TreeItem key={node.id} node={node} root />
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}

function TreeItem({ node, root = false }: { node: TopicTreeNodeView; root?: boolean }) {
  return (
    <li className={root ? "break-inside-avoid" : undefined}>
      {root && node.context.length > 0 ? <p className="mt-2 pl-1 text-xs text-slate-500 dark:text-slate-400">{node.context.join(" › ")}</p> : null}
      <div className="flex items-baseline gap-2">
        <Link
          href={topicHref(node.slug)}
          className={`rounded px-1 py-0.5 underline-offset-2 hover:bg-sky-50 hover:underline dark:hover:bg-sky-950 ${root ? "font-medium text-sky-800 dark:text-sky-300" : "text-sky-700 dark:text-sky-400"}`}
        >
          {node.title}
        </Link>
        {node.factCount > 0 ? (
          <span className="shrink-0 text-xs tabular-nums text-emerald-700 dark:text-emerald-400" title={`이 주제에서 뽑은 수치 ${node.factCount}개`}>
            수치 {node.factCount}
          </span>
        ) : null}
      </div>
      {node.children.length > 0 ? (
        <ul className="ml-2 space-y-0.5 border-l border-slate-200 pl-3 sm:ml-3 sm:pl-4 dark:border-slate-700">
          {node.children.map((child) => (
            <TreeItem key={child.id} node={child} />
          ))}
        </ul>
      ) : null}
    </li>
  );
}
