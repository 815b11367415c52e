"use client";
// "틀린 문제 다시 풀기": a practice-mode custom exam of exactly the questions answered wrong
// (or left unanswered), in their order, without a time limit. Success redirects to it.
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { IDLE_EXAM_FORM, type StartExamFormState } from "./form-state";

type Action = (previous: StartExamFormState, formData: FormData) => Promise<StartExamFormState>;

export function RetryWrongForm({ questionIds, action }: { questionIds: readonly string[]; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE_EXAM_FORM);
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="mode" value="custom" />
      <input type="hidden" name="feedback" value="practice" />
      <input type="hidden" name="questionIds" value={questionIds.join(",")} />
      <input type="hidden" name="questionCount" value={questionIds.length} />
      <input type="hidden" name="timeLimitMinutes" value="" />
      <input type="hidden" name="noTimeLimit" value="on" />
      {/* the questions were in this exam, so the choice of banks was already made */}
      <input type="hidden" name="includeImported" value="on" />
      <button type="submit" disabled={pending || questionIds.length === 0} className={`${buttonClasses("primary")} min-h-12 text-base`}>
        {pending ? "준비하는 중…" : `틀린 문제 다시 풀기 (${questionIds.length}문제)`}
      </button>
      <span className="text-sm text-slate-600 dark:text-slate-400">연습 모드 · 시간 제한 없음 · 문제마다 정답과 해설</span>
      <p role="alert" className="w-full text-sm font-medium text-rose-700 empty:hidden dark:text-rose-300">
        {state.status === "error" ? state.message : ""}
      </p>
    </form>
  );
}
