// "문제 신고": a learner flags a question (wrong answer, weak explanation, disagrees with AWS
// documentation, …); reports are listed open-first at /questions/reports and resolved there.
import "server-only";
import { randomUUID } from "node:crypto";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { withTransaction, type Db } from "../db";

export const REPORT_REASONS = ["wrong-answer", "weak-explanation", "differs-from-docs", "awkward-wording", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export const REPORT_REASON_LABELS: Record<ReportReason, string> = {
  "wrong-answer": "정답이 틀림",
  "weak-explanation": "해설이 틀림/부족",
  "differs-from-docs": "AWS 문서와 다름",
  "awkward-wording": "문장이 어색함",
  other: "기타",
};

export const REPORT_DETAIL_MAX = 2000;
export const RESOLUTION_MAX = 1000;

export function isReportReason(value: string): value is ReportReason {
  return (REPORT_REASONS as readonly string[]).includes(value);
}

export function reportReasonLabel(reason: string): string {
  return isReportReason(reason) ? REPORT_REASON_LABELS[reason] : reason;
}

export interface QuestionReportView {
  id: string;
  questionId: string;
  questionStem: string;
  questionArchived: boolean;
  reason: string;
  reasonLabel: string;
  detail: string;
  createdAt: Date;
  resolvedAt: Date | null;
  resolution: string | null;
}

export interface CreateReportInput {
  learnerId: string;
  questionId: string;
  reason: string;
  detail: string;
  now: Date;
}

/**
 * The rules live here as well as in the form's zod schema so that scripts and tests that call
 * the service directly cannot store a report the form would have refused.
 */
function checkReport(input: CreateReportInput): { reason: ReportReason; detail: string } {
  if (!isReportReason(input.reason)) {
    throw new ValidationError(`신고 사유 "${input.reason}"는 없는 사유입니다. (${REPORT_REASONS.join(", ")} 중 하나)`, "report_reason");
  }
  const detail = input.detail.trim();
  if (detail.length > REPORT_DETAIL_MAX) {
    throw new ValidationError(`자세한 내용은 ${REPORT_DETAIL_MAX}자 이하로 적어 주세요. (지금 ${detail.length}자)`, "report_detail");
  }
  if (input.reason === "other" && detail.length === 0) {
    throw new ValidationError("사유가 '기타'이면 무엇이 문제인지 적어 주세요.", "report_detail");
  }
  return { reason: input.reason, detail };
}

export async function createQuestionReport(db: Db, input: CreateReportInput): Promise<QuestionReportView> {
  const { reason, detail } = checkReport(input);
  const question = await db.question.findUnique({
    where: { id: input.questionId },
    select: { id: true, stem: true, archivedAt: true },
  });
  if (!question) throw new NotFoundError(`문제 "${input.questionId}"를 찾을 수 없습니다.`, "question_not_found");
  const row = await db.questionReport.create({
    data: {
      id: randomUUID(),
      learnerId: input.learnerId,
      questionId: question.id,
      reason,
      detail,
      createdAt: input.now,
    },
  });
  return {
    id: row.id,
    questionId: question.id,
    questionStem: question.stem,
    questionArchived: question.archivedAt != null,
    reason: row.reason,
    reasonLabel: reportReasonLabel(row.reason),
    detail: row.detail,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    resolution: row.resolution,
  };
}

export type ReportStatus = "open" | "resolved" | "all";

/** The learner's reports, open ones first, newest first within each group. */
export async function listQuestionReports(
  db: Db,
  options: { learnerId: string; status?: ReportStatus; questionId?: string },
): Promise<QuestionReportView[]> {
  const status = options.status ?? "all";
  const rows = await db.questionReport.findMany({
    where: {
      learnerId: options.learnerId,
      ...(options.questionId ? { questionId: options.questionId } : {}),
      ...(status === "open" ? { resolvedAt: null } : status === "resolved" ? { resolvedAt: { not: null } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    include: { question: { select: { stem: true, archivedAt: true } } },
  });
  const views = rows.map((row) => ({
    id: row.id,
    questionId: row.questionId,
    questionStem: row.question.stem,
    questionArchived: row.question.archivedAt != null,
    reason: row.reason,
    reasonLabel: reportReasonLabel(row.reason),
    detail: row.detail,
    createdAt: row.createdAt,
    resolvedAt: row.resolvedAt,
    resolution: row.resolution,
  }));
  // Ordering by "resolvedAt is null" is spelled differently by the two providers; a stable
  // partition in memory is the same everywhere.
  return [...views.filter((view) => view.resolvedAt == null), ...views.filter((view) => view.resolvedAt != null)];
}

export async function countQuestionReports(db: Db, learnerId: string): Promise<{ open: number; resolved: number }> {
  const [open, resolved] = await Promise.all([
    db.questionReport.count({ where: { learnerId, resolvedAt: null } }),
    db.questionReport.count({ where: { learnerId, resolvedAt: { not: null } } }),
  ]);
  return { open, resolved };
}

/**
 * Marks a report resolved. Resolving twice is a conflict rather than a silent overwrite: the
 * first resolution note would otherwise be lost (two tabs, a double submit).
 */
export async function resolveQuestionReport(
  db: Db,
  input: { learnerId: string; reportId: string; resolution: string; now: Date },
): Promise<void> {
  const resolution = input.resolution.trim();
  if (resolution.length > RESOLUTION_MAX) {
    throw new ValidationError(`처리 내용은 ${RESOLUTION_MAX}자 이하로 적어 주세요. (지금 ${resolution.length}자)`, "report_resolution");
  }
  await withTransaction(db, async (tx) => {
    const updated = await tx.questionReport.updateMany({
      where: { id: input.reportId, learnerId: input.learnerId, resolvedAt: null },
      data: { resolvedAt: input.now, resolution: resolution === "" ? null : resolution },
    });
    if (updated.count === 1) return;
    const existing = await tx.questionReport.findFirst({
      where: { id: input.reportId, learnerId: input.learnerId },
      select: { resolvedAt: true },
    });
    if (!existing) throw new NotFoundError("신고를 찾을 수 없습니다. 이미 삭제되었을 수 있습니다.", "report_not_found");
    throw new ConflictError("이미 해결된 신고입니다.", "report_already_resolved");
  });
}
