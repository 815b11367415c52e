// Storage for the review queue: which cards are due, new or in scope. Card rows, settings and
// review logs themselves belong to lib/server/cards (shared with exams and progress).
// Queue candidates are read with raw SQL because the queue needs, per card, its primary topic
// and an order by retrievability; both are one cheap statement in SQL and would be many rows
// through the ORM (bench:review). The SQL is the same for SQLite and PostgreSQL except the
// date arithmetic in `epochDaysOf`.
import "server-only";
import { Prisma } from "@/generated/prisma-sqlite/client";
import { providerOfDb, tuneSqlite, type Db, type Tx } from "@/lib/server/db";
import type { DatabaseProvider } from "@/lib/server/env";
import type { QueueCandidate } from "@/lib/core/srs/queue";
import { CARD_STATES, type CardStateValue } from "@/lib/core/srs/types";
import type { ReviewScope } from "@/lib/core/srs/views";
import { questionFamily } from "@/lib/core/questions/family";
import type { Question } from "@/lib/core/questions/types";
import { buriedSiblingIds } from "@/lib/core/srs/siblings";

export type { ReviewScope };

export const NO_SCOPE: ReviewScope = { topic: null, domain: null };

/**
 * A scope as the queue reads it: the learner's scope plus what is out of today's queue — cards
 * buried until after `now` (Card.buriedUntil) and the questions buried as siblings
 * (siblings.ts: a family member was answered today).
 */
export interface QueueScope extends ReviewScope {
  now?: Date;
  buriedQuestionIds?: readonly string[];
}

type AnyDb = Db | Tx;


/** Milliseconds since the Unix epoch of a DateTime column (NULL stays NULL). */
function epochMsOf(column: Prisma.Sql, provider: DatabaseProvider): Prisma.Sql {
  // SQLite stores Prisma DateTimes as ISO-8601 text, which julianday() parses; PostgreSQL stores
  // UTC in `timestamp(3)`, whose EXTRACT(EPOCH) counts seconds since 1970 in UTC.
  return provider === "postgresql"
    ? Prisma.sql`ROUND(EXTRACT(EPOCH FROM ${column}) * 1000)::bigint`
    : Prisma.sql`CAST(ROUND((julianday(${column}) - 2440587.5) * 86400000.0) AS INTEGER)`;
}

function scopeFilter(scope: QueueScope): Prisma.Sql {
  const parts: Prisma.Sql[] = [];
  if (scope.card) parts.push(Prisma.sql`AND c."id" = ${scope.card}`);
  if (scope.topic) parts.push(Prisma.sql`AND EXISTS (SELECT 1 FROM "QuestionTopic" st WHERE st."questionId" = c."questionId" AND st."topicKey" = ${scope.topic})`);
  if (scope.domain) parts.push(Prisma.sql`AND q."domain" = ${scope.domain}`);
  if (scope.origin) parts.push(Prisma.sql`AND q."origin" = ${scope.origin}`);
  if (scope.bank) parts.push(Prisma.sql`AND q."bankId" = ${scope.bank}`);
  if (scope.now) parts.push(Prisma.sql`AND (c."buriedUntil" IS NULL OR c."buriedUntil" <= ${scope.now})`);
  if (scope.buriedQuestionIds && scope.buriedQuestionIds.length > 0) parts.push(Prisma.sql`AND c."questionId" NOT IN (${Prisma.join([...scope.buriedQuestionIds])})`);
  return parts.length ? Prisma.join(parts, " ") : Prisma.empty;
}

/** The filters that read the question row (the others read the card and its topics). */
function needsQuestion(scope: QueueScope): boolean {
  return Boolean(scope.domain || scope.origin || scope.bank);
}

/**
 * Cards a queue may show: the learner's, not suspended, question not archived, in scope.
 * `archived: "later"` leaves the archived check out of the SQL (it costs one question-row read
 * per card); the caller then checks the cards it keeps with `fetchQuestionFacts`.
 */
function liveCards(learnerId: string, scope: QueueScope, options: { archived?: "check" | "later" } = {}): Prisma.Sql {
  if (options.archived === "later" && !needsQuestion(scope)) {
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

/**
 * Every learning/relearning and review card due before the day ends, in scope (the full queue;
 * the builder separates due-now from learn-ahead). Without topics and without the archived
 * check: each costs more than the rest of the row, and only the head of the queue is ever shown
 * before the next rebuild, so `fetchQuestionFacts` adds both for the head.
 */
export function fetchReviewedCandidates(db: AnyDb, learnerId: string, options: { dayEnd: Date; scope: QueueScope }): Promise<QueueCandidate[]> {
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
export function fetchHeadCandidates(db: AnyDb, learnerId: string, options: { now: Date; dayEnd: Date; scope: QueueScope; dueNowLimit: number }): Promise<QueueCandidate[]> {
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
  options: { now: Date; scope: QueueScope; ids: readonly string[]; learningLimit: number },
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

/**
 * New cards in scope, at most `perTopic` per primary topic, in question-id order within a topic:
 * the round-robin across topics never needs more than `perTopic` from one topic. Archived
 * questions are not filtered here (see `fetchQuestionFacts`).
 */
export async function fetchNewCandidates(db: AnyDb, learnerId: string, options: { scope: QueueScope; perTopic: number }): Promise<QueueCandidate[]> {
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
export async function countDay(db: AnyDb, learnerId: string, options: { now: Date; dayStart: Date; dayEnd: Date; scope: QueueScope; newCap: number }): Promise<DayCounts> {
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
  /** questionFamily (siblings are shown once a day) */
  family: string;
}

const FACTS_CHUNK = 5_000;

type FactTuple = [string, number, string | null, string, string | null, string, string | null];

/** questionFamily of a question row (factIds is the stored JSON array). */
export function familyOfRow(row: { id: string; origin: string; generator: string | null; type: string; factIds: string | null }): string {
  let factIds: string[] = [];
  try {
    const parsed: unknown = row.factIds ? JSON.parse(row.factIds) : [];
    if (Array.isArray(parsed)) factIds = parsed.filter((id): id is string => typeof id === "string");
  } catch {
    factIds = [];
  }
  return questionFamily({ id: row.id, origin: row.origin as Question["origin"], generator: row.generator, type: row.type as Question["type"], factIds });
}

/**
 * Question ids buried today as siblings (siblings.ts): the generated questions answered since
 * `dayStart` (review or exam; manual browser logs have rating 0), then the questions that may
 * share their family — the same generator template, or a fact card naming the same fact — in a
 * second indexed read; the core decides family membership exactly.
 */
export async function fetchBuriedSiblingIds(db: AnyDb, learnerId: string, dayStart: Date): Promise<string[]> {
  // From the question side: only generated questions can have siblings, so a learner whose
  // answers today are all curated (the bench: 20,000 of them) costs one index range on origin.
  const answered = await db.$queryRaw<FamilyRow[]>`
    SELECT q."id", q."origin", q."generator", q."type", q."factIds"
    FROM "Question" q JOIN "Card" c ON c."learnerId" = ${learnerId} AND c."questionId" = q."id"
    WHERE q."origin" = 'generated' AND q."generator" IS NOT NULL
      AND EXISTS (SELECT 1 FROM "ReviewLog" l WHERE l."cardId" = c."id" AND l."review" >= ${dayStart} AND l."rating" >= 1)`;
  if (answered.length === 0) return [];
  const answeredMembers = answered.map((row) => ({ questionId: row.id, family: familyOfRow(row) }));
  const members = await fetchFamilyMembers(db, answeredMembers.map((member) => member.family));
  return [...buriedSiblingIds(answeredMembers, members)];
}

type FamilyRow = { id: string; origin: string; generator: string | null; type: string; factIds: string | null };

/**
 * The questions of the given families (generated ones only: every other question is its own
 * family). One read: the same generator template, or a fact card naming the fact (LIKE narrows,
 * questionFamily decides exactly).
 */
async function fetchFamilyMembers(db: AnyDb, families: readonly string[]): Promise<{ questionId: string; family: string }[]> {
  const templates = [...new Set(families.flatMap((family) => (family.startsWith("gen:") ? [family.slice(4)] : [])))];
  const facts = [...new Set(families.flatMap((family) => (family.startsWith("fact:") ? [family.slice(5)] : [])))];
  const conditions: Prisma.Sql[] = [];
  if (templates.length > 0) conditions.push(Prisma.sql`q."generator" IN (${Prisma.join(templates)})`);
  for (const fact of facts) conditions.push(Prisma.sql`q."factIds" LIKE ${`%${JSON.stringify(fact).replace(/[\\%_]/g, (char) => `\\${char}`)}%`} ESCAPE '\\'`);
  if (conditions.length === 0) return [];
  const rows = await db.$queryRaw<FamilyRow[]>`
    SELECT q."id", q."origin", q."generator", q."type", q."factIds" FROM "Question" q
    WHERE q."origin" = 'generated' AND (${Prisma.join(conditions, " OR ")})`;
  const wanted = new Set(families);
  return rows.map((row) => ({ questionId: row.id, family: familyOfRow(row) })).filter((member) => wanted.has(member.family));
}

/**
 * The siblings of one question just answered (the next-card step): the rest of its family.
 * Nothing is read for a question that is its own family (curated, imported).
 */
export async function fetchSiblingIdsOf(db: AnyDb, question: FamilyRow): Promise<string[]> {
  const family = familyOfRow(question);
  if (family === question.id) return [];
  return (await fetchFamilyMembers(db, [family])).map((member) => member.questionId).filter((id) => id !== question.id);
}

/**
 * What the daily review limit needs to know: how many review-state cards were answered today,
 * as far as it matters for `dueReviews` cards due now. When even every log of the day (an
 * index-only count) leaves room for all of them, that bound is returned and the exact count,
 * which reads each log row, is skipped.
 */
export async function countReviewsForLimit(db: AnyDb, learnerId: string, dayStart: Date, options: { limit: number; dueReviews: number }): Promise<number> {
  const cap = Math.max(0, Math.floor(options.limit));
  const rows = await db.$queryRaw<{ n: unknown }[]>`
    SELECT COUNT(*) AS "n" FROM (SELECT 1 AS "one" FROM "ReviewLog" l WHERE l."learnerId" = ${learnerId} AND l."review" >= ${dayStart} LIMIT ${cap}) capped`;
  const upper = Number(rows[0]?.n ?? 0);
  if (upper <= cap - options.dueReviews) return upper;
  return countReviewsSince(db, learnerId, dayStart, cap);
}

/**
 * Review-state cards answered on the review screen since `dayStart`, counted up to `cap` (the
 * daily review limit: past it the exact number does not matter, and a long day stays cheap).
 */
export async function countReviewsSince(db: AnyDb, learnerId: string, dayStart: Date, cap: number): Promise<number> {
  // ReviewLog.state is the card's state before the answer (ts-fsrs).
  const rows = await db.$queryRaw<{ n: unknown }[]>`
    SELECT COUNT(*) AS "n" FROM (SELECT 1 AS "one" FROM "ReviewLog" l
      WHERE l."learnerId" = ${learnerId} AND l."review" >= ${dayStart} AND l."origin" = 'review' AND l."state" = ${CARD_STATES.review} AND l."rating" >= 1
      LIMIT ${Math.max(0, Math.floor(cap))}) capped`;
  return Number(rows[0]?.n ?? 0);
}

/** Primary topic and archived state of each question (the queue's head only). */
export async function fetchQuestionFacts(db: AnyDb, questionIds: readonly string[]): Promise<Map<string, QuestionFacts>> {
  // Chunks stay far below SQLite's bound-parameter limit (32,766) for a cram over every card.
  if (questionIds.length > FACTS_CHUNK) {
    const merged = new Map<string, QuestionFacts>();
    for (let start = 0; start < questionIds.length; start += FACTS_CHUNK) {
      for (const [id, fact] of await fetchQuestionFacts(db, questionIds.slice(start, start + FACTS_CHUNK))) merged.set(id, fact);
    }
    return merged;
  }
  const facts = new Map<string, QuestionFacts>();
  if (questionIds.length === 0) return facts;
  const tuple = Prisma.sql`q."id", CASE WHEN q."archivedAt" IS NULL THEN 0 ELSE 1 END, (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = q."id"), q."origin", q."generator", q."type", q."factIds"`;
  const rows = await db.$queryRaw<{ rows: unknown }[]>`
    SELECT ${providerOfDb(db) === "postgresql" ? Prisma.sql`COALESCE(json_agg(json_build_array(${tuple})), '[]'::json)` : Prisma.sql`json_group_array(json_array(${tuple}))`} AS "rows"
    FROM "Question" q WHERE q."id" IN (${Prisma.join([...questionIds])})`;
  const value = rows[0]?.rows ?? "[]";
  for (const [id, archived, topicKey, origin, generator, type, factIds] of (typeof value === "string" ? JSON.parse(value) : value) as FactTuple[]) {
    facts.set(id, { topicKey, archived: Number(archived) === 1, family: familyOfRow({ id, origin, generator, type, factIds }) });
  }
  return facts;
}

/** Every card in scope (cram mode reads, never writes). */
export function fetchAllCandidates(db: AnyDb, learnerId: string, scope: QueueScope): Promise<QueueCandidate[]> {
  return queryCandidates(db, Prisma.sql`SELECT ${candidateColumns(providerOfDb(db))} ${liveCards(learnerId, scope)}`);
}

/** New cards started (first reviewed) since the learner's day start: the daily new count. */
export function countNewStartedSince(db: AnyDb, learnerId: string, dayStart: Date): Promise<number> {
  return db.card.count({ where: { learnerId, firstReview: { gte: dayStart } } });
}
