import Link from "next/link";
import { LINT_KIND_LABELS, type LintKind } from "./lint-kinds";
import { Icon } from "@/components/ui/icons";
import { noteHref, topicHref } from "./links";
import { documentationLabel, LinkifiedText } from "./linkified-text";

export interface LintGroupView {
  kind: LintKind;
  warnings: readonly { id: string; file: string; line: number; message: string; topic: { slug: string; title: string } | null; noteExists: boolean }[];
}

/** The ingest's notice for a question collection (lib/core/ingest/quiz-notes.ts): offer the importer. */
function isQuizNoteNotice(message: string): boolean {
  return message.startsWith("문제 모음으로 보입니다");
}

export function LintReport({ groups }: { groups: readonly LintGroupView[] }) {
  return (
    <div className="space-y-6">
      <nav aria-label="점검 종류">
        <ul className="flex flex-wrap gap-2">
          {groups.map((group) => (
            <li key={group.kind}>
              <a href={`#lint-${group.kind}`} className="inline-flex items-center gap-1.5 rounded-full border border-slate-300 bg-white px-3 py-1 text-sm hover:border-sky-500 dark:border-slate-700 dark:bg-slate-900">
                {LINT_KIND_LABELS[group.kind].title}
                <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">{group.warnings.length}</span>
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {groups.map((group) => {
        const label = LINT_KIND_LABELS[group.kind];
        return (
          <section key={group.kind} id={`lint-${group.kind}`} aria-labelledby={`lint-${group.kind}-title`} className="scroll-mt-4 rounded-xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900">
            <h2 id={`lint-${group.kind}-title`} className="flex flex-wrap items-center gap-x-2 text-lg font-semibold">
              <Icon name={label.icon} className="h-5 w-5 text-slate-500 dark:text-slate-400" />
              {label.title} <span className="text-sm font-normal tabular-nums text-slate-500 dark:text-slate-400">{group.warnings.length}건</span>
            </h2>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{label.description}</p>
            {group.warnings.length === 0 ? (
              <p className="mt-3 text-sm text-emerald-700 dark:text-emerald-400">해당하는 경고가 없습니다.</p>
            ) : (
              <ul className="mt-3 divide-y divide-slate-100 dark:divide-slate-800">
                {group.warnings.map((warning) => (
                  <li key={warning.id} className="py-3">
                    <p className="text-sm text-slate-900 dark:text-slate-100">
                      <LinkifiedText text={warning.message} linkLabel={documentationLabel} />
                    </p>
                    <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-xs">
                      {warning.noteExists ? (
                        <a href={noteHref(warning.file, warning.line)} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                          {warning.file}:{warning.line}
                        </a>
                      ) : (
                        <span className="text-slate-600 dark:text-slate-400">
                          {warning.file}:{warning.line}
                        </span>
                      )}
                      {isQuizNoteNotice(warning.message) ? (
                        <Link href="/questions/import" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                          문제 은행으로 가져오기
                        </Link>
                      ) : null}
                      {warning.topic ? (
                        <Link href={topicHref(warning.topic.slug)} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                          주제: {warning.topic.title}
                        </Link>
                      ) : null}
                    </p>
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
