// The one place where the error family meets HTTP (STYLE.md habit 7): route handlers call
// `errorResponse`, server actions call `errorMessage` for form state.
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";

export function statusOf(error: unknown): number {
  if (error instanceof ValidationError) return 400;
  if (error instanceof NotFoundError) return 404;
  if (error instanceof ConflictError) return 409;
  return 500;
}

/** Korean message safe to show: our own errors speak for themselves, anything else is hidden. */
export function errorMessage(error: unknown): string {
  if (error instanceof AppError) return error.message;
  return "알 수 없는 오류가 발생했습니다. 잠시 후 다시 시도해 주세요.";
}

export function errorResponse(error: unknown): Response {
  const status = statusOf(error);
  if (status === 500) console.error(error);
  const code = error instanceof AppError ? error.code : "internal";
  return Response.json({ error: { code, message: errorMessage(error) } }, { status });
}
