import { describe, expect, it } from "vitest";
import { examTitle } from "./title";

describe("examTitle", () => {
  it("names each kind of exam in Korean", () => {
    expect(examTitle({ mode: "full", feedback: "exam", questionCount: 65, questionIds: null })).toBe("실전 모의고사");
    expect(examTitle({ mode: "custom", feedback: "exam", questionCount: 10, questionIds: null })).toBe("맞춤 시험 · 10문제");
    expect(examTitle({ mode: "weak", feedback: "exam", questionCount: 20, questionIds: null })).toBe("약점 집중 · 20문제");
    expect(examTitle({ mode: "custom", feedback: "practice", questionCount: 7, questionIds: ["a", "b", "c", "d", "e", "f", "g"] })).toBe("틀린 문제 다시 풀기 · 7문제 (연습 모드)");
    expect(examTitle({ mode: "weak", feedback: "practice", questionCount: 5, questionIds: null })).toBe("약점 집중 · 5문제 (연습 모드)");
  });
});
