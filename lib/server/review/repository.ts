// Storage for review: the only module with SQL and Prisma calls for cards, logs and settings.
// Queue candidates are read with raw SQL because the queue needs, per card, its primary topic
// and an order by retrievability; both are one cheap statement in SQL and would be many rows
// through the ORM (bench:review). The SQL is the same for SQLite and PostgreSQL except the
// date arithmetic in `epochDaysOf`.
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma-sqlite/client";
import type { Card as CardRow } from "@/generated/prisma-sqlite/client";
import type { Db, Tx } from "@/lib/server/db";
import type { DatabaseProvider } from "@/lib/server/env";
import { parseStoredParameters } from "@/lib/core/srs/settings";
import { primaryTopic, type QueueCandidate } from "@/lib/core/srs/queue";
import { CARD_STATES, DEFAULT_REVIEW_SETTINGS, type CardProgress, type CardRecord, type CardStateValue, type ReviewSettings } from "@/lib/core/srs/types";
import type { ReviewSettingsInput } from "@/lib/core/srs/settings";
import type { ReviewScope } from "@/lib/core/srs/views";

export type { ReviewScope };

export const NO_SCOPE: ReviewScope = { topic: null, domain: null };

type AnyDb = Db | Tx;

/**
 * Prisma clients carry their provider; raw SQL needs it for date arithmetic. Reading it from the
 * client (not DATABASE_URL) keeps tests that open several databases correct.
 */
export function providerOfDb(db: AnyDb): DatabaseProvider {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

/** Days since the Unix epoch of a DateTime column, fractional. */
function epochDaysOf(column: Prisma.Sql, provider: DatabaseProvider): Prisma.Sql {
  // SQLite stores Prisma DateTimes as ISO-8601 text, which julianday() parses; PostgreSQL stores
  // UTC in `timestamp(3)`, whose EXTRACT(EPOCH) is seconds since 1970 in UTC.
  return provider === "postgresql" ? Prisma.sql`(EXTRACT(EPOCH FROM ${column}) / 86400.0)` : Prisma.sql`(julianday(${column}) - 2440587.5)`;
}

function scopeFilter(scope: ReviewScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.topic) parts.push(Prisma.sql`AND EXISTS (SELECT 1 FROM "QuestionTopic" st WHERE st."questionId" = c."questionId" AND st."topicKey" = ${scope.topic})`);
  if (scope.domain) parts.push(Prisma.sql`AND q."domain" = ${scope.domain}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

const PRIMARY_TOPIC = Prisma.sql`(SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = c."questionId")`;

interface CandidateRow {
  cardId: string;
  questionId: string;
  topicKey: string | null;
  state: number | bigint;
  due: Date | string;
  stability: number;
  lastReview: Date | string | null;
}

function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

function candidateFromRow(row: CandidateRow): QueueCandidate {
  return {
    cardId: row.cardId,
    questionId: row.questionId,
    topicKey: row.topicKey,
    state: Number(row.state) as CardStateValue,
    due: toDate(row.due),
    stability: Number(row.stability),
    lastReview: row.lastReview == null ? null : toDate(row.lastReview),
  };
}

// ---------------------------------------------------------------- settings

export async function readSettings(db: AnyDb, learnerId: string): Promise<ReviewSettings> {
  const row =
    (await db.learnerSettings.findUnique({ where: { learnerId } })) ??
    (await db.learnerSettings.upsert({ where: { learnerId }, create: { learnerId }, update: {} }));
  return {
    desiredRetention: row.desiredRetention,
    dailyNewLimit: row.dailyNewLimit,
    maximumIntervalDays: row.maximumIntervalDays,
    dayStartHour: row.dayStartHour,
    timeZone: row.timeZone || DEFAULT_REVIEW_SETTINGS.timeZone,
    leechThreshold: row.leechThreshold,
    optimizeMinReviews: row.optimizeMinReviews,
    fsrsParameters: parseStoredParameters(row.fsrsParameters),
  };
}

export interface OptimizerRecord {
  fsrsLogLossBefore: number | null;
  fsrsLogLossAfter: number | null;
  fsrsOptimizedAt: Date | null;
}

export async function readOptimizerRecord(db: AnyDb, learnerId: string): Promise<OptimizerRecord> {
  const row = await db.learnerSettings.findUnique({
    where: { learnerId },
    select: { fsrsLogLossBefore: true, fsrsLogLossAfter: true, fsrsOptimizedAt: true },
  });
  return row ?? { fsrsLogLossBefore: null, fsrsLogLossAfter: null, fsrsOptimizedAt: null };
}

export async function writeSettings(db: AnyDb, learnerId: string, input: ReviewSettingsInput): Promise<void> {
  await db.learnerSettings.upsert({ where: { learnerId }, create: { learnerId, ...input }, update: input });
}

export async function writeOptimizedParameters(
  db: AnyDb,
  learnerId: string,
  result: { parameters: number[] | null; logLossBefore: number; logLossAfter: number; optimizedAt: Date },
): Promise<void> {
  const data = {
    ...(result.parameters ? { fsrsParameters: JSON.stringify(result.parameters) } : {}),
    fsrsLogLossBefore: result.logLossBefore,
    fsrsLogLossAfter: result.logLossAfter,
    fsrsOptimizedAt: result.optimizedAt,
  };
  await db.learnerSettings.upsert({ where: { learnerId }, create: { learnerId, ...data }, update: data });
}

// ---------------------------------------------------------------- cards

/**
 * Gives every question a card row (state New) so the queue reads one table. Cheap when nothing
 * is missing: two counts decide (cards are unique per question, so equal counts mean none is).
 * ON CONFLICT DO NOTHING makes two concurrent page loads harmless.
 */
export async function ensureCards(db: Db, learnerId: string, now: Date): Promise<number> {
  const [questions, cards] = await Promise.all([db.question.count(), db.card.count({ where: { learnerId } })]);
  if (cards >= questions) return 0;
  return db.$executeRaw`
    INSERT INTO "Card" ("id", "learnerId", "questionId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
                        "learningSteps", "reps", "lapses", "state", "version", "suspended", "leech", "createdAt")
    SELECT ${learnerId} || ':' || q."id", ${learnerId}, q."id", ${now}, 0, 0, 0, 0, 0, 0, 0, 0, 0,
           CASE WHEN q."archivedAt" IS NULL THEN false ELSE true END, false, ${now}
    FROM "Question" q
    WHERE NOT EXISTS (SELECT 1 FROM "Card" c WHERE c."learnerId" = ${learnerId} AND c."questionId" = q."id")
    ON CONFLICT DO NOTHING`;
}

/** Archived question → its cards are suspended (kept with their history); restored → resumed. */
export async function syncSuspensions(db: AnyDb): Promise<{ suspended: number; resumed: number }> {
  const suspended = await db.card.updateMany({ where: { suspended: false, question: { archivedAt: { not: null } } }, data: { suspended: true } });
  const resumed = await db.card.updateMany({ where: { suspended: true, question: { archivedAt: null } }, data: { suspended: false } });
  return { suspended: suspended.count, resumed: resumed.count };
}

/**
 * Learning/relearning cards due before the day ends and review cards due before the day ends,
 * in scope. With `dueNowLimit`, only the `dueNowLimit` weakest cards that are due now (for the
 * next-card path); without, all of them (the full queue).
 */
export async function fetchReviewedCandidates(
  db: AnyDb,
  learnerId: string,
  options: { now: Date; dayEnd: Date; scope: ReviewScope; dueNowLimit?: number },
): Promise<QueueCandidate[]> {
  const provider = providerOfDb(db);
  const { now, dayEnd, scope } = options;
  const nowDays = now.getTime() / 86_400_000;
  const overdue = Prisma.sql`(${nowDays} - ${epochDaysOf(Prisma.sql`c."lastReview"`, provider)}) / c."stability"`;
  const dueNowOnly = options.dueNowLimit != null;
  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT c."id" AS "cardId", c."questionId", c."state", c."due", c."stability", c."lastReview", ${PRIMARY_TOPIC} AS "topicKey"
    FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
    WHERE c."learnerId" = ${learnerId} AND c."suspended" = false AND q."archivedAt" IS NULL
      AND (
        (c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" ${dueNowOnly ? Prisma.sql`<=` : Prisma.sql`<`} ${dueNowOnly ? now : dayEnd})
        OR (c."state" = ${CARD_STATES.review} AND c."due" < ${dayEnd})
      )
      ${scopeFilter(scope)}
    ${dueNowOnly ? Prisma.sql`ORDER BY ${overdue} DESC, c."due" ASC, c."id" ASC LIMIT ${options.dueNowLimit}` : Prisma.empty}`;
  return rows.map(candidateFromRow);
}

/** Learning cards due later today, soonest first (learn-ahead and "next card at"). */
export async function fetchUpcomingLearning(db: AnyDb, learnerId: string, options: { now: Date; dayEnd: Date; scope: ReviewScope; limit: number }): Promise<QueueCandidate[]> {
  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT c."id" AS "cardId", c."questionId", c."state", c."due", c."stability", c."lastReview", ${PRIMARY_TOPIC} AS "topicKey"
    FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
    WHERE c."learnerId" = ${learnerId} AND c."suspended" = false AND q."archivedAt" IS NULL
      AND c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" > ${options.now} AND c."due" < ${options.dayEnd}
      ${scopeFilter(options.scope)}
    ORDER BY c."due" ASC, c."id" ASC LIMIT ${options.limit}`;
  return rows.map(candidateFromRow);
}

/**
 * New cards in scope, at most `perTopic` per primary topic, in question-id order within a topic:
 * the round-robin across topics never needs more than `perTopic` from one topic.
 */
export async function fetchNewCandidates(db: AnyDb, learnerId: string, options: { scope: ReviewScope; perTopic: number }): Promise<QueueCandidate[]> {
  if (options.perTopic <= 0) return [];
  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT "cardId", "questionId", "state", "due", "stability", "lastReview", "topicKey" FROM (
      SELECT t.*, ROW_NUMBER() OVER (PARTITION BY t."topicKey" ORDER BY t."questionId") AS "rank" FROM (
        SELECT c."id" AS "cardId", c."questionId", c."state", c."due", c."stability", c."lastReview", ${PRIMARY_TOPIC} AS "topicKey"
        FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
        WHERE c."learnerId" = ${learnerId} AND c."state" = ${CARD_STATES.new} AND c."suspended" = false AND q."archivedAt" IS NULL
          ${scopeFilter(options.scope)}
      ) t
    ) ranked
    WHERE "rank" <= ${options.perTopic}
    ORDER BY "questionId"`;
  return rows.map(candidateFromRow);
}

export interface DueCounts {
  learning: number;
  review: number;
  newAvailable: number;
}

/** Counts for the session header without loading the cards (new capped at `newCap`). */
export async function countDue(db: AnyDb, learnerId: string, options: { now: Date; dayEnd: Date; scope: ReviewScope; newCap: number }): Promise<DueCounts> {
  const scope = scopeFilter(options.scope);
  const [dueRows, newRows] = await Promise.all([
    db.$queryRaw<{ learning: number | bigint | null; review: number | bigint | null }[]>`
      SELECT SUM(CASE WHEN c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" <= ${options.now} THEN 1 ELSE 0 END) AS "learning",
             SUM(CASE WHEN c."state" = ${CARD_STATES.review} THEN 1 ELSE 0 END) AS "review"
      FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
      WHERE c."learnerId" = ${learnerId} AND c."suspended" = false AND q."archivedAt" IS NULL
        AND c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.review}, ${CARD_STATES.relearning}) AND c."due" < ${options.dayEnd}
        ${scope}`,
    options.newCap > 0
      ? db.$queryRaw<{ count: number | bigint }[]>`
          SELECT COUNT(*) AS "count" FROM (
            SELECT 1 FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
            WHERE c."learnerId" = ${learnerId} AND c."state" = ${CARD_STATES.new} AND c."suspended" = false AND q."archivedAt" IS NULL ${scope}
            LIMIT ${options.newCap}
          ) capped`
      : Promise.resolve([{ count: 0 }]),
  ]);
  return {
    learning: Number(dueRows[0]?.learning ?? 0),
    review: Number(dueRows[0]?.review ?? 0),
    newAvailable: Number(newRows[0]?.count ?? 0),
  };
}

/** Every card in scope (cram mode reads, never writes). */
export async function fetchAllCandidates(db: AnyDb, learnerId: string, scope: ReviewScope): Promise<QueueCandidate[]> {
  const rows = await db.$queryRaw<CandidateRow[]>`
    SELECT c."id" AS "cardId", c."questionId", c."state", c."due", c."stability", c."lastReview", ${PRIMARY_TOPIC} AS "topicKey"
    FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
    WHERE c."learnerId" = ${learnerId} AND c."suspended" = false AND q."archivedAt" IS NULL ${scopeFilter(scope)}`;
  return rows.map(candidateFromRow);
}

/** New cards started (first reviewed) since the learner's day start: the daily new count. */
export function countNewStartedSince(db: AnyDb, learnerId: string, dayStart: Date): Promise<number> {
  return db.card.count({ where: { learnerId, firstReview: { gte: dayStart } } });
}

export function cardRecordFromRow(row: CardRow): CardRecord {
  return {
    id: row.id,
    learnerId: row.learnerId,
    questionId: row.questionId,
    version: row.version,
    suspended: row.suspended,
    due: row.due,
    stability: row.stability,
    difficulty: row.difficulty,
    elapsedDays: row.elapsedDays,
    scheduledDays: row.scheduledDays,
    learningSteps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state as CardStateValue,
    lastReview: row.lastReview,
    firstReview: row.firstReview,
    leech: row.leech,
  };
}

const questionInclude = { question: { include: { topics: { orderBy: { topicKey: "asc" as const } } } } };

export async function findCardWithQuestion(db: AnyDb, cardId: string) {
  return db.card.findUnique({ where: { id: cardId }, include: questionInclude });
}

export async function findCardsWithQuestions(db: AnyDb, cardIds: readonly string[]) {
  if (cardIds.length === 0) return [];
  return db.card.findMany({ where: { id: { in: [...cardIds] } }, include: questionInclude });
}

/** Writes the new progress only if the card is still at `expectedVersion`; returns rows changed. */
export async function updateCardIfVersion(tx: Tx, cardId: string, expectedVersion: number, progress: CardProgress, newVersion: number): Promise<number> {
  const result = await tx.card.updateMany({
    where: { id: cardId, version: expectedVersion },
    data: {
      due: progress.due,
      stability: progress.stability,
      difficulty: progress.difficulty,
      elapsedDays: progress.elapsedDays,
      scheduledDays: progress.scheduledDays,
      learningSteps: progress.learningSteps,
      reps: progress.reps,
      lapses: progress.lapses,
      state: progress.state,
      lastReview: progress.lastReview,
      firstReview: progress.firstReview,
      leech: progress.leech,
      version: newVersion,
    },
  });
  return result.count;
}

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
}

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
    where: { learnerId, review: { gte: since } },
    orderBy: [{ review: "desc" }, { id: "desc" }],
    select: { id: true, card: { select: { question: { select: { topics: { select: { topicKey: true } } } } } } },
  });
  return row ? { id: row.id, topic: primaryTopic(row.card.question.topics.map((topic) => topic.topicKey)) } : null;
}

// ---------------------------------------------------------------- leeches, optimiser, topics

export async function findLeechCards(db: AnyDb, learnerId: string) {
  return db.card.findMany({
    where: { learnerId, leech: true, suspended: false, question: { archivedAt: null } },
    orderBy: [{ lapses: "desc" }, { id: "asc" }],
    include: questionInclude,
  });
}

export function countLeeches(db: AnyDb, learnerId: string): Promise<number> {
  return db.card.count({ where: { learnerId, leech: true, suspended: false, question: { archivedAt: null } } });
}

export async function clearLeech(db: AnyDb, learnerId: string, cardId: string): Promise<number> {
  const result = await db.card.updateMany({ where: { id: cardId, learnerId, leech: true }, data: { leech: false, version: { increment: 1 } } });
  return result.count;
}

export function countReviewLogs(db: AnyDb, learnerId: string): Promise<number> {
  return db.reviewLog.count({ where: { learnerId } });
}

export function fetchOptimizerLogs(db: AnyDb, learnerId: string) {
  return db.reviewLog.findMany({ where: { learnerId }, select: { cardId: true, rating: true, review: true } });
}

/** Shallowest live topic page per service key (its overview section). */
export async function findTopicPages(db: AnyDb, serviceKeys: readonly string[]): Promise<Map<string, { slug: string; title: string }>> {
  const pages = new Map<string, { slug: string; title: string }>();
  if (serviceKeys.length === 0) return pages;
  const topics = await db.topic.findMany({
    where: { archivedAt: null, serviceKey: { in: [...serviceKeys] } },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
    select: { slug: true, title: true, serviceKey: true },
  });
  for (const topic of topics) {
    if (topic.serviceKey && !pages.has(topic.serviceKey)) pages.set(topic.serviceKey, { slug: topic.slug, title: topic.title });
  }
  return pages;
}
