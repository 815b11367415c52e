// A small progress history for the progress tests: the review seed's 24 questions (5 topics,
// 4 domains), cards in fixed states and review logs on fixed days, written straight into the
// tables (the histories need not come from the scheduler; the aggregates must match them).
import type { Db } from "@/lib/server/db";
import { ensureCards } from "@/lib/server/cards";
import { seedReviewQuestions, type SeededQuestion } from "./review-seed";

const DAY = 86_400_000;

export interface SeededProgress {
  questions: SeededQuestion[];
  /** review logs written, by origin */
  logs: { review: number; exam: number };
}

/**
 * `now` is the reference clock. Question i's card: every third card stays new; the others were
 * last reviewed (i + 1) days ago with stability 2 + i, due (i % 10) − 2 days from now. Each
 * reviewed card has one review log per day for the three days before its last review and one
 * at it; odd cards' last answer was 다시 (wrong). Cards 0 and 5 are leeches.
 */
export async function seedProgressHistory(db: Db, learnerId: string, now: Date, options: { withExam?: boolean } = {}): Promise<SeededProgress> {
  const questions = await seedReviewQuestions(db, 24);
  await ensureCards(db, learnerId, new Date(now.getTime() - 40 * DAY));
  const logs = { review: 0, exam: 0 };
  let attemptId: string | null = null;
  if (options.withExam) {
    attemptId = "progress-exam-1";
    await db.examAttempt.create({
      data: {
        id: attemptId,
        learnerId,
        mode: "custom",
        feedback: "exam",
        status: "finished",
        seed: "seed",
        config: "{}",
        notices: "[]",
        questionCount: 4,
        startedAt: new Date(now.getTime() - 2 * DAY - 3_600_000),
        finishedAt: new Date(now.getTime() - 2 * DAY),
        finishReason: "submitted",
        correctCount: 3,
        scaledScore: 750,
        passed: true,
        score: "{}",
      },
    });
  }
  for (const [index, question] of questions.entries()) {
    const cardId = `${learnerId}:${question.id}`;
    if (index % 3 === 0 && index !== 0) continue;
    const lastReview = new Date(now.getTime() - (index + 1) * DAY);
    const firstReview = new Date(lastReview.getTime() - 3 * DAY);
    await db.card.update({
      where: { id: cardId },
      data: {
        state: 2,
        stability: 2 + index,
        difficulty: 5,
        reps: 4,
        lapses: index === 0 || index === 5 ? 8 : 0,
        leech: index === 0 || index === 5,
        lastReview,
        firstReview,
        due: new Date(now.getTime() + ((index % 10) - 2) * DAY),
        version: 4,
      },
    });
    for (let step = 0; step < 4; step += 1) {
      const review = new Date(firstReview.getTime() + step * DAY);
      const last = step === 3;
      const wrong = last && index % 2 === 1;
      const exam = last && attemptId !== null && index < 4;
      await db.reviewLog.create({
        data: {
          id: `log-${String(index).padStart(2, "0")}-${step}`,
          learnerId,
          cardId,
          rating: wrong ? 1 : 3,
          state: step === 0 ? 0 : 2,
          due: review,
          stability: 2 + index,
          difficulty: 5,
          elapsedDays: step === 0 ? 0 : 1,
          lastElapsedDays: 0,
          scheduledDays: 1,
          learningSteps: 0,
          review,
          durationMs: 10_000,
          correct: question.type === "single" || question.type === "multiple" ? !wrong : null,
          answer: null,
          previousCard: "{}",
          cardVersion: step + 1,
          origin: exam ? "exam" : "review",
          examAttemptId: exam ? attemptId : null,
        },
      });
      if (exam) logs.exam += 1;
      else logs.review += 1;
    }
  }
  if (attemptId) {
    const examQuestions = questions.filter((question) => question.type === "single").slice(0, 4);
    for (const [position, question] of examQuestions.entries()) {
      const domain = ["secure", "resilient", "performant", "cost"][questions.indexOf(question) % 4]!;
      await db.examItem.create({ data: { attemptId, position, questionId: question.id, domain, selected: '["B"]', correct: position !== 3, answeredAt: new Date(now.getTime() - 2 * DAY - 60_000) } });
    }
  }
  return { questions, logs };
}
