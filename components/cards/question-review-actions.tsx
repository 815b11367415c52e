"use client";
// A question page's two review buttons: 지금 풀기 opens a cram of this one card (nothing is
// scheduled), 복습에 추가 makes sure the card is in the review queue (server action).
import Link from "next/link";
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { IDLE_OPERATION_STATE, type CardOperationState } from "./form-state";

type Action = (previous: CardOperationState, formData: FormData) => Promise<CardOperationState>;

export function QuestionReviewActions({ questionId, practiceHref, action }: { questionId: string; practiceHref: string; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE_OPERATION_STATE);
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Link href={practiceHref} className={`${buttonClasses("primary")} min-h-11`}>
        지금 풀기
      </Link>
      <form action={formAction}>
        <input type="hidden" name="questionId" value={questionId} />
        <button type="submit" disabled={pending} className={`${buttonClasses("secondary")} min-h-11`}>
          {pending ? "넣는 중…" : "복습에 추가"}
        </button>
      </form>
      <p role={state.status === "error" ? "alert" : "status"} className={`text-sm ${state.status === "error" ? "text-rose-700 dark:text-rose-300" : "text-emerald-700 dark:text-emerald-300"}`}>
        {state.message}
      </p>
    </div>
  );
}
