// GET /progress/export: the learner's whole progress as a JSON download (reading only, so no
// same-origin check is needed; nothing is cached).
import { serializeBackup } from "@/lib/core/progress/backup";
import { requestContext } from "@/lib/server/context";
import { errorResponse } from "@/lib/server/http";
import { exportProgress } from "@/lib/server/progress";

export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  try {
    const { db, learnerId, now } = await requestContext();
    const body = serializeBackup(await exportProgress(db, learnerId, now));
    const day = now.toISOString().slice(0, 10);
    return new Response(body, {
      headers: {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="gureum-progress-${day}.json"`,
        "Cache-Control": "no-store",
      },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
