// Export and import of all of a learner's progress (lib/core/progress/backup.ts has the file
// format and its checks). Import restores into a database that has no progress yet, in one
// transaction: any refusal — including the questions the backup needs being gone — changes
// nothing.
import "server-only";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { BACKUP_FORMAT, BACKUP_VERSION, parseProgressBackup, referencedQuestionIds, type ProgressBackup } from "@/lib/core/progress/backup";
import { withTransaction, type Db, type Tx } from "@/lib/server/db";

type AnyDb = Db | Tx;

const SETTINGS_COLUMNS = {
  desiredRetention: true,
  dailyNewLimit: true,
  maximumIntervalDays: true,
  dayStartHour: true,
  timeZone: true,
  leechThreshold: true,
  optimizeMinReviews: true,
  dailyReviewLimit: true,
  learningSteps: true,
  relearningSteps: true,
  examDate: true,
  fsrsParameters: true,
  fsrsLogLossBefore: true,
  fsrsLogLossAfter: true,
  fsrsOptimizedAt: true,
  updatedAt: true,
} as const;

const CARD_COLUMNS = {
  id: true,
  learnerId: true,
  questionId: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  reps: true,
  lapses: true,
  state: true,
  lastReview: true,
  firstReview: true,
  version: true,
  suspended: true,
  leech: true,
  buriedUntil: true,
  flag: true,
  createdAt: true,
} as const;

const LOG_COLUMNS = {
  id: true,
  learnerId: true,
  cardId: true,
  rating: true,
  state: true,
  due: true,
  stability: true,
  difficulty: true,
  elapsedDays: true,
  lastElapsedDays: true,
  scheduledDays: true,
  learningSteps: true,
  review: true,
  durationMs: true,
  correct: true,
  answer: true,
  previousCard: true,
  cardVersion: true,
  origin: true,
  examAttemptId: true,
} as const;

const ITEM_COLUMNS = { attemptId: true, position: true, questionId: true, domain: true, selected: true, flagged: true, locked: true, answeredAt: true, timeSpentMs: true, correct: true } as const;

const ATTEMPT_COLUMNS = {
  id: true,
  learnerId: true,
  mode: true,
  feedback: true,
  status: true,
  seed: true,
  config: true,
  notices: true,
  questionCount: true,
  timeLimitMs: true,
  startedAt: true,
  deadline: true,
  finishedAt: true,
  finishReason: true,
  version: true,
  correctCount: true,
  scaledScore: true,
  passed: true,
  score: true,
} as const;

/** Every progress row of the learner, ordered by id so two exports of the same data are identical. */
export async function exportProgress(db: AnyDb, learnerId: string, now: Date): Promise<ProgressBackup> {
  const [settings, cards, reviewLogs, attempts] = await Promise.all([
    db.learnerSettings.findUnique({ where: { learnerId }, select: SETTINGS_COLUMNS }),
    db.card.findMany({ where: { learnerId }, select: CARD_COLUMNS, orderBy: { id: "asc" } }),
    db.reviewLog.findMany({ where: { learnerId }, select: LOG_COLUMNS, orderBy: { id: "asc" } }),
    db.examAttempt.findMany({ where: { learnerId }, select: { ...ATTEMPT_COLUMNS, items: { select: ITEM_COLUMNS, orderBy: { position: "asc" } } }, orderBy: { id: "asc" } }),
  ]);
  const examAttempts = attempts as ProgressBackup["examAttempts"];
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now,
    learnerId,
    counts: { cards: cards.length, reviewLogs: reviewLogs.length, examAttempts: examAttempts.length, examItems: examAttempts.reduce((sum, attempt) => sum + attempt.items.length, 0) },
    settings,
    cards: cards as ProgressBackup["cards"],
    reviewLogs: reviewLogs as ProgressBackup["reviewLogs"],
    examAttempts,
  };
}

export interface ImportResult {
  cards: number;
  reviewLogs: number;
  examAttempts: number;
  examItems: number;
}

/** Rows per createMany: well under SQLite's bound-parameter limit at 20 columns a row. */
const CHUNK = 500;

async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let start = 0; start < rows.length; start += CHUNK) await write(rows.slice(start, start + CHUNK));
}

/**
 * Restores a backup's text into `learnerId`'s empty progress. Throws ValidationError for a bad
 * file or missing questions and ConflictError when the learner already has progress; both
 * before anything is written, inside the one transaction.
 */
export async function importProgress(db: Db, learnerId: string, text: string): Promise<ImportResult> {
  const backup = parseProgressBackup(text, { learnerId });
  return withTransaction(
    db,
    async (tx) => {
      const [logs, attempts, started] = await Promise.all([
        tx.reviewLog.count({ where: { learnerId } }),
        tx.examAttempt.count({ where: { learnerId } }),
        tx.card.count({ where: { learnerId, OR: [{ state: { not: 0 } }, { reps: { gt: 0 } }] } }),
      ]);
      if (logs + attempts + started > 0) {
        throw new ConflictError(`이 데이터베이스에는 이미 진도가 있어 복원하지 않았습니다 (복습 기록 ${logs}개, 모의고사 ${attempts}회, 공부한 카드 ${started}장). 진도가 없는 새 데이터베이스에 복원하세요.`, "backup_has_progress");
      }
      // All question ids, not an IN list of the backup's: bounded by the bank, never by the file.
      const known = new Set((await tx.question.findMany({ select: { id: true } })).map((question) => question.id));
      const missing = referencedQuestionIds(backup).filter((id) => !known.has(id));
      if (missing.length > 0) {
        throw new ValidationError(
          `백업에 있는 문제 ${missing.length}개가 이 데이터베이스에 없습니다 (예: ${missing.slice(0, 3).join(", ")}). 같은 노트와 문제 은행을 먼저 불러온 뒤(npm start 또는 npm run questions:sync) 다시 복원하세요.`,
          "backup_missing_questions",
        );
      }
      // Cards created on page loads are all new (checked above); the backup's replace them.
      await tx.card.deleteMany({ where: { learnerId } });
      if (backup.settings) await tx.learnerSettings.upsert({ where: { learnerId }, create: { learnerId, ...backup.settings }, update: backup.settings });
      await inChunks(backup.cards, (chunk) => tx.card.createMany({ data: chunk }));
      await inChunks(
        backup.examAttempts.map(({ items: _items, ...attempt }) => attempt),
        (chunk) => tx.examAttempt.createMany({ data: chunk }),
      );
      const items = backup.examAttempts.flatMap((attempt) => attempt.items);
      await inChunks(items, (chunk) => tx.examItem.createMany({ data: chunk }));
      await inChunks(backup.reviewLogs, (chunk) => tx.reviewLog.createMany({ data: chunk }));
      return { cards: backup.cards.length, reviewLogs: backup.reviewLogs.length, examAttempts: backup.examAttempts.length, examItems: items.length };
    },
    { timeoutMs: 10 * 60_000 },
  );
}
