import Link from "next/link";
import { Fragment } from "react";
import { LINT_KIND_LABELS, type LintKind } from "./lint-kinds";
import { Icon } from "@/components/ui/icons";
import { topicHref } from "./links";
import { documentationLabel, LinkifiedText } from "./linkified-text";

export interface NoteLinesProps {
  lines: readonly string[];
  /** number of the first line given (long notes are shown a window at a time) */
  firstLine?: number;
  /** lines of the whole note, for the width of the line numbers */
  totalLines?: number;
  /** lines cut short: their number → characters left out */
  cut?: ReadonlyMap<number, number>;
  topicsByLine: Readonly<Record<number, readonly { slug: string; title: string }[]>>;
  lint: readonly { id: string; kind: LintKind; line: number; message: string }[];
}

/**
 * The original note, line by line. Each line is React text (escaped), so markup in a note —
 * even <script> — shows as the characters the learner wrote. Line n has id="L<n>"; the line in
 * the URL's hash is highlighted with :target.
 */
export function NoteLines({ lines, topicsByLine, lint, firstLine = 1, totalLines, cut }: NoteLinesProps) {
  const lintByLine = new Map<number, NoteLinesProps["lint"][number][]>();
  for (const warning of lint) lintByLine.set(warning.line, [...(lintByLine.get(warning.line) ?? []), warning]);
  const width = String(totalLines ?? lines.length + firstLine - 1).length;

  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <table className="w-full border-collapse font-mono text-[13px] leading-6">
        <tbody>
          {lines.map((text, index) => {
            const number = firstLine + index;
            const omitted = cut?.get(number);
            const topics = topicsByLine[number];
            const warnings = lintByLine.get(number);
            return (
              <Fragment key={number}>
                {topics?.length ? (
                  <tr>
                    <td />
                    <td className="border-t border-sky-100 bg-sky-50/70 px-3 py-0.5 font-sans text-xs dark:border-sky-900/60 dark:bg-sky-950/40">
                      {topics.map((topic) => (
                        <Link key={topic.slug} href={topicHref(topic.slug)} className="mr-3 inline-flex items-center gap-1 text-sky-800 underline-offset-2 hover:underline dark:text-sky-300">
                          <Icon name="book" className="h-3.5 w-3.5" />
                          주제: {topic.title}
                        </Link>
                      ))}
                    </td>
                  </tr>
                ) : null}
                <tr id={`L${number}`} className="group scroll-mt-24 target:bg-amber-100 dark:target:bg-amber-900/50">
                  <td className="w-px select-none whitespace-nowrap border-r border-slate-200 px-2 text-right align-top text-slate-500 group-target:font-bold group-target:text-amber-800 dark:border-slate-800 dark:text-slate-400 dark:group-target:text-amber-300">
                    <a href={`#L${number}`} aria-label={`${number}번째 줄`} className="hover:text-sky-700 dark:hover:text-sky-400" style={{ minWidth: `${width}ch`, display: "inline-block" }}>
                      {number}
                    </a>
                  </td>
                  <td className="whitespace-pre-wrap break-all px-3 align-top text-slate-800 dark:text-slate-200">{text.length ? text : "\u00a0"}
                    {omitted ? <span className="ml-1 font-sans text-xs text-slate-600 dark:text-slate-400">… ({omitted.toLocaleString("ko-KR")}자 생략)</span> : null}
                  </td>
                </tr>
                {warnings?.map((warning) => (
                  <tr key={warning.id}>
                    <td />
                    <td className="bg-amber-50 px-3 py-1 font-sans text-xs text-amber-900 dark:bg-amber-950/50 dark:text-amber-200">
                      <Icon name={LINT_KIND_LABELS[warning.kind].icon} className="mr-1 h-3.5 w-3.5 align-[-2px]" />
                      <span className="font-semibold">{LINT_KIND_LABELS[warning.kind].title}:</span> <LinkifiedText text={warning.message} linkLabel={documentationLabel} />
                    </td>
                  </tr>
                ))}
              </Fragment>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
