// Learner state shared by review, exams and progress (STYLE.md: lib/server/cards): settings,
// cards, the one versioned answer write and review-log storage. Feature services build on this;
// none of them writes Card or ReviewLog rows on its own.
import "server-only";
export { readOptimizerRecord, readSettings, writeOptimizedParameters, writeSettings, type OptimizerRecord } from "./settings";
export {
  cardRecordFromRow,
  clearLeech,
  countLeeches,
  ensureCards,
  findCardWithQuestion,
  findCardsWithQuestions,
  findLeechCards,
  syncSuspensions,
  type CardWithQuestion,
} from "./cards";
export { recordAnswer, restoreCard, STALE_CARD_MESSAGE, type RecordAnswerInput, type RecordedAnswer } from "./record-answer";
export { countReviewLogs, deleteReviewLog, fetchOptimizerLogs, findLatestLog, findReviewLog, type AnswerOrigin } from "./review-logs";
export { findTopicPages, plainTopicLink, resolveTopicLinks } from "./topic-links";
