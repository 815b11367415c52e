// The scope chooser on /review: a plain GET form (works without JavaScript), so the chosen
// scope is the URL and a reload or a shared link keeps it. Counts count a question family once.
import { buttonClasses } from "@/components/ui/button-link";
import { ORIGIN_LABELS } from "@/components/questions/labels";
import { DOMAIN_LABELS, DOMAINS, ORIGINS } from "@/lib/core/questions/types";

export interface ScopeChoice {
  value: string;
  label: string;
  questions: number;
}

export interface ChooserValues {
  topic: string | null;
  domain: string | null;
  origin: string | null;
  bank: string | null;
  mode: "review" | "cram";
}

// The same names the question browser and badges use.
const DOMAIN_CHOICES = DOMAINS.map((value) => ({ value, label: DOMAIN_LABELS[value] }));
const ORIGIN_CHOICES = ORIGINS.map((value) => ({ value, label: ORIGIN_LABELS[value] }));

const selectClass = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900";

export function ScopeChooser({ topics, banks, values, open = false }: { topics: ScopeChoice[]; banks: ScopeChoice[]; values: ChooserValues; open?: boolean }) {
  return (
    <details open={open} className="group rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer select-none rounded text-sm font-semibold text-slate-800 dark:text-slate-200">복습 범위 고르기</summary>
      <form method="get" action="/review" aria-label="복습 범위" className="mt-3 grid gap-3 sm:grid-cols-2">
        <ScopeSelect name="topic" label="주제" allLabel="모든 주제" value={values.topic} choices={topics} />
        <ScopeSelect name="domain" label="영역" allLabel="모든 영역" value={values.domain} choices={DOMAIN_CHOICES} />
        <ScopeSelect name="origin" label="출처" allLabel="모든 출처" value={values.origin} choices={ORIGIN_CHOICES} />
        <ScopeSelect name="bank" label="문제 은행" allLabel="모든 은행" value={values.bank} choices={banks} />
        <fieldset className="sm:col-span-2">
          <legend className="text-sm font-medium text-slate-700 dark:text-slate-300">방식</legend>
          <div className="mt-1 flex flex-wrap gap-4 text-sm">
            <label className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="mode" value="review" defaultChecked={values.mode === "review"} className="h-4 w-4 accent-sky-700" />
              오늘 일정대로 (기록됨)
            </label>
            <label className="inline-flex min-h-11 items-center gap-2">
              <input type="radio" name="mode" value="cram" defaultChecked={values.mode === "cram"} className="h-4 w-4 accent-sky-700" />
              벼락치기 (일정에 기록하지 않음)
            </label>
          </div>
        </fieldset>
        <div className="sm:col-span-2">
          <button type="submit" className={`${buttonClasses("primary")} min-h-11`}>
            이 범위로 시작
          </button>
        </div>
      </form>
    </details>
  );
}

/** One scope field: "all" first, then the choices (with their question counts when known). */
function ScopeSelect({ name, label, allLabel, value, choices }: { name: string; label: string; allLabel: string; value: string | null; choices: readonly { value: string; label: string; questions?: number }[] }) {
  return (
    <label className="space-y-1 text-sm">
      <span className="font-medium text-slate-700 dark:text-slate-300">{label}</span>
      <select name={name} defaultValue={value ?? ""} className={selectClass}>
        <option value="">{allLabel}</option>
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
            {choice.questions === undefined ? "" : ` (${choice.questions}문제)`}
          </option>
        ))}
      </select>
    </label>
  );
}
