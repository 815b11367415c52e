"use client";

import { useActionState } from "react";
import { IDLE, type ResolveFormState } from "./form-state";

export function ResolveReportForm({
  action,
  reportId,
  resolutionMax,
}: {
  action: (state: ResolveFormState, formData: FormData) => Promise<ResolveFormState>;
  reportId: string;
  resolutionMax: number;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const fieldId = `resolution-${reportId}`;
  return (
    <form action={formAction} className="mt-3 flex flex-col gap-2 sm:flex-row sm:items-end">
      <input type="hidden" name="reportId" value={reportId} />
      <div className="flex-1">
        <label htmlFor={fieldId} className="mb-1 block text-xs font-semibold text-slate-600 dark:text-slate-400">
          처리 내용 (선택)
        </label>
        <input
          id={fieldId}
          name="resolution"
          maxLength={resolutionMax}
          placeholder="예: 은행에서 해설을 고쳤습니다."
          className="w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-950"
        />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-emerald-700 px-4 py-2 text-sm font-semibold text-white hover:bg-emerald-800 disabled:opacity-60 dark:bg-emerald-700 dark:hover:bg-emerald-800"
      >
        {pending ? "처리 중…" : "해결됨으로 표시"}
      </button>
      {state.status === "error" && (
        <p role="alert" className="text-sm text-rose-700 sm:basis-full dark:text-rose-400">
          {state.message}
        </p>
      )}
    </form>
  );
}
