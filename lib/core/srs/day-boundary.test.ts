import { describe, expect, it } from "vitest";
import { isValidTimeZone, learnerDayNumber, nextLearnerDayStart, startOfLearnerDay } from "./day-boundary";

describe("learner day boundary", () => {
  it("starts the day at 4 AM in Seoul (UTC+9)", () => {
    // 2026-03-10 10:00 KST
    const now = new Date("2026-03-10T01:00:00Z");
    expect(startOfLearnerDay(now, "Asia/Seoul", 4).toISOString()).toBe("2026-03-09T19:00:00.000Z");
    expect(nextLearnerDayStart(now, "Asia/Seoul", 4).toISOString()).toBe("2026-03-10T19:00:00.000Z");
  });

  it("counts 2 AM as the previous study day", () => {
    // 2026-03-11 02:00 KST belongs to the day that started 2026-03-10 04:00 KST
    const now = new Date("2026-03-10T17:00:00Z");
    expect(startOfLearnerDay(now, "Asia/Seoul", 4).toISOString()).toBe("2026-03-09T19:00:00.000Z");
    expect(learnerDayNumber(now, "Asia/Seoul", 4)).toBe(learnerDayNumber(new Date("2026-03-10T01:00:00Z"), "Asia/Seoul", 4));
    expect(learnerDayNumber(new Date("2026-03-10T19:00:00Z"), "Asia/Seoul", 4)).toBe(learnerDayNumber(now, "Asia/Seoul", 4) + 1);
  });

  it("is exact at the boundary itself", () => {
    const boundary = new Date("2026-03-09T19:00:00Z");
    expect(startOfLearnerDay(boundary, "Asia/Seoul", 4).toISOString()).toBe(boundary.toISOString());
    expect(startOfLearnerDay(new Date(boundary.getTime() - 1), "Asia/Seoul", 4).toISOString()).toBe("2026-03-08T19:00:00.000Z");
  });

  it("follows daylight saving time (New York, spring forward on 2026-03-08)", () => {
    const before = startOfLearnerDay(new Date("2026-03-07T15:00:00Z"), "America/New_York", 4);
    const after = startOfLearnerDay(new Date("2026-03-09T15:00:00Z"), "America/New_York", 4);
    expect(before.toISOString()).toBe("2026-03-07T09:00:00.000Z"); // 04:00 EST
    expect(after.toISOString()).toBe("2026-03-09T08:00:00.000Z"); // 04:00 EDT
    // The clocks jump at 02:00 on 03-08, so the study day 03-07 04:00 → 03-08 04:00 lasts 23 hours.
    expect(nextLearnerDayStart(before, "America/New_York", 4).getTime() - before.getTime()).toBe(23 * 3_600_000);
  });

  it("handles midnight as the day start and rejects unknown zones", () => {
    expect(startOfLearnerDay(new Date("2026-03-10T01:00:00Z"), "UTC", 0).toISOString()).toBe("2026-03-10T00:00:00.000Z");
    expect(isValidTimeZone("Asia/Seoul")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
  });
});
