// The only versioned card write. Review answers and exam answers both come through
// `recordAnswer`: inside the caller's transaction it applies the rating with the learner's
// scheduler, writes the card only if it is still at the version the caller read (Anki's "card
// was modified" check) and stores the review log with the snapshot undo restores.
import "server-only";
import { ConflictError } from "@/lib/core/errors";
import { applyAnswer, progressOf, snapshotCard } from "@/lib/core/srs/answer";
import type { ReviewScheduler } from "@/lib/core/srs/scheduler";
import type { CardProgress, CardRecord, RatingValue } from "@/lib/core/srs/types";
import type { Tx } from "@/lib/server/db";
import { insertReviewLog, newReviewLogId, type AnswerOrigin } from "./review-logs";

export const STALE_CARD_MESSAGE = "이 카드는 이미 답이 기록되었습니다 (중복 제출이거나 다른 탭에서 답했습니다). 화면을 새로 고쳐 이어서 복습하세요.";

export interface RecordAnswerInput {
  /** the card as read inside this transaction */
  card: CardRecord;
  rating: RatingValue;
  now: Date;
  origin: AnswerOrigin;
  /** the learner's scheduler and leech threshold (from their settings) */
  scheduler: ReviewScheduler;
  leechThreshold: number;
  /** the version the learner was shown (review); defaults to the card's own version (exams) */
  expectedVersion?: number;
  durationMs?: number | null;
  /** the server's grade of a choice answer; null for self-rated cards */
  grade?: { correct: boolean; selectedKeys: readonly string[] } | null;
  examAttemptId?: string | null;
  /** Korean message of the ConflictError thrown when the card moved on */
  staleMessage?: string;
}

export interface RecordedAnswer {
  logId: string;
  version: number;
  progress: CardProgress;
  becameLeech: boolean;
}

export async function recordAnswer(tx: Tx, input: RecordAnswerInput): Promise<RecordedAnswer> {
  const { card, now } = input;
  const expectedVersion = input.expectedVersion ?? card.version;
  const stale = () => new ConflictError(input.staleMessage ?? STALE_CARD_MESSAGE, "stale_answer");
  if (card.version !== expectedVersion) throw stale();
  const applied = applyAnswer({ card, rating: input.rating, now, scheduler: input.scheduler, leechThreshold: input.leechThreshold });
  const version = card.version + 1;
  if ((await updateCardIfVersion(tx, card.id, expectedVersion, applied.progress, version)) !== 1) throw stale();
  const logId = newReviewLogId(now);
  await insertReviewLog(tx, {
    id: logId,
    learnerId: card.learnerId,
    cardId: card.id,
    ...applied.log,
    durationMs: input.durationMs ?? null,
    correct: input.grade ? input.grade.correct : null,
    answer: input.grade ? JSON.stringify(input.grade.selectedKeys) : null,
    previousCard: snapshotCard(card),
    cardVersion: version,
    origin: input.origin,
    examAttemptId: input.examAttemptId ?? null,
  });
  return { logId, version, progress: applied.progress, becameLeech: applied.becameLeech };
}

/**
 * Undo's write: the card goes back to `progress` (a log's snapshot) only if it is still at
 * `fromVersion`; its version still increases so a tab showing the pre-undo card cannot answer
 * it twice. Returns false when the card moved on.
 */
export async function restoreCard(tx: Tx, input: { cardId: string; fromVersion: number; progress: CardProgress; toVersion: number }): Promise<boolean> {
  return (await updateCardIfVersion(tx, input.cardId, input.fromVersion, input.progress, input.toVersion)) === 1;
}

/** Writes the new progress only if the card is still at `expectedVersion`; returns rows changed. */
async function updateCardIfVersion(tx: Tx, cardId: string, expectedVersion: number, progress: CardProgress, newVersion: number): Promise<number> {
  const result = await tx.card.updateMany({
    where: { id: cardId, version: expectedVersion },
    data: { ...progressOf(progress), version: newVersion },
  });
  return result.count;
}
