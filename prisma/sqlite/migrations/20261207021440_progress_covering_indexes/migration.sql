-- DropIndex
DROP INDEX "ReviewLog_cardId_review_idx";

-- DropIndex
DROP INDEX "ReviewLog_learnerId_review_idx";

-- CreateIndex
CREATE INDEX "Question_id_domain_archivedAt_idx" ON "Question"("id", "domain", "archivedAt");

-- CreateIndex
CREATE INDEX "ReviewLog_learnerId_review_covering_idx" ON "ReviewLog"("learnerId", "review", "cardId", "origin", "correct", "rating", "state", "durationMs");

-- CreateIndex
CREATE INDEX "ReviewLog_cardId_review_covering_idx" ON "ReviewLog"("cardId", "review", "origin", "correct", "rating");
