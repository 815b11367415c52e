"use client";
// Again / Hard / Good / Easy with the interval each would give (Anki's answer buttons). The
// proposed rating is marked; 1–4 on the keyboard, Enter or Space accepts the proposal.
import { RATING_LABELS, RATING_VALUES, type RatingValue } from "@/lib/core/srs/types";

const TONES: Record<RatingValue, string> = {
  1: "border-rose-300 text-rose-800 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-200 dark:hover:bg-rose-950/40",
  2: "border-amber-300 text-amber-900 hover:bg-amber-50 dark:border-amber-800 dark:text-amber-200 dark:hover:bg-amber-950/40",
  3: "border-emerald-300 text-emerald-800 hover:bg-emerald-50 dark:border-emerald-800 dark:text-emerald-200 dark:hover:bg-emerald-950/40",
  4: "border-sky-300 text-sky-800 hover:bg-sky-50 dark:border-sky-800 dark:text-sky-200 dark:hover:bg-sky-950/40",
};

const PROPOSED: Record<RatingValue, string> = {
  1: "bg-rose-50 ring-2 ring-rose-500 dark:bg-rose-950/50",
  2: "bg-amber-50 ring-2 ring-amber-500 dark:bg-amber-950/50",
  3: "bg-emerald-50 ring-2 ring-emerald-500 dark:bg-emerald-950/50",
  4: "bg-sky-50 ring-2 ring-sky-500 dark:bg-sky-950/50",
};

export function RatingBar({
  intervals,
  proposed,
  disabled,
  onRate,
  hint,
}: {
  intervals: Record<RatingValue, string> | null;
  proposed: RatingValue;
  disabled: boolean;
  onRate: (rating: RatingValue) => void;
  hint?: string;
}) {
  return (
    <div role="group" aria-labelledby="rating-title" className="space-y-2">
      <p id="rating-title" className="text-sm font-semibold text-slate-700 dark:text-slate-300">
        얼마나 잘 기억했나요? <span className="font-normal text-slate-500 dark:text-slate-400">{hint ?? "추천 평가가 표시되어 있습니다. 바꾸려면 다른 버튼을 누르세요."}</span>
      </p>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
        {RATING_VALUES.map((rating) => (
          <button
            key={rating}
            type="button"
            data-rating={rating}
            disabled={disabled}
            onClick={() => onRate(rating)}
            aria-keyshortcuts={String(rating)}
            aria-describedby={rating === proposed ? "rating-proposed" : undefined}
            className={`flex min-h-16 flex-col items-center justify-center rounded-xl border-2 bg-white px-2 py-2 font-semibold transition-colors disabled:opacity-60 dark:bg-slate-900 ${TONES[rating]} ${rating === proposed ? PROPOSED[rating] : ""}`}
          >
            <span className="flex items-center gap-1.5 text-base">
              <kbd className="rounded border border-current/30 px-1.5 font-mono text-xs opacity-70">{rating}</kbd>
              {RATING_LABELS[rating]}
            </span>
            <span className="mt-0.5 text-sm font-normal tabular-nums opacity-90">{intervals ? intervals[rating] : "—"}</span>
            {rating === proposed ? (
              <span id="rating-proposed" className="text-[11px] font-medium opacity-80">
                추천
              </span>
            ) : null}
          </button>
        ))}
      </div>
    </div>
  );
}
