// Personal FSRS parameters from the learner's own logs with @open-spaced-repetition/binding:
// enough reviews → optimised weights and log loss before/after stored; the scheduler uses them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { answerInputSchema, parseInput } from "@/lib/core/srs/inputs";
import { createScheduler } from "@/lib/core/srs/scheduler";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { answerCard, fetchReviewSession, fetchSettingsView, NO_SCOPE, optimizeParameters } from "@/lib/server/review";
import { readSettings } from "@/lib/server/cards";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedReviewQuestions } from "./review-seed";

const learnerId = DEFAULT_LEARNER_ID;
const DAY = 86_400_000;

/** Deterministic recall: a learner who forgets more the longer a card waits. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 4_294_967_296;
  };
}

for (const provider of testProviders()) {
  describe(`FSRS optimiser on ${provider}`, () => {
    let test: TestDatabase;

    beforeAll(async () => {
      test = await createTestDatabase(provider);
      await seedReviewQuestions(test.db, 40);
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 40, optimizeMinReviews: 300 } });
    });
    afterAll(async () => {
      await test?.cleanup();
    });

    it("refuses with too few reviews, then trains on the learner's logs and the scheduler uses the result", async () => {
      await expect(optimizeParameters(test.db, { learnerId, now: new Date("2026-01-01T01:00:00Z") })).rejects.toBeInstanceOf(ValidationError);

      // Study every day for ~4 months through the real answer path.
      const rng = random(11);
      const questions = await test.db.question.findMany({ select: { id: true, correct: true, type: true, chooseCount: true } });
      const correctOf = new Map(questions.map((question) => [question.id, JSON.parse(question.correct) as string[]]));
      let reviews = 0;
      for (let day = 0; day < 120 && reviews < 420; day += 1) {
        let now = new Date(Date.UTC(2026, 0, 1, 1) + day * DAY);
        for (let guard = 0; guard < 200; guard += 1) {
          const session = await fetchReviewSession(test.db, { learnerId, scope: NO_SCOPE, now });
          const card = session.card;
          if (!card || session.counts.new + session.counts.learning + session.counts.review === 0) break;
          const row = await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } });
          const overdue = row.lastReview ? (now.getTime() - row.lastReview.getTime()) / DAY / Math.max(row.stability, 0.1) : 1;
          const recalled = rng() > Math.min(0.6, 0.08 + 0.25 * overdue);
          const rating = recalled ? (rng() < 0.2 ? 4 : 3) : 1;
          const selected = card.selectCount > 0 ? (correctOf.get(card.questionId) ?? []) : [];
          await answerCard(test.db, { learnerId, now, input: parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating, selected, durationMs: 8_000 }) });
          reviews += 1;
          now = new Date(now.getTime() + 11 * 60_000);
        }
      }
      expect(reviews).toBeGreaterThanOrEqual(300);

      const result = await optimizeParameters(test.db, { learnerId, now: new Date("2026-06-01T01:00:00Z") });
      expect(result.reviewCount).toBe(reviews);
      expect(result.itemCount).toBeGreaterThan(50);
      expect(result.parameters).toHaveLength(21);
      expect(Number.isFinite(result.logLossBefore) && Number.isFinite(result.logLossAfter)).toBe(true);
      const view = await fetchSettingsView(test.db, learnerId);
      expect(view.optimizer.fsrsLogLossBefore).toBeCloseTo(result.logLossBefore, 10);
      expect(view.optimizer.fsrsLogLossAfter).toBeCloseTo(result.logLossAfter, 10);
      expect(view.optimizer.fsrsOptimizedAt).not.toBeNull();

      // The simulated learner forgets faster than FSRS' defaults assume: training on the
      // learner's own logs must predict them better (deterministic: histories in a fixed order).
      expect(result.applied).toBe(true);
      expect(result.logLossAfter).toBeLessThan(result.logLossBefore);
      const settings = await readSettings(test.db, learnerId);
      {
        expect(settings.fsrsParameters).toEqual(result.parameters);
        // The scheduler now runs on the learner's weights: a first Good gives a different stability.
        const personal = createScheduler(settings);
        const standard = createScheduler({ ...settings, fsrsParameters: null });
        expect(personal.parameters).toEqual(result.parameters);
        expect(personal.preview(newCard(), new Date())[3].card.stability).not.toBeCloseTo(standard.preview(newCard(), new Date())[3].card.stability, 6);
      }
    }, 240_000);
  });
}

function newCard() {
  return { due: new Date(), stability: 0, difficulty: 0, elapsedDays: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0 as const, lastReview: null };
}
