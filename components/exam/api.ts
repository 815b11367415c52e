// Calls to the exam endpoints from the browser. Errors carry the server's Korean message, the
// HTTP status and the code (409 stale_exam, exam_expired, exam_finished with its href).
import type { ExamAttemptView, ExamSaveResult } from "@/lib/core/exam/types";

export class ExamRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
    /** exam_finished: where the result is */
    readonly href: string | null = null,
  ) {
    super(message);
  }
}

async function requestJson<T>(url: string, init: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, cache: "no-store", headers: { "Content-Type": "application/json", ...init.headers } });
  } catch {
    throw new ExamRequestError("서버에 연결할 수 없습니다. 네트워크를 확인하고 다시 시도하세요.", 0, "network");
  }
  const data = (await response.json().catch(() => null)) as { error?: { message?: string; code?: string }; href?: string } | null;
  if (!response.ok) {
    throw new ExamRequestError(data?.error?.message ?? `요청이 실패했습니다 (HTTP ${response.status}).`, response.status, data?.error?.code ?? "http", data?.href ?? null);
  }
  return data as T;
}

const base = (attemptId: string) => `/exams/api/${encodeURIComponent(attemptId)}`;

export function requestAnswerSave(
  attemptId: string,
  body: { position: number; selected: string[]; version: number; check?: boolean; timeSpentMs?: number },
): Promise<ExamSaveResult> {
  return requestJson(`${base(attemptId)}/answer`, { method: "POST", body: JSON.stringify(body) });
}

export function requestFlagSave(attemptId: string, body: { position: number; flagged: boolean; version: number }): Promise<ExamSaveResult> {
  return requestJson(`${base(attemptId)}/flag`, { method: "POST", body: JSON.stringify(body) });
}

export function requestSubmit(attemptId: string, body: { version: number }): Promise<{ href: string }> {
  return requestJson(`${base(attemptId)}/submit`, { method: "POST", body: JSON.stringify(body) });
}

/** The current state after a stale save; throws exam_finished (with href) when it is over. */
export function requestAttempt(attemptId: string): Promise<ExamAttemptView> {
  return requestJson(base(attemptId), { method: "GET" });
}
