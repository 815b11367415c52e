// Review-log storage: every answer, from review or from an exam, is one ReviewLog row.
import "server-only";
import { randomBytes } from "node:crypto";
import type { Db, Tx } from "@/lib/server/db";
import { primaryTopic } from "@/lib/core/srs/queue";

type AnyDb = Db | Tx;

/** Time-ordered ids so "the latest log" has a stable tie-break within one millisecond. */
export function newReviewLogId(now: Date): string {
  return `${now.getTime().toString(36).padStart(9, "0")}${randomBytes(5).toString("hex")}`;
}

export interface ReviewLogWrite {
  id: string;
  learnerId: string;
  cardId: string;
  rating: number;
  state: number;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
  durationMs: number | null;
  correct: boolean | null;
  answer: string | null;
  previousCard: string;
  cardVersion: number;
  /** "review" or "exam" (ReviewLog.origin) */
  origin: AnswerOrigin;
  examAttemptId: string | null;
}

/** "browser": a manual schedule change in the card browser (rating 0, undoable). */
export type AnswerOrigin = "review" | "exam" | "browser";

export async function insertReviewLog(tx: Tx, log: ReviewLogWrite): Promise<void> {
  await tx.reviewLog.create({ data: log });
}

export function findReviewLog(db: AnyDb, logId: string) {
  return db.reviewLog.findUnique({ where: { id: logId } });
}

export async function deleteReviewLog(tx: Tx, logId: string): Promise<void> {
  await tx.reviewLog.delete({ where: { id: logId } });
}

/**
 * The learner's latest answer since `since`: what U undoes after a reload, and the topic the
 * next card should not repeat (so a reload continues the interleaving where it was).
 */
export async function findLatestLog(db: AnyDb, learnerId: string, since: Date): Promise<{ id: string; topic: string | null } | null> {
  const row = await db.reviewLog.findFirst({
    // The review screen's U undoes answers; the card browser undoes its own manual changes.
    where: { learnerId, review: { gte: since }, origin: { not: "browser" } },
    orderBy: [{ review: "desc" }, { id: "desc" }],
    select: { id: true, card: { select: { question: { select: { topics: { select: { topicKey: true } } } } } } },
  });
  return row ? { id: row.id, topic: primaryTopic(row.card.question.topics.map((topic) => topic.topicKey)) } : null;
}

export function countReviewLogs(db: AnyDb, learnerId: string): Promise<number> {
  return db.reviewLog.count({ where: { learnerId } });
}

export function fetchOptimizerLogs(db: AnyDb, learnerId: string) {
  // Manual browser changes (rating 0) are not recall data.
  return db.reviewLog.findMany({ where: { learnerId, rating: { gte: 1 } }, select: { cardId: true, rating: true, review: true } });
}
