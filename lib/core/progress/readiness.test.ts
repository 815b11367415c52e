import { describe, expect, it } from "vitest";
import { DOMAINS, type Domain } from "@/lib/core/questions/types";
import { EMPTY_AGGREGATE, type CardAggregate } from "./mastery";
import { estimateReadiness, forecastExamDay, MEMORY_EVIDENCE_CAP, rankNextActions, scaledOfFraction, type DomainAggregates, type DomainExamTallies } from "./readiness";

const noExams: DomainExamTallies = { secure: { answers: 0, correct: 0 }, resilient: { answers: 0, correct: 0 }, performant: { answers: 0, correct: 0 }, cost: { answers: 0, correct: 0 } };
const every = (make: (domain: Domain) => Partial<CardAggregate>): DomainAggregates =>
  Object.fromEntries(DOMAINS.map((domain) => [domain, { ...EMPTY_AGGREGATE, ...make(domain) }])) as DomainAggregates;

describe("readiness", () => {
  it("maps fractions with the exam's scaled mapping", () => {
    expect(scaledOfFraction(0)).toBe(100);
    expect(scaledOfFraction(0.72)).toBe(720);
    expect(scaledOfFraction(1)).toBe(1000);
  });

  it("is null without any evidence", () => {
    expect(estimateReadiness(every(() => ({ cards: 50 })), noExams)).toBeNull();
  });

  it("follows mastery, with a band that narrows as more cards are seen", () => {
    const few = estimateReadiness(every(() => ({ cards: 10, seen: 4, retrievabilitySum: 3.6 })), noExams)!;
    const many = estimateReadiness(every(() => ({ cards: 100, seen: 100, retrievabilitySum: 36 })), noExams)!;
    // mastery 0.36 in both; the Jeffreys prior pulls the thin one a little toward ½
    expect(many.fraction).toBeCloseTo((0.5 + 0.36 * MEMORY_EVIDENCE_CAP) / (1 + MEMORY_EVIDENCE_CAP), 10);
    expect(few.fraction).toBeGreaterThan(many.fraction);
    expect(few.high - few.low).toBeGreaterThan(2 * (many.high - many.low));
    expect(many.low).toBeLessThan(many.fraction);
    expect(many.high).toBeGreaterThan(many.fraction);
    expect(many.scaled).toBe(scaledOfFraction(many.fraction));
    expect(many.passes).toBe(false);
  });

  it("weights domains by the SAA-C03 blueprint", () => {
    const strongSecure = estimateReadiness(every((domain) => ({ cards: 100, seen: 100, retrievabilitySum: domain === "secure" ? 95 : 50 })), noExams)!;
    const strongCost = estimateReadiness(every((domain) => ({ cards: 100, seen: 100, retrievabilitySum: domain === "cost" ? 95 : 50 })), noExams)!;
    expect(strongSecure.fraction).toBeGreaterThan(strongCost.fraction); // 30% vs 20%
  });

  it("moves toward recent exam results and narrows with them", () => {
    const domains = every(() => ({ cards: 100, seen: 100, retrievabilitySum: 60 }));
    const exams: DomainExamTallies = { secure: { answers: 20, correct: 19 }, resilient: { answers: 17, correct: 16 }, performant: { answers: 16, correct: 15 }, cost: { answers: 12, correct: 11 } };
    const memoryOnly = estimateReadiness(domains, noExams)!;
    const withExams = estimateReadiness(domains, exams)!;
    expect(withExams.fraction).toBeGreaterThan(memoryOnly.fraction + 0.08);
    expect(withExams.high - withExams.low).toBeLessThan(memoryOnly.high - memoryOnly.low);
    expect(withExams.examAnswers).toBe(65);
  });
});

describe("exam-day forecast", () => {
  it("stop-now uses the retrievability on the exam date and is lower than today", () => {
    const domains = every(() => ({ cards: 100, seen: 80, retrievabilitySum: 72, forecastSum: 48 }));
    const forecast = forecastExamDay({ domains, exams: noExams, daysLeft: 30, newCardsInWindow: 0, desiredRetention: 0.9 });
    expect(forecast.stopNowRetrievability).toBeCloseTo(0.48, 10);
    expect(forecast.stopNow!.fraction).toBeLessThan(estimateReadiness(domains, noExams)!.fraction);
  });

  it("projects the pace of new cards and says how many a day reach 720", () => {
    // 40% seen at 0.9 recall; 140 new cards in the last 14 days = 10 a day
    const domains = every(() => ({ cards: 1000, seen: 400, retrievabilitySum: 360, forecastSum: 300 }));
    const slow = forecastExamDay({ domains, exams: noExams, daysLeft: 20, newCardsInWindow: 140, desiredRetention: 0.9 });
    expect(slow.pacePerDay).toBe(10);
    // (400 + 10·20·… per domain: 4 domains share 200 new cards) → coverage 0.45 → 0.405
    expect(slow.paceFraction).toBeCloseTo(0.45 * 0.9, 10);
    expect(slow.paceReaches).toBe(false);
    // 0.72 / 0.9 = 80% coverage → 1600 more cards in 20 days → 80 a day
    expect(slow.neededPerDay).toBe(80);
    const fast = forecastExamDay({ domains, exams: noExams, daysLeft: 20, newCardsInWindow: 14 * 90, desiredRetention: 0.9 });
    expect(fast.paceReaches).toBe(true);
  });

  it("says the pass mark is out of reach by new cards alone when recall is too low", () => {
    const domains = every(() => ({ cards: 100, seen: 50, retrievabilitySum: 30 }));
    expect(forecastExamDay({ domains, exams: noExams, daysLeft: 10, newCardsInWindow: 0, desiredRetention: 0.9 }).neededPerDay).toBeNull();
  });
});

describe("다음에 할 일", () => {
  it("ranks topics by domain weight × share of the domain × what is not yet known", () => {
    const domains = every(() => ({ cards: 100 }));
    const actions = rankNextActions(
      [
        { topicKey: "iam", domain: "secure", cards: 20, retrievabilitySum: 2 }, // 0.3·18/100 = 0.054
        { topicKey: "s3", domain: "cost", cards: 20, retrievabilitySum: 2 }, // 0.2·18/100 = 0.036
        { topicKey: "s3", domain: "resilient", cards: 10, retrievabilitySum: 1 }, // 0.26·9/100 = 0.0234
        { topicKey: "kms", domain: "secure", cards: 10, retrievabilitySum: 10 }, // fully known: 0
      ],
      domains,
    );
    expect(actions.map((action) => action.topicKey)).toEqual(["s3", "iam"]);
    expect(actions[0]!.gain).toBeCloseTo(0.0594, 10);
    expect(actions[1]!.gain).toBeCloseTo(0.054, 10);
    expect(actions[0]!.mastery).toBeCloseTo(0.1, 10);
  });
});
