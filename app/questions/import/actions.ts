"use server";
// Server actions of /questions/import: read an uploaded or pasted community bank, plan the import
// (lib/server/questions/import.ts), ask the learner when the plan would archive questions or
// duplicate another bank, import with the confirmed plan's token, remove an imported bank.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { RemoveBankFormState } from "@/components/questions/form-state";
import type { ImportChoice, ImportFormState } from "@/components/questions/import-form-state";
import { ConflictError } from "@/lib/core/errors";
import { requestContext } from "@/lib/server/context";
import { findImportedBank } from "@/lib/server/questions/browse";
import { describeAsks, importQuestionBank, planQuestionImport, removeQuestionBank, type ImportPlan, type ImportResult } from "@/lib/server/questions/import";
import { crossSiteRefusal, formFailure as failure, formText as text } from "@/lib/server/http";
import { IMPORT_MAX_BYTES } from "./limits";

const importSchema = z.object({
  fileName: z
    .string()
    .trim()
    .max(120, "은행 이름은 120자 이하로 적어 주세요.")
    .refine((name) => !/[\\/]/.test(name), "은행 이름에 / 나 \\ 는 쓸 수 없습니다."),
  text: z.string(),
});

const choiceSchema = z.object({
  confirmToken: z.string().regex(/^[0-9a-f]{16}$/, "확인 정보가 올바르지 않습니다. 다시 가져와 주세요."),
  intoBankId: z.string().regex(/^imported-[0-9a-f]+$/).or(z.literal("")),
  confirmFileName: z.string().trim().min(1).max(120).refine((name) => !/[\\/]/.test(name)),
  confirmContent: z.string().min(1).max(IMPORT_MAX_BYTES),
});

async function readUpload(file: File): Promise<string> {
  // fatal: a Latin-1 or binary file must be refused, not imported as mojibake
  const content = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  return content.replace(/^\uFEFF/, "");
}

function changes(counts: { added: number; updated: number; unchanged: number; archive: number }): string {
  return `새 문제 ${counts.added}개 · 바뀐 문제 ${counts.updated}개 · 그대로 ${counts.unchanged}개 · 보관 ${counts.archive}개`;
}

/** The answers the learner can give to a plan that asks. */
function choicesFor(plan: ImportPlan): ImportChoice[] {
  if (!plan.asks.includes("same-questions")) {
    return [{ token: plan.token, intoBankId: null, label: `문제 ${plan.archive}개를 보관하고 가져오기`, detail: changes(plan) }];
  }
  return [
    ...plan.overlaps.map((overlap) => ({
      token: overlap.update.token,
      intoBankId: overlap.bankId,
      label: `'${overlap.title}' 은행을 이 파일로 갱신하기`,
      detail: changes(overlap.update),
    })),
    { token: plan.token, intoBankId: null, label: `새 은행 '${plan.bankTitle}' 으로 따로 가져오기`, detail: `${changes(plan)} (같은 문제가 두 은행에 생깁니다)` },
  ];
}

function confirmState(plan: ImportPlan, content: string, values: ImportFormState["values"], message?: string): ImportFormState {
  return {
    status: "confirm",
    values,
    ...(message ? { message } : {}),
    confirm: {
      fileName: plan.fileName,
      content,
      question: describeAsks(plan).replace(/^가져오기 전에 확인이 필요합니다\.\s*/, ""),
      choices: choicesFor(plan),
      questions: plan.questions,
      skipped: plan.skipped.length,
      warnings: plan.warnings.length,
      sections: plan.sections.length,
    },
  };
}

function successState(fileName: string, result: ImportResult): ImportFormState {
  revalidatePath("/questions/import");
  revalidatePath("/questions");
  const lines = (entries: { line: number; message: string }[]) => entries.map((entry) => ({ line: entry.line, message: entry.message }));
  return {
    status: "success",
    report: {
      fileName,
      bankId: result.bankId,
      imported: result.imported,
      added: result.added,
      updated: result.updated,
      archived: result.archived,
      skipped: lines(result.skipped),
      warnings: lines(result.warnings),
      sections: result.sections.map((section) => ({ line: section.line, message: section.title })),
    },
  };
}

/** The learner picked one of the choices: import with that plan's token. */
async function importChosen(formData: FormData): Promise<ImportFormState> {
  const parsed = choiceSchema.safeParse({
    confirmToken: text(formData, "confirmToken"),
    intoBankId: text(formData, "intoBankId"),
    confirmFileName: text(formData, "confirmFileName"),
    confirmContent: text(formData, "confirmContent"),
  });
  if (!parsed.success) return { status: "error", message: "확인 정보가 올바르지 않습니다. 파일을 다시 가져와 주세요." };
  const { db, now } = await requestContext();
  const input = { fileName: parsed.data.confirmFileName, content: parsed.data.confirmContent, now, intoBankId: parsed.data.intoBankId || undefined };
  try {
    return successState(input.fileName, await importQuestionBank(db, { ...input, confirmToken: parsed.data.confirmToken }));
  } catch (error) {
    // The bank changed since the learner looked: ask again with the current numbers.
    if (error instanceof ConflictError && error.code === "import_plan_changed") {
      try {
        const plan = await planQuestionImport(db, { ...input, intoBankId: undefined });
        return confirmState(plan, input.content, undefined, error.message);
      } catch (again) {
        return { status: "error", message: failure(again) };
      }
    }
    return { status: "error", message: failure(error) };
  }
}

export async function importBankAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
  const refused = await crossSiteRefusal();
  if (refused) return { status: "error", message: refused };
  if (text(formData, "confirmToken")) return importChosen(formData);
  const values = { text: text(formData, "text"), fileName: text(formData, "fileName") };
  const parsed = importSchema.safeParse(values);
  if (!parsed.success) {
    const fields = z.flattenError(parsed.error).fieldErrors;
    return { status: "error", fieldErrors: { fileName: fields.fileName?.[0], text: fields.text?.[0] }, values };
  }
  const upload = formData.get("file");
  let fileName: string;
  let content: string;
  if (upload instanceof File && upload.size > 0) {
    if (upload.size > IMPORT_MAX_BYTES) {
      return { status: "error", fieldErrors: { file: `파일이 너무 큽니다. ${IMPORT_MAX_BYTES / 1024}KB 이하만 올릴 수 있습니다.` }, values };
    }
    try {
      content = await readUpload(upload);
    } catch {
      return { status: "error", fieldErrors: { file: `'${upload.name}'은(는) UTF-8 텍스트 파일이 아닙니다.` }, values };
    }
    fileName = upload.name.split(/[\\/]/).pop() || "upload.md";
  } else {
    content = parsed.data.text;
    fileName = parsed.data.fileName || "붙여넣기.md";
    if (content.trim() === "") {
      return { status: "error", fieldErrors: { file: "파일을 고르거나 내용을 붙여 넣으세요." }, values };
    }
    if (new TextEncoder().encode(content).length > IMPORT_MAX_BYTES) {
      return { status: "error", fieldErrors: { text: `내용이 너무 깁니다. ${IMPORT_MAX_BYTES / 1024}KB 이하만 가져올 수 있습니다.` }, values };
    }
  }
  const { db, now } = await requestContext();
  try {
    const plan = await planQuestionImport(db, { fileName, content, now });
    if (plan.asks.length > 0) return confirmState(plan, content, values);
    // Nothing to ask: import exactly what was planned (a change in between is refused).
    return successState(fileName, await importQuestionBank(db, { fileName, content, now, confirmToken: plan.token }));
  } catch (error) {
    return { status: "error", message: failure(error), values };
  }
}

export async function removeBankAction(_previous: RemoveBankFormState, formData: FormData): Promise<RemoveBankFormState> {
  const refused = await crossSiteRefusal();
  if (refused) return { status: "error", message: refused };
  const bankId = text(formData, "bankId").trim();
  if (!bankId) return { status: "error", message: "어느 은행인지 알 수 없습니다. 페이지를 새로 고쳐 주세요." };
  const { db } = await requestContext();
  let title: string;
  try {
    // Only imported banks can be removed here; curated and generated ones come back on sync.
    const bank = await findImportedBank(db, bankId);
    if (!bank) return { status: "error", message: "가져온 은행 중에 이 은행이 없습니다. 이미 삭제되었을 수 있습니다." };
    title = bank.title;
    await removeQuestionBank(db, bankId);
  } catch (error) {
    return { status: "error", message: failure(error) };
  }
  revalidatePath("/questions/import");
  revalidatePath("/questions");
  redirect(`/questions/import?removed=${encodeURIComponent(title)}`);
}
