import { describe, expect, it } from "vitest";
import { createScheduler } from "@/lib/core/srs/scheduler";
import { aggregateCards, forgettingCurveOf, masteryOf, coverageOf, parseProgressSort, progressRowOf, rateOf, retrievabilityAt, sortRows, EMPTY_AGGREGATE, type CardValues } from "./mastery";

const now = new Date("2026-03-10T01:00:00Z"); // 10:00 KST
const DAY = 86_400_000;
const curve = forgettingCurveOf(null);
const card = (partial: Partial<CardValues>): CardValues => ({ state: 2, stability: 10, lastReview: new Date(now.getTime() - 10 * DAY), due: new Date(now.getTime() + DAY), leech: false, ...partial });

describe("mastery", () => {
  it("uses the scheduler's forgetting curve: R = 0.9 after exactly S days", () => {
    const scheduler = createScheduler({ desiredRetention: 0.9, maximumIntervalDays: 36500, fsrsParameters: null });
    const reviewed = card({});
    expect(retrievabilityAt(curve, reviewed, now)).toBeCloseTo(0.9, 6);
    expect(retrievabilityAt(curve, reviewed, now)).toBeCloseTo(scheduler.retrievability({ ...reviewed, state: 2 }, now), 12);
  });

  it("is the mean retrievability over all cards, unseen cards counting 0", () => {
    const aggregate = aggregateCards([card({}), card({ state: 0, stability: 0, lastReview: null })], { curve, now, todayEnd: new Date(now.getTime() + 9 * 3_600_000), weekEnd: new Date(now.getTime() + 7 * DAY), examAt: null });
    expect(aggregate.cards).toBe(2);
    expect(aggregate.seen).toBe(1);
    expect(masteryOf(aggregate)).toBeCloseTo(0.45, 6);
    expect(coverageOf(aggregate)).toBe(0.5);
    expect(aggregate.dueToday).toBe(0); // due tomorrow 10:00, the day ends at 04:00
    expect(aggregate.dueWeek).toBe(1);
    expect(masteryOf(EMPTY_AGGREGATE)).toBeNull();
  });

  it("forecasts retrievability on the exam date along the same curve (stop-now)", () => {
    const examAt = new Date(now.getTime() + 30 * DAY);
    const aggregate = aggregateCards([card({})], { curve, now, todayEnd: now, weekEnd: now, examAt });
    expect(aggregate.forecastSum).toBeCloseTo(retrievabilityAt(curve, card({}), examAt), 12);
    expect(aggregate.forecastSum).toBeLessThan(aggregate.retrievabilitySum);
  });

  it("reports accuracy for reviews and exams apart, null without answers", () => {
    const row = progressRowOf("lambda", "Lambda", EMPTY_AGGREGATE, { review: { answers: 4, correct: 3 }, exam: { answers: 0, correct: 0 } });
    expect(row.reviewAccuracy).toBe(0.75);
    expect(row.examAccuracy).toBeNull();
    expect(rateOf({ answers: 2, correct: 1 })).toBe(0.5);
  });

  it("sorts weakest first by default, missing values last, and reads the sort from the URL", () => {
    const rows = [
      { ...progressRowOf("a", "가", EMPTY_AGGREGATE), mastery: 0.8, leeches: 1 },
      { ...progressRowOf("b", "나", EMPTY_AGGREGATE), mastery: 0.2, leeches: 3 },
      { ...progressRowOf("c", "다", EMPTY_AGGREGATE), mastery: null, leeches: 0 },
    ];
    expect(sortRows(rows, parseProgressSort({})).map((row) => row.key)).toEqual(["b", "a", "c"]);
    expect(sortRows(rows, parseProgressSort({ sort: "mastery", order: "desc" })).map((row) => row.key)).toEqual(["a", "b", "c"]);
    expect(sortRows(rows, parseProgressSort({ sort: "leeches" })).map((row) => row.key)).toEqual(["b", "a", "c"]);
    expect(parseProgressSort({ sort: "DROP TABLE", order: "sideways" })).toEqual({ sort: "mastery", order: "asc" });
  });
});
