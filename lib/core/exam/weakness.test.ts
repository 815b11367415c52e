import { describe, expect, it } from "vitest";
import { WEAKNESS_UNSEEN, weaknessOf } from "./weakness";

describe("weaknessOf", () => {
  it("rates a never-seen question 0.6", () => {
    expect(weaknessOf({ retrievability: null, recentWrong: 0, recentAnswers: 0 })).toBe(WEAKNESS_UNSEEN);
    expect(WEAKNESS_UNSEEN).toBe(0.6);
  });

  it("is the forgetting probability when there are no recent answers", () => {
    expect(weaknessOf({ retrievability: 0.9, recentWrong: 0, recentAnswers: 0 })).toBeCloseTo(0.1, 10);
    expect(weaknessOf({ retrievability: 1, recentWrong: 0, recentAnswers: 0 })).toBe(0);
  });

  it("moves toward the recent wrong ratio as answers accumulate", () => {
    // (2 × 0.1 + 1) / 3 = 0.4
    expect(weaknessOf({ retrievability: 0.9, recentWrong: 1, recentAnswers: 1 })).toBeCloseTo(0.4, 10);
    // (2 × 0.1 + 8) / 10 = 0.82
    expect(weaknessOf({ retrievability: 0.9, recentWrong: 8, recentAnswers: 8 })).toBeCloseTo(0.82, 10);
    // all right lately lowers a shaky card: (2 × 0.5 + 0) / 6
    expect(weaknessOf({ retrievability: 0.5, recentWrong: 0, recentAnswers: 4 })).toBeCloseTo(1 / 6, 10);
    const missedOnce = weaknessOf({ retrievability: 0.8, recentWrong: 1, recentAnswers: 2 });
    const missedTwice = weaknessOf({ retrievability: 0.8, recentWrong: 2, recentAnswers: 2 });
    expect(missedTwice).toBeGreaterThan(missedOnce);
  });

  it("stays in 0..1 on out-of-range input", () => {
    expect(weaknessOf({ retrievability: 1.4, recentWrong: 0, recentAnswers: 0 })).toBe(0);
    expect(weaknessOf({ retrievability: -0.2, recentWrong: 9, recentAnswers: 3 })).toBe(1);
    expect(weaknessOf({ retrievability: Number.NaN, recentWrong: 0, recentAnswers: 0 })).toBe(WEAKNESS_UNSEEN);
  });
});
