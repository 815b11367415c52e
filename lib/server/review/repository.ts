// Storage for review: the only module with SQL and Prisma calls for cards, logs and settings.
// Queue candidates are read with raw SQL because the queue needs, per card, its primary topic
// and an order by retrievability; both are one cheap statement in SQL and would be many rows
// through the ORM (bench:review). The SQL is the same for SQLite and PostgreSQL except the
// date arithmetic in `epochDaysOf`.
import { randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma-sqlite/client";
import type { Card as CardRow, Question as QuestionRow, QuestionTopic as QuestionTopicRow } from "@/generated/prisma-sqlite/client";
import { providerOfDb, tuneSqlite, type Db, type Tx } from "@/lib/server/db";
import type { DatabaseProvider } from "@/lib/server/env";
import { parseStoredParameters } from "@/lib/core/srs/settings";
import { primaryTopic, type QueueCandidate } from "@/lib/core/srs/queue";
import { CARD_STATES, DEFAULT_REVIEW_SETTINGS, type CardProgress, type CardRecord, type CardStateValue, type ReviewSettings } from "@/lib/core/srs/types";
import type { ReviewSettingsInput } from "@/lib/core/srs/settings";
import type { ReviewScope } from "@/lib/core/srs/views";

export type { ReviewScope };

export const NO_SCOPE: ReviewScope = { topic: null, domain: null };

type AnyDb = Db | Tx;


/** Milliseconds since the Unix epoch of a DateTime column (NULL stays NULL). */
function epochMsOf(column: Prisma.Sql, provider: DatabaseProvider): Prisma.Sql {
  // SQLite stores Prisma DateTimes as ISO-8601 text, which julianday() parses; PostgreSQL stores
  // UTC in `timestamp(3)`, whose EXTRACT(EPOCH) counts seconds since 1970 in UTC.
  return provider === "postgresql"
    ? Prisma.sql`ROUND(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`
    : Prisma.sql`CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000.0) AS INTEGER)`;
}

function scopeFilter(scope: ReviewScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.topic) parts.push(Prisma.sql`AND EXISTS (SELECT 1 FROM "QuestionTopic" st WHERE st."questionId" = c."questionId" AND st."topicKey" = ${scope.topic})`);
  if (scope.domain) parts.push(Prisma.sql`AND q."domain" = ${scope.domain}`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/**
 * Cards a queue may show: the learner's, not suspended, question not archived, in scope.
 * `archived: "later"` leaves the archived check out of the SQL (it costs one question-row read
 * per card); the caller then checks the cards it keeps with `fetchQuestionFacts`.
 */
function liveCards(learnerId: string, scope: ReviewScope, options: { archived?: "check" | "later" } = {}): Prisma.Sql {
  if (options.archived === "later" && !scope.domain) {
    return Prisma.sql`FROM "Card" c WHERE c."learnerId" = ${learnerId} AND c."suspended" = false ${scopeFilter(scope)}`;
  }
  return Prisma.sql`FROM "Card" c JOIN "Question" q ON q."id" = c."questionId"
    WHERE c."learnerId" = ${learnerId} AND c."suspended" = false ${options.archived === "later" ? Prisma.empty : Prisma.sql`AND q."archivedAt" IS NULL`} ${scopeFilter(scope)}`;
}

const PRIMARY_TOPIC = Prisma.sql`(SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = c."questionId")`;

/**
 * Dates leave the database as they are cheapest to produce: SQLite's stored ISO text (julianday
 * per row costs more than Date.parse), PostgreSQL's epoch milliseconds (its JSON form of a
 * `timestamp` has no zone suffix).
 */
function candidateColumns(provider: DatabaseProvider, options: { topic?: boolean } = {}): Prisma.Sql {
  const date = (column: Prisma.Sql) => (provider === "postgresql" ? epochMsOf(column, provider) : column);
  const topic = options.topic === false ? Prisma.sql`NULL` : PRIMARY_TOPIC;
  return Prisma.sql`c."id" AS "cardId", c."questionId" AS "questionId", c."state" AS "state", ${date(Prisma.sql`c."due"`)} AS "dueMs",
    c."stability" AS "stability", ${date(Prisma.sql`c."lastReview"`)} AS "lastReviewMs", ${topic} AS "topicKey"`;
}

type CandidateTuple = [string, string, number, number | string, number, number | string | null, string | null];

function dateOf(value: number | string): Date {
  return new Date(typeof value === "string" ? Date.parse(value) : Number(value));
}

/**
 * Runs a candidate query and returns its rows as ONE JSON array. Prisma's raw-query path costs
 * tens of microseconds per row on this machine; one JSON value per query makes a 3,000-card
 * queue several times cheaper (bench:review).
 */
async function queryCandidates(db: AnyDb, inner: Prisma.Sql): Promise<QueueCandidate[]> {
  return (await queryCandidatesWithCount(db, inner, null)).cards;
}

/** `queryCandidates` plus one scalar count in the same round trip. */
async function queryCandidatesWithCount(db: AnyDb, inner: Prisma.Sql, count: Prisma.Sql | null): Promise<{ cards: QueueCandidate[]; extra: number }> {
  const provider = providerOfDb(db);
  await tuneSqlite(db);
  const tuple = Prisma.sql`t."cardId", t."questionId", t."state", t."dueMs", t."stability", t."lastReviewMs", t."topicKey"`;
  const extra = count ? Prisma.sql`, (${count}) AS "extra"` : Prisma.empty;
  const rows =
    provider === "postgresql"
      ? await db.$queryRaw<{ rows: unknown; extra?: unknown }[]>`SELECT COALESCE(json_agg(json_build_array(${tuple})), '[]'::json) AS "rows" ${extra} FROM (${inner}) t`
      : await db.$queryRaw<{ rows: unknown; extra?: unknown }[]>`SELECT json_group_array(json_array(${tuple})) AS "rows" ${extra} FROM (${inner}) t`;
  const value = rows[0]?.rows ?? "[]";
  const tuples = (typeof value === "string" ? JSON.parse(value) : value) as CandidateTuple[];
  const cards = tuples.map(([cardId, questionId, state, dueMs, stability, lastReviewMs, topicKey]) => ({
    cardId,
    questionId,
    topicKey,
    state: Number(state) as CardStateValue,
    due: dateOf(dueMs),
    stability: Number(stability),
    lastReview: lastReviewMs == null ? null : dateOf(lastReviewMs),
  }));
  return { cards, extra: Number(rows[0]?.extra ?? 0) };
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
  const [counts] = await db.$queryRaw<{ questions: unknown; cards: unknown }[]>`
    SELECT (SELECT COUNT(*) FROM "Question") AS "questions", (SELECT COUNT(*) FROM "Card" WHERE "learnerId" = ${learnerId}) AS "cards"`;
  if (Number(counts?.cards ?? 0) >= Number(counts?.questions ?? 0)) return 0;
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
 * Every learning/relearning and review card due before the day ends, in scope (the full queue;
 * the builder separates due-now from learn-ahead). Without topics and without the archived
 * check: each costs more than the rest of the row, and only the head of the queue is ever shown
 * before the next rebuild, so `fetchQuestionFacts` adds both for the head.
 */
export function fetchReviewedCandidates(db: AnyDb, learnerId: string, options: { dayEnd: Date; scope: ReviewScope }): Promise<QueueCandidate[]> {
  return queryCandidates(
    db,
    Prisma.sql`SELECT ${candidateColumns(providerOfDb(db), { topic: false })} ${liveCards(learnerId, options.scope, { archived: "later" })}
      AND c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.review}, ${CARD_STATES.relearning}) AND c."due" < ${options.dayEnd}`,
  );
}

/**
 * The next-card window: the `dueNowLimit` weakest cards due now (learning steps due, reviews due
 * today), ordered as the queue orders them, plus the soonest learning card due later today.
 */
export function fetchHeadCandidates(db: AnyDb, learnerId: string, options: { now: Date; dayEnd: Date; scope: ReviewScope; dueNowLimit: number }): Promise<QueueCandidate[]> {
  const provider = providerOfDb(db);
  const { now, dayEnd, scope } = options;
  // Lowest retrievability first = highest elapsed/stability first (see overdueRatio).
  const overdue = Prisma.sql`(${now.getTime()} - ${epochMsOf(Prisma.sql`c."lastReview"`, provider)}) / c."stability"`;
  return queryCandidates(
    db,
    Prisma.sql`SELECT * FROM (
        SELECT ${candidateColumns(provider)} ${liveCards(learnerId, scope)}
          AND ((c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" <= ${now}) OR (c."state" = ${CARD_STATES.review} AND c."due" < ${dayEnd}))
        ORDER BY ${overdue} DESC, c."due" ASC, c."id" ASC LIMIT ${options.dueNowLimit}
      ) due_now
      UNION ALL
      SELECT * FROM (
        SELECT ${candidateColumns(provider)} ${liveCards(learnerId, scope)}
          AND c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" > ${now} AND c."due" < ${dayEnd}
        ORDER BY c."due" ASC, c."id" ASC LIMIT 1
      ) upcoming`,
  );
}

/**
 * The next-card window after an answer: the weakest learning steps due now (enough for the
 * interleaving look-ahead) and how many are due, together with the session's next upcoming cards
 * by id. O(window), not O(due cards): the weakest-first order of the reviews was computed once
 * when the session started.
 */
export async function fetchWindowCandidates(
  db: AnyDb,
  learnerId: string,
  options: { now: Date; scope: ReviewScope; ids: readonly string[]; learningLimit: number },
): Promise<{ cards: QueueCandidate[]; learningDue: number }> {
  const provider = providerOfDb(db);
  // Learning steps due now, counted and ranked without reading question rows (a learner with a
  // backlog of lapses can have hundreds); only the few kept are joined for the archived check.
  const dueSteps = Prisma.sql`${liveCards(learnerId, options.scope, { archived: "later" })}
    AND c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" <= ${options.now}`;
  const overdue = Prisma.sql`(${options.now.getTime()} - ${epochMsOf(Prisma.sql`c."lastReview"`, provider)}) / c."stability"`;
  const learning = Prisma.sql`SELECT ${candidateColumns(provider)} ${liveCards(learnerId, options.scope)}
    AND c."id" IN (SELECT c."id" ${dueSteps} ORDER BY ${overdue} DESC, c."id" ASC LIMIT ${options.learningLimit})`;
  const inner =
    options.ids.length === 0
      ? learning
      : Prisma.sql`${learning} UNION ALL SELECT ${candidateColumns(provider)} ${liveCards(learnerId, options.scope)} AND c."id" IN (${Prisma.join([...options.ids])})`;
  const { cards, extra } = await queryCandidatesWithCount(db, inner, Prisma.sql`SELECT COUNT(*) ${dueSteps}`);
  const seen = new Set<string>();
  return { cards: cards.filter((card) => !seen.has(card.cardId) && seen.add(card.cardId)), learningDue: extra };
}

/** The soonest learning step due later today (learn-ahead, or "next card at"). */
export function fetchSoonestLearning(db: AnyDb, learnerId: string, options: { now: Date; dayEnd: Date; scope: ReviewScope }): Promise<QueueCandidate[]> {
  return queryCandidates(
    db,
    Prisma.sql`SELECT ${candidateColumns(providerOfDb(db))} ${liveCards(learnerId, options.scope)}
      AND c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" > ${options.now} AND c."due" < ${options.dayEnd}
      ORDER BY c."due" ASC, c."id" ASC LIMIT 1`,
  );
}

/**
 * New cards in scope, at most `perTopic` per primary topic, in question-id order within a topic:
 * the round-robin across topics never needs more than `perTopic` from one topic. Archived
 * questions are not filtered here (see `fetchQuestionFacts`).
 */
export async function fetchNewCandidates(db: AnyDb, learnerId: string, options: { scope: ReviewScope; perTopic: number }): Promise<QueueCandidate[]> {
  if (options.perTopic <= 0) return [];
  const provider = providerOfDb(db);
  // Byte order on both providers (PostgreSQL would otherwise sort by its locale), matching the
  // code-unit sort below.
  const byId = provider === "postgresql" ? Prisma.sql`n."questionId" COLLATE "C"` : Prisma.sql`n."questionId"`;
  const cards = await queryCandidates(
    db,
    Prisma.sql`SELECT "cardId", "questionId", "state", "dueMs", "stability", "lastReviewMs", "topicKey" FROM (
        SELECT n.*, ROW_NUMBER() OVER (PARTITION BY n."topicKey" ORDER BY ${byId}) AS "rank" FROM (
          SELECT ${candidateColumns(provider)} ${liveCards(learnerId, options.scope, { archived: "later" })} AND c."state" = ${CARD_STATES.new}
        ) n
      ) ranked
      WHERE "rank" <= ${options.perTopic}`,
  );
  return cards.sort((a, b) => (a.questionId < b.questionId ? -1 : a.questionId > b.questionId ? 1 : 0));
}

export interface DayCounts {
  /** cards first reviewed since the day start (the daily new count) */
  newStarted: number;
  learning: number;
  review: number;
  /** new cards available in scope, capped at `newCap` */
  newAvailable: number;
}

/** The session header's numbers in one round trip, without loading cards. */
export async function countDay(db: AnyDb, learnerId: string, options: { now: Date; dayStart: Date; dayEnd: Date; scope: ReviewScope; newCap: number }): Promise<DayCounts> {
  const live = liveCards(learnerId, options.scope);
  const rows = await db.$queryRaw<{ newStarted: unknown; learning: unknown; review: unknown; newAvailable: unknown }[]>`
    SELECT
      (SELECT COUNT(*) FROM "Card" s WHERE s."learnerId" = ${learnerId} AND s."firstReview" >= ${options.dayStart}) AS "newStarted",
      (SELECT COUNT(*) ${live} AND c."state" IN (${CARD_STATES.learning}, ${CARD_STATES.relearning}) AND c."due" <= ${options.now}) AS "learning",
      (SELECT COUNT(*) ${live} AND c."state" = ${CARD_STATES.review} AND c."due" < ${options.dayEnd}) AS "review",
      (SELECT COUNT(*) FROM (SELECT 1 AS "one" ${live} AND c."state" = ${CARD_STATES.new} LIMIT ${options.newCap}) capped) AS "newAvailable"`;
  const row = rows[0];
  return {
    newStarted: Number(row?.newStarted ?? 0),
    learning: Number(row?.learning ?? 0),
    review: Number(row?.review ?? 0),
    newAvailable: Number(row?.newAvailable ?? 0),
  };
}

export interface QuestionFacts {
  /** alphabetically first topic key */
  topicKey: string | null;
  archived: boolean;
}

/** Primary topic and archived state of each question (the queue's head only). */
export async function fetchQuestionFacts(db: AnyDb, questionIds: readonly string[]): Promise<Map<string, QuestionFacts>> {
  const facts = new Map<string, QuestionFacts>();
  if (questionIds.length === 0) return facts;
  const tuple = Prisma.sql`q."id", CASE WHEN q."archivedAt" IS NULL THEN 0 ELSE 1 END, (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = q."id")`;
  const rows = await db.$queryRaw<{ rows: unknown }[]>`
    SELECT ${providerOfDb(db) === "postgresql" ? Prisma.sql`COALESCE(json_agg(json_build_array(${tuple})), '[]'::json)` : Prisma.sql`json_group_array(json_array(${tuple}))`} AS "rows"
    FROM "Question" q WHERE q."id" IN (${Prisma.join([...questionIds])})`;
  const value = rows[0]?.rows ?? "[]";
  for (const [id, archived, topicKey] of (typeof value === "string" ? JSON.parse(value) : value) as [string, number, string | null][]) {
    facts.set(id, { topicKey, archived: Number(archived) === 1 });
  }
  return facts;
}

/** Every card in scope (cram mode reads, never writes). */
export function fetchAllCandidates(db: AnyDb, learnerId: string, scope: ReviewScope): Promise<QueueCandidate[]> {
  return queryCandidates(db, Prisma.sql`SELECT ${candidateColumns(providerOfDb(db))} ${liveCards(learnerId, scope)}`);
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

export type CardWithQuestion = CardRow & { question: QuestionRow & { topics: QuestionTopicRow[] } };

const CARD_COLUMNS = ["id", "learnerId", "questionId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "firstReview", "version", "suspended", "leech", "createdAt"] as const;
const QUESTION_COLUMNS = ["id", "bankId", "type", "domain", "difficulty", "stem", "options", "correct", "chooseCount", "answer", "explanations", "sources", "references", "origin", "generator", "factIds", "contentHash", "createdAt", "updatedAt", "archivedAt"] as const;

/**
 * One card with its question and topic keys in ONE query (Prisma's include issues three): the
 * answer path reads a card twice per answer, and each round trip through Prisma costs more
 * here than the SQL itself (bench:review).
 */
export async function findCardWithQuestion(db: AnyDb, cardId: string): Promise<CardWithQuestion | null> {
  const provider = providerOfDb(db);
  const columns = Prisma.join([
    ...CARD_COLUMNS.map((column) => Prisma.raw(`c."${column}" AS "c_${column}"`)),
    ...QUESTION_COLUMNS.map((column) => Prisma.raw(`q."${column}" AS "q_${column}"`)),
  ]);
  const topics =
    provider === "postgresql"
      ? Prisma.sql`(SELECT COALESCE(json_agg(qt."topicKey" ORDER BY qt."topicKey"), '[]'::json) FROM "QuestionTopic" qt WHERE qt."questionId" = q."id")`
      : Prisma.sql`(SELECT json_group_array("topicKey") FROM (SELECT qt."topicKey" FROM "QuestionTopic" qt WHERE qt."questionId" = q."id" ORDER BY qt."topicKey"))`;
  const rows = await db.$queryRaw<Record<string, unknown>[]>`
    SELECT ${columns}, ${topics} AS "q_topics" FROM "Card" c JOIN "Question" q ON q."id" = c."questionId" WHERE c."id" = ${cardId}`;
  const row = rows[0];
  if (!row) return null;
  const pick = (prefix: string, names: readonly string[]) => Object.fromEntries(names.map((name) => [name, row[`${prefix}_${name}`]]));
  const card = pick("c", CARD_COLUMNS) as unknown as CardRow;
  const question = pick("q", QUESTION_COLUMNS) as unknown as QuestionRow;
  const topicValue = row.q_topics ?? "[]";
  const topicKeys = (typeof topicValue === "string" ? JSON.parse(topicValue) : topicValue) as string[];
  return {
    ...card,
    // Raw rows: SQLite integers may arrive as bigint, PostgreSQL dates as Date already.
    state: Number(card.state),
    reps: Number(card.reps),
    lapses: Number(card.lapses),
    version: Number(card.version),
    elapsedDays: Number(card.elapsedDays),
    scheduledDays: Number(card.scheduledDays),
    learningSteps: Number(card.learningSteps),
    suspended: Boolean(card.suspended),
    leech: Boolean(card.leech),
    due: toDate(card.due),
    lastReview: card.lastReview == null ? null : toDate(card.lastReview),
    firstReview: card.firstReview == null ? null : toDate(card.firstReview),
    createdAt: toDate(card.createdAt),
    question: {
      ...question,
      difficulty: Number(question.difficulty),
      chooseCount: question.chooseCount == null ? null : Number(question.chooseCount),
      archivedAt: question.archivedAt == null ? null : toDate(question.archivedAt),
      createdAt: toDate(question.createdAt),
      updatedAt: toDate(question.updatedAt),
      topics: topicKeys.map((topicKey) => ({ questionId: question.id, topicKey })),
    },
  };
}

function toDate(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
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
