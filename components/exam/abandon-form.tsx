"use client";
// Abandon an in-progress exam, after a second press: the answers so far are kept but the attempt
// is never scored.
import { useActionState, useState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { IDLE_EXAM_FORM, type AbandonExamFormState } from "./form-state";

type Action = (previous: AbandonExamFormState, formData: FormData) => Promise<AbandonExamFormState>;

export function AbandonExamForm({ attemptId, title, action }: { attemptId: string; title: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE_EXAM_FORM);
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} className={`${buttonClasses("secondary")} min-h-11`} aria-label={`${title} 포기`}>
        포기
      </button>
    );
  }
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={`${title} 포기 확인`}>
      <input type="hidden" name="attemptId" value={attemptId} />
      <span role="alert" className="text-sm text-rose-800 dark:text-rose-200">
        포기하면 채점하지 않고 이어서 풀 수도 없습니다.
      </span>
      <button type="submit" disabled={pending} className="inline-flex min-h-11 items-center rounded-lg bg-rose-700 px-4 text-sm font-semibold text-white hover:bg-rose-800 dark:bg-rose-600 dark:hover:bg-rose-500">
        {pending ? "포기하는 중…" : "포기하기"}
      </button>
      <button type="button" onClick={() => setConfirming(false)} disabled={pending} className={`${buttonClasses("secondary")} min-h-11`} autoFocus>
        취소
      </button>
      {state.status === "error" ? <p className="w-full text-sm font-medium text-rose-700 dark:text-rose-300">{state.message}</p> : null}
    </form>
  );
}
