"use server";
// Server actions of the exams pages: parse the start form with zod (Korean field errors), start
// or abandon through lib/server/exams, then redirect or revalidate.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { examStartSchema, formFields } from "@/lib/core/exam/inputs";
import type { AbandonExamFormState, StartExamFormState } from "@/components/exam/form-state";
import { abandonExam, startExam } from "@/lib/server/exams";
import { parseAttemptId } from "@/lib/server/exams/http";
import { formText, runAction } from "@/lib/server/http";

export async function startExamAction(_previous: StartExamFormState, formData: FormData): Promise<StartExamFormState> {
  const parsed = examStartSchema.safeParse(formFields(formData.entries()));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "form");
      fieldErrors[field] ??= issue.message;
    }
    return { status: "error", message: parsed.error.issues[0]?.message ?? "입력값을 확인하세요.", fieldErrors };
  }
  const result = await runAction(({ db, learnerId, now }) => startExam(db, { learnerId, now, config: parsed.data }));
  if (!result.ok) return { status: "error", message: result.message };
  revalidatePath("/exams");
  redirect(result.value.href);
}

export async function abandonExamAction(_previous: AbandonExamFormState, formData: FormData): Promise<AbandonExamFormState> {
  const result = await runAction(({ db, learnerId, now }) => abandonExam(db, { learnerId, attemptId: parseAttemptId(formText(formData, "attemptId")), now }));
  if (!result.ok) return { status: "error", message: result.message };
  revalidatePath("/exams");
  return { status: "idle" };
}
