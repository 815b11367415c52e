// Progress aggregates on real databases (SQLite and PostgreSQL): the SQL sums agree with the
// core's reference over the same cards, and the dashboard's numbers match the seeded history.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { fetchHomeProgress, fetchProgressDashboard, fetchTopicProgress } from "@/lib/server/progress";
import { aggregateCardsByDomain, aggregateCardsByTopicDomain, aggregateTopicCardsByDomain } from "@/lib/server/progress/queries";
import { aggregateCards, forgettingCurveOf, parseProgressSort } from "@/lib/core/progress/mastery";
import { nextLearnerDayStart } from "@/lib/core/srs/day-boundary";
import { learnerDayStartAfter } from "@/lib/core/progress/calendar";
import { DOMAINS } from "@/lib/core/questions/types";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedProgressHistory, type SeededProgress } from "./progress-seed";

const learnerId = DEFAULT_LEARNER_ID;
const now = new Date("2026-03-10T01:00:00Z"); // 10:00 KST
const clock = { timeZone: "Asia/Seoul", dayStartHour: 4 };

for (const provider of testProviders()) {
  describe(`progress on ${provider}`, () => {
    let test: TestDatabase;
    let seeded: SeededProgress;

    beforeAll(async () => {
      test = await createTestDatabase(provider);
      seeded = await seedProgressHistory(test.db, learnerId, now, { withExam: true });
      await test.db.learnerSettings.update({ where: { learnerId }, data: { examDate: new Date("2026-04-10T00:00:00Z") } });
    });
    afterAll(async () => {
      await test?.cleanup();
    });

    it("sums retrievability in SQL exactly as the core formula does", async () => {
      const window = { learnerId, now, todayEnd: nextLearnerDayStart(now, clock.timeZone, clock.dayStartHour), weekEnd: learnerDayStartAfter(now, 7, clock), examAt: new Date("2026-04-10T00:00:00Z"), curve: forgettingCurveOf(null) };
      const domains = await aggregateCardsByDomain(test.db, window);
      const cards = await test.db.card.findMany({ include: { question: true } });
      for (const domain of DOMAINS) {
        const reference = aggregateCards(
          cards.filter((card) => card.question.domain === domain),
          window,
        );
        expect(domains[domain].cards).toBe(reference.cards);
        expect(domains[domain].seen).toBe(reference.seen);
        expect(domains[domain].retrievabilitySum).toBeCloseTo(reference.retrievabilitySum, 9);
        expect(domains[domain].forecastSum).toBeCloseTo(reference.forecastSum, 9);
        expect(domains[domain].dueToday).toBe(reference.dueToday);
        expect(domains[domain].dueWeek).toBe(reference.dueWeek);
        expect(domains[domain].leeches).toBe(reference.leeches);
        expect(domains[domain].lastReview?.getTime()).toBe(reference.lastReview?.getTime());
      }
      const topics = await aggregateCardsByTopicDomain(test.db, window);
      expect(topics.reduce((sum, row) => sum + row.cards, 0)).toBe(24); // one topic per seeded question
      const lambda = await aggregateTopicCardsByDomain(test.db, window, "lambda");
      expect(lambda.every((row) => row.topicKey === "lambda")).toBe(true);
      expect(lambda.reduce((sum, row) => sum + row.cards, 0)).toBe(5);
    });

    it("shows the seeded history on the dashboard", async () => {
      const dashboard = await fetchProgressDashboard(test.db, { learnerId, now }, parseProgressSort({}));
      expect(dashboard.totals).toEqual({ cards: 24, seen: 17 });
      expect(dashboard.topics.map((row) => row.key).sort()).toEqual(["alb", "dynamodb", "lambda", "route53", "sqs"]);
      // weakest first
      const masteries = dashboard.topics.map((row) => row.mastery ?? 0);
      expect([...masteries].sort((a, b) => a - b)).toEqual(masteries);
      const answers = dashboard.topics.reduce((sum, row) => sum + row.reviewAnswers + row.examAnswers, 0);
      // logs older than 30 days are outside the accuracy window: card i's first log is i + 4 days ago
      expect(answers).toBeLessThanOrEqual(seeded.logs.review + seeded.logs.exam);
      expect(dashboard.topics.reduce((sum, row) => sum + row.examAnswers, 0)).toBe(seeded.logs.exam);
      expect(dashboard.heatmap.totalAnswers).toBe(seeded.logs.review + seeded.logs.exam);
      // card 0's last review was 1 day ago: yesterday studied, today not yet
      expect(dashboard.streak.studiedToday).toBe(false);
      expect(dashboard.streak.current).toBeGreaterThanOrEqual(1);
      expect(dashboard.due.reduce((sum, day) => sum + day.cards, 0)).toBe(17);
      expect(dashboard.time.at(-2)!.minutes).toBeGreaterThan(0);
      expect(dashboard.readiness.estimate).not.toBeNull();
      expect(dashboard.readiness.estimate!.examAnswers).toBe(4);
      expect(dashboard.readiness.forecast!.daysLeft).toBe(31);
      expect(dashboard.readiness.forecast!.stopNowRetrievability).toBeLessThan(dashboard.domains.reduce((sum, row) => sum + (row.mastery ?? 0) * row.cards, 0) / 24);
      expect(dashboard.readiness.next.length).toBeGreaterThan(0);
    });

    it("counts a question with two topics once in its domain and once in each topic", async () => {
      const before = await fetchProgressDashboard(test.db, { learnerId, now }, parseProgressSort({}));
      await test.db.questionTopic.create({ data: { questionId: "review-test-q001", topicKey: "s3" } });
      try {
        const after = await fetchProgressDashboard(test.db, { learnerId, now }, parseProgressSort({}));
        expect(after.totals).toEqual(before.totals);
        expect(after.domains.map((row) => row.cards)).toEqual(before.domains.map((row) => row.cards));
        expect(after.topics.find((row) => row.key === "s3")?.cards).toBe(1);
        expect(after.topics.reduce((sum, row) => sum + row.cards, 0)).toBe(25);
      } finally {
        await test.db.questionTopic.delete({ where: { questionId_topicKey: { questionId: "review-test-q001", topicKey: "s3" } } });
      }
    });

    it("adds today's answers live to the closed days it keeps, and re-reads closed days when they change", async () => {
      const sort = parseProgressSort({});
      const before = await fetchProgressDashboard(test.db, { learnerId, now }, sort);
      const log = (id: string, review: Date) =>
        test.db.reviewLog.create({
          data: { id, learnerId, cardId: `${learnerId}:review-test-q000`, rating: 3, state: 2, due: review, stability: 2, difficulty: 5, elapsedDays: 1, lastElapsedDays: 0, scheduledDays: 1, learningSteps: 0, review, durationMs: 60_000, correct: true, previousCard: "{}", cardVersion: 9 },
        });
      await log("zz-today", new Date(now.getTime() - 60_000));
      const today = await fetchProgressDashboard(test.db, { learnerId, now }, sort);
      expect(today.heatmap.totalAnswers).toBe(before.heatmap.totalAnswers + 1);
      expect(today.streak.studiedToday).toBe(true);
      expect(today.time.at(-1)!.minutes).toBe(1);
      // a restore-like change before today's start (the newest closed log changes)
      await log("zz-closed", new Date("2026-03-09T18:59:59Z")); // 03:59:59 KST: still yesterday's study day
      const changed = await fetchProgressDashboard(test.db, { learnerId, now }, sort);
      expect(changed.heatmap.totalAnswers).toBe(before.heatmap.totalAnswers + 2);
      expect(changed.time.at(-2)!.minutes).toBeGreaterThan(today.time.at(-2)!.minutes);
      await test.db.reviewLog.deleteMany({ where: { id: { in: ["zz-today", "zz-closed"] } } });
    });

    it("reads one topic's panel and the home panel", async () => {
      const topic = await fetchTopicProgress(test.db, { learnerId, now, topicKey: "lambda" });
      expect(topic!.overall.cards).toBe(5);
      expect(topic!.due).toHaveLength(7);
      expect(await fetchTopicProgress(test.db, { learnerId, now, topicKey: "nothing-here" })).toBeNull();
      const home = await fetchHomeProgress(test.db, { learnerId, now });
      const dashboard = await fetchProgressDashboard(test.db, { learnerId, now }, parseProgressSort({}));
      expect(home.estimate?.scaled).toBe(dashboard.readiness.estimate?.scaled);
      expect(home.dueToday).toBe(dashboard.due[0]!.cards);
    });
  });
}
