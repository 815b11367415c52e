import { LINT_KIND_LABELS, type LintKind } from "./lint-kinds";
import { Icon } from "@/components/ui/icons";
import { noteHref } from "./links";
import { documentationLabel, LinkifiedText } from "./linkified-text";

export interface LintNoticeItem {
  id: string;
  kind: LintKind;
  file: string;
  line: number;
  message: string;
}

/** Lint warnings of one topic, shown beside its text so the learner reads them with the passage. */
export function LintNotice({ warnings }: { warnings: readonly LintNoticeItem[] }) {
  if (warnings.length === 0) return null;
  return (
    <section aria-labelledby="topic-lint-title" className="rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-800 dark:bg-amber-950/40">
      <h2 id="topic-lint-title" className="text-sm font-semibold text-amber-900 dark:text-amber-200">
        노트 점검 {warnings.length}건
      </h2>
      <ul className="mt-2 space-y-2.5 text-sm">
        {warnings.map((warning) => {
          const label = LINT_KIND_LABELS[warning.kind];
          return (
            <li key={warning.id} className="text-amber-950 dark:text-amber-100">
              <span className="flex items-center gap-1.5 font-medium">
                <Icon name={label.icon} className="h-4 w-4" />
                {label.title}
              </span>
              <span className="mt-0.5 block">
                <LinkifiedText text={warning.message} linkLabel={documentationLabel} />
              </span>
              <a href={noteHref(warning.file, warning.line)} className="text-xs text-amber-800 underline underline-offset-2 dark:text-amber-300">
                {warning.file} {warning.line}번째 줄 보기
              </a>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
