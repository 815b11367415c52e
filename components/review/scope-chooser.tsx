// The scope chooser on /review: a plain GET form (works without JavaScript), so the chosen
// scope is the URL and a reload or a shared link keeps it. Counts count a question family once.
import { buttonClasses } from "@/components/ui/button-link";

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

const DOMAINS: [string, string][] = [
  ["secure", "보안 아키텍처 설계"],
  ["resilient", "복원력 있는 아키텍처 설계"],
  ["performant", "고성능 아키텍처 설계"],
  ["cost", "비용 최적화 아키텍처 설계"],
];

const ORIGINS: [string, string][] = [
  ["curated", "큐레이션"],
  ["generated", "노트에서 생성"],
  ["imported", "가져온 문제"],
];

const selectClass = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900";

export function ScopeChooser({ topics, banks, values, open = false }: { topics: ScopeChoice[]; banks: ScopeChoice[]; values: ChooserValues; open?: boolean }) {
  return (
    <details open={open} className="group rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <summary className="cursor-pointer select-none rounded text-sm font-semibold text-slate-800 dark:text-slate-200">복습 범위 고르기</summary>
      <form method="get" action="/review" aria-label="복습 범위" className="mt-3 grid gap-3 sm:grid-cols-2">
        <label className="space-y-1 text-sm">
          <span className="font-medium text-slate-700 dark:text-slate-300">주제</span>
          <select name="topic" defaultValue={values.topic ?? ""} className={selectClass}>
            <option value="">모든 주제</option>
            {topics.map((topic) => (
              <option key={topic.value} value={topic.value}>
                {topic.label} ({topic.questions}문제)
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="font-medium text-slate-700 dark:text-slate-300">영역</span>
          <select name="domain" defaultValue={values.domain ?? ""} className={selectClass}>
            <option value="">모든 영역</option>
            {DOMAINS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="font-medium text-slate-700 dark:text-slate-300">출처</span>
          <select name="origin" defaultValue={values.origin ?? ""} className={selectClass}>
            <option value="">모든 출처</option>
            {ORIGINS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label className="space-y-1 text-sm">
          <span className="font-medium text-slate-700 dark:text-slate-300">문제 은행</span>
          <select name="bank" defaultValue={values.bank ?? ""} className={selectClass}>
            <option value="">모든 은행</option>
            {banks.map((bank) => (
              <option key={bank.value} value={bank.value}>
                {bank.label} ({bank.questions}문제)
              </option>
            ))}
          </select>
        </label>
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
