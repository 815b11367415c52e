-- AlterTable
ALTER TABLE "ReviewLog" ADD COLUMN     "examAttemptId" TEXT,
ADD COLUMN     "origin" TEXT NOT NULL DEFAULT 'review';

-- CreateTable
CREATE TABLE "ExamAttempt" (
    "id" TEXT NOT NULL,
    "learnerId" TEXT NOT NULL,
    "mode" TEXT NOT NULL,
    "feedback" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "seed" TEXT NOT NULL,
    "config" TEXT NOT NULL,
    "notices" TEXT NOT NULL,
    "questionCount" INTEGER NOT NULL,
    "timeLimitMs" INTEGER,
    "startedAt" TIMESTAMP(3) NOT NULL,
    "deadline" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),
    "finishReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 0,
    "correctCount" INTEGER,
    "scaledScore" INTEGER,
    "passed" BOOLEAN,
    "score" TEXT,

    CONSTRAINT "ExamAttempt_pkey" PRIMARY KEY ("id")
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
    "answeredAt" TIMESTAMP(3),
    "timeSpentMs" INTEGER NOT NULL DEFAULT 0,
    "correct" BOOLEAN,

    CONSTRAINT "ExamItem_pkey" PRIMARY KEY ("attemptId","position")
);

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

-- CreateIndex
CREATE INDEX "ReviewLog_examAttemptId_idx" ON "ReviewLog"("examAttemptId");

-- AddForeignKey
ALTER TABLE "ExamAttempt" ADD CONSTRAINT "ExamAttempt_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamItem" ADD CONSTRAINT "ExamItem_attemptId_fkey" FOREIGN KEY ("attemptId") REFERENCES "ExamAttempt"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ExamItem" ADD CONSTRAINT "ExamItem_questionId_fkey" FOREIGN KEY ("questionId") REFERENCES "Question"("id") ON DELETE CASCADE ON UPDATE CASCADE;
