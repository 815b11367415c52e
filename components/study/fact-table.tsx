import { Icon } from "@/components/ui/icons";
import { noteHref } from "./links";

export interface FactRowView {
  id: string;
  label: string;
  valueText: string;
  value: number;
  valueMax: number | null;
  unit: string;
  excerpt: string;
  notePath: string;
  line: number;
}

const UNIT_LABELS: Record<string, string> = { s: "초", h: "시간", day: "일", count: "개", percent: "%", usd: "USD" };

function formatNumber(value: number): string {
  return new Intl.NumberFormat("ko-KR", { maximumFractionDigits: 6 }).format(value);
}

/** "900초", "128–10,240 MB": the normalised value, so 15분 and 900초 read as the same fact. */
export function formatNormalised(fact: Pick<FactRowView, "value" | "valueMax" | "unit">): string {
  if (fact.unit === "text") return "";
  const unit = UNIT_LABELS[fact.unit] ?? fact.unit;
  const range = fact.valueMax !== null && fact.valueMax !== fact.value ? `${formatNumber(fact.value)}–${formatNumber(fact.valueMax)}` : formatNumber(fact.value);
  const spaced = /^[A-Za-z]/.test(unit) ? ` ${unit}` : unit;
  return `${range}${spaced}`;
}

export function FactTable({ facts, flaggedLines }: { facts: readonly FactRowView[]; flaggedLines?: ReadonlySet<string> }) {
  // When every fact comes from one note, "152줄" says enough; the note is named in the header.
  const notes = new Set(facts.map((fact) => fact.notePath));
  const singleNote = notes.size === 1 ? [...notes][0]! : null;
  return (
    <div className="overflow-x-auto rounded-lg border border-slate-200 dark:border-slate-800">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">이 주제에서 뽑은 수치와 출처</caption>
        <thead className="bg-slate-50 text-left text-slate-700 dark:bg-slate-800/60 dark:text-slate-300">
          <tr>
            <th scope="col" className="px-3 py-2 font-semibold">항목</th>
            <th scope="col" className="px-3 py-2 font-semibold">노트의 값</th>
            <th scope="col" className="hidden px-3 py-2 font-semibold sm:table-cell">
              출처{singleNote ? <span className="block max-w-[16rem] truncate text-xs font-normal text-slate-500 dark:text-slate-400" title={singleNote}>{singleNote}</span> : null}
            </th>
          </tr>
        </thead>
        <tbody>
          {facts.map((fact) => {
            const flagged = flaggedLines?.has(`${fact.notePath}:${fact.line}`) ?? false;
            const normalised = formatNormalised(fact);
            const source = (
              <a href={noteHref(fact.notePath, fact.line)} title={`${fact.notePath} ${fact.line}번째 줄`} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                {singleNote ? `${fact.line}번째 줄` : `${fact.notePath}:${fact.line}`}
              </a>
            );
            return (
              <tr key={fact.id} id={`fact-${fact.id}`} className="scroll-mt-4 border-t border-slate-200 align-top target:bg-amber-50 dark:border-slate-800 dark:target:bg-amber-950/40">
                <th scope="row" className="px-3 py-2 text-left font-medium text-slate-900 dark:text-slate-100">
                  {fact.label}
                  <span className="mt-0.5 block text-xs font-normal text-slate-500 dark:text-slate-400">{fact.excerpt}</span>
                  {/* On a phone the source goes under the label instead of a third column. */}
                  <span className="mt-1 block text-xs font-normal sm:hidden">{source}</span>
                </th>
                <td className="px-3 py-2">
                  <span className="block whitespace-nowrap font-semibold tabular-nums text-slate-900 dark:text-slate-100">{fact.valueText}</span>
                  {normalised && normalised !== fact.valueText ? <span className="block whitespace-nowrap text-xs tabular-nums text-slate-500 dark:text-slate-400">= {normalised}</span> : null}
                  {flagged ? (
                    <span className="mt-1 inline-flex items-center gap-1 whitespace-nowrap text-xs text-rose-700 dark:text-rose-300" title="이 줄에 노트 점검 경고가 있습니다">
                      <Icon name="warning" className="h-3.5 w-3.5" />
                      점검 필요
                    </span>
                  ) : null}
                </td>
                <td className="hidden whitespace-nowrap px-3 py-2 sm:table-cell">{source}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
