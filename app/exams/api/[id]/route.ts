// GET /exams/api/<id> — the attempt as the exam page sees it (answer-free), to reload after a
// stale save. A finished attempt answers 409 with the results address.
import { examResultsHref } from "@/lib/core/hrefs";
import { requestContext } from "@/lib/server/context";
import { fetchExamAttemptView } from "@/lib/server/exams";
import { parseAttemptId } from "@/lib/server/exams/http";
import { errorResponse } from "@/lib/server/http";
import { NotFoundError } from "@/lib/core/errors";

export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  try {
    const attemptId = parseAttemptId((await params).id);
    const { db, learnerId, now } = await requestContext();
    const page = await fetchExamAttemptView(db, { learnerId, attemptId, now });
    if (!page) throw new NotFoundError(`시험 "${attemptId}" 을 찾을 수 없습니다.`, "exam_not_found");
    if (page.kind === "finished") {
      return Response.json(
        { error: { code: "exam_finished", message: "이미 끝난 시험입니다. 결과 화면으로 이동합니다." }, href: examResultsHref(page.id) },
        { status: 409, headers: { "Cache-Control": "no-store" } },
      );
    }
    return Response.json(page.view, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
