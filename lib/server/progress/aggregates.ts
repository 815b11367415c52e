// Derived progress rows, kept in the database so any app server reads the same state (no
// per-process caches): ReviewHourTally and AnswerDayTally sum ReviewLog, and Card carries its
// question's domain and topic. Every ReviewLog write adds or retracts its tallies in the same
// transaction (tallyLogs); anything that changes what a log is attributed to — a question sync
// or import changing topics or domains, deleting questions with their cards and logs — changes
// the bank fingerprint, and the next progress read rebuilds the learner's rows from ReviewLog
// in one transaction (ensureProgressAggregates). The tally SQL is the same for both paths.
import "server-only";
import { Prisma } from "@/generated/prisma-sqlite/client";
import { providerOfDb, withTransaction, type Db, type Tx } from "@/lib/server/db";
import type { DatabaseProvider } from "@/lib/server/env";

type AnyDb = Db | Tx;

function keyOf(column: Prisma.Sql, provider: DatabaseProvider, length: 10 | 13): Prisma.Sql {
  if (provider === "postgresql") return length === 13 ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24')` : Prisma.sql`to_char(${column}, 'YYYY-MM-DD')`;
  return Prisma.sql`substr(${column}, 1, ${Prisma.raw(String(length))})`;
}

/** "YYYY-MM-DDTHH" (UTC) of a DateTime column. */
export function hourKeySql(column: Prisma.Sql, provider: DatabaseProvider): Prisma.Sql {
  return keyOf(column, provider, 13);
}

/** "YYYY-MM-DD" (UTC) of a DateTime column. */
export function dayKeySql(column: Prisma.Sql, provider: DatabaseProvider): Prisma.Sql {
  return keyOf(column, provider, 10);
}

// A self-rated answer (flashcard, cloze) has no server grade: "다시" counts as wrong, any other rating as right.
export const ANSWER_CORRECT = Prisma.sql`CASE WHEN COALESCE(l."correct", l."rating" > 1) THEN 1 ELSE 0 END`;

/**
 * Adds (sign 1) or retracts (sign −1) the logs matching `where` (a condition on l) to the
 * tallies. Retracting runs before the logs are deleted; rows that fall to zero are removed.
 */
export async function tallyLogs(tx: AnyDb, learnerId: string, where: Prisma.Sql, sign: 1 | -1): Promise<void> {
  const provider = providerOfDb(tx);
  const s = Prisma.raw(String(sign));
  await tx.$executeRaw`
    INSERT INTO "ReviewHourTally" ("learnerId", "hour", "answers", "matureAnswers", "maturePassed", "durationMs")
    SELECT l."learnerId", ${hourKeySql(Prisma.sql`l."review"`, provider)}, ${s} * COUNT(*),
      ${s} * SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' THEN 1 ELSE 0 END),
      ${s} * SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' AND l."rating" > 1 THEN 1 ELSE 0 END),
      ${s} * SUM(COALESCE(l."durationMs", 0))
    FROM "ReviewLog" l WHERE l."learnerId" = ${learnerId} AND ${where}
    GROUP BY 1, 2
    ON CONFLICT ("learnerId", "hour") DO UPDATE SET
      "answers" = "ReviewHourTally"."answers" + excluded."answers",
      "matureAnswers" = "ReviewHourTally"."matureAnswers" + excluded."matureAnswers",
      "maturePassed" = "ReviewHourTally"."maturePassed" + excluded."maturePassed",
      "durationMs" = "ReviewHourTally"."durationMs" + excluded."durationMs"`;
  const day = dayKeySql(Prisma.sql`l."review"`, provider);
  const upsert = Prisma.sql`ON CONFLICT ("learnerId", "scope", "day", "key", "origin") DO UPDATE SET
      "answers" = "AnswerDayTally"."answers" + excluded."answers",
      "correct" = "AnswerDayTally"."correct" + excluded."correct"`;
  await tx.$executeRaw`
    INSERT INTO "AnswerDayTally" ("learnerId", "scope", "day", "key", "origin", "answers", "correct")
    SELECT l."learnerId", 'topic', ${day}, qt."topicKey", l."origin", ${s} * COUNT(*), ${s} * SUM(${ANSWER_CORRECT})
    FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" JOIN "QuestionTopic" qt ON qt."questionId" = c."questionId"
    WHERE l."learnerId" = ${learnerId} AND ${where}
    GROUP BY 1, 2, 3, 4, 5
    ${upsert}`;
  await tx.$executeRaw`
    INSERT INTO "AnswerDayTally" ("learnerId", "scope", "day", "key", "origin", "answers", "correct")
    SELECT l."learnerId", 'domain', ${day}, q."domain", l."origin", ${s} * COUNT(*), ${s} * SUM(${ANSWER_CORRECT})
    FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" JOIN "Question" q ON q."id" = c."questionId"
    WHERE l."learnerId" = ${learnerId} AND ${where}
    GROUP BY 1, 2, 3, 4, 5
    ${upsert}`;
  if (sign < 0) {
    await tx.$executeRaw`DELETE FROM "ReviewHourTally" WHERE "learnerId" = ${learnerId} AND "answers" = 0`;
    await tx.$executeRaw`DELETE FROM "AnswerDayTally" WHERE "learnerId" = ${learnerId} AND "answers" = 0`;
  }
}

/** Tallies one log just inserted (recordAnswer, the card browser). */
export function tallyInsertedLog(tx: Tx, learnerId: string, logId: string): Promise<void> {
  return tallyLogs(tx, learnerId, Prisma.sql`l."id" = ${logId}`, 1);
}

/** Retracts one log about to be deleted (undo, the card browser's undo). */
export function retractLogBeforeDelete(tx: Tx, learnerId: string, logId: string): Promise<void> {
  return tallyLogs(tx, learnerId, Prisma.sql`l."id" = ${logId}`, -1);
}

/** Copies each question's domain, only topic, topic count and archive mark onto the learner's cards. */
export async function refreshCardQuestionColumns(tx: AnyDb, learnerId: string): Promise<void> {
  await tx.$executeRaw`
    UPDATE "Card" SET
      "domain" = COALESCE((SELECT q."domain" FROM "Question" q WHERE q."id" = "Card"."questionId"), ''),
      "archived" = COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = "Card"."questionId"), false),
      "topicCount" = (SELECT COUNT(*) FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId"),
      "topicKey" = (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(qt."topicKey") END FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId")
    WHERE "learnerId" = ${learnerId}`;
}

/**
 * What the derived rows depend on besides ReviewLog: question count, latest question update
 * (every question write through Prisma bumps updatedAt), topic links, the learner's cards.
 * Read before a rebuild's writes, so a change racing the rebuild leaves a stale stamp (another
 * rebuild), never a fresh stamp over stale rows. The migration writes the same expression.
 */
async function bankFingerprint(db: AnyDb, learnerId: string): Promise<string> {
  const [row] = await db.$queryRaw<{ fingerprint: string }[]>`
    SELECT CAST((SELECT COUNT(*) FROM "Question") AS TEXT) || '|' || COALESCE(CAST((SELECT MAX("updatedAt") FROM "Question") AS TEXT), '') || '|' ||
      CAST((SELECT COUNT(*) FROM "QuestionTopic") AS TEXT) || '|' || CAST((SELECT COUNT(*) FROM "Card" c WHERE c."learnerId" = ${learnerId}) AS TEXT) AS "fingerprint"`;
  return String(row?.fingerprint ?? "");
}

/** Rebuilds the learner's derived rows from ReviewLog, Card and Question (inside `tx`). */
export async function rebuildProgressAggregates(tx: Tx, learnerId: string, now: Date): Promise<void> {
  const fingerprint = await bankFingerprint(tx, learnerId);
  await refreshCardQuestionColumns(tx, learnerId);
  await tx.$executeRaw`DELETE FROM "ReviewHourTally" WHERE "learnerId" = ${learnerId}`;
  await tx.$executeRaw`DELETE FROM "AnswerDayTally" WHERE "learnerId" = ${learnerId}`;
  await tallyLogs(tx, learnerId, Prisma.sql`1 = 1`, 1);
  await tx.progressStamp.upsert({ where: { learnerId }, create: { learnerId, fingerprint, rebuiltAt: now }, update: { fingerprint, rebuiltAt: now } });
}

/** Before a progress read: rebuild when the bank changed since the last rebuild (a few ms otherwise). */
export async function ensureProgressAggregates(db: Db, learnerId: string, now: Date): Promise<void> {
  const [fingerprint, stamp] = await Promise.all([bankFingerprint(db, learnerId), db.progressStamp.findUnique({ where: { learnerId }, select: { fingerprint: true } })]);
  if (stamp?.fingerprint === fingerprint) return;
  await withTransaction(db, (tx) => rebuildProgressAggregates(tx, learnerId, now));
}
