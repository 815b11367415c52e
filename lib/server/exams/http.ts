// The exam routes' shared edge: the attempt id from the URL is validated like a body field.
import "server-only";
import type { z } from "zod";
import { ValidationError } from "@/lib/core/errors";
import { handleJson } from "@/lib/server/http";
import type { RequestContext } from "@/lib/server/context";

const ATTEMPT_ID = /^[a-z0-9]{1,64}$/;

export function parseAttemptId(raw: string): string {
  if (!ATTEMPT_ID.test(raw)) throw new ValidationError(`시험 id "${raw.slice(0, 80)}" 는 올바르지 않습니다.`, "exam_bad_id");
  return raw;
}

type Params = { params: Promise<{ id: string }> };

/** A POST on /exams/api/<id>/…: the id checked, the body parsed, the service called. */
export function examRoute<T>(schema: z.ZodType<T>, run: (attemptId: string, input: T, context: RequestContext) => Promise<unknown>) {
  return async (request: Request, { params }: Params): Promise<Response> => {
    const { id } = await params;
    return handleJson(request, schema, (input, context) => run(parseAttemptId(id), input, context));
  };
}
