// Cards: one row per learner and question, shared by review, exams and progress. Lookups read a
// card with its question in one statement; card-state writes other than answers (leech mark,
// suspensions) live here too. Answers go through record-answer.ts.
import "server-only";
import type { Card as CardRow, Question as QuestionRow, QuestionTopic as QuestionTopicRow } from "@/generated/prisma-sqlite/client";
import { Prisma } from "@/generated/prisma-sqlite/client";
import { providerOfDb, type Db, type Tx } from "@/lib/server/db";
import type { CardRecord, CardStateValue } from "@/lib/core/srs/types";

type AnyDb = Db | Tx;

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

const CARD_COLUMNS = ["id", "learnerId", "questionId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "firstReview", "version", "suspended", "leech", "buriedUntil", "flag", "createdAt"] as const;
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
    flag: Number(card.flag),
    buriedUntil: card.buriedUntil == null ? null : toDate(card.buriedUntil),
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
