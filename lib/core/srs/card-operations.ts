// Card-browser operations (Anki's browser: suspend, bury, flag, forget, set due date) as pure
// functions of a card and a fixed `now`. Each returns the card's new fields; the service writes
// them in one transaction with a version check, and keeps what undo needs:
// - schedule changes (reset to new, reschedule to today) write a ReviewLog row with rating 0
//   (Manual, as Anki and ts-fsrs call it) and the card's previous progress, like an answer;
// - the other fields (suspended, buriedUntil, flag) travel in the undo token.
// Undo restores exactly and is refused when the card changed since (its version moved on).
import { z } from "zod";
import { ValidationError } from "@/lib/core/errors";
import { createNewCardMemory } from "./scheduler";
import { CARD_STATES, type CardProgress, type CardStateValue, type ReviewLogEntry } from "./types";

export const CARD_OPERATIONS = ["suspend", "unsuspend", "bury", "unbury", "flag", "reset", "reschedule"] as const;
export type CardOperationKind = (typeof CARD_OPERATIONS)[number];

export const OPERATION_LABELS: Record<CardOperationKind, string> = {
  suspend: "일시 중지",
  unsuspend: "일시 중지 풀기",
  bury: "오늘은 숨기기",
  unbury: "숨기기 풀기",
  flag: "깃발",
  reset: "새 카드로 되돌리기",
  reschedule: "오늘 복습으로 당기기",
};

export const FLAG_LABELS: Record<number, string> = { 0: "없음", 1: "빨강", 2: "주황", 3: "초록", 4: "파랑" };

export type CardOperation = { kind: Exclude<CardOperationKind, "flag"> } | { kind: "flag"; flag: number };

/** The fields an operation may change outside the schedule. */
export interface CardMarks {
  suspended: boolean;
  buriedUntil: Date | null;
  flag: number;
}

export interface BrowserCard extends CardMarks {
  progress: CardProgress;
}

export interface PlannedOperation {
  marks: CardMarks;
  /** present when the schedule changes: the new progress and the manual review-log columns */
  schedule: { progress: CardProgress; log: Omit<ReviewLogEntry, "rating"> & { rating: 0 } } | null;
  /** false when the operation leaves the card as it is (nothing is written) */
  changed: boolean;
}

/**
 * `nextDayStart`: the learner's next day start; bury hides the card until then (Anki buries
 * for the rest of the day).
 */
export function planOperation(card: BrowserCard, operation: CardOperation, context: { now: Date; nextDayStart: Date }): PlannedOperation {
  const { now } = context;
  const marks: CardMarks = { suspended: card.suspended, buriedUntil: card.buriedUntil, flag: card.flag };
  let progress: CardProgress | null = null;
  switch (operation.kind) {
    case "suspend":
      marks.suspended = true;
      break;
    case "unsuspend":
      marks.suspended = false;
      break;
    case "bury":
      marks.buriedUntil = context.nextDayStart;
      break;
    case "unbury":
      marks.buriedUntil = null;
      break;
    case "flag":
      if (!Number.isInteger(operation.flag) || operation.flag < 0 || operation.flag > 4) {
        throw new ValidationError(`깃발은 0(없음)–4 사이여야 합니다 (받은 값: ${String(operation.flag)}).`);
      }
      marks.flag = operation.flag;
      break;
    case "reset":
      // Anki's "Forget": a new card again, history kept in the log; the leech mark goes too.
      progress = { ...createNewCardMemory(now), firstReview: null, leech: false };
      break;
    case "reschedule":
      // Due now, memory unchanged: a review card comes first today, a learning card's step is
      // due, a new card stays new (it is in today's new cards once the daily limit allows).
      progress = { ...card.progress, due: now };
      break;
  }
  const marksChanged = marks.suspended !== card.suspended || marks.flag !== card.flag || (marks.buriedUntil?.getTime() ?? null) !== (card.buriedUntil?.getTime() ?? null);
  const scheduleChanged = progress !== null && !sameProgress(progress, card.progress);
  return {
    marks,
    schedule: progress && scheduleChanged ? { progress, log: manualLog(card.progress, progress, now) } : null,
    changed: marksChanged || scheduleChanged,
  };
}

function manualLog(before: CardProgress, after: CardProgress, now: Date): Omit<ReviewLogEntry, "rating"> & { rating: 0 } {
  const elapsedDays = before.lastReview ? Math.max(0, Math.floor((now.getTime() - before.lastReview.getTime()) / 86_400_000)) : 0;
  return {
    rating: 0,
    state: before.state as CardStateValue,
    due: after.due,
    stability: after.stability,
    difficulty: after.difficulty,
    elapsedDays,
    lastElapsedDays: before.elapsedDays,
    scheduledDays: after.scheduledDays,
    learningSteps: after.learningSteps,
    review: now,
  };
}

function time(date: Date | null): number | null {
  return date ? date.getTime() : null;
}

export function sameProgress(a: CardProgress, b: CardProgress): boolean {
  return (
    time(a.due) === time(b.due) &&
    a.stability === b.stability &&
    a.difficulty === b.difficulty &&
    a.elapsedDays === b.elapsedDays &&
    a.scheduledDays === b.scheduledDays &&
    a.learningSteps === b.learningSteps &&
    a.reps === b.reps &&
    a.lapses === b.lapses &&
    a.state === b.state &&
    time(a.lastReview) === time(b.lastReview) &&
    time(a.firstReview) === time(b.firstReview) &&
    a.leech === b.leech
  );
}

/** Is the card out of today's queue because it is buried (manually, until a later day start)? */
export function isBuried(card: Pick<CardMarks, "buriedUntil">, now: Date): boolean {
  return card.buriedUntil != null && card.buriedUntil.getTime() > now.getTime();
}

// The undo token: per card the version the operation left it at, and either the marks it had
// before or the id of the manual review log holding its previous progress. It grants nothing
// the learner could not do with the operations themselves, and undo checks every version.
const tokenEntrySchema = z.object({
  cardId: z.string().min(1).max(300),
  version: z.number().int().min(0),
  marks: z.object({ suspended: z.boolean(), buriedUntil: z.iso.datetime().nullable(), flag: z.number().int().min(0).max(4) }),
  logId: z.string().min(1).max(200).nullable(),
});
const tokenSchema = z.object({ v: z.literal(1), operation: z.enum(CARD_OPERATIONS), entries: z.array(tokenEntrySchema).min(1).max(500) });

export interface UndoEntry {
  cardId: string;
  version: number;
  marks: CardMarks;
  logId: string | null;
}

export interface UndoToken {
  operation: CardOperationKind;
  entries: UndoEntry[];
}

export function encodeUndoToken(token: UndoToken): string {
  // Plain JSON: it travels in a form field of the page that made it, never in a URL.
  const json = JSON.stringify({
    v: 1,
    operation: token.operation,
    entries: token.entries.map((entry) => ({ ...entry, marks: { ...entry.marks, buriedUntil: entry.marks.buriedUntil?.toISOString() ?? null } })),
  });
  return json;
}

export function decodeUndoToken(text: string): UndoToken {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new ValidationError("되돌리기 정보를 읽을 수 없습니다. 화면을 새로 고치세요.");
  }
  const result = tokenSchema.safeParse(parsed);
  if (!result.success) throw new ValidationError("되돌리기 정보가 올바르지 않습니다. 화면을 새로 고치세요.");
  return {
    operation: result.data.operation,
    entries: result.data.entries.map((entry) => ({ ...entry, marks: { ...entry.marks, buriedUntil: entry.marks.buriedUntil ? new Date(entry.marks.buriedUntil) : null } })),
  };
}

export const CARD_STATE_FILTERS = { new: CARD_STATES.new, learning: CARD_STATES.learning, review: CARD_STATES.review, relearning: CARD_STATES.relearning } as const;
