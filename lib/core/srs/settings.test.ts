import { describe, expect, it } from "vitest";
import { parseReviewSettings, parseStoredParameters } from "./settings";
import { createNewCardMemory, createScheduler, estimateRelativeWorkload } from "./scheduler";

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
    expect(result.fieldErrors.desiredRetention).toBe("목표 기억 유지율: 97% 이하여야 합니다.");
    expect(result.fieldErrors.dailyNewLimit).toBe("하루 새 카드 수: 정수를 입력하세요.");
    expect(result.fieldErrors.dayStartHour).toBe("하루 시작 시각: 숫자를 입력하세요.");
    expect(result.fieldErrors.timeZone).toContain("Mars/Base");
    expect(result.fieldErrors.maximumIntervalDays).toBeUndefined();
  });

  it("rejects retention below 0.70 and text that is not a number", () => {
    const result = parseReviewSettings({ ...valid, desiredRetention: "0.5", maximumIntervalDays: "열흘" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.desiredRetention).toBe("목표 기억 유지율: 70% 이상이어야 합니다.");
    expect(result.fieldErrors.maximumIntervalDays).toBe("최대 간격: 숫자를 입력하세요.");
  });
});

describe("retention as a percentage, review limit and steps", () => {
  it("reads 90 as 90 % (the form speaks of percentages) and still accepts 0.9", () => {
    for (const typed of ["90", "90%", " 90 ", "0.9"]) {
      const result = parseReviewSettings({ ...valid, desiredRetention: typed });
      expect(result.ok && result.value.desiredRetention).toBe(0.9);
    }
    const result = parseReviewSettings({ ...valid, desiredRetention: "92.5" });
    expect(result.ok && result.value.desiredRetention).toBe(0.925);
    const high = parseReviewSettings({ ...valid, desiredRetention: "99" });
    expect(!high.ok && high.fieldErrors.desiredRetention).toBe("목표 기억 유지율: 97% 이하여야 합니다.");
  });

  it("validates the daily review limit and the steps with Korean field errors", () => {
    const ok = parseReviewSettings({ ...valid, dailyReviewLimit: "150", learningSteps: " 1m  10m 1h ", relearningSteps: "" });
    expect(ok.ok && [ok.value.dailyReviewLimit, ok.value.learningSteps, ok.value.relearningSteps]).toEqual([150, "1m 10m 1h", ""]);
    const bad = parseReviewSettings({ ...valid, dailyReviewLimit: "-1", learningSteps: "1분 10m", relearningSteps: "0.5m" });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.fieldErrors.dailyReviewLimit).toBe("하루 최대 복습 수: 0장 이상이어야 합니다.");
    expect(bad.fieldErrors.learningSteps).toBe('학습 단계: "1분" 는 단계가 아닙니다. 숫자 뒤에 m(분), h(시간), d(일)을 붙여 쓰세요 (예: 1m 10m).');
    expect(bad.fieldErrors.relearningSteps).toBe('재학습 단계: "0.5m": 단계는 1분 이상이어야 합니다.');
  });

  it("wires the steps into the scheduler: Again on a new card comes back after the first step", () => {
    const now = new Date("2026-03-10T01:00:00Z");
    const scheduler = createScheduler({ desiredRetention: 0.9, maximumIntervalDays: 36500, fsrsParameters: null, learningSteps: "5m 30m", relearningSteps: "20m" });
    const fresh = createNewCardMemory(now);
    expect(scheduler.answer(fresh, 1, now).card.due.getTime() - now.getTime()).toBe(5 * 60_000);
    expect(scheduler.answer(fresh, 3, now).card.due.getTime() - now.getTime()).toBe(30 * 60_000);
    const defaults = createScheduler({ desiredRetention: 0.9, maximumIntervalDays: 36500, fsrsParameters: null });
    expect(defaults.answer(fresh, 1, now).card.due.getTime() - now.getTime()).toBe(60_000);
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
