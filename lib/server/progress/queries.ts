// Progress reads. Everything is aggregated in SQL (GROUP BY) so the dashboard costs the same
// with 100 or 100,000 cards and a million review logs: no query returns more than one row per
// topic × domain, per UTC hour of the last year, or per hour of the next 31 days, and none
// takes a list of ids. Retrievability is the FSRS forgetting curve (lib/core/progress/mastery:
// R = (1 + factor·t/S)^decay) evaluated in SQL with the learner's weights; the integration test
// checks the sums against the same formula in TypeScript.
import "server-only";
import { Prisma } from "@/generated/prisma-sqlite/client";
import { providerOfDb, type Db, type Tx } from "@/lib/server/db";
import type { DatabaseProvider } from "@/lib/server/env";
import { DOMAINS, type Domain } from "@/lib/core/questions/types";
import { EMPTY_ACCURACY, EMPTY_AGGREGATE, isDomain, type AccuracyAggregate, type CardAggregate, type ForgettingCurve } from "@/lib/core/progress/mastery";
import type { DueBucket, HourBucket } from "@/lib/core/progress/calendar";
import type { DomainAggregates, DomainExamTallies } from "@/lib/core/progress/readiness";

type AnyDb = Db | Tx;
const DAY_MS = 86_400_000;

export interface CardWindow {
  learnerId: string;
  now: Date;
  todayEnd: Date;
  weekEnd: Date;
  /** the exam moment, or null (forecastSum is then 0) */
  examAt: Date | null;
  curve: ForgettingCurve;
}

function number(value: unknown): number {
  if (value == null) return 0;
  return typeof value === "number" ? value : Number(value);
}

function dateOrNull(value: unknown): Date | null {
  if (value == null) return null;
  return value instanceof Date ? value : new Date(String(value));
}

/** A float parameter PostgreSQL can type (a bare $1 in arithmetic is ambiguous there). */
function float(value: number, provider: DatabaseProvider): Prisma.Sql {
  return provider === "postgresql" ? Prisma.sql`CAST(${value} AS DOUBLE PRECISION)` : Prisma.sql`${value}`;
}

/** Days from c."lastReview" to `at`, never negative. */
function elapsedDays(at: Date, provider: DatabaseProvider): Prisma.Sql {
  return provider === "postgresql"
    ? Prisma.sql`GREATEST(0, (${float(at.getTime() / 1000, provider)} - EXTRACT(EPOCH FROM c."lastReview")) / 86400.0)`
    : Prisma.sql`max(0, ${at.getTime() / DAY_MS + 2440587.5} - julianday(c."lastReview"))`;
}

/**
 * Always a REAL, also when every card of a group is unseen: SQLite's SUM over integer zeros is an
 * integer, and the driver adapter types a raw column by its first row, so a first group summing
 * to 0 made every later sum an integer (mastery 24.3 of 27 cards read as 24: 89% shown as 88%).
 */
function retrievabilitySql(at: Date | null, curve: ForgettingCurve, provider: DatabaseProvider): Prisma.Sql {
  if (!at) return Prisma.sql`0.0`;
  const power = provider === "postgresql" ? Prisma.raw("power") : Prisma.raw("pow");
  return Prisma.sql`CASE WHEN c."state" <> 0 AND c."lastReview" IS NOT NULL AND c."stability" > 0
    THEN ${power}(1 + ${float(curve.factor, provider)} * ${elapsedDays(at, provider)} / c."stability", ${float(curve.decay, provider)}) ELSE 0.0 END`;
}

function cardColumns(window: CardWindow, provider: DatabaseProvider): Prisma.Sql {
  return Prisma.sql`COUNT(*) AS "cards",
    SUM(CASE WHEN c."state" <> 0 THEN 1 ELSE 0 END) AS "seen",
    SUM(${retrievabilitySql(window.now, window.curve, provider)}) AS "rsum",
    SUM(${retrievabilitySql(window.examAt, window.curve, provider)}) AS "fsum",
    SUM(CASE WHEN c."state" <> 0 AND c."due" < ${window.todayEnd} THEN 1 ELSE 0 END) AS "dueToday",
    SUM(CASE WHEN c."state" <> 0 AND c."due" < ${window.weekEnd} THEN 1 ELSE 0 END) AS "dueWeek",
    SUM(CASE WHEN c."leech" THEN 1 ELSE 0 END) AS "leeches",
    MAX(c."lastReview") AS "lastReview"`;
}

interface CardAggregateRow {
  cards: unknown;
  seen: unknown;
  rsum: unknown;
  fsum: unknown;
  dueToday: unknown;
  dueWeek: unknown;
  leeches: unknown;
  lastReview: unknown;
}

function aggregateOf(row: CardAggregateRow): CardAggregate {
  return {
    cards: number(row.cards),
    seen: number(row.seen),
    retrievabilitySum: number(row.rsum),
    forecastSum: number(row.fsum),
    dueToday: number(row.dueToday),
    dueWeek: number(row.dueWeek),
    leeches: number(row.leeches),
    lastReview: dateOrNull(row.lastReview),
  };
}

export interface TopicDomainRow extends CardAggregate {
  /** null: questions without a topic (counted in their domain, not in any topic) */
  topicKey: string | null;
  domain: Domain;
}

/**
 * SQLite's CROSS JOIN fixes the join order (its planner otherwise scans questions by domain and
 * looks each card up, 2–3× slower at 100k cards; for today's few thousand answers it walked all
 * 100k topic links instead of starting from the logs, 20×); PostgreSQL plans plain joins well
 * (hash joins).
 */
function orderedJoin(provider: DatabaseProvider): Prisma.Sql {
  return provider === "postgresql" ? Prisma.raw("JOIN") : Prisma.raw("CROSS JOIN");
}

function topicDomainRows(rows: readonly (CardAggregateRow & { topicKey: string | null; domain: string })[]): TopicDomainRow[] {
  return rows.filter((row) => isDomain(row.domain)).map((row) => ({ topicKey: row.topicKey, domain: row.domain as Domain, ...aggregateOf(row) }));
}

/**
 * Active cards (not suspended, question live) per topic × domain, in one pass over the cards;
 * a question without a topic forms a row with topicKey null.
 *
 * `singleTopic` (no question has two topics, see hasMultiTopicQuestions): the cards' own copies
 * of their question's domain, topic and archived state (kept by triggers, migration
 * progress_card_facets) are the whole answer, read from Card_progress_covering_idx in
 * (topic, domain) order — no lookup per card (bench:progress: ~130 → ~60 ms at 100k cards).
 * Otherwise a card counts once under each of its question's topics, which needs the join.
 */
export async function aggregateCardsByTopicDomain(db: AnyDb, window: CardWindow, singleTopic = false): Promise<TopicDomainRow[]> {
  const provider = providerOfDb(db);
  if (singleTopic) {
    return topicDomainRows(await db.$queryRaw<(CardAggregateRow & { topicKey: string | null; domain: string })[]>`
      SELECT c."topicKey" AS "topicKey", c."domain" AS "domain", ${cardColumns(window, provider)}
      FROM "Card" c
      WHERE c."learnerId" = ${window.learnerId} AND c."questionArchived" = false AND c."suspended" = false
      GROUP BY c."topicKey", c."domain"`);
  }
  const join = orderedJoin(provider);
  return topicDomainRows(await db.$queryRaw<(CardAggregateRow & { topicKey: string | null; domain: string })[]>`
    SELECT qt."topicKey" AS "topicKey", q."domain" AS "domain", ${cardColumns(window, provider)}
    FROM "Card" c
    ${join} "Question" q ON q."id" = c."questionId"
    LEFT JOIN "QuestionTopic" qt ON qt."questionId" = c."questionId"
    WHERE c."learnerId" = ${window.learnerId} AND c."suspended" = false AND q."archivedAt" IS NULL
    GROUP BY qt."topicKey", q."domain"`);
}

/**
 * One topic's cards per domain, starting from the topic's questions (index on topicKey), with
 * `dueBefore[i]`: scheduled cards due before each of the given instants (the panel's days).
 */
export async function aggregateTopicCardsByDomain(db: AnyDb, window: CardWindow, topicKey: string, dueBounds: readonly Date[] = [], singleTopic = false): Promise<(TopicDomainRow & { dueBefore: number[] })[]> {
  const provider = providerOfDb(db);
  const join = orderedJoin(provider);
  const dueColumns = dueBounds.length ? Prisma.sql`, ${Prisma.join(dueBounds.map((bound, index) => Prisma.sql`SUM(CASE WHEN c."state" <> 0 AND c."due" < ${bound} THEN 1 ELSE 0 END) AS ${Prisma.raw(`"due${index}"`)}`))}` : Prisma.empty;
  // As aggregateCardsByTopicDomain: with one topic per question, one range of the covering index.
  const rows = singleTopic
    ? await db.$queryRaw<(CardAggregateRow & { topicKey: string; domain: string } & Record<string, unknown>)[]>`
    SELECT c."topicKey" AS "topicKey", c."domain" AS "domain", ${cardColumns(window, provider)} ${dueColumns}
    FROM "Card" c
    WHERE c."learnerId" = ${window.learnerId} AND c."questionArchived" = false AND c."suspended" = false AND c."topicKey" = ${topicKey}
    GROUP BY c."topicKey", c."domain"`
    : await db.$queryRaw<(CardAggregateRow & { topicKey: string; domain: string } & Record<string, unknown>)[]>`
    SELECT qt."topicKey" AS "topicKey", q."domain" AS "domain", ${cardColumns(window, provider)} ${dueColumns}
    FROM "QuestionTopic" qt
    ${join} "Card" c ON c."learnerId" = ${window.learnerId} AND c."questionId" = qt."questionId"
    ${join} "Question" q ON q."id" = qt."questionId"
    WHERE qt."topicKey" = ${topicKey} AND c."suspended" = false AND q."archivedAt" IS NULL
    GROUP BY qt."topicKey", q."domain"`;
  return rows
    .filter((row) => isDomain(row.domain))
    .map((row) => ({ topicKey: row.topicKey, domain: row.domain as Domain, ...aggregateOf(row), dueBefore: dueBounds.map((_, index) => number(row[`due${index}`])) }));
}

const multiTopicChecks = new WeakMap<object, { stamp: string; multi: boolean }>();

/**
 * Whether some question has more than one topic. When none has, the topic × domain rows hold
 * each card exactly once and the domain totals are their sums (no second pass over the cards).
 * On SQLite the answer is kept per client until QuestionTopic's row count or newest rowid
 * changes (both O(1); a question sync rewrites the rows it changes).
 */
export async function hasMultiTopicQuestions(db: AnyDb): Promise<boolean> {
  const sqlite = providerOfDb(db) === "sqlite";
  let stamp = "";
  if (sqlite) {
    const [row] = await db.$queryRaw<{ links: unknown; newest: unknown }[]>`SELECT COUNT(*) AS "links", MAX(rowid) AS "newest" FROM "QuestionTopic"`;
    stamp = `${String(row?.links)}|${String(row?.newest)}`;
    const cached = multiTopicChecks.get(db);
    if (cached && cached.stamp === stamp) return cached.multi;
  }
  const rows = await db.$queryRaw<{ found: unknown }[]>`
    SELECT 1 AS "found" FROM "QuestionTopic" GROUP BY "questionId" HAVING COUNT(*) > 1 LIMIT 1`;
  const multi = rows.length > 0;
  if (sqlite) multiTopicChecks.set(db, { stamp, multi });
  return multi;
}

/** Active cards per domain (each card once, whatever its topics). */
export async function aggregateCardsByDomain(db: AnyDb, window: CardWindow): Promise<DomainAggregates> {
  const provider = providerOfDb(db);
  const rows = await db.$queryRaw<(CardAggregateRow & { domain: string })[]>`
    SELECT q."domain" AS "domain", ${cardColumns(window, provider)}
    FROM "Card" c ${orderedJoin(provider)} "Question" q ON q."id" = c."questionId"
    WHERE c."learnerId" = ${window.learnerId} AND c."suspended" = false AND q."archivedAt" IS NULL
    GROUP BY q."domain"`;
  const result = emptyDomainAggregates();
  for (const row of rows) if (isDomain(row.domain)) result[row.domain] = aggregateOf(row);
  return result;
}

export function emptyDomainAggregates(): DomainAggregates {
  return Object.fromEntries(DOMAINS.map((domain) => [domain, { ...EMPTY_AGGREGATE }])) as DomainAggregates;
}

// A self-rated answer (flashcard, cloze) has no server grade: "다시" counts as wrong, any other rating as right.
const ANSWER_CORRECT = Prisma.sql`CASE WHEN COALESCE(l."correct", l."rating" > 1) THEN 1 ELSE 0 END`;

interface AccuracyRow {
  key: string;
  origin: string;
  answers: unknown;
  correct: unknown;
}

function accuracyMap(rows: readonly AccuracyRow[]): Map<string, AccuracyAggregate> {
  const result = new Map<string, AccuracyAggregate>();
  for (const row of rows) {
    const entry = result.get(row.key) ?? { review: { ...EMPTY_ACCURACY.review }, exam: { ...EMPTY_ACCURACY.exam } };
    const tally = row.origin === "exam" ? entry.exam : entry.review;
    tally.answers += number(row.answers);
    tally.correct += number(row.correct);
    result.set(row.key, entry);
  }
  return result;
}

/** Answers in [since, until) — until null: no upper bound — per topic and origin (review / exam). */
export async function accuracyByTopic(db: AnyDb, learnerId: string, since: Date, topicKey?: string, until: Date | null = null): Promise<Map<string, AccuracyAggregate>> {
  const upper = until ? Prisma.sql`AND l."review" < ${until}` : Prisma.empty;
  // One topic: walk from its cards to their logs (index cardId, review) instead of scanning the window.
  const rows = topicKey
    ? await db.$queryRaw<AccuracyRow[]>`
        SELECT qt."topicKey" AS "key", l."origin" AS "origin", COUNT(*) AS "answers", SUM(${ANSWER_CORRECT}) AS "correct"
        FROM "QuestionTopic" qt
        JOIN "Card" c ON c."questionId" = qt."questionId" AND c."learnerId" = ${learnerId}
        JOIN "ReviewLog" l ON l."cardId" = c."id" AND l."review" >= ${since} ${upper}
        WHERE qt."topicKey" = ${topicKey}
        GROUP BY qt."topicKey", l."origin"`
    : await db.$queryRaw<AccuracyRow[]>`
        SELECT qt."topicKey" AS "key", l."origin" AS "origin", COUNT(*) AS "answers", SUM(${ANSWER_CORRECT}) AS "correct"
        FROM "ReviewLog" l
        ${orderedJoin(providerOfDb(db))} "Card" c ON c."id" = l."cardId"
        ${orderedJoin(providerOfDb(db))} "QuestionTopic" qt ON qt."questionId" = c."questionId"
        WHERE l."learnerId" = ${learnerId} AND l."review" >= ${since} ${upper}
        GROUP BY qt."topicKey", l."origin"`;
  return accuracyMap(rows);
}

export async function accuracyByDomain(db: AnyDb, learnerId: string, since: Date, until: Date | null = null): Promise<Map<string, AccuracyAggregate>> {
  const upper = until ? Prisma.sql`AND l."review" < ${until}` : Prisma.empty;
  const rows = await db.$queryRaw<AccuracyRow[]>`
    SELECT q."domain" AS "key", l."origin" AS "origin", COUNT(*) AS "answers", SUM(${ANSWER_CORRECT}) AS "correct"
    FROM "ReviewLog" l
    ${orderedJoin(providerOfDb(db))} "Card" c ON c."id" = l."cardId"
    ${orderedJoin(providerOfDb(db))} "Question" q ON q."id" = c."questionId"
    WHERE l."learnerId" = ${learnerId} AND l."review" >= ${since} ${upper}
    GROUP BY q."domain", l."origin"`;
  return accuracyMap(rows);
}

/** Answers of practice exams finished since `since`, per domain (the readiness evidence). */
export async function examTalliesSince(db: AnyDb, learnerId: string, since: Date): Promise<DomainExamTallies> {
  const rows = await db.$queryRaw<{ domain: string; answers: unknown; correct: unknown }[]>`
    SELECT i."domain" AS "domain", COUNT(*) AS "answers", SUM(CASE WHEN i."correct" THEN 1 ELSE 0 END) AS "correct"
    FROM "ExamAttempt" a JOIN "ExamItem" i ON i."attemptId" = a."id"
    WHERE a."learnerId" = ${learnerId} AND a."status" = 'finished' AND a."finishedAt" >= ${since}
    GROUP BY i."domain"`;
  const result = Object.fromEntries(DOMAINS.map((domain) => [domain, { answers: 0, correct: 0 }])) as DomainExamTallies;
  for (const row of rows) if (isDomain(row.domain)) result[row.domain] = { answers: number(row.answers), correct: number(row.correct) };
  return result;
}

/** "YYYY-MM-DDTHH" of a DateTime column in UTC: SQLite's ISO text cut to the hour, PostgreSQL's to_char. */
function hourKey(column: Prisma.Sql, provider: DatabaseProvider): Prisma.Sql {
  return provider === "postgresql" ? Prisma.sql`to_char(${column}, 'YYYY-MM-DD"T"HH24')` : Prisma.sql`substr(${column}, 1, 13)`;
}

function hourStartOfKey(key: string): number {
  return Date.parse(`${key}:00:00.000Z`);
}

/** Review logs since `since` per UTC hour (the calendar assigns hours to learner days). */
export async function logsByHour(db: AnyDb, learnerId: string, since: Date, until: Date | null = null): Promise<HourBucket[]> {
  const provider = providerOfDb(db);
  const upper = until ? Prisma.sql`AND l."review" < ${until}` : Prisma.empty;
  const rows = await db.$queryRaw<{ hour: string; answers: unknown; mature: unknown; passed: unknown; duration: unknown }[]>`
    SELECT ${hourKey(Prisma.sql`l."review"`, provider)} AS "hour", COUNT(*) AS "answers",
      SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' THEN 1 ELSE 0 END) AS "mature",
      SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' AND l."rating" > 1 THEN 1 ELSE 0 END) AS "passed",
      SUM(COALESCE(l."durationMs", 0)) AS "duration"
    FROM "ReviewLog" l
    WHERE l."learnerId" = ${learnerId} AND l."review" >= ${since} ${upper}
    GROUP BY 1`;
  return rows.map((row) => ({ hourStart: hourStartOfKey(row.hour), answers: number(row.answers), matureAnswers: number(row.mature), maturePassed: number(row.passed), durationMs: number(row.duration) }));
}

/**
 * Scheduled active cards due before `until`, per UTC hour (overdue ones in their past hours).
 * All learners' scheduled cards are read from the (learnerId, state, due) index alone and the
 * suspended ones subtracted: checking `suspended` on every due card costs a table lookup each.
 */
export async function dueByHour(db: AnyDb, learnerId: string, until: Date, topicKey?: string): Promise<DueBucket[]> {
  const provider = providerOfDb(db);
  const hour = hourKey(Prisma.sql`c."due"`, provider);
  if (topicKey) {
    const rows = await db.$queryRaw<{ hour: string; cards: unknown }[]>`
      SELECT ${hour} AS "hour", COUNT(*) AS "cards"
      FROM "QuestionTopic" qt ${orderedJoin(provider)} "Card" c ON c."learnerId" = ${learnerId} AND c."questionId" = qt."questionId"
      WHERE qt."topicKey" = ${topicKey} AND c."suspended" = false AND c."state" <> 0 AND c."due" < ${until}
      GROUP BY 1`;
    return rows.map((row) => ({ hourStart: hourStartOfKey(row.hour), cards: number(row.cards) }));
  }
  const [scheduled, suspended] = await Promise.all([
    db.$queryRaw<{ hour: string; cards: unknown }[]>`
      SELECT ${hour} AS "hour", COUNT(*) AS "cards" FROM "Card" c
      WHERE c."learnerId" = ${learnerId} AND c."state" IN (1, 2, 3) AND c."due" < ${until}
      GROUP BY 1`,
    db.$queryRaw<{ hour: string; cards: unknown }[]>`
      SELECT ${hour} AS "hour", COUNT(*) AS "cards" FROM "Card" c
      WHERE c."learnerId" = ${learnerId} AND c."suspended" = true AND c."state" <> 0 AND c."due" < ${until}
      GROUP BY 1`,
  ]);
  const byHour = new Map<string, number>();
  for (const row of scheduled) byHour.set(row.hour, number(row.cards));
  for (const row of suspended) byHour.set(row.hour, (byHour.get(row.hour) ?? 0) - number(row.cards));
  return [...byHour].filter(([, cards]) => cards > 0).map(([key, cards]) => ({ hourStart: hourStartOfKey(key), cards }));
}

/** The latest answer before `before` (index learnerId, review): the fingerprint of closed days. */
export async function latestReviewBefore(db: AnyDb, learnerId: string, before: Date): Promise<string> {
  const row = await db.reviewLog.findFirst({ where: { learnerId, review: { lt: before } }, orderBy: { review: "desc" }, select: { id: true, review: true } });
  return row ? `${row.review.toISOString()}|${row.id}` : "none";
}

/** Cards answered for the first time since `since` (the pace of new cards). */
export async function countFirstReviewsSince(db: AnyDb, learnerId: string, since: Date): Promise<number> {
  return db.card.count({ where: { learnerId, firstReview: { gte: since } } });
}

export async function readExamDate(db: AnyDb, learnerId: string): Promise<Date | null> {
  const row = await db.learnerSettings.findUnique({ where: { learnerId }, select: { examDate: true } });
  return row?.examDate ?? null;
}
