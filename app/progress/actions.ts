"use server";
// Restore from a progress backup: the upload is read (size, UTF-8) and handed to the service,
// which validates and writes in one transaction; errors become the form's Korean message.
import { revalidatePath } from "next/cache";
import { ValidationError } from "@/lib/core/errors";
import { runAction } from "@/lib/server/http";
import { importProgress } from "@/lib/server/progress";
import type { BackupFormState } from "@/components/progress/backup-form";
import { BACKUP_UPLOAD_MAX_BYTES } from "./limits";

export async function importProgressAction(_previous: BackupFormState, formData: FormData): Promise<BackupFormState> {
  const result = await runAction(async ({ db, learnerId }) => {
    const upload = formData.get("file");
    if (!(upload instanceof File) || upload.size === 0) throw new ValidationError("복원할 백업 파일을 고르세요.");
    if (upload.size > BACKUP_UPLOAD_MAX_BYTES) throw new ValidationError(`파일이 너무 큽니다 (${Math.ceil(upload.size / 1024)}KB). 화면에서는 ${BACKUP_UPLOAD_MAX_BYTES / 1024}KB까지 올릴 수 있으니 npm run progress:import -- 파일.json 으로 복원하세요.`);
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true }).decode(await upload.arrayBuffer());
    } catch {
      throw new ValidationError(`'${upload.name}'은(는) UTF-8 텍스트(JSON) 파일이 아닙니다.`);
    }
    return importProgress(db, learnerId, text);
  });
  if (!result.ok) return { status: "error", message: result.message };
  revalidatePath("/", "layout");
  const { cards, reviewLogs, examAttempts } = result.value;
  return { status: "restored", message: `복원했습니다: 카드 ${cards}장, 복습 기록 ${reviewLogs}개, 모의고사 ${examAttempts}회.` };
}
