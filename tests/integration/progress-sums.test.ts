// Retrievability sums stay real numbers whatever group comes first: SQLite's SUM over integer
// zeros is an integer and the driver adapter types a raw column by its first row, which once
// truncated every topic's mastery (24.3 of 27 cards read as 24).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgettingCurveOf } from "@/lib/core/progress/mastery";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { aggregateCardsByTopicDomain } from "@/lib/server/progress/queries";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedExamQuestions } from "./exam-seed";

const DAY = 86_400_000;
const now = new Date("2026-03-10T01:00:00Z");

for (const provider of testProviders()) {
  describe(`progress sums on ${provider}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
      const questions = await seedExamQuestions(test.db, { count: 12 });
      // The first group in GROUP BY order: a question without a topic, never answered.
      await test.db.questionTopic.deleteMany({ where: { questionId: questions[0]!.id } });
      for (const [index, question] of questions.entries()) {
        const seen = index > 0;
        await test.db.card.create({
          data: {
            id: `${DEFAULT_LEARNER_ID}:${question.id}`,
            learnerId: DEFAULT_LEARNER_ID,
            questionId: question.id,
            due: new Date(now.getTime() + 5 * DAY),
            stability: seen ? 10 : 0,
            difficulty: 5,
            elapsedDays: 0,
            scheduledDays: 0,
            learningSteps: 0,
            reps: seen ? 3 : 0,
            lapses: 0,
            state: seen ? 2 : 0,
            lastReview: seen ? new Date(now.getTime() - 10 * DAY) : null,
          },
        });
      }
    });
    afterAll(async () => {
      await test?.cleanup();
    });

    it("sums retrievability as a real number in every group", async () => {
      const rows = await aggregateCardsByTopicDomain(test.db, {
        learnerId: DEFAULT_LEARNER_ID,
        now,
        todayEnd: new Date(now.getTime() + DAY),
        weekEnd: new Date(now.getTime() + 7 * DAY),
        examAt: null,
        curve: forgettingCurveOf(null),
      });
      const seen = rows.filter((row) => row.seen > 0);
      expect(seen.length).toBeGreaterThan(0);
      for (const row of seen) expect(row.retrievabilitySum / row.seen).toBeCloseTo(0.9, 6);
      expect(rows.some((row) => row.topicKey === null && row.retrievabilitySum === 0)).toBe(true);
    });
  });
}
