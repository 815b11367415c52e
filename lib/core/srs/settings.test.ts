import { describe, expect, it } from "vitest";
import { parseReviewSettings, parseStoredParameters } from "./settings";
import { estimateRelativeWorkload } from "./scheduler";

const valid = {
  desiredRetention: "0.9",
  dailyNewLimit: "20",
  maximumIntervalDays: "36500",
  dayStartHour: "4",
  timeZone: "Asia/Seoul",
  leechThreshold: "8",
  optimizeMinReviews: "400",
};

describe("parseReviewSettings", () => {
  it("accepts form strings and coerces them", () => {
    const result = parseReviewSettings(valid);
    expect(result).toEqual({ ok: true, value: { ...valid, desiredRetention: 0.9, dailyNewLimit: 20, maximumIntervalDays: 36500, dayStartHour: 4, leechThreshold: 8, optimizeMinReviews: 400 } });
  });

  it("gives a Korean error per field", () => {
    const result = parseReviewSettings({ ...valid, desiredRetention: "0.99", dailyNewLimit: "2.5", dayStartHour: "", timeZone: "Mars/Base" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.desiredRetention).toBe("목표 기억 유지율: 0.97 이하여야 합니다.");
    expect(result.fieldErrors.dailyNewLimit).toBe("하루 새 카드 수: 정수를 입력하세요.");
    expect(result.fieldErrors.dayStartHour).toBe("하루 시작 시각: 숫자를 입력하세요.");
    expect(result.fieldErrors.timeZone).toContain("Mars/Base");
    expect(result.fieldErrors.maximumIntervalDays).toBeUndefined();
  });

  it("rejects retention below 0.70 and text that is not a number", () => {
    const result = parseReviewSettings({ ...valid, desiredRetention: "0.5", maximumIntervalDays: "열흘" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.desiredRetention).toBe("목표 기억 유지율: 0.7 이상이어야 합니다.");
    expect(result.fieldErrors.maximumIntervalDays).toBe("최대 간격: 숫자를 입력하세요.");
  });
});

describe("workload estimate and stored parameters", () => {
  it("costs more reviews for higher retention", () => {
    expect(estimateRelativeWorkload(0.9)).toBeCloseTo(1, 10);
    expect(estimateRelativeWorkload(0.95)).toBeGreaterThan(1.8);
    expect(estimateRelativeWorkload(0.8)).toBeLessThan(0.5);
  });

  it("reads stored weights and ignores malformed ones", () => {
    expect(parseStoredParameters(null)).toBeNull();
    expect(parseStoredParameters("[1,2]")).toBeNull();
    expect(parseStoredParameters(JSON.stringify(Array.from({ length: 21 }, (_, i) => i / 10)))).toHaveLength(21);
  });
});
