// POST /review/api/check — grade a choice answer or reveal a self-rated card (reads only).
import { checkInputSchema } from "@/lib/core/srs/inputs";
import { handleJson } from "@/lib/server/http";
import { checkAnswer } from "@/lib/server/review";

export async function POST(request: Request): Promise<Response> {
  return handleJson(request, checkInputSchema, (input, { db, learnerId, now }) => checkAnswer(db, { learnerId, input, now }));
}
