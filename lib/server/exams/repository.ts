// Storage for practice exams: the question pool, attempts and their items. The pool is read as
// ONE JSON value (as the review queue is): a 10,000-question bank through Prisma's row path
// costs several times more than the SQL itself (bench:exam). The SQL is the same on SQLite and
// PostgreSQL except for the JSON aggregate.
import "server-only";
import { Prisma } from "@/generated/prisma-sqlite/client";
import type { ExamAttempt as ExamAttemptRow, ExamItem as ExamItemRow } from "@/generated/prisma-sqlite/client";
import { providerOfDb, tuneSqlite, type Db, type Tx } from "@/lib/server/db";
import { questionFamily } from "@/lib/core/questions/family";
import type { Domain, QuestionOrigin } from "@/lib/core/questions/types";
import type { ExamPoolQuestion } from "@/lib/core/exam/types";

type AnyDb = Db | Tx;

/** How many of the learner's latest attempts count as "recent" for question reuse. */
export const RECENT_ATTEMPTS = 3;

function jsonRows(db: AnyDb, tuple: Prisma.Sql): Prisma.Sql {
  return providerOfDb(db) === "postgresql"
    ? Prisma.sql`COALESCE(json_agg(json_build_array(${tuple})), '[]'::json)`
    : Prisma.sql`json_group_array(json_array(${tuple}))`;
}

function parseJsonValue<T>(value: unknown, fallback: T): T {
  if (value == null) return fallback;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

export interface PoolFilter {
  includeImported: boolean;
  /** taxonomy service keys; empty = all */
  topics: readonly string[];
  /** empty = all */
  domains: readonly Domain[];
}

/**
 * Live choice questions an exam may hold. Topic keys come aggregated per question, so one
 * statement returns the whole pool whatever its size (no bound list of ids).
 */
export async function fetchExamPool(db: AnyDb, filter: PoolFilter): Promise<ExamPoolQuestion[]> {
  await tuneSqlite(db);
  const postgres = providerOfDb(db) === "postgresql";
  const conditions: Prisma.Sql[] = [Prisma.sql`q."archivedAt" IS NULL`, Prisma.sql`q."type" IN ('single', 'multiple')`];
  if (!filter.includeImported) conditions.push(Prisma.sql`q."origin" <> 'imported'`);
  if (filter.domains.length > 0) conditions.push(Prisma.sql`q."domain" IN (${Prisma.join([...filter.domains])})`);
  if (filter.topics.length > 0) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM "QuestionTopic" ft WHERE ft."questionId" = q."id" AND ft."topicKey" IN (${Prisma.join([...filter.topics])}))`);
  }
  // One join grouped by question (a correlated subquery per question cost ~3× as much).
  const topicList = postgres ? Prisma.sql`string_agg(qt."topicKey", ',' ORDER BY qt."topicKey")` : Prisma.sql`group_concat(qt."topicKey", ',')`;
  const tuple = Prisma.sql`p."id", p."type", p."domain", p."origin", p."generator", p."factIds", p."topics"`;
  const rows = await db.$queryRaw<{ rows: unknown }[]>`
    SELECT ${jsonRows(db, tuple)} AS "rows" FROM (
      SELECT q."id", q."type", q."domain", q."origin", q."generator", q."factIds", ${topicList} AS "topics"
      FROM "Question" q LEFT JOIN "QuestionTopic" qt ON qt."questionId" = q."id"
      WHERE ${Prisma.join(conditions, " AND ")}
      GROUP BY q."id", q."type", q."domain", q."origin", q."generator", q."factIds"
    ) p`;
  const tuples = parseJsonValue<[string, string, string, string, string | null, string | null, string | null][]>(rows[0]?.rows, []);
  return tuples.map(([id, type, domain, origin, generator, factIds, topics]) => {
    const question = {
      id,
      type: type as "single" | "multiple",
      origin: origin as QuestionOrigin,
      generator,
      factIds: parseJsonValue<string[]>(factIds, []),
    };
    return {
      id,
      type: question.type,
      domain: domain as Domain,
      // SQLite's group_concat has no ORDER BY: sort here so both providers agree.
      topics: topics ? topics.split(",").sort() : [],
      origin: question.origin,
      family: questionFamily(question),
    };
  });
}

/**
 * The bank's state in one cheap statement: any change a sync or an import makes to the questions
 * an exam may draw (a row added, archived, edited, a topic added or removed) changes it.
 */
async function bankFingerprint(db: AnyDb): Promise<string> {
  const rows = await db.$queryRaw<{ questions: unknown; updated: unknown; topics: unknown }[]>`
    SELECT (SELECT COUNT(*) FROM "Question") AS "questions", (SELECT MAX("updatedAt") FROM "Question") AS "updated",
           (SELECT COUNT(*) FROM "QuestionTopic") AS "topics"`;
  const row = rows[0];
  const updated = row?.updated instanceof Date ? row.updated.toISOString() : String(row?.updated ?? "");
  return `${String(row?.questions)}|${updated}|${String(row?.topics)}`;
}

// Per client (tests and benches open several databases in one process), then per filter.
const poolCaches = new WeakMap<object, Map<string, { fingerprint: string; pool: readonly ExamPoolQuestion[] }>>();
const POOL_CACHE_ENTRIES = 16;

/**
 * fetchExamPool, kept per process while the bank's fingerprint is unchanged. The pool is bank
 * data, not learner state, and the fingerprint is checked on every call, so app servers that
 * scale out each keep a correct copy (bench:exam: the pool read was ~60% of assembling 65).
 */
export async function fetchExamPoolCached(db: Db, filter: PoolFilter): Promise<readonly ExamPoolQuestion[]> {
  let poolCache = poolCaches.get(db);
  if (!poolCache) poolCaches.set(db, (poolCache = new Map()));
  const key = JSON.stringify([filter.includeImported, [...filter.topics].sort(), [...filter.domains].sort()]);
  const fingerprint = await bankFingerprint(db);
  const cached = poolCache.get(key);
  if (cached && cached.fingerprint === fingerprint) return cached.pool;
  const pool = await fetchExamPool(db, filter);
  if (poolCache.size >= POOL_CACHE_ENTRIES) poolCache.delete(poolCache.keys().next().value as string);
  poolCache.set(key, { fingerprint, pool });
  return pool;
}

/** Question ids of the learner's latest finished or in-progress attempts. */
export async function fetchRecentExamQuestionIds(db: AnyDb, learnerId: string): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ rows: unknown }[]>`
    SELECT ${jsonRows(db, Prisma.sql`i."questionId"`)} AS "rows" FROM "ExamItem" i
    WHERE i."attemptId" IN (SELECT a."id" FROM "ExamAttempt" a WHERE a."learnerId" = ${learnerId} AND a."status" <> 'abandoned'
                            ORDER BY a."startedAt" DESC LIMIT ${RECENT_ATTEMPTS})`;
  return new Set(parseJsonValue<[string][]>(rows[0]?.rows, []).map(([id]) => id));
}

export interface WeaknessRow {
  questionId: string;
  state: number;
  stability: number;
  lastReview: Date | null;
  recentAnswers: number;
  recentWrong: number;
}

/** Per question of the learner's cards: memory state and answers since `since` (weak mode). */
export async function fetchWeaknessRows(db: AnyDb, learnerId: string, since: Date): Promise<WeaknessRow[]> {
  const postgres = providerOfDb(db) === "postgresql";
  const lastReview = postgres ? Prisma.sql`ROUND(EXTRACT(EPOCH FROM c."lastReview") * 1000)::bigint` : Prisma.sql`c."lastReview"`;
  const tuple = Prisma.sql`c."questionId", c."state", c."stability", ${lastReview},
    (SELECT COUNT(*) FROM "ReviewLog" l WHERE l."cardId" = c."id" AND l."review" >= ${since} AND l."correct" IS NOT NULL),
    (SELECT COUNT(*) FROM "ReviewLog" l WHERE l."cardId" = c."id" AND l."review" >= ${since} AND l."correct" = false)`;
  const rows = await db.$queryRaw<{ rows: unknown }[]>`
    SELECT ${jsonRows(db, tuple)} AS "rows" FROM "Card" c WHERE c."learnerId" = ${learnerId} AND c."state" <> 0`;
  return parseJsonValue<[string, number, number, number | string | null, number, number][]>(rows[0]?.rows, []).map(
    ([questionId, state, stability, last, recentAnswers, recentWrong]) => ({
      questionId,
      state: Number(state),
      stability: Number(stability),
      lastReview: last == null ? null : new Date(typeof last === "string" ? Date.parse(last) : Number(last)),
      recentAnswers: Number(recentAnswers),
      recentWrong: Number(recentWrong),
    }),
  );
}

export interface NewAttempt {
  id: string;
  learnerId: string;
  mode: string;
  feedback: string;
  seed: string;
  config: string;
  notices: string;
  timeLimitMs: number | null;
  startedAt: Date;
  deadline: Date | null;
  items: { position: number; questionId: string; domain: string }[];
}

export async function insertAttempt(tx: Tx, attempt: NewAttempt): Promise<void> {
  const { items, ...row } = attempt;
  await tx.examAttempt.create({ data: { ...row, status: "in_progress", questionCount: items.length, version: 0 } });
  await tx.examItem.createMany({ data: items.map((item) => ({ ...item, attemptId: attempt.id })) });
}

export type AttemptRow = ExamAttemptRow;
export type ItemRow = ExamItemRow;

export function findAttempt(db: AnyDb, attemptId: string): Promise<AttemptRow | null> {
  return db.examAttempt.findUnique({ where: { id: attemptId } });
}

export function findItems(db: AnyDb, attemptId: string): Promise<ItemRow[]> {
  return db.examItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
}

export function findItem(db: AnyDb, attemptId: string, position: number): Promise<ItemRow | null> {
  return db.examItem.findUnique({ where: { attemptId_position: { attemptId, position } } });
}

/** Moves the attempt to `version + 1` only if it is still in progress at `version`; false when stale. */
export async function bumpAttemptVersion(tx: Tx, attemptId: string, version: number): Promise<boolean> {
  const result = await tx.examAttempt.updateMany({ where: { id: attemptId, version, status: "in_progress" }, data: { version: { increment: 1 } } });
  return result.count === 1;
}

export async function updateItem(tx: Tx, attemptId: string, position: number, data: Partial<Pick<ItemRow, "selected" | "flagged" | "locked" | "answeredAt" | "timeSpentMs" | "correct">>): Promise<void> {
  await tx.examItem.update({ where: { attemptId_position: { attemptId, position } }, data });
}

export async function writeItemGrades(tx: Tx, attemptId: string, grades: readonly { position: number; correct: boolean }[]): Promise<void> {
  // Two statements whatever the exam's size: the right ones, then the wrong ones.
  for (const correct of [true, false]) {
    const positions = grades.filter((grade) => grade.correct === correct).map((grade) => grade.position);
    if (positions.length > 0) await tx.examItem.updateMany({ where: { attemptId, position: { in: positions } }, data: { correct } });
  }
}

/** Finishes the attempt once: false when another request finished it first. */
export async function markFinished(
  tx: Tx,
  attemptId: string,
  data: { finishedAt: Date; finishReason: string; correctCount: number; scaledScore: number; passed: boolean; score: string },
): Promise<boolean> {
  const result = await tx.examAttempt.updateMany({ where: { id: attemptId, status: "in_progress" }, data: { ...data, status: "finished", version: { increment: 1 } } });
  return result.count === 1;
}

export async function markAbandoned(tx: Tx, attemptId: string, now: Date): Promise<boolean> {
  const result = await tx.examAttempt.updateMany({ where: { id: attemptId, status: "in_progress" }, data: { status: "abandoned", finishedAt: now, version: { increment: 1 } } });
  return result.count === 1;
}

/** In-progress attempts whose deadline has passed (the start-up sweep). */
export async function findExpiredAttemptIds(db: AnyDb, now: Date): Promise<{ id: string; learnerId: string }[]> {
  return db.examAttempt.findMany({ where: { status: "in_progress", deadline: { lt: now } }, select: { id: true, learnerId: true }, take: 1000 });
}

export interface AttemptListRow extends AttemptRow {
  answered: number;
}

/** The learner's attempts of one status, newest first, with how many items were answered. */
export async function listAttempts(db: AnyDb, learnerId: string, statuses: readonly string[], limit: number): Promise<AttemptListRow[]> {
  const attempts = await db.examAttempt.findMany({
    where: { learnerId, status: { in: [...statuses] } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  if (attempts.length === 0) return [];
  const counts = await db.examItem.groupBy({
    by: ["attemptId"],
    where: { attemptId: { in: attempts.map((attempt) => attempt.id) }, NOT: { selected: "[]" } },
    _count: { _all: true },
  });
  const answered = new Map(counts.map((row) => [row.attemptId, row._count._all]));
  return attempts.map((attempt) => ({ ...attempt, answered: answered.get(attempt.id) ?? 0 }));
}

/** Counts of live choice questions per domain and origin (the start screen). */
export async function countChoiceQuestions(db: AnyDb): Promise<{ domain: string; origin: string; count: number }[]> {
  const rows = await db.question.groupBy({
    by: ["domain", "origin"],
    where: { archivedAt: null, type: { in: ["single", "multiple"] } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ domain: row.domain, origin: row.origin, count: row._count._all }));
}

/** Live choice questions per topic key (the custom exam's topic list). */
export async function countChoiceQuestionsByTopic(db: AnyDb, includeImported: boolean): Promise<{ topicKey: string; count: number }[]> {
  const rows = await db.questionTopic.groupBy({
    by: ["topicKey"],
    where: { question: { archivedAt: null, type: { in: ["single", "multiple"] }, ...(includeImported ? {} : { origin: { not: "imported" } }) } },
    _count: { _all: true },
  });
  return rows.map((row) => ({ topicKey: row.topicKey, count: row._count._all }));
}
