// POST /review/api/undo — restore the card of one answer exactly and delete its log.
import { undoInputSchema } from "@/lib/core/srs/inputs";
import { handleJson } from "@/lib/server/http";
import { undoAnswer } from "@/lib/server/review";

export async function POST(request: Request): Promise<Response> {
  return handleJson(request, undoInputSchema, (input, { db, learnerId, now }) => undoAnswer(db, { learnerId, input, now }));
}
