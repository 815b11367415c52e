"use client";

import Link from "next/link";
import { useActionState } from "react";
import { IDLE, type ReportFormState } from "./form-state";

const control =
  "w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm dark:bg-slate-950 dark:text-slate-100";
const okBorder = "border-slate-300 dark:border-slate-700";
const badBorder = "border-rose-500 dark:border-rose-500";

export function ReportForm({
  action,
  questionId,
  reasons,
  detailMax,
}: {
  action: (state: ReportFormState, formData: FormData) => Promise<ReportFormState>;
  questionId: string;
  reasons: { value: string; label: string }[];
  detailMax: number;
}) {
  const [state, formAction, pending] = useActionState(action, IDLE);
  const errors = state.fieldErrors ?? {};
  return (
    // A new key after each answer from the server re-mounts the fields with what the learner
    // typed (refused) or empty (accepted); React resets uncontrolled forms after an action.
    <form key={`${state.status}-${state.values?.reason ?? ""}-${state.values?.detail ?? ""}`} action={formAction} noValidate className="space-y-3">
      <input type="hidden" name="questionId" value={questionId} />
      <div>
        <label htmlFor="report-reason" className="mb-1 block text-sm font-medium">
          사유 <span className="text-rose-700 dark:text-rose-400">*</span>
        </label>
        <select
          id="report-reason"
          name="reason"
          defaultValue={state.values?.reason ?? ""}
          aria-invalid={errors.reason ? true : undefined}
          aria-describedby={errors.reason ? "report-reason-error" : undefined}
          className={`${control} ${errors.reason ? badBorder : okBorder}`}
        >
          <option value="">사유를 고르세요</option>
          {reasons.map((reason) => (
            <option key={reason.value} value={reason.value}>
              {reason.label}
            </option>
          ))}
        </select>
        {errors.reason && (
          <p id="report-reason-error" className="mt-1 text-sm text-rose-700 dark:text-rose-400">
            {errors.reason}
          </p>
        )}
      </div>
      <div>
        <label htmlFor="report-detail" className="mb-1 block text-sm font-medium">
          자세한 내용 <span className="text-xs font-normal text-slate-500 dark:text-slate-400">(선택, &lsquo;기타&rsquo;는 필수)</span>
        </label>
        <textarea
          id="report-detail"
          name="detail"
          rows={3}
          maxLength={detailMax}
          defaultValue={state.values?.detail ?? ""}
          placeholder="예: B도 정답입니다. AWS 문서(2026-11)는 1MB라고 합니다."
          aria-invalid={errors.detail ? true : undefined}
          aria-describedby={errors.detail ? "report-detail-error" : undefined}
          className={`${control} ${errors.detail ? badBorder : okBorder}`}
        />
        {errors.detail && (
          <p id="report-detail-error" className="mt-1 text-sm text-rose-700 dark:text-rose-400">
            {errors.detail}
          </p>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded-md bg-slate-800 px-4 py-2 text-sm font-semibold text-white hover:bg-slate-700 disabled:opacity-60 dark:bg-slate-200 dark:text-slate-900 dark:hover:bg-white"
        >
          {pending ? "보내는 중…" : "신고하기"}
        </button>
        <Link href="/questions/reports" className="text-sm text-slate-600 hover:underline dark:text-slate-400">
          신고 목록
        </Link>
      </div>
      <div aria-live="polite">
        {state.status === "success" && (
          <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-500/10 dark:text-emerald-200">
            {state.message}{" "}
            <Link href="/questions/reports" className="font-semibold underline underline-offset-2">
              신고 목록 보기
            </Link>
          </p>
        )}
        {state.status === "error" && state.message && (
          <p role="alert" className="rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-500/10 dark:text-rose-200">
            {state.message}
          </p>
        )}
      </div>
    </form>
  );
}
