-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Card" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "questionId" TEXT NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "reps" INTEGER NOT NULL,
    "lapses" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "lastReview" DATETIME,
    "firstReview" DATETIME,
    "version" INTEGER NOT NULL DEFAULT 0,
    "suspended" BOOLEAN NOT NULL DEFAULT false,
    "leech" BOOLEAN NOT NULL DEFAULT false,
    "buriedUntil" DATETIME,
    "flag" INTEGER NOT NULL DEFAULT 0,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "domain" TEXT,
    "topicKey" TEXT,
    "questionArchived" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Card_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("buriedUntil", "createdAt", "difficulty", "due", "elapsedDays", "firstReview", "flag", "id", "lapses", "lastReview", "learnerId", "learningSteps", "leech", "questionId", "reps", "scheduledDays", "stability", "state", "suspended", "version") SELECT "buriedUntil", "createdAt", "difficulty", "due", "elapsedDays", "firstReview", "flag", "id", "lapses", "lastReview", "learnerId", "learningSteps", "leech", "questionId", "reps", "scheduledDays", "stability", "state", "suspended", "version" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_learnerId_state_due_idx" ON "Card"("learnerId", "state", "due");
CREATE INDEX "Card_learnerId_firstReview_idx" ON "Card"("learnerId", "firstReview");
CREATE INDEX "Card_progress_covering_idx" ON "Card"("learnerId", "questionArchived", "suspended", "topicKey", "domain", "state", "stability", "lastReview", "due", "leech");
CREATE INDEX "Card_questionId_idx" ON "Card"("questionId");
CREATE UNIQUE INDEX "Card_learnerId_questionId_key" ON "Card"("learnerId", "questionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- Card."domain", "topicKey" (the question's first topic by key) and "questionArchived" are
-- copies of the question's, kept here and nowhere in the app: the progress dashboard
-- aggregates a learner's cards from Card_progress_covering_idx alone (bench:progress).
UPDATE "Card" SET
    "domain" = (SELECT q."domain" FROM "Question" q WHERE q."id" = "Card"."questionId"),
    "questionArchived" = COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = "Card"."questionId"), false),
    "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId");

CREATE TRIGGER "Card_facets_after_insert" AFTER INSERT ON "Card"
BEGIN
    UPDATE "Card" SET
        "domain" = (SELECT q."domain" FROM "Question" q WHERE q."id" = NEW."questionId"),
        "questionArchived" = COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = NEW."questionId"), false),
        "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = NEW."questionId")
    WHERE "id" = NEW."id";
END;

-- A write that sets a copy (an import of raw rows) is corrected at once.
CREATE TRIGGER "Card_facets_after_update" AFTER UPDATE OF "questionId", "domain", "topicKey", "questionArchived" ON "Card"
BEGIN
    UPDATE "Card" SET
        "domain" = (SELECT q."domain" FROM "Question" q WHERE q."id" = NEW."questionId"),
        "questionArchived" = COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = NEW."questionId"), false),
        "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = NEW."questionId")
    WHERE "id" = NEW."id";
END;

CREATE TRIGGER "Question_facets_after_update" AFTER UPDATE OF "domain", "archivedAt" ON "Question"
BEGIN
    UPDATE "Card" SET "domain" = NEW."domain", "questionArchived" = (NEW."archivedAt" IS NOT NULL) WHERE "questionId" = NEW."id";
END;

CREATE TRIGGER "QuestionTopic_facets_after_insert" AFTER INSERT ON "QuestionTopic"
BEGIN
    UPDATE "Card" SET "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = NEW."questionId") WHERE "questionId" = NEW."questionId";
END;

CREATE TRIGGER "QuestionTopic_facets_after_delete" AFTER DELETE ON "QuestionTopic"
BEGIN
    UPDATE "Card" SET "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = OLD."questionId") WHERE "questionId" = OLD."questionId";
END;

CREATE TRIGGER "QuestionTopic_facets_after_update" AFTER UPDATE ON "QuestionTopic"
BEGIN
    UPDATE "Card" SET "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = OLD."questionId") WHERE "questionId" = OLD."questionId";
    UPDATE "Card" SET "topicKey" = (SELECT MIN(qt."topicKey") FROM "QuestionTopic" qt WHERE qt."questionId" = NEW."questionId") WHERE "questionId" = NEW."questionId";
END;
