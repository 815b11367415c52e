"use server";
// Server actions of /questions/import: read an uploaded or pasted community bank, hand it to the
// importer (lib/server/questions/import.ts), remove an imported bank.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import type { ImportFormState, RemoveBankFormState } from "@/components/questions/form-state";
import { getDb } from "@/lib/server/db";
import { findImportedBank } from "@/lib/server/questions/browse";
import { importQuestionBank, removeQuestionBank } from "@/lib/server/questions/import";
import { formFailure as failure, formText as text } from "@/lib/server/http";
import { IMPORT_MAX_BYTES } from "./limits";

const importSchema = z.object({
  fileName: z
    .string()
    .trim()
    .max(120, "은행 이름은 120자 이하로 적어 주세요.")
    .refine((name) => !/[\\/]/.test(name), "은행 이름에 / 나 \\ 는 쓸 수 없습니다."),
  text: z.string(),
});

async function readUpload(file: File): Promise<string> {
  // fatal: a Latin-1 or binary file must be refused, not imported as mojibake
  const content = new TextDecoder("utf-8", { fatal: true }).decode(await file.arrayBuffer());
  return content.replace(/^\uFEFF/, "");
}

export async function importBankAction(_previous: ImportFormState, formData: FormData): Promise<ImportFormState> {
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
  let result: Awaited<ReturnType<typeof importQuestionBank>>;
  try {
    result = await importQuestionBank(getDb(), { fileName, content, now: new Date() });
  } catch (error) {
    return { status: "error", message: failure(error), values };
  }
  revalidatePath("/questions/import");
  revalidatePath("/questions");
  return {
    status: "success",
    report: {
      fileName,
      bankId: result.bankId,
      imported: result.imported,
      skipped: result.skipped.map((entry: { line: number; message: string }) => ({ line: entry.line, message: entry.message })),
    },
  };
}

export async function removeBankAction(_previous: RemoveBankFormState, formData: FormData): Promise<RemoveBankFormState> {
  const bankId = text(formData, "bankId").trim();
  if (!bankId) return { status: "error", message: "어느 은행인지 알 수 없습니다. 페이지를 새로 고쳐 주세요." };
  const db = getDb();
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
