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
    CONSTRAINT "Card_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Card_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_Card" ("createdAt", "difficulty", "due", "elapsedDays", "firstReview", "id", "lapses", "lastReview", "learnerId", "learningSteps", "leech", "questionId", "reps", "scheduledDays", "stability", "state", "suspended", "version") SELECT "createdAt", "difficulty", "due", "elapsedDays", "firstReview", "id", "lapses", "lastReview", "learnerId", "learningSteps", "leech", "questionId", "reps", "scheduledDays", "stability", "state", "suspended", "version" FROM "Card";
DROP TABLE "Card";
ALTER TABLE "new_Card" RENAME TO "Card";
CREATE INDEX "Card_learnerId_state_due_idx" ON "Card"("learnerId", "state", "due");
CREATE INDEX "Card_learnerId_firstReview_idx" ON "Card"("learnerId", "firstReview");
CREATE UNIQUE INDEX "Card_learnerId_questionId_key" ON "Card"("learnerId", "questionId");
CREATE TABLE "new_LearnerSettings" (
    "learnerId" TEXT NOT NULL PRIMARY KEY,
    "desiredRetention" REAL NOT NULL DEFAULT 0.9,
    "dailyNewLimit" INTEGER NOT NULL DEFAULT 20,
    "maximumIntervalDays" INTEGER NOT NULL DEFAULT 36500,
    "dayStartHour" INTEGER NOT NULL DEFAULT 4,
    "timeZone" TEXT NOT NULL DEFAULT 'Asia/Seoul',
    "leechThreshold" INTEGER NOT NULL DEFAULT 8,
    "optimizeMinReviews" INTEGER NOT NULL DEFAULT 400,
    "dailyReviewLimit" INTEGER NOT NULL DEFAULT 200,
    "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
    "relearningSteps" TEXT NOT NULL DEFAULT '10m',
    "examDate" DATETIME,
    "fsrsParameters" TEXT,
    "fsrsLogLossBefore" REAL,
    "fsrsLogLossAfter" REAL,
    "fsrsOptimizedAt" DATETIME,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "LearnerSettings_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_LearnerSettings" ("dailyNewLimit", "dayStartHour", "desiredRetention", "fsrsLogLossAfter", "fsrsLogLossBefore", "fsrsOptimizedAt", "fsrsParameters", "learnerId", "leechThreshold", "maximumIntervalDays", "optimizeMinReviews", "timeZone", "updatedAt") SELECT "dailyNewLimit", "dayStartHour", "desiredRetention", "fsrsLogLossAfter", "fsrsLogLossBefore", "fsrsOptimizedAt", "fsrsParameters", "learnerId", "leechThreshold", "maximumIntervalDays", "optimizeMinReviews", "timeZone", "updatedAt" FROM "LearnerSettings";
DROP TABLE "LearnerSettings";
ALTER TABLE "new_LearnerSettings" RENAME TO "LearnerSettings";
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
