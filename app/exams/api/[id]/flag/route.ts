// POST /exams/api/<id>/flag — mark or unmark a question for review.
import { examFlagSchema } from "@/lib/core/exam/inputs";
import { saveExamFlag } from "@/lib/server/exams";
import { examRoute } from "@/lib/server/exams/http";

export const POST = examRoute(examFlagSchema, (attemptId, input, { db, learnerId, now }) => saveExamFlag(db, { learnerId, attemptId, input, now }));
