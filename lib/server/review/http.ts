// JSON endpoints of the review screen: parse the body with zod, call a service, map errors
// (lib/server/http-errors.ts) so a stale answer is HTTP 409 with a Korean message.
import { ValidationError } from "@/lib/core/errors";
import { parseInput } from "@/lib/core/srs/inputs";
import { errorResponse } from "@/lib/server/http-errors";
import type { z } from "zod";

export async function handleJson<T>(request: Request, schema: z.ZodType<T>, run: (input: T) => Promise<unknown>): Promise<Response> {
  try {
    let body: unknown;
    try {
      body = await request.json();
    } catch {
      throw new ValidationError("요청 본문이 올바른 JSON 이 아닙니다.");
    }
    const result = await run(parseInput(schema, body));
    return Response.json(result, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
