// The exam date field of the settings form (lib/core/srs/settings.ts) as progress reads it.
import { describe, expect, it } from "vitest";
import { parseReviewSettings } from "@/lib/core/srs/settings";
import { examMomentOf } from "./calendar";

const valid = { desiredRetention: "90", dailyNewLimit: "20", maximumIntervalDays: "36500", dayStartHour: "4", timeZone: "Asia/Seoul", leechThreshold: "8", optimizeMinReviews: "400" };

describe("exam date setting", () => {
  it("stores the calendar date at UTC midnight, clears on empty, keeps when absent", () => {
    const set = parseReviewSettings({ ...valid, examDate: "2026-12-20" });
    expect(set.ok && set.value.examDate?.toISOString()).toBe("2026-12-20T00:00:00.000Z");
    const cleared = parseReviewSettings({ ...valid, examDate: "" });
    expect(cleared.ok && cleared.value.examDate).toBeNull();
    const absent = parseReviewSettings(valid);
    expect(absent.ok && absent.value.examDate).toBeUndefined();
  });

  it("refuses impossible dates with a Korean field error", () => {
    for (const bad of ["2026-02-30", "20-12-2026", "내일", "1999-01-01"]) {
      const result = parseReviewSettings({ ...valid, examDate: bad });
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.fieldErrors.examDate).toMatch(/^시험 날짜: /);
    }
  });

  it("evaluates the forecast on the morning of the exam day in the learner's zone", () => {
    const date = new Date("2026-12-20T00:00:00Z");
    expect(examMomentOf(date, { timeZone: "Asia/Seoul", dayStartHour: 4 }).toISOString()).toBe("2026-12-20T00:00:00.000Z"); // 09:00 KST
    expect(examMomentOf(date, { timeZone: "America/New_York", dayStartHour: 4 }).toISOString()).toBe("2026-12-20T14:00:00.000Z"); // 09:00 EST
  });
});
