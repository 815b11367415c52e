import type { Domain, QuestionOrigin, QuestionType } from "@/lib/core/questions/types";
import { DIFFICULTY_LABELS, DOMAIN_SHORT_LABELS, ORIGIN_LABELS, TYPE_LABELS, domainLabel } from "./labels";

const base = "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset";

const domainTone: Record<Domain, string> = {
  secure: "bg-rose-50 text-rose-800 ring-rose-200 dark:bg-rose-500/10 dark:text-rose-200 dark:ring-rose-500/30",
  resilient: "bg-emerald-50 text-emerald-800 ring-emerald-200 dark:bg-emerald-500/10 dark:text-emerald-200 dark:ring-emerald-500/30",
  performant: "bg-sky-50 text-sky-800 ring-sky-200 dark:bg-sky-500/10 dark:text-sky-200 dark:ring-sky-500/30",
  cost: "bg-amber-50 text-amber-900 ring-amber-200 dark:bg-amber-500/10 dark:text-amber-200 dark:ring-amber-500/30",
};

const neutral = "bg-slate-50 text-slate-700 ring-slate-200 dark:bg-slate-800 dark:text-slate-200 dark:ring-slate-700";

export function QuestionBadges({
  type,
  domain,
  origin,
  difficulty,
}: {
  type: QuestionType;
  domain: Domain;
  origin: QuestionOrigin;
  difficulty: number;
}) {
  return (
    <span className="flex flex-wrap gap-1.5">
      <span className={`${base} ${domainTone[domain]}`} title={domainLabel(domain)}>
        {DOMAIN_SHORT_LABELS[domain]}
      </span>
      <span className={`${base} ${neutral}`}>{TYPE_LABELS[type]}</span>
      <span className={`${base} ${neutral}`}>{ORIGIN_LABELS[origin]}</span>
      <span className={`${base} ${neutral}`}>
        난이도 {DIFFICULTY_LABELS[difficulty] ?? difficulty}
      </span>
    </span>
  );
}
