// Grading, answering and undo. Answering is one transaction (Anki's "card was modified"
// check): load the card, reject if its version is not the one the learner was shown, write the
// new state and the log. A stale or duplicate submission writes nothing.
import "server-only";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { withTransaction, type Db } from "@/lib/server/db";
import { questionFromRow } from "@/lib/server/questions/map";
import { parseCardSnapshot } from "@/lib/core/srs/answer";
import { gradeChoice } from "@/lib/core/questions/grading";
import type { AnswerInput, CheckInput, UndoInput } from "@/lib/core/srs/inputs";
import { createScheduler } from "@/lib/core/srs/scheduler";
import { startOfLearnerDay } from "@/lib/core/srs/day-boundary";
import { toRevealView, type AnswerResult, type RevealView, type UndoResult } from "@/lib/core/srs/views";
import { kindOf, primaryTopic } from "@/lib/core/srs/queue";
import {
  STALE_CARD_MESSAGE,
  cardRecordFromRow,
  deleteReviewLog,
  findCardWithQuestion,
  findLatestLog,
  findReviewLog,
  readSettings,
  recordAnswer,
  restoreCard,
} from "@/lib/server/cards";
import type { ReviewScope } from "@/lib/core/srs/views";
import { cardViewFromRow, fetchDayProgress, fetchNextCard, resolveTopicLinks } from "./session";

export const STALE_ANSWER_MESSAGE = STALE_CARD_MESSAGE;

async function loadOwnedCard(db: Db, learnerId: string, cardId: string) {
  const row = await findCardWithQuestion(db, cardId);
  if (!row || row.learnerId !== learnerId) throw new NotFoundError(`카드 "${cardId}" 를 찾을 수 없습니다.`);
  return row;
}

function assertReviewable(row: { suspended: boolean; question: { archivedAt: Date | null } }): void {
  if (row.suspended || row.question.archivedAt) {
    throw new ConflictError("이 문제는 보관되어 복습에서 빠졌습니다. 화면을 새로 고치세요.", "suspended");
  }
}

/** Grades a choice answer or reveals a self-rated card. Reads only (also used by cram mode). */
export async function checkAnswer(db: Db, request: { learnerId: string; input: CheckInput; now: Date }): Promise<RevealView> {
  const row = await loadOwnedCard(db, request.learnerId, request.input.cardId);
  const question = questionFromRow(row.question);
  const [settings, topics] = await Promise.all([readSettings(db, request.learnerId), resolveTopicLinks(db, question.topics)]);
  return toRevealView({
    cardId: row.id,
    question,
    card: cardRecordFromRow(row),
    selected: request.input.selected,
    durationMs: request.input.durationMs,
    guessed: request.input.guessed,
    now: request.now,
    scheduler: createScheduler(settings),
    topics,
  });
}

export async function answerCard(db: Db, request: { learnerId: string; input: AnswerInput; now: Date }): Promise<AnswerResult> {
  const { learnerId, input, now } = request;
  const settings = await readSettings(db, learnerId);
  const scheduler = createScheduler(settings);
  const written = await withTransaction(db, async (tx) => {
    const row = await findCardWithQuestion(tx, input.cardId);
    if (!row || row.learnerId !== learnerId) throw new NotFoundError(`카드 "${input.cardId}" 를 찾을 수 없습니다.`);
    assertReviewable(row);
    if (row.version !== input.version) throw new ConflictError(STALE_ANSWER_MESSAGE, "stale_answer");
    const question = questionFromRow(row.question);
    const choice = question.type === "single" || question.type === "multiple";
    if (!choice && input.selected.length > 0) throw new ValidationError("플래시카드와 빈칸 문제에는 선택지가 없습니다.");
    // The server grades again: the log's `correct` never trusts the client.
    const grade = choice ? gradeChoice(question, input.selected) : null;
    const before = cardRecordFromRow(row);
    const recorded = await recordAnswer(tx, {
      card: before,
      rating: input.rating,
      now,
      origin: "review",
      scheduler,
      leechThreshold: settings.leechThreshold,
      expectedVersion: input.version,
      durationMs: input.durationMs,
      grade,
    });
    const { logId, becameLeech } = recorded;
    const topic = primaryTopic(question.topics);
    const { id, origin, generator, type, factIds } = row.question;
    return { logId, correct: grade ? grade.correct : null, becameLeech, topic, answeredKind: kindOf(before.state), question: { id, origin, generator, type, factIds } };
  });
  const next = await fetchNextCard(db, {
    learnerId,
    scope: scopeOf(input),
    now,
    settings,
    previousTopic: written.topic,
    upcoming: input.upcoming.filter((id) => id !== input.cardId),
    answeredQuestion: written.question,
    undoLogId: written.logId,
  });
  return { ...next, logId: written.logId, correct: written.correct, becameLeech: written.becameLeech, answeredKind: written.answeredKind };
}

/**
 * Restores the card exactly as the log's snapshot holds it and deletes the log. Refused when the
 * card has been answered again since (its version moved on). The version itself increases, so a
 * tab still showing the pre-undo card cannot answer it twice.
 */
export async function undoAnswer(db: Db, request: { learnerId: string; input: UndoInput; now: Date }): Promise<UndoResult> {
  const { learnerId, input, now } = request;
  const settings = await readSettings(db, learnerId);
  const restoredCard = await withTransaction(db, async (tx) => {
    const log = await findReviewLog(tx, input.logId);
    if (!log || log.learnerId !== learnerId) throw new ConflictError("이미 되돌렸거나 없는 답입니다.", "undo_gone");
    const card = await tx.card.findUnique({ where: { id: log.cardId } });
    if (!card) throw new NotFoundError(`카드 "${log.cardId}" 를 찾을 수 없습니다.`);
    if (card.version !== log.cardVersion) {
      throw new ConflictError("이 카드는 그 뒤에 다시 답해서 이 답을 되돌릴 수 없습니다.", "undo_stale");
    }
    const restored = parseCardSnapshot(log.previousCard);
    if (!(await restoreCard(tx, { cardId: card.id, fromVersion: log.cardVersion, progress: restored, toVersion: card.version + 1 }))) {
      throw new ConflictError("이 카드는 그 뒤에 다시 답해서 이 답을 되돌릴 수 없습니다.", "undo_stale");
    }
    await deleteReviewLog(tx, log.id);
    return { id: card.id, kind: kindOf(restored.state) };
  });
  const dayStart = startOfLearnerDay(now, settings.timeZone, settings.dayStartHour);
  const [row, latest, today] = await Promise.all([
    findCardWithQuestion(db, restoredCard.id),
    findLatestLog(db, learnerId, dayStart),
    fetchDayProgress(db, { learnerId, scope: scopeOf(input), now, settings }),
  ]);
  return {
    card: row ? cardViewFromRow(row) : null,
    learningDue: today.learningDue,
    newStartedToday: today.newStartedToday,
    nextDueAt: null,
    undoLogId: latest?.id ?? null,
    dropped: [],
    restoredKind: restoredCard.kind,
  };
}

function scopeOf(input: { topic?: string | null; domain?: string | null; origin?: ReviewScope["origin"]; bank?: string | null; card?: string | null }): ReviewScope {
  return { topic: input.topic ?? null, domain: input.domain ?? null, origin: input.origin ?? null, bank: input.bank ?? null, card: input.card ?? null };
}
