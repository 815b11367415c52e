import { describe, expect, it } from "vitest";
import { buildTrainingHistories } from "./optimizer-data";

describe("buildTrainingHistories", () => {
  it("counts deltas in learner days and skips same-day predictions", () => {
    const kst = (text: string) => new Date(`${text}+09:00`);
    const histories = buildTrainingHistories(
      [
        { cardId: "a", rating: 3, review: kst("2026-03-10T02:30:00") }, // still 03-09's study day (before 4 AM)
        { cardId: "a", rating: 3, review: kst("2026-03-10T03:50:00") }, // same study day: short-term
        { cardId: "b", rating: 1, review: kst("2026-03-10T09:00:00") },
        { cardId: "a", rating: 1, review: kst("2026-03-10T05:00:00") }, // next study day
        { cardId: "a", rating: 3, review: kst("2026-03-14T21:00:00") },
      ],
      "Asia/Seoul",
      4,
    );
    expect(histories).toEqual([
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 1 },
      ],
      [
        { rating: 3, deltaT: 0 },
        { rating: 3, deltaT: 0 },
        { rating: 1, deltaT: 1 },
        { rating: 3, deltaT: 4 },
      ],
    ]);
  });
});
