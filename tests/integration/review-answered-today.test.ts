// countAnsweredToday: the review header's "오늘 N장 답함" comes from the database, so it survives
// a reload; it counts today's review answers in the session's scope and drops undone ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { NO_SCOPE } from "@/lib/server/review";
import { countAnsweredToday } from "@/lib/server/review/answered-today";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { ReviewTab } from "./review-client";
import { seedReviewQuestions, type SeededQuestion } from "./review-seed";

const learnerId = DEFAULT_LEARNER_ID;
// 2026-03-10 10:00 KST; the next study day starts 2026-03-11 04:00 KST (default day start).
const t0 = new Date("2026-03-10T01:00:00Z");
const nextDay = new Date("2026-03-11T01:00:00Z");

describe("countAnsweredToday on sqlite", () => {
  let test: TestDatabase;
  let questions: SeededQuestion[];
  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    questions = await seedReviewQuestions(test.db, 12);
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  it("counts today's answers in scope, survives a reload, drops an undone answer and resets the next day", async () => {
    const correctOf = (id: string) => questions.find((question) => question.id === id)?.correct ?? [];
    const lambda = { topic: "lambda", domain: null };
    const count = (scope = NO_SCOPE, now = t0) => countAnsweredToday(test.db, { learnerId, scope, now });
    expect(await count()).toBe(0);

    const everything = await new ReviewTab(test.db, learnerId, correctOf).load(t0);
    await everything.answer(t0);
    await everything.answer(t0);
    const scoped = await new ReviewTab(test.db, learnerId, correctOf, lambda).load(t0);
    await scoped.answer(t0);
    const lambdaAnswers = await test.db.reviewLog.count({ where: { card: { question: { topics: { some: { topicKey: "lambda" } } } } } });

    // A reload asks the database again: the same numbers, per scope.
    expect(await count()).toBe(3);
    expect(await count(lambda)).toBe(lambdaAnswers);
    expect(lambdaAnswers).toBeGreaterThanOrEqual(1);
    expect(await count({ topic: "no-such-topic", domain: null })).toBe(0);

    await scoped.undo(t0);
    expect(await count()).toBe(2);
    // Exam answers are not review answers.
    const log = await test.db.reviewLog.findFirstOrThrow();
    await test.db.reviewLog.update({ where: { id: log.id }, data: { origin: "exam" } });
    expect(await count()).toBe(1);
    expect(await count(NO_SCOPE, nextDay)).toBe(0);
  });
});
