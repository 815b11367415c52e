// The progress backup file: every row of a learner's progress (settings, cards, review logs,
// practice exams with their items) as one JSON document with a format name and version.
// `parseProgressBackup` refuses anything that is not exactly such a file — malformed or
// truncated JSON, another program's file, another version, rows with missing or wrong fields,
// counts that do not match (a cut or edited file), rows that point at nothing, another
// learner's backup — with a Korean message naming what is wrong. Checks that need the database
// (the questions still exist, no progress yet) are lib/server/progress/backup.ts'.
import { z } from "zod";
import { ValidationError } from "@/lib/core/errors";

export const BACKUP_FORMAT = "gureum-progress";
export const BACKUP_VERSION = 1;

const date = z.iso.datetime().transform((value) => new Date(value));
const nullableDate = date.nullable();
const int = z.number().int();

export const backupSettingsSchema = z.strictObject({
  desiredRetention: z.number(),
  dailyNewLimit: int,
  maximumIntervalDays: int,
  dayStartHour: int,
  timeZone: z.string(),
  leechThreshold: int,
  optimizeMinReviews: int,
  dailyReviewLimit: int,
  learningSteps: z.string(),
  relearningSteps: z.string(),
  examDate: nullableDate,
  fsrsParameters: z.string().nullable(),
  fsrsLogLossBefore: z.number().nullable(),
  fsrsLogLossAfter: z.number().nullable(),
  fsrsOptimizedAt: nullableDate,
  updatedAt: date,
});

export const backupCardSchema = z.strictObject({
  id: z.string().min(1),
  learnerId: z.string().min(1),
  questionId: z.string().min(1),
  due: date,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: int,
  scheduledDays: int,
  learningSteps: int,
  reps: int,
  lapses: int,
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: nullableDate,
  firstReview: nullableDate,
  version: int,
  suspended: z.boolean(),
  leech: z.boolean(),
  buriedUntil: nullableDate,
  flag: int,
  createdAt: date,
});

export const backupReviewLogSchema = z.strictObject({
  id: z.string().min(1),
  learnerId: z.string().min(1),
  cardId: z.string().min(1),
  rating: int,
  state: int,
  due: date,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: int,
  lastElapsedDays: int,
  scheduledDays: int,
  learningSteps: int,
  review: date,
  durationMs: int.nullable(),
  correct: z.boolean().nullable(),
  answer: z.string().nullable(),
  previousCard: z.string(),
  cardVersion: int,
  origin: z.enum(["review", "exam"]),
  examAttemptId: z.string().nullable(),
});

export const backupExamItemSchema = z.strictObject({
  attemptId: z.string().min(1),
  position: int,
  questionId: z.string().min(1),
  domain: z.string(),
  selected: z.string(),
  flagged: z.boolean(),
  locked: z.boolean(),
  answeredAt: nullableDate,
  timeSpentMs: int,
  correct: z.boolean().nullable(),
});

export const backupExamAttemptSchema = z.strictObject({
  id: z.string().min(1),
  learnerId: z.string().min(1),
  mode: z.string(),
  feedback: z.string(),
  status: z.string(),
  seed: z.string(),
  config: z.string(),
  notices: z.string(),
  questionCount: int,
  timeLimitMs: int.nullable(),
  startedAt: date,
  deadline: nullableDate,
  finishedAt: nullableDate,
  finishReason: z.string().nullable(),
  version: int,
  correctCount: int.nullable(),
  scaledScore: int.nullable(),
  passed: z.boolean().nullable(),
  score: z.string().nullable(),
  items: z.array(backupExamItemSchema),
});

const countsSchema = z.strictObject({ cards: int, reviewLogs: int, examAttempts: int, examItems: int });

export const progressBackupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: date,
  learnerId: z.string().min(1),
  counts: countsSchema,
  settings: backupSettingsSchema.nullable(),
  cards: z.array(backupCardSchema),
  reviewLogs: z.array(backupReviewLogSchema),
  examAttempts: z.array(backupExamAttemptSchema),
});

export type ProgressBackup = z.infer<typeof progressBackupSchema>;
export type BackupCard = z.infer<typeof backupCardSchema>;
export type BackupReviewLog = z.infer<typeof backupReviewLogSchema>;
export type BackupExamAttempt = z.infer<typeof backupExamAttemptSchema>;
export type BackupSettings = z.infer<typeof backupSettingsSchema>;

/** JSON text of a backup: Dates as ISO strings (what the schema reads back). */
export function serializeBackup(backup: ProgressBackup): string {
  return JSON.stringify(backup, null, 1);
}

function refuse(message: string, code = "backup_invalid"): never {
  throw new ValidationError(message, code);
}

function pathText(path: readonly PropertyKey[]): string {
  return path.map((part) => (typeof part === "number" ? `[${part}]` : `.${String(part)}`)).join("").replace(/^\./, "");
}

/** Parses and checks a backup file's text for restoring into `learnerId`. Throws ValidationError (Korean) on any problem. */
export function parseProgressBackup(text: string, options: { learnerId: string }): ProgressBackup {
  if (text.trim() === "") refuse("백업 파일이 비어 있습니다.");
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    refuse("백업 파일을 읽을 수 없습니다: 파일이 잘렸거나 JSON 형식이 아닙니다. 내보낸 파일 그대로 올려 주세요.", "backup_malformed");
  }
  if (typeof json !== "object" || json === null || Array.isArray(json) || (json as { format?: unknown }).format !== BACKUP_FORMAT) {
    refuse("구름 진도 백업 파일이 아닙니다 (format 이 \"gureum-progress\" 가 아님). '진도 내보내기'로 만든 파일을 올려 주세요.", "backup_foreign");
  }
  const version = (json as { version?: unknown }).version;
  if (version !== BACKUP_VERSION) refuse(`지원하지 않는 백업 형식 버전입니다: ${JSON.stringify(version) ?? "없음"} (이 구름은 버전 ${BACKUP_VERSION}만 읽습니다).`, "backup_version");
  const parsed = progressBackupSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    refuse(`백업 파일의 ${issue ? pathText(issue.path) || "내용" : "내용"} 값이 올바르지 않습니다${issue ? `: ${issue.message}` : ""}. 파일이 고쳐졌거나 손상되었습니다.`);
  }
  const backup = parsed.data;
  const items = backup.examAttempts.reduce((sum, attempt) => sum + attempt.items.length, 0);
  const actual = { cards: backup.cards.length, reviewLogs: backup.reviewLogs.length, examAttempts: backup.examAttempts.length, examItems: items };
  for (const [key, label] of [["cards", "카드"], ["reviewLogs", "복습 기록"], ["examAttempts", "모의고사"], ["examItems", "모의고사 문항"]] as const) {
    if (backup.counts[key] !== actual[key]) refuse(`백업 파일이 잘렸거나 고쳐졌습니다: ${label} 수가 ${backup.counts[key]}개여야 하는데 ${actual[key]}개입니다.`, "backup_truncated");
  }
  if (backup.learnerId !== options.learnerId) refuse(`다른 학습자(${backup.learnerId})의 백업입니다. 이 학습자(${options.learnerId})의 진도로는 복원하지 않습니다.`, "backup_learner");
  const cardIds = new Set<string>();
  for (const card of backup.cards) {
    if (card.learnerId !== backup.learnerId) refuse(`카드 ${card.id} 의 학습자가 백업의 학습자와 다릅니다.`);
    if (cardIds.has(card.id)) refuse(`카드 ${card.id} 가 백업에 두 번 있습니다.`);
    cardIds.add(card.id);
  }
  const attemptIds = new Set(backup.examAttempts.map((attempt) => attempt.id));
  if (attemptIds.size !== backup.examAttempts.length) refuse("같은 모의고사가 백업에 두 번 있습니다.");
  const logIds = new Set<string>();
  for (const log of backup.reviewLogs) {
    if (log.learnerId !== backup.learnerId) refuse(`복습 기록 ${log.id} 의 학습자가 백업의 학습자와 다릅니다.`);
    if (!cardIds.has(log.cardId)) refuse(`복습 기록 ${log.id} 의 카드(${log.cardId})가 백업에 없습니다.`);
    if (log.examAttemptId != null && !attemptIds.has(log.examAttemptId)) refuse(`복습 기록 ${log.id} 의 모의고사(${log.examAttemptId})가 백업에 없습니다.`);
    if (logIds.has(log.id)) refuse(`복습 기록 ${log.id} 가 백업에 두 번 있습니다.`);
    logIds.add(log.id);
  }
  for (const attempt of backup.examAttempts) {
    if (attempt.learnerId !== backup.learnerId) refuse(`모의고사 ${attempt.id} 의 학습자가 백업의 학습자와 다릅니다.`);
    for (const item of attempt.items) if (item.attemptId !== attempt.id) refuse(`모의고사 ${attempt.id} 의 문항이 다른 모의고사(${item.attemptId})를 가리킵니다.`);
  }
  return backup;
}

/** Every question id the backup refers to (cards and exam items), sorted. */
export function referencedQuestionIds(backup: ProgressBackup): string[] {
  const ids = new Set<string>(backup.cards.map((card) => card.questionId));
  for (const attempt of backup.examAttempts) for (const item of attempt.items) ids.add(item.questionId);
  return [...ids].sort();
}
