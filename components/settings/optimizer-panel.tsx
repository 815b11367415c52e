"use client";
// Personal FSRS parameters: trained from the learner's own review logs once there are enough.
// Log loss (lower is better) measures how well each parameter set predicts the learner's recalls.
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import type { OptimizeState } from "./form-state";

type Action = (previous: OptimizeState) => Promise<OptimizeState>;

export interface OptimizerSummary {
  reviewCount: number;
  minReviews: number;
  usingPersonalParameters: boolean;
  logLossBefore: number | null;
  logLossAfter: number | null;
  optimizedAt: string | null;
}

const loss = (value: number) => value.toFixed(4);

export function OptimizerPanel({ summary, action }: { summary: OptimizerSummary; action: Action }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", result: null, message: null });
  const enough = summary.reviewCount >= summary.minReviews;
  const result = state.result;
  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-700 dark:text-slate-300">
        복습 기록 <strong className="tabular-nums">{summary.reviewCount.toLocaleString("ko-KR")}</strong>개 / 필요 {summary.minReviews.toLocaleString("ko-KR")}개 ·{" "}
        {summary.usingPersonalParameters ? "지금 개인 매개변수로 일정을 잡고 있습니다." : "지금은 FSRS 기본 매개변수를 씁니다."}
      </p>
      {summary.logLossBefore != null && summary.logLossAfter != null && !result ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">
          마지막 최적화{summary.optimizedAt ? ` (${summary.optimizedAt})` : ""}: 로그 손실 {loss(summary.logLossBefore)} → {loss(summary.logLossAfter)}
          {summary.logLossAfter < summary.logLossBefore ? " (개선되어 적용)" : " (개선되지 않아 기존 값 유지)"}
        </p>
      ) : null}
      <form action={formAction} className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={!enough || pending} className={`${buttonClasses("secondary")} min-h-11`}>
          {pending ? "최적화하는 중…" : "내 기록으로 최적화"}
        </button>
        {!enough ? <span className="text-sm text-slate-500 dark:text-slate-400">기록이 {(summary.minReviews - summary.reviewCount).toLocaleString("ko-KR")}개 더 쌓이면 쓸 수 있습니다.</span> : null}
      </form>
      <div aria-live="polite">
        {result ? (
          <p className="rounded-lg bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:bg-emerald-950/40 dark:text-emerald-200">
            복습 {result.reviewCount.toLocaleString("ko-KR")}개({result.itemCount.toLocaleString("ko-KR")}개 예측)로 학습: 로그 손실 {loss(result.logLossBefore)} → {loss(result.logLossAfter)}.{" "}
            {result.applied ? "새 매개변수를 적용했습니다." : "더 나아지지 않아 기존 매개변수를 유지합니다."} ({(result.elapsedMs / 1000).toFixed(1)}초)
          </p>
        ) : null}
        {state.status === "error" && state.message ? (
          <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/40 dark:text-rose-200">
            {state.message}
          </p>
        ) : null}
      </div>
    </div>
  );
}
