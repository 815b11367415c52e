-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "archived" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "domain" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "topicCount" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "topicKey" TEXT;

-- CreateTable
CREATE TABLE "ReviewHourTally" (
    "learnerId" TEXT NOT NULL,
    "hour" TEXT NOT NULL,
    "answers" INTEGER NOT NULL,
    "matureAnswers" INTEGER NOT NULL,
    "maturePassed" INTEGER NOT NULL,
    "durationMs" INTEGER NOT NULL,

    CONSTRAINT "ReviewHourTally_pkey" PRIMARY KEY ("learnerId","hour")
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

    CONSTRAINT "AnswerDayTally_pkey" PRIMARY KEY ("learnerId","scope","day","key","origin")
);

-- CreateTable
CREATE TABLE "ProgressStamp" (
    "learnerId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "rebuiltAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProgressStamp_pkey" PRIMARY KEY ("learnerId")
);

-- CreateIndex
CREATE INDEX "Card_learnerId_topicCount_idx" ON "Card"("learnerId", "topicCount");

-- CreateIndex
CREATE INDEX "Question_updatedAt_idx" ON "Question"("updatedAt");

-- AddForeignKey
ALTER TABLE "ReviewHourTally" ADD CONSTRAINT "ReviewHourTally_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AnswerDayTally" ADD CONSTRAINT "AnswerDayTally_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProgressStamp" ADD CONSTRAINT "ProgressStamp_learnerId_fkey" FOREIGN KEY ("learnerId") REFERENCES "Learner"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Backfill (lib/server/progress/aggregates.ts writes the same rows from then on).
UPDATE "Card" SET
  "domain" = COALESCE((SELECT q."domain" FROM "Question" q WHERE q."id" = "Card"."questionId"), ''),
  "archived" = COALESCE((SELECT q."archivedAt" IS NOT NULL FROM "Question" q WHERE q."id" = "Card"."questionId"), false),
  "topicCount" = (SELECT COUNT(*) FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId"),
  "topicKey" = (SELECT CASE WHEN COUNT(*) = 1 THEN MIN(qt."topicKey") END FROM "QuestionTopic" qt WHERE qt."questionId" = "Card"."questionId");

INSERT INTO "ReviewHourTally" ("learnerId", "hour", "answers", "matureAnswers", "maturePassed", "durationMs")
SELECT l."learnerId", to_char(l."review", 'YYYY-MM-DD"T"HH24'), COUNT(*),
  SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' THEN 1 ELSE 0 END),
  SUM(CASE WHEN l."state" = 2 AND l."origin" = 'review' AND l."rating" > 1 THEN 1 ELSE 0 END),
  SUM(COALESCE(l."durationMs", 0))
FROM "ReviewLog" l GROUP BY 1, 2;

INSERT INTO "AnswerDayTally" ("learnerId", "scope", "day", "key", "origin", "answers", "correct")
SELECT l."learnerId", 'topic', to_char(l."review", 'YYYY-MM-DD'), qt."topicKey", l."origin", COUNT(*),
  SUM(CASE WHEN COALESCE(l."correct", l."rating" > 1) THEN 1 ELSE 0 END)
FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" JOIN "QuestionTopic" qt ON qt."questionId" = c."questionId"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "AnswerDayTally" ("learnerId", "scope", "day", "key", "origin", "answers", "correct")
SELECT l."learnerId", 'domain', to_char(l."review", 'YYYY-MM-DD'), q."domain", l."origin", COUNT(*),
  SUM(CASE WHEN COALESCE(l."correct", l."rating" > 1) THEN 1 ELSE 0 END)
FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" JOIN "Question" q ON q."id" = c."questionId"
GROUP BY 1, 2, 3, 4, 5;

INSERT INTO "ProgressStamp" ("learnerId", "fingerprint", "rebuiltAt")
SELECT lr."id",
  CAST((SELECT COUNT(*) FROM "Question") AS TEXT) || '|' || COALESCE(CAST((SELECT MAX("updatedAt") FROM "Question") AS TEXT), '') || '|' ||
  CAST((SELECT COUNT(*) FROM "QuestionTopic") AS TEXT) || '|' || CAST((SELECT COUNT(*) FROM "Card" c WHERE c."learnerId" = lr."id") AS TEXT),
  CURRENT_TIMESTAMP
FROM "Learner" lr;
