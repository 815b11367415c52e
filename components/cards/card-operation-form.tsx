"use client";
// The card browser's action bar: the selected rows' checkboxes belong to this form (their
// `form` attribute), so the table itself stays server-rendered. After an operation the bar
// offers 되돌리기 with the operation's undo token.
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { IDLE_OPERATION_STATE, type CardOperationState } from "./form-state";

type Action = (previous: CardOperationState, formData: FormData) => Promise<CardOperationState>;

export const CARD_FORM_ID = "card-operation";

const OPTIONS: [string, string][] = [
  ["suspend", "일시 중지"],
  ["unsuspend", "일시 중지 풀기"],
  ["bury", "오늘은 숨기기 (내일 다시 나옴)"],
  ["unbury", "숨기기 풀기"],
  ["reschedule", "오늘 복습으로 당기기"],
  ["reset", "새 카드로 되돌리기"],
  ["flag-1", "깃발: 빨강"],
  ["flag-2", "깃발: 주황"],
  ["flag-3", "깃발: 초록"],
  ["flag-4", "깃발: 파랑"],
  ["flag-0", "깃발 없애기"],
];

export function CardOperationForm({ apply, undo }: { apply: Action; undo: Action }) {
  // One state for both forms: the latest result speaks, and an undo spends the token.
  const [latest, dispatch, pending] = useActionState((previous: CardOperationState, formData: FormData) => (formData.get("intent") === "undo" ? undo(previous, formData) : apply(previous, formData)), IDLE_OPERATION_STATE);
  const token = latest.undoToken;
  const applying = pending;
  const undoing = pending;
  return (
    <div className="flex flex-wrap items-center gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <form id={CARD_FORM_ID} action={dispatch} className="flex flex-wrap items-center gap-2">
        <label htmlFor="card-operation-select" className="text-sm font-semibold text-slate-800 dark:text-slate-200">
          고른 카드를
        </label>
        <select id="card-operation-select" name="operation" defaultValue="suspend" className="min-h-11 rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900">
          {OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <button type="submit" disabled={applying} className={`${buttonClasses("primary")} min-h-11`}>
          {applying ? "적용하는 중…" : "적용"}
        </button>
      </form>
      {token ? (
        <form action={dispatch}>
          <input type="hidden" name="intent" value="undo" />
          <input type="hidden" name="undoToken" value={token} />
          <button type="submit" disabled={undoing} className={`${buttonClasses("secondary")} min-h-11`}>
            {undoing ? "되돌리는 중…" : "되돌리기"}
          </button>
        </form>
      ) : null}
      <p role={latest.status === "error" ? "alert" : "status"} className={`text-sm ${latest.status === "error" ? "text-rose-700 dark:text-rose-300" : "text-emerald-700 dark:text-emerald-300"}`}>
        {latest.message}
      </p>
    </div>
  );
}

/** Checks or clears every row checkbox of the page. */
export function SelectAllOnPage() {
  return (
    <input
      type="checkbox"
      aria-label="이 쪽의 카드 모두 고르기"
      className="h-5 w-5 accent-sky-700"
      onChange={(event) => {
        for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${CARD_FORM_ID}"]`)) box.checked = event.target.checked;
      }}
    />
  );
}
