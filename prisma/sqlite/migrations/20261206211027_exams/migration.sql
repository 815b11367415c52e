-- CreateTable
CREATE TABLE "ExamAttempt" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "feedback" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "notices" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "timeLimitMs" INTEGER,
    "startedAt" DATETIME NOT NULL,
    "deadline" DATETIME,
    "finishedAt" DATETIME,
    "finishReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "correctCount" INTEGER,
    "scaledScore" INTEGER,
    "passed" BOOLEAN,
    "score" TEXT,
    CONSTRAINT "ExamAttempt_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "ExamItem" (
    "attemptId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "questionId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "selected" TEXT NOT NULL DEFAULT '[]',
    "flagged" BOOLEAN NOT NULL DEFAULT false,
    "locked" BOOLEAN NOT NULL DEFAULT false,
    "answeredAt" DATETIME,
    "timeSpentMs" INTEGER NOT NULL DEFAULT 0,
    "correct" BOOLEAN,

    PRIMARY KEY ("attemptId", "position"),
    CONSTRAINT "ExamItem_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ExamItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ReviewLog" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "learnerId" TEXT NOT NULL,
    "cardId" TEXT NOT NULL,
    "rating" INTEGER NOT NULL,
    "state" INTEGER NOT NULL,
    "due" DATETIME NOT NULL,
    "stability" REAL NOT NULL,
    "difficulty" REAL NOT NULL,
    "elapsedDays" INTEGER NOT NULL,
    "lastElapsedDays" INTEGER NOT NULL,
    "scheduledDays" INTEGER NOT NULL,
    "learningSteps" INTEGER NOT NULL,
    "review" DATETIME NOT NULL,
    "durationMs" INTEGER,
    "correct" BOOLEAN,
    "answer" TEXT,
    "previousCard" TEXT NOT NULL,
    "cardVersion" INTEGER NOT NULL,
    "origin" TEXT NOT NULL DEFAULT 'review',
    "examAttemptId" TEXT,
    CONSTRAINT "ReviewLog_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "ReviewLog_cardId_fkey" FOREIGN KEY ("cardId") REFERENCES "Card" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_ReviewLog" ("answer", "cardId", "cardVersion", "correct", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learnerId", "learningSteps", "previousCard", "rating", "review", "scheduledDays", "stability", "state") SELECT "answer", "cardId", "cardVersion", "correct", "difficulty", "due", "durationMs", "elapsedDays", "id", "lastElapsedDays", "learnerId", "learningSteps", "previousCard", "rating", "review", "scheduledDays", "stability", "state" FROM "ReviewLog";
DROP TABLE "ReviewLog";
ALTER TABLE "new_ReviewLog" RENAME TO "ReviewLog";
CREATE INDEX "ReviewLog_learnerId_review_idx" ON "ReviewLog"("learnerId", "review");
CREATE INDEX "ReviewLog_cardId_review_idx" ON "ReviewLog"("cardId", "review");
CREATE INDEX "ReviewLog_examAttemptId_idx" ON "ReviewLog"("examAttemptId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "ExamAttempt_learnerId_status_idx" ON "ExamAttempt"("learnerId", "status");

-- CreateIndex
CREATE INDEX "ExamAttempt_learnerId_startedAt_idx" ON "ExamAttempt"("learnerId", "startedAt");

-- CreateIndex
CREATE INDEX "ExamAttempt_status_deadline_idx" ON "ExamAttempt"("status", "deadline");

-- CreateIndex
CREATE INDEX "ExamItem_questionId_idx" ON "ExamItem"("questionId");

-- CreateIndex
CREATE UNIQUE INDEX "ExamItem_attemptId_questionId_key" ON "ExamItem"("attemptId", "questionId");
