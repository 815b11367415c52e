-- CreateTable
CREATE TABLE "ReviewHourTally" (
    "learnerId" TEXT NOT NULL,
    "hour" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "matureAnswers" INTEGER NOT NULL,
    "maturePassed" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,

    PRIMARY KEY ("learnerId", "hour"),
    CONSTRAINT "ReviewHourTally_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "AnswerDayTally" (
    "learnerId" TEXT NOT NULL,
    "scope" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "origin" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "correct" INTEGER NOT NULL,

    PRIMARY KEY ("learnerId", "scope", "day", "key", "origin"),
    CONSTRAINT "AnswerDayTally_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ProgressStamp" (
    "learnerId" TEXT NOT NULL PRIMARY KEY,
    "fingerprint" TEXT NOT NULL,
    "rebuiltAt" DATETIME NOT NULL,
    CONSTRAINT "ProgressStamp_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

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
    "domain" TEXT NOT NULL DEFAULT '',
    "topicKey" TEXT,
    "topicCount" INTEGER NOT NULL DEFAULT 0,
    "archived" BOOLEAN NOT NULL DEFAULT false,
    CONSTRAINT "Card_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("buriedUntil", "createdAt", "difficulty", "due", "elapsedDays", "firstReview", "flag", "id", "lapses", "lastReview", "learnerId", "learningSteps", "leech", "questionId", "reps", "scheduledDays", "stability", "state", "suspended", "version") SELECT "buriedUntil", "createdAt", "difficulty", "due", "elapsedDays", "firstReview", "flag", "id", "lapses", "lastReview", "learnerId", "learningSteps", "leech", "questionId", "reps", "scheduledDays", "stability", "state", "suspended", "version" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_learnerId_state_due_idx" ON "Card"("learnerId", "state", "due");
CREATE INDEX "Card_learnerId_firstReview_idx" ON "Card"("learnerId", "firstReview");
CREATE INDEX "Card_learnerId_topicCount_idx" ON "Card"("learnerId", "topicCount");
CREATE UNIQUE INDEX "Card_learnerId_questionId_key" ON "Card"("learnerId", "questionId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "Question_updatedAt_idx" ON "Question"("updatedAt");

-- Backfill (lib/server/progress/aggregates.ts writes the same rows from then on).
UPDATE "Card" SET
  "domain" = COALESCE((SELECT q."domain" FROM "Question" q WHERE q."id" = "Card"."questionId"), ''),
  "archived" = COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = "Card"."questionId"), false),
  "topicCount" = (SELECT COUNT(*) FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId"),
  "topicKey" = (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(qt."topicKey") END FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId");

INSERT INTO "ReviewHourTally" ("learnerId", "hour", "answers", "matureAnswers", "maturePassed", "durationMs")
SELECT l."learnerId", substr(l."review", 1, 13), COUNT(*),
  SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' THEN 1 ELSE 0 END),
  SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' AND l."rating" > 1 THEN 1 ELSE 0 END),
  SUM(COALESCE(l."durationMs", 0))
FROM "ReviewLog" l GROUP BY 1, 2;

INSERT INTO "AnswerDayTally" ("learnerId", "scope", "day", "key", "origin", "answers", "correct")
SELECT l."learnerId", 'topic', substr(l."review", 1, 10), qt."topicKey", l."origin", COUNT(*),
  SUM(CASE WHEN COALESCE(l."correct", l."rating" > 1) THEN 1 ELSE 0 END)
FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" JOIN "QuestionTopic" qt ON qt."questionId" = c."questionId"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "AnswerDayTally" ("learnerId", "scope", "day", "key", "origin", "answers", "correct")
SELECT l."learnerId", 'domain', substr(l."review", 1, 10), q."domain", l."origin", COUNT(*),
  SUM(CASE WHEN COALESCE(l."correct", l."rating" > 1) THEN 1 ELSE 0 END)
FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" JOIN "Question" q ON q."id" = c."questionId"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "ProgressStamp" ("learnerId", "fingerprint", "rebuiltAt")
SELECT lr."id",
  CAST((SELECT COUNT(*) FROM "Question") AS TEXT) || '|' || COALESCE(CAST((SELECT MAX("updatedAt") FROM "Question") AS TEXT), '') || '|' ||
  CAST((SELECT COUNT(*) FROM "QuestionTopic") AS TEXT) || '|' || CAST((SELECT COUNT(*) FROM "Card" c WHERE c."learnerId" = lr."id") AS TEXT),
  CURRENT_TIMESTAMP
FROM "Learner" lr;
