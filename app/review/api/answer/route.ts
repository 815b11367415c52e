// POST /review/api/answer — record a rating (one transaction, version-checked; stale → 409).
import { answerInputSchema } from "@/lib/core/srs/inputs";
import { getDb } from "@/lib/server/db";
import { currentLearnerId } from "@/lib/server/learners";
import { answerCard } from "@/lib/server/review";
import { handleJson } from "@/lib/server/review/http";

export async function POST(request: Request): Promise<Response> {
  return handleJson(request, answerInputSchema, (input) => answerCard(getDb(), { learnerId: currentLearnerId(), input, now: new Date() }));
}
