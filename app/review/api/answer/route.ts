// POST /review/api/answer — record a rating (one transaction, version-checked; stale → 409).
import { answerInputSchema } from "@/lib/core/srs/inputs";
import { handleJson } from "@/lib/server/http";
import { answerCard } from "@/lib/server/review";

export async function POST(request: Request): Promise<Response> {
  return handleJson(request, answerInputSchema, (input, { db, learnerId, now }) => answerCard(db, { learnerId, input, now }));
}
