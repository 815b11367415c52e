// POST /review/api/undo — restore the card of one answer exactly and delete its log.
import { undoInputSchema } from "@/lib/core/srs/inputs";
import { getDb } from "@/lib/server/db";
import { currentLearnerId } from "@/lib/server/learners";
import { undoAnswer } from "@/lib/server/review";
import { handleJson } from "@/lib/server/review/http";

export async function POST(request: Request): Promise<Response> {
  return handleJson(request, undoInputSchema, (input) => undoAnswer(getDb(), { learnerId: currentLearnerId(), input, now: new Date() }));
}
