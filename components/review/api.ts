// Calls to the review endpoints from the browser. Errors carry the server's Korean message and
// HTTP status (409 = the card changed since it was shown).
import type { AnswerResult, RevealView, ReviewScope, UndoResult } from "@/lib/core/srs/views";

export class ReviewRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code: string,
  ) {
    super(message);
  }
}

async function postJson<T>(url: string, body: unknown): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  } catch {
    throw new ReviewRequestError("서버에 연결할 수 없습니다. 네트워크를 확인하고 다시 시도하세요.", 0, "network");
  }
  const data = (await response.json().catch(() => null)) as { error?: { message?: string; code?: string } } | null;
  if (!response.ok) {
    throw new ReviewRequestError(data?.error?.message ?? `요청이 실패했습니다 (HTTP ${response.status}).`, response.status, data?.error?.code ?? "http");
  }
  return data as T;
}

/** The scope fields the answer and undo endpoints take (null ones are left out). */
function scopeBody(scope: ReviewScope) {
  return { topic: scope.topic, domain: scope.domain, origin: scope.origin ?? null, bank: scope.bank ?? null, card: scope.card ?? null };
}

export function requestCheck(input: { cardId: string; selected: string[]; durationMs: number; guessed?: boolean }): Promise<RevealView> {
  return postJson("/review/api/check", input);
}

export function requestAnswer(input: {
  cardId: string;
  version: number;
  rating: number;
  selected: string[];
  durationMs: number;
  scope: ReviewScope;
  upcoming: string[];
}): Promise<AnswerResult> {
  const { scope, ...rest } = input;
  return postJson("/review/api/answer", { ...rest, ...scopeBody(scope) });
}

export function requestUndo(input: { logId: string; scope: ReviewScope }): Promise<UndoResult> {
  return postJson("/review/api/undo", { logId: input.logId, ...scopeBody(input.scope) });
}
