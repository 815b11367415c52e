// The one edge (STYLE.md habit 3 and 7): route handlers and server actions parse their input
// with zod, call a service with the request context, and map the error family to an HTTP
// status (JSON routes) or a Korean form message (actions). Nothing else catches AppError.
//
// It is also where hostile requests stop, before anything is read or written:
// - CSRF: a state-changing request must come from the app's own pages. Browsers send `Origin`
//   (and `Sec-Fetch-Site`) on every POST; a cross-site form or `fetch` cannot forge them, and
//   since card ids are predictable (`default:<question id>`) any page the learner visits could
//   otherwise answer cards for them. Next checks Origin for server actions only when present
//   (RECIPES.md), so actions call `assertSameOrigin()` through `runAction`.
// - JSON only: a cross-site `text/plain` POST needs no CORS preflight; `application/json` does.
// - Size: the body is read with a byte limit (Content-Length first, then counted while reading,
//   because it can lie or be absent); a 50 MB body used to be read and parsed whole.
// - One Korean zod error map (lib/core/validation/korean-errors.ts), installed once here so
//   every action and route that imports the edge words zod issues in Korean.
import "server-only";
import { z } from "zod";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { parseInput } from "@/lib/core/srs/inputs";
import { koreanErrorMap } from "@/lib/core/validation/korean-errors";
import { requestContext, type RequestContext } from "./context";

z.config({ customError: koreanErrorMap() });

/** The review API's bodies are a few hundred bytes; 64 KB leaves room and bounds memory. */
export const JSON_BODY_LIMIT_BYTES = 64 * 1024;

/** A request refused at the edge (403 cross-site, 413 too large, 415 not JSON). */
export class RequestRefusedError extends AppError {
  constructor(
    message: string,
    code: "cross_site" | "body_too_large" | "unsupported_media_type",
    readonly status: 403 | 413 | 415,
  ) {
    super(message, code);
  }
}

export function statusOf(error: unknown): number {
  if (error instanceof RequestRefusedError) return error.status;
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

const CROSS_SITE_MESSAGE = "다른 사이트에서 보낸 요청은 받지 않습니다. 구름 화면에서 다시 시도해 주세요.";
const NO_ORIGIN_MESSAGE = "요청이 어디서 왔는지 확인할 수 없어 받지 않았습니다. 구름 화면에서 다시 시도해 주세요.";

/** The first value of a possibly comma-joined header (`x-forwarded-host: a, b` → `a`). */
function firstHeaderValue(value: string | null): string | null {
  const first = value?.split(",")[0]?.trim().toLowerCase();
  return first ? first : null;
}

/**
 * Throws a 403 RequestRefusedError unless the request comes from this app's own origin.
 *
 * - `Origin` present: its host must equal `x-forwarded-host` or `Host` (as Next's own server
 *   action check compares them); `Origin: null` (sandboxed frames, some redirects) is refused.
 * - `Sec-Fetch-Site` present: only `same-origin` passes. `same-site` is refused too: another
 *   app on localhost:5173 is the same site as this one on localhost:3000.
 * - Neither: every current browser sends at least one on a POST, so a browser-looking request
 *   (a `Mozilla/` user agent, which every browser sends) without them is refused. Tools
 *   (curl, scripts) carry no ambient credentials a cross-site page could borrow and pass.
 */
export function assertSameOriginHeaders(headers: Headers, fallbackHost?: string): void {
  const hosts = new Set([firstHeaderValue(headers.get("x-forwarded-host")), firstHeaderValue(headers.get("host")) ?? fallbackHost?.toLowerCase() ?? null].filter((host): host is string => host !== null));
  const origin = headers.get("origin");
  const fetchSite = headers.get("sec-fetch-site")?.trim().toLowerCase() ?? null;
  if (fetchSite !== null && fetchSite !== "same-origin") throw new RequestRefusedError(CROSS_SITE_MESSAGE, "cross_site", 403);
  if (origin !== null) {
    let originHost: string;
    try {
      originHost = new URL(origin).host.toLowerCase();
    } catch {
      throw new RequestRefusedError(CROSS_SITE_MESSAGE, "cross_site", 403);
    }
    if (origin === "null" || !hosts.has(originHost)) throw new RequestRefusedError(CROSS_SITE_MESSAGE, "cross_site", 403);
    return;
  }
  if (fetchSite === "same-origin") return;
  if (/^Mozilla\//.test(headers.get("user-agent") ?? "")) throw new RequestRefusedError(NO_ORIGIN_MESSAGE, "cross_site", 403);
}

/** `assertSameOriginHeaders` for a route handler's request (its URL's host when Host is absent). */
export function assertSameOriginRequest(request: Request): void {
  let urlHost: string | undefined;
  try {
    urlHost = new URL(request.url).host;
  } catch {
    urlHost = undefined;
  }
  assertSameOriginHeaders(request.headers, urlHost);
}

/** For server actions: the same check on the headers of the request that invoked the action. */
export async function assertSameOrigin(): Promise<void> {
  const { headers } = await import("next/headers");
  assertSameOriginHeaders(await headers());
}

function assertJsonContentType(request: Request): void {
  const mediaType = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (mediaType !== "application/json") {
    throw new RequestRefusedError(`요청 본문은 JSON(Content-Type: application/json)이어야 합니다 (받은 형식: ${mediaType ? mediaType.slice(0, 60) : "없음"}).`, "unsupported_media_type", 415);
  }
}

function tooLarge(limit: number): RequestRefusedError {
  return new RequestRefusedError(`요청 본문이 너무 큽니다. ${Math.floor(limit / 1024)}KB 이하만 받습니다.`, "body_too_large", 413);
}

/** The body as UTF-8 text, refused (413) as soon as it is known to exceed `limit` bytes. */
async function readLimitedText(request: Request, limit: number): Promise<string> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    await request.body?.cancel().catch(() => undefined);
    throw tooLarge(limit);
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(limit);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ValidationError("요청 본문이 올바른 UTF-8 텍스트가 아닙니다.");
  }
}

/**
 * Reads a JSON request body at most JSON_BODY_LIMIT_BYTES long, after the same-origin check:
 * cross-site → 403, not `application/json` → 415, too large → 413, not JSON → 400.
 */
export async function readJsonBody(request: Request): Promise<unknown> {
  assertSameOriginRequest(request);
  assertJsonContentType(request);
  const text = await readLimitedText(request, JSON_BODY_LIMIT_BYTES);
  if (text.trim() === "") throw new ValidationError("요청 본문이 비어 있습니다. JSON 객체를 보내 주세요.");
  try {
    return JSON.parse(text);
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
 * For server actions that build their own form state: the Korean message when the request that
 * invoked the action is cross-site (nothing may be written then), null when it is our own page.
 */
export async function crossSiteRefusal(): Promise<string | null> {
  try {
    await assertSameOrigin();
    return null;
  } catch (error) {
    return formFailure(error);
  }
}

/**
 * A server action's body: refuses a cross-site invocation, runs `work` with the request
 * context and turns a thrown error into the Korean message a form shows (the action returns
 * it as its state).
 */
export async function runAction<T>(work: (context: RequestContext) => Promise<T>): Promise<{ ok: true; value: T } | { ok: false; message: string }> {
  try {
    await assertSameOrigin();
    return { ok: true, value: await work(await requestContext()) };
  } catch (error) {
    return { ok: false, message: formFailure(error) };
  }
}
