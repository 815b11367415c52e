// The card browser (/cards): search and filter the learner's cards, and the Anki browser's
// operations on a selection — each one transaction over the selected cards with a version check
// per card, each undoable. Schedule changes (reset, reschedule) write a manual ReviewLog row
// (rating 0, origin "browser") with the card's previous progress, as an answer does; the other
// marks travel in the undo token (lib/core/srs/card-operations.ts).
import "server-only";
import type { Card as CardRow, Prisma } from "@/generated/prisma-sqlite/client";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { parseCardSnapshot, progressOf, snapshotCard } from "@/lib/core/srs/answer";
import { CARD_PAGE_SIZE, type CardFilters } from "@/lib/core/srs/card-filters";
import { decodeUndoToken, encodeUndoToken, isBuried, OPERATION_LABELS, planOperation, type BrowserCard, type CardMarks, type CardOperation, type UndoEntry } from "@/lib/core/srs/card-operations";
import { nextLearnerDayStart, startOfLearnerDay } from "@/lib/core/srs/day-boundary";
import { CARD_STATES, type CardProgress, type CardStateValue } from "@/lib/core/srs/types";
import { cardRecordFromRow, ensureCards, readSettings } from "@/lib/server/cards";
import { newReviewLogId } from "@/lib/server/cards/review-logs";
import { providerOfDb, withTransaction, type Db, type Tx } from "@/lib/server/db";

/** At most this many cards per operation (one page of the browser is 50). */
export const MAX_SELECTION = 500;

export interface BrowserCardRow {
  cardId: string;
  questionId: string;
  stem: string;
  type: string;
  origin: string;
  topics: string[];
  state: CardStateValue;
  due: Date;
  lapses: number;
  reps: number;
  suspended: boolean;
  buried: boolean;
  flag: number;
  leech: boolean;
  archived: boolean;
}

export interface CardListView {
  cards: BrowserCardRow[];
  total: number;
  page: number;
  pageCount: number;
}

const STATE_VALUES = { new: CARD_STATES.new, learning: CARD_STATES.learning, review: CARD_STATES.review, relearning: CARD_STATES.relearning } as const;

function whereOf(db: Db, learnerId: string, filters: CardFilters, frame: { now: Date; dayStart: Date; dayEnd: Date }): Prisma.CardWhereInput {
  const and: Prisma.CardWhereInput[] = [{ learnerId }];
  const question: Prisma.QuestionWhereInput = {};
  if (filters.q) {
    // SQLite's LIKE ignores ASCII case already; PostgreSQL needs `insensitive` (SQLite rejects it).
    question.stem = providerOfDb(db) === "postgresql" ? ({ contains: filters.q, mode: "insensitive" } as Prisma.StringFilter<"Question">) : { contains: filters.q };
  }
  if (filters.origin) question.origin = filters.origin;
  if (filters.topic) question.topics = { some: { topicKey: filters.topic } };
  if (Object.keys(question).length > 0) and.push({ question });
  if (filters.state) and.push({ state: STATE_VALUES[filters.state] });
  if (filters.due) {
    const notNew = { state: { not: CARD_STATES.new } };
    if (filters.due === "overdue") and.push(notNew, { due: { lt: frame.dayStart } });
    if (filters.due === "today") and.push(notNew, { due: { lt: frame.dayEnd } });
    if (filters.due === "later") and.push(notNew, { due: { gte: frame.dayEnd } });
  }
  if (filters.lapses != null) and.push({ lapses: { gte: filters.lapses } });
  if (filters.flag != null) and.push({ flag: filters.flag });
  if (filters.status === "suspended") and.push({ suspended: true });
  if (filters.status === "buried") and.push({ buriedUntil: { gt: frame.now } });
  if (filters.status === "active") and.push({ suspended: false, OR: [{ buriedUntil: null }, { buriedUntil: { lte: frame.now } }] });
  return { AND: and };
}

export async function listCards(db: Db, request: { learnerId: string; filters: CardFilters; now: Date }): Promise<CardListView> {
  const { learnerId, filters, now } = request;
  await ensureCards(db, learnerId, now);
  const settings = await readSettings(db, learnerId);
  const frame = { now, dayStart: startOfLearnerDay(now, settings.timeZone, settings.dayStartHour), dayEnd: nextLearnerDayStart(now, settings.timeZone, settings.dayStartHour) };
  const where = whereOf(db, learnerId, filters, frame);
  const total = await db.card.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / CARD_PAGE_SIZE));
  const page = Math.min(filters.page, pageCount);
  const rows = await db.card.findMany({
    where,
    orderBy: [{ due: "asc" }, { id: "asc" }],
    skip: (page - 1) * CARD_PAGE_SIZE,
    take: CARD_PAGE_SIZE,
    include: { question: { select: { stem: true, type: true, origin: true, archivedAt: true, topics: { select: { topicKey: true }, orderBy: { topicKey: "asc" } } } } },
  });
  return {
    total,
    page,
    pageCount,
    cards: rows.map((row) => ({
      cardId: row.id,
      questionId: row.questionId,
      stem: row.question.stem,
      type: row.question.type,
      origin: row.question.origin,
      topics: row.question.topics.map((topic) => topic.topicKey),
      state: row.state as CardStateValue,
      due: row.due,
      lapses: row.lapses,
      reps: row.reps,
      suspended: row.suspended,
      buried: isBuried(row, now),
      flag: row.flag,
      leech: row.leech,
      archived: row.question.archivedAt != null,
    })),
  };
}

function browserCardOf(row: CardRow): BrowserCard {
  const record = cardRecordFromRow(row);
  return { suspended: row.suspended, buriedUntil: row.buriedUntil, flag: row.flag, progress: record };
}

const CHANGED_SINCE = "선택한 카드가 그 사이에 바뀌었습니다 (복습했거나 다른 탭에서 바꿨습니다). 화면을 새로 고친 뒤 다시 하세요.";

/** Writes a card only if it is still at `fromVersion`; a miss means it changed since it was read. */
async function writeCard(tx: Tx, cardId: string, fromVersion: number, data: Prisma.CardUpdateManyMutationInput, message: string): Promise<void> {
  const result = await tx.card.updateMany({ where: { id: cardId, version: fromVersion }, data });
  if (result.count !== 1) throw new ConflictError(message, "card_changed");
}

export interface OperationResult {
  /** cards the operation changed (a card already in the target state is left alone) */
  changed: number;
  selected: number;
  /** undoes exactly this operation; null when nothing changed */
  undoToken: string | null;
  message: string;
}

export async function applyCardOperation(db: Db, request: { learnerId: string; cardIds: readonly string[]; operation: CardOperation; now: Date }): Promise<OperationResult> {
  const { learnerId, operation, now } = request;
  const cardIds = [...new Set(request.cardIds)];
  if (cardIds.length === 0) throw new ValidationError("카드를 하나 이상 고르세요.");
  if (cardIds.length > MAX_SELECTION) throw new ValidationError(`한 번에 ${MAX_SELECTION}장까지 바꿀 수 있습니다 (고른 카드: ${cardIds.length}장).`);
  const settings = await readSettings(db, learnerId);
  const nextDayStart = nextLearnerDayStart(now, settings.timeZone, settings.dayStartHour);
  const entries = await withTransaction(db, async (tx) => {
    const rows = await tx.card.findMany({ where: { id: { in: cardIds }, learnerId } });
    if (rows.length !== cardIds.length) {
      const found = new Set(rows.map((row) => row.id));
      throw new NotFoundError(`카드 "${cardIds.find((id) => !found.has(id))}" 를 찾을 수 없습니다.`);
    }
    const written: UndoEntry[] = [];
    for (const row of rows) {
      const card = browserCardOf(row);
      const planned = planOperation(card, operation, { now, nextDayStart });
      if (!planned.changed) continue;
      const version = row.version + 1;
      await writeCard(tx, row.id, row.version, { ...marksData(planned.marks), ...(planned.schedule ? progressOf(planned.schedule.progress) : {}), version }, CHANGED_SINCE);
      let logId: string | null = null;
      if (planned.schedule) {
        logId = newReviewLogId(now);
        await tx.reviewLog.create({
          data: {
            id: logId,
            learnerId,
            cardId: row.id,
            ...planned.schedule.log,
            durationMs: null,
            correct: null,
            answer: null,
            previousCard: snapshotCard(card.progress),
            cardVersion: version,
            origin: "browser",
            examAttemptId: null,
          },
        });
      }
      written.push({ cardId: row.id, version, marks: { suspended: card.suspended, buriedUntil: card.buriedUntil, flag: card.flag }, logId });
    }
    return written;
  });
  const label = operation.kind === "flag" ? `${OPERATION_LABELS.flag} 바꾸기` : OPERATION_LABELS[operation.kind];
  return {
    changed: entries.length,
    selected: cardIds.length,
    undoToken: entries.length > 0 ? encodeUndoToken({ operation: operation.kind, entries }) : null,
    message: entries.length > 0 ? `${entries.length}장에 "${label}"를 적용했습니다.` : `고른 카드는 이미 그 상태라 바꾼 것이 없습니다.`,
  };
}

function marksData(marks: CardMarks) {
  return { suspended: marks.suspended, buriedUntil: marks.buriedUntil, flag: marks.flag };
}

const UNDO_STALE = "그 뒤에 바뀐 카드가 있어 되돌릴 수 없습니다 (복습했거나 다시 바꿨습니다). 화면을 새로 고치세요.";

/** Restores every card of the token exactly (refused as a whole if any changed since). */
export async function undoCardOperation(db: Db, request: { learnerId: string; token: string }): Promise<{ restored: number; message: string }> {
  const token = decodeUndoToken(request.token);
  const restored = await withTransaction(db, async (tx) => {
    for (const entry of token.entries) {
      const card = await tx.card.findUnique({ where: { id: entry.cardId } });
      if (!card || card.learnerId !== request.learnerId) throw new NotFoundError(`카드 "${entry.cardId}" 를 찾을 수 없습니다.`);
      if (card.version !== entry.version) throw new ConflictError(UNDO_STALE, "undo_stale");
      let progress: CardProgress | null = null;
      if (entry.logId) {
        const log = await tx.reviewLog.findUnique({ where: { id: entry.logId } });
        if (!log || log.cardId !== card.id || log.origin !== "browser" || log.cardVersion !== entry.version) throw new ConflictError("이미 되돌렸거나 없는 변경입니다.", "undo_gone");
        progress = parseCardSnapshot(log.previousCard);
        await tx.reviewLog.delete({ where: { id: log.id } });
      }
      await writeCard(tx, card.id, entry.version, { ...marksData(entry.marks), ...(progress ? progressOf(progress) : {}), version: entry.version + 1 }, UNDO_STALE);
    }
    return token.entries.length;
  });
  return { restored, message: `${restored}장을 되돌렸습니다.` };
}

/**
 * "복습에 추가" on a question page: the card exists, is not suspended or buried, and a new card
 * is due now. Archived questions stay out (their cards are suspended by the sync).
 */
export async function addQuestionToReview(db: Db, request: { learnerId: string; questionId: string; now: Date }): Promise<{ cardId: string; message: string }> {
  const { learnerId, questionId, now } = request;
  const question = await db.question.findUnique({ where: { id: questionId }, select: { archivedAt: true } });
  if (!question) throw new NotFoundError(`문제 "${questionId}" 를 찾을 수 없습니다.`);
  if (question.archivedAt) throw new ConflictError("보관된 문제는 복습에 넣을 수 없습니다.", "archived");
  await ensureCards(db, learnerId, now);
  return withTransaction(db, async (tx) => {
    const card = await tx.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId } } });
    if (!card) throw new NotFoundError(`문제 "${questionId}" 의 카드를 만들 수 없습니다.`);
    const isNew = card.state === CARD_STATES.new;
    await writeCard(tx, card.id, card.version, { suspended: false, buriedUntil: null, ...(isNew ? { due: now } : {}), version: card.version + 1 }, CHANGED_SINCE);
    return { cardId: card.id, message: isNew ? "복습에 넣었습니다. 오늘의 새 카드로 나옵니다." : card.suspended ? "일시 중지를 풀어 복습에 다시 넣었습니다." : "이미 복습 중인 카드입니다. 일정대로 나옵니다." };
  });
}
