// POST /exams/api/<id>/answer — save one answer as it is chosen (practice mode: check it).
import { examAnswerSchema } from "@/lib/core/exam/inputs";
import { saveExamAnswer } from "@/lib/server/exams";
import { examRoute } from "@/lib/server/exams/http";

export const POST = examRoute(examAnswerSchema, (attemptId, input, { db, learnerId, now }) => saveExamAnswer(db, { learnerId, attemptId, input, now }));
