// Practice exams for routes, pages and scripts.
import "server-only";
export {
  STALE_EXAM_MESSAGE,
  abandonExam,
  fetchExamAttemptView,
  fetchExamResultView,
  fetchExamStartView,
  finalizeAttempt,
  finalizeExpiredExams,
  saveExamAnswer,
  saveExamFlag,
  startExam,
  submitExam,
  type AttemptPageView,
  type StartExamRequest,
} from "./service";
