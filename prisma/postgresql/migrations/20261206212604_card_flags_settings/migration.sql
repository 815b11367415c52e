-- AlterTable
ALTER TABLE "Card" ADD COLUMN     "buriedUntil" TIMESTAMP(3),
ADD COLUMN     "flag" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "LearnerSettings" ADD COLUMN     "dailyReviewLimit" INTEGER NOT NULL DEFAULT 200,
ADD COLUMN     "examDate" TIMESTAMP(3),
ADD COLUMN     "learningSteps" TEXT NOT NULL DEFAULT '1m 10m',
ADD COLUMN     "relearningSteps" TEXT NOT NULL DEFAULT '10m';
