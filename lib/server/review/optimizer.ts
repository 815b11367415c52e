// Personal FSRS parameters from the learner's own logs (@open-spaced-repetition/binding, the
// fsrs-rs optimiser as a native module). It is loaded only when the learner asks, so a machine
// where the native module is missing still serves every other page.
import "server-only";
import { ValidationError } from "@/lib/core/errors";
import type { Db } from "@/lib/server/db";
import { buildTrainingHistories, type TrainingReview } from "@/lib/core/srs/optimizer-data";
import { createScheduler } from "@/lib/core/srs/scheduler";
import type { RatingValue } from "@/lib/core/srs/types";
import { countReviewLogs, fetchOptimizerLogs, readSettings, writeOptimizedParameters } from "@/lib/server/cards";

export interface OptimizeResult {
  reviewCount: number;
  /** training histories (one per long-term review) */
  itemCount: number;
  logLossBefore: number;
  logLossAfter: number;
  /** false when the optimised weights predicted no better than the current ones (kept those) */
  applied: boolean;
  parameters: number[];
  elapsedMs: number;
}

type Binding = typeof import("@open-spaced-repetition/binding");

async function loadBinding(): Promise<Binding> {
  try {
    return await import("@open-spaced-repetition/binding");
  } catch (error) {
    throw new ValidationError(`FSRS 최적화 모듈(@open-spaced-repetition/binding)을 불러올 수 없습니다: ${(error as Error).message}`, "optimizer_unavailable");
  }
}

export async function optimizeParameters(db: Db, request: { learnerId: string; now: Date }): Promise<OptimizeResult> {
  const started = performance.now();
  const settings = await readSettings(db, request.learnerId);
  const reviewCount = await countReviewLogs(db, request.learnerId);
  if (reviewCount < settings.optimizeMinReviews) {
    throw new ValidationError(`복습 기록이 ${reviewCount}개입니다. 최적화하려면 ${settings.optimizeMinReviews}개 이상 필요합니다.`, "not_enough_reviews");
  }
  const logs = await fetchOptimizerLogs(db, request.learnerId);
  const histories = buildTrainingHistories(
    logs.map((log) => ({ cardId: log.cardId, rating: log.rating as RatingValue, review: log.review })),
    settings.timeZone,
    settings.dayStartHour,
  );
  if (histories.length === 0) throw new ValidationError("며칠에 걸친 복습 기록이 아직 없어 최적화할 수 없습니다.", "not_enough_reviews");

  const binding = await loadBinding();
  const toItem = (history: TrainingReview[]) => new binding.FSRSBindingItem(history.map((review) => new binding.FSRSBindingReview(review.rating, review.deltaT)));
  const items = histories.map(toItem);
  const current = [...createScheduler(settings).parameters];
  const logLossBefore = new binding.FSRSBinding(current).evaluate(items).logLoss;
  // `timeout` is how often the binding polls its training thread (ms): a wall-time floor, not a
  // limit (RECIPES.md), so keep it short.
  const trained = await binding.computeParameters(items, { enableShortTerm: true, numRelearningSteps: 1, timeout: 20 });
  const logLossAfter = new binding.FSRSBinding(trained).evaluate(items).logLoss;
  // Like Anki, keep the current weights when the new ones do not predict this history better;
  // both losses are stored either way, so the settings page can say which happened.
  const applied = logLossAfter < logLossBefore;
  await writeOptimizedParameters(db, request.learnerId, {
    parameters: applied ? trained : null,
    logLossBefore,
    logLossAfter,
    optimizedAt: request.now,
  });
  return {
    reviewCount,
    itemCount: items.length,
    logLossBefore,
    logLossAfter,
    applied,
    parameters: applied ? trained : current,
    elapsedMs: Math.round(performance.now() - started),
  };
}
