// The one edge (STYLE.md habit 3 and 7): route handlers and server actions parse their input
// with zod, call a service with the request context, and map the error family to an HTTP
// status (JSON routes) or a Korean form message (actions). Nothing else catches AppError.
import "server-only";
import type { z } from "zod";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { parseInput } from "@/lib/core/srs/inputs";
import { requestContext, type RequestContext } from "./context";

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
  return Response.json({ error: { code, message: errorMessage(error) } }, { status, headers: { "Cache-Control": "no-store" } });
}

/** Reads a JSON request body; anything that is not JSON is a ValidationError. */
export async function readJsonBody(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    throw new ValidationError("요청 본문이 올바른 JSON 이 아닙니다.");
  }
}

/**
 * A JSON POST endpoint: body parsed with `schema`, the service called with the request
 * context, the result sent as JSON (never cached), errors mapped by `errorResponse`.
 */
export async function handleJson<T>(request: Request, schema: z.ZodType<T>, run: (input: T, context: RequestContext) => Promise<unknown>): Promise<Response> {
  try {
    const body = await readJsonBody(request);
    const input = parseInput(schema, body);
    const result = await run(input, await requestContext());
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}

/** A form field as a string ("" when missing or a file). */
export function formText(formData: FormData, name: string): string {
  const value = formData.get(name);
  return typeof value === "string" ? value : "";
}

/** Our own errors carry a Korean message for the form; anything else is logged and hidden. */
export function formFailure(error: unknown): string {
  if (!(error instanceof AppError)) console.error(error);
  return errorMessage(error);
}

/**
 * A server action's body: runs `work` with the request context and turns a thrown error into
 * the Korean message a form shows (the action returns it as its state).
 */
export async function runAction<T>(work: (context: RequestContext) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    return { ok: true, value: await work(await requestContext()) };
  } catch (error) {
    return { ok: false, message: formFailure(error) };
  }
}
