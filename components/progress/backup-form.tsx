"use client";
// Progress backup: download (a plain link to the GET route) and restore (an upload form whose
// server action refuses bad files with a Korean message and changes nothing).
import { useActionState } from "react";
import { buttonClasses } from "@/components/ui/button-link";

export interface BackupFormState {
  status: "idle" | "restored" | "error";
  message: string | null;
}

type Action = (previous: BackupFormState, formData: FormData) => Promise<BackupFormState>;

export function BackupForm({ action, maxKilobytes }: { action: Action; maxKilobytes: number }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", message: null });
  return (
    <div className="space-y-4 text-sm">
      <div>
        <a href="/progress/export" download className={buttonClasses("secondary")} data-backup-download>
          진도 내보내기 (JSON)
        </a>
        <p className="mt-1 text-slate-600 dark:text-slate-400">카드, 복습 기록, 모의고사, 설정을 한 파일로 받습니다. 명령줄: npm run progress:export -- 파일.json</p>
      </div>
      <form action={formAction} className="space-y-2" aria-describedby="backup-message">
        <label htmlFor="backup-file" className="block font-semibold text-slate-800 dark:text-slate-200">
          백업에서 복원
        </label>
        <input id="backup-file" name="file" type="file" accept="application/json,.json" required className="block w-full text-sm file:mr-3 file:min-h-10 file:rounded-lg file:border-0 file:bg-slate-100 file:px-3 file:font-semibold dark:file:bg-slate-800 dark:file:text-slate-200" />
        <p className="text-slate-600 dark:text-slate-400">진도가 아직 없는 데이터베이스에만 복원합니다. 파일이 잘못되었으면 아무것도 바꾸지 않습니다. 화면에서는 {maxKilobytes}KB까지, 더 큰 파일은 npm run progress:import -- 파일.json 으로 복원하세요.</p>
        <button type="submit" disabled={pending} className={buttonClasses("primary")}>
          {pending ? "복원하는 중…" : "복원"}
        </button>
        <p id="backup-message" role={state.status === "error" ? "alert" : "status"} className={state.status === "restored" ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}>
          {state.message}
        </p>
      </form>
    </div>
  );
}
