// POST /exams/api/<id>/submit — finish and score; a second submit returns the same result.
import { examSubmitSchema } from "@/lib/core/exam/inputs";
import { submitExam } from "@/lib/server/exams";
import { examRoute } from "@/lib/server/exams/http";

export const POST = examRoute(examSubmitSchema, (attemptId, input, { db, learnerId, now }) => submitExam(db, { learnerId, attemptId, input, now }));
