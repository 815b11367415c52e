// POST /review/api/check — grade a choice answer or reveal a self-rated card (reads only).
import { checkInputSchema } from "@/lib/core/srs/inputs";
import { getDb } from "@/lib/server/db";
import { currentLearnerId } from "@/lib/server/learners";
import { checkAnswer } from "@/lib/server/review";
import { handleJson } from "@/lib/server/review/http";

export async function POST(request: Request): Promise<Response> {
  return handleJson(request, checkInputSchema, (input) => checkAnswer(getDb(), { learnerId: currentLearnerId(), input, now: new Date() }));
}
