// Review services for routes, scripts and the lead's question sync.
import "server-only";
import type { Db } from "@/lib/server/db";
import { syncSuspensions } from "@/lib/server/cards";

export { answerCard, checkAnswer, undoAnswer, STALE_ANSWER_MESSAGE } from "./answers";
export type { AnswerResult, CramSessionView, ReviewMode, ReviewScope, SessionView, UndoResult } from "@/lib/core/srs/views";
export { buildTodayQueue, fetchCramSession, fetchNextCard, fetchReviewSession, CRAM_SESSION_SIZE } from "./session";
export { fetchSettingsView, saveSettings, type SaveSettingsResult, type SettingsView } from "./settings";
export { listLeeches, markLeechRestudied, type LeechView } from "./leeches";
export { optimizeParameters, type OptimizeResult } from "./optimizer";
export { NO_SCOPE } from "./repository";
export { ensureCards } from "@/lib/server/cards";

/**
 * Call after a question sync: cards of archived questions are suspended (kept with their
 * history, out of every queue) and cards of questions restored to a bank resume.
 */
export async function suspendArchivedQuestionCards(db: Db): Promise<{ suspended: number; resumed: number }> {
  return syncSuspensions(db);
}
