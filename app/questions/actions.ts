"use server";
// Server actions of the question and report pages: parse with zod, call lib/server, map errors
// to form state (lib/server/http.ts), revalidate what changed.
import { revalidatePath } from "next/cache";
import { z } from "zod";
import type { ReportFormState, ResolveFormState } from "@/components/questions/form-state";
import { requestContext } from "@/lib/server/context";
import { REPORT_DETAIL_MAX, REPORT_REASONS, RESOLUTION_MAX, createQuestionReport, resolveQuestionReport } from "@/lib/server/questions/reports";
import { crossSiteRefusal, formFailure as failure, formText as text } from "@/lib/server/http";

const reportSchema = z
  .object({
    questionId: z.string().trim().min(1, "어느 문제인지 알 수 없습니다. 페이지를 새로 고쳐 주세요."),
    reason: z.enum(REPORT_REASONS, { error: "신고 사유를 고르세요." }),
    detail: z.string().trim().max(REPORT_DETAIL_MAX, `자세한 내용은 ${REPORT_DETAIL_MAX}자 이하로 적어 주세요.`),
  })
  .superRefine((value, context) => {
    if (value.reason === "other" && value.detail.length === 0) {
      context.addIssue({ code: "custom", path: ["detail"], message: "'기타'를 고르면 무엇이 문제인지 적어 주세요." });
    }
  });

export async function reportQuestionAction(_previous: ReportFormState, formData: FormData): Promise<ReportFormState> {
  const values = { reason: text(formData, "reason"), detail: text(formData, "detail") };
  const refused = await crossSiteRefusal();
  if (refused) return { status: "error", message: refused, values };
  const parsed = reportSchema.safeParse({ questionId: text(formData, "questionId"), ...values });
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return {
      status: "error",
      message: fields.questionId?.[0],
      fieldErrors: { reason: fields.reason?.[0], detail: fields.detail?.[0] },
      values,
    };
  }
  try {
    const { db, learnerId, now } = await requestContext();
    await createQuestionReport(db, { ...parsed.data, learnerId, now });
  } catch (error) {
    return { status: "error", message: failure(error), values };
  }
  revalidatePath("/questions/reports");
  revalidatePath(`/questions/${encodeURIComponent(parsed.data.questionId)}`);
  return { status: "success", message: "신고가 접수되었습니다. 고마워요!" };
}

const resolveSchema = z.object({
  reportId: z.string().trim().min(1, "어느 신고인지 알 수 없습니다."),
  resolution: z.string().trim().max(RESOLUTION_MAX, `처리 내용은 ${RESOLUTION_MAX}자 이하로 적어 주세요.`),
});

export async function resolveReportAction(_previous: ResolveFormState, formData: FormData): Promise<ResolveFormState> {
  const refused = await crossSiteRefusal();
  if (refused) return { status: "error", message: refused };
  const parsed = resolveSchema.safeParse({ reportId: text(formData, "reportId"), resolution: text(formData, "resolution") });
  if (!parsed.success) {
    return { status: "error", message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  }
  try {
    const { db, learnerId, now } = await requestContext();
    await resolveQuestionReport(db, { ...parsed.data, learnerId, now });
  } catch (error) {
    return { status: "error", message: failure(error) };
  }
  revalidatePath("/questions/reports");
  return { status: "success", message: "해결됨으로 표시했습니다." };
}
