// A checked question's options with the right ones marked, the learner's choice, each option's
// explanation, the general explanation and the links back to the notes. Shared by review's
// reveal (RevealView), practice-mode feedback (ExamFeedbackView) and exam results
// (ExamReviewItem): all carry the same option shape, and all exist only once the answer may be
// shown.
import { RichText, stripVerdict } from "./rich-text";

export interface RevealedOption {
  key: string;
  text: string;
  correct: boolean;
  selected: boolean;
  explanation: string | null;
}

export function VerdictBanner({ correct, answered = true, options }: { correct: boolean; answered?: boolean; options: readonly RevealedOption[] }) {
  const keys = options.filter((option) => option.correct).map((option) => option.key).join(", ");
  const text = correct ? "정답입니다." : answered ? `오답입니다. 정답: ${keys}` : `답하지 않았습니다. 정답: ${keys}`;
  return (
    <p
      className={`rounded-xl px-4 py-3 text-base font-semibold ${
        correct ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200" : "bg-rose-50 text-rose-900 dark:bg-rose-950/50 dark:text-rose-200"
      }`}
    >
      {text}
    </p>
  );
}

export function OptionReviewList({ options }: { options: readonly RevealedOption[] }) {
  return (
    <ul className="space-y-2" aria-label="선택지별 해설">
      {options.map((option) => (
        <li
          key={option.key}
          data-option-result={option.correct ? "correct" : option.selected ? "chosen-wrong" : "wrong"}
          className={`rounded-xl border-2 px-3 py-3 ${
            option.correct
              ? "border-emerald-500 bg-emerald-50/60 dark:border-emerald-600 dark:bg-emerald-950/30"
              : option.selected
                ? "border-rose-400 bg-rose-50/60 dark:border-rose-700 dark:bg-rose-950/30"
                : "border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900"
          }`}
        >
          <p className="flex items-start gap-2">
            <span className="font-bold">{option.key}.</span>
            <span className="min-w-0 flex-1">
              <RichText text={option.text} />
            </span>
            <span className="shrink-0 text-sm font-semibold">
              {option.correct ? <span className="text-emerald-700 dark:text-emerald-300">정답</span> : <span className="text-slate-500 dark:text-slate-400">오답</span>}
              {option.selected ? <span className="ml-1 text-slate-600 dark:text-slate-300">· 내 선택</span> : null}
            </span>
          </p>
          {option.explanation ? <p className="mt-1.5 pl-6 text-sm leading-relaxed text-slate-700 dark:text-slate-300">{stripVerdict(option.explanation)}</p> : null}
        </li>
      ))}
    </ul>
  );
}

export function GeneralExplanation({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="rounded-xl bg-slate-100 px-4 py-3 text-sm leading-relaxed dark:bg-slate-800/70">
      <p className="font-semibold">해설</p>
      <p className="mt-1 whitespace-pre-line">{text}</p>
    </div>
  );
}

export function SourceLinks({ sources, label = "노트에서 다시 보기" }: { sources: readonly { href: string; label: string }[]; label?: string }) {
  if (sources.length === 0) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <span className="text-slate-600 dark:text-slate-400">{label}:</span>
      {sources.map((source) => (
        // A plain <a>: note links carry a #L<line> hash that client navigation would not :target.
        <a
          key={`${source.href} ${source.label}`}
          href={source.href}
          className="inline-flex min-h-9 items-center rounded-lg border border-sky-300 px-3 font-medium text-sky-800 hover:bg-sky-50 dark:border-sky-800 dark:text-sky-300 dark:hover:bg-sky-950/40"
        >
          {source.label} →
        </a>
      ))}
    </nav>
  );
}
