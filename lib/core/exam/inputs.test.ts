import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { parseInput } from "@/lib/core/srs/inputs";
import { examAnswerSchema, examFlagSchema, examStartSchema, examSubmitSchema, formFields } from "./inputs";

const firstMessage = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe("examStartSchema", () => {
  it("forces the SAA-C03 format for a full exam, keeping only extension and imported banks", () => {
    expect(
      examStartSchema.parse({ mode: "full", feedback: "practice", questionCount: "10", timeLimitMinutes: "5", topics: ["lambda"], domains: "cost", extraTime: "on", includeImported: "true" }),
    ).toEqual({ mode: "full", feedback: "exam", questionCount: 65, timeLimitMinutes: 130, extraTime: true, topics: [], domains: [], includeImported: true, questionIds: null });
    expect(examStartSchema.parse({ mode: "full" })).toMatchObject({ extraTime: false, includeImported: false, feedback: "exam" });
  });

  it("reads a custom exam from form strings", () => {
    const fields = formFields([
      ["mode", "custom"],
      ["feedback", "practice"],
      ["questionCount", "10"],
      ["timeLimitMinutes", "15"],
      ["topics", "lambda"],
      ["topics", "s3"],
      ["domains", "secure"],
      ["extraTime", "on"],
    ]);
    expect(examStartSchema.parse(fields)).toEqual({
      mode: "custom",
      feedback: "practice",
      questionCount: 10,
      timeLimitMinutes: 15,
      extraTime: true,
      topics: ["lambda", "s3"],
      domains: ["secure"],
      includeImported: false,
      questionIds: null,
    });
  });

  it("takes JSON too, and an empty or 'none' time limit as no limit (which drops the extension)", () => {
    expect(examStartSchema.parse({ mode: "custom", questionCount: 5, timeLimitMinutes: null, extraTime: true })).toMatchObject({ timeLimitMinutes: null, extraTime: false, feedback: "exam" });
    expect(examStartSchema.parse({ mode: "weak", questionCount: "20", timeLimitMinutes: "" })).toMatchObject({ timeLimitMinutes: null, questionCount: 20 });
    expect(examStartSchema.parse({ mode: "custom", questionCount: 5, timeLimitMinutes: "none" }).timeLimitMinutes).toBeNull();
  });

  it("keeps weak exams across all topics and domains", () => {
    expect(examStartSchema.parse({ mode: "weak", questionCount: 20, timeLimitMinutes: 30, topics: "lambda", domains: ["cost"] })).toMatchObject({ topics: [], domains: [] });
  });

  it("makes '틀린 문제 다시 풀기' of exactly the given ids, in order, without duplicates", () => {
    expect(examStartSchema.parse({ mode: "custom", feedback: "practice", questionIds: ["q-3", "q-1", "q-3"], questionCount: 50, topics: ["lambda"] })).toMatchObject({
      questionIds: ["q-3", "q-1"],
      questionCount: 2,
      topics: [],
    });
    expect(firstMessage(examStartSchema.safeParse({ mode: "full", questionIds: ["q-1"] }))).toBe("다시 풀 문제(questionIds)는 맞춤 시험(custom)에서만 고를 수 있습니다.");
    expect(firstMessage(examStartSchema.safeParse({ mode: "custom", questionIds: [] }))).toBe("다시 풀 문제(questionIds)가 하나도 없습니다.");
    expect(firstMessage(examStartSchema.safeParse({ mode: "custom", questionIds: Array.from({ length: 101 }, (_, i) => `q${i}`) }))).toBe("다시 풀 문제(questionIds)는 100개까지 고를 수 있습니다 (받은 개수: 101).");
    expect(firstMessage(examStartSchema.safeParse({ mode: "custom", questionIds: ["Q 1"] }))).toBe('문제 id "Q 1" 는 올바르지 않습니다.');
  });

  it("names the bad value in Korean", () => {
    const cases: [unknown, string][] = [
      [{ mode: "quiz" }, '시험 종류(mode) "quiz" 는 없습니다 (full, custom, weak 중 하나).'],
      [{ mode: "custom", questionCount: "0" }, "문제 수(questionCount)는 1–100 사이의 정수여야 합니다 (받은 값: 0)."],
      [{ mode: "custom", questionCount: "101" }, "문제 수(questionCount)는 1–100 사이의 정수여야 합니다 (받은 값: 101)."],
      [{ mode: "custom", questionCount: "열" }, '문제 수(questionCount)는 1–100 사이의 정수여야 합니다 (받은 값: "열").'],
      [{ mode: "custom", questionCount: 2.5 }, "문제 수(questionCount)는 1–100 사이의 정수여야 합니다 (받은 값: 2.5)."],
      [{ mode: "custom" }, "문제 수(questionCount)를 정해 주세요 (1–100)."],
      [{ mode: "custom", questionCount: 5, timeLimitMinutes: "301" }, "제한 시간(timeLimitMinutes)은 1–300분 사이의 정수여야 합니다 (받은 값: 301)."],
      [{ mode: "custom", questionCount: 5, domains: ["security"] }, '영역 "security" 은 없습니다 (secure, resilient, performant, cost 중 하나).'],
      [{ mode: "custom", questionCount: 5, topics: ["Lambda"] }, '주제 키 "Lambda" 는 올바르지 않습니다 (예: lambda).'],
      [{ mode: "custom", questionCount: 5, extraTime: "maybe" }, '시간 연장(extraTime)은 켜짐/꺼짐 값이어야 합니다 (받은 값: "maybe").'],
      [{ mode: "custom", questionCount: 5, feedback: "review" }, '진행 방식(feedback) "review" 는 없습니다 (exam 또는 practice).'],
    ];
    for (const [input, message] of cases) expect(firstMessage(examStartSchema.safeParse(input)), JSON.stringify(input)).toBe(message);
    const topics = Array.from({ length: 51 }, (_, i) => `t${i}`);
    expect(firstMessage(examStartSchema.safeParse({ mode: "custom", questionCount: 5, topics }))).toBe("주제(topics)는 50개까지 고를 수 있습니다 (받은 개수: 51).");
    expect(examStartSchema.parse({ mode: "custom", questionCount: 5, topics: topics.slice(0, 50) }).topics).toHaveLength(50);
  });

  it("throws a ValidationError through parseInput", () => {
    expect(() => parseInput(examStartSchema, { mode: "custom", questionCount: 0 })).toThrow(ValidationError);
  });
});

describe("exam save schemas", () => {
  it("accepts an answer with coerced numbers and unique option keys", () => {
    expect(examAnswerSchema.parse({ position: "3", selected: ["B", "E"], version: "7", timeSpentMs: "1200" })).toEqual({ position: 3, selected: ["B", "E"], version: 7, check: false, timeSpentMs: 1200 });
    expect(examAnswerSchema.parse({ position: 0, selected: "A", version: 0, check: "true" })).toEqual({ position: 0, selected: ["A"], version: 0, check: true });
    expect(examAnswerSchema.parse({ position: 0, version: 0 }).selected).toEqual([]);
  });

  it("rejects tampered answers by value", () => {
    const cases: [unknown, string][] = [
      [{ position: -1, selected: [], version: 0 }, "문제 번호(position)는 0–99 사이의 정수여야 합니다 (받은 값: -1)."],
      [{ position: 0, selected: ["G"], version: 0 }, '선택지 "G" 는 없습니다 (A–F 중 하나).'],
      [{ position: 0, selected: ["a"], version: 0 }, '선택지 "a" 는 없습니다 (A–F 중 하나).'],
      [{ position: 0, selected: ["A", "A"], version: 0 }, '같은 선택지를 두 번 골랐습니다 (받은 값: ["A","A"]).'],
      [{ position: 0, selected: ["A", "B", "C", "D", "E", "F", "A"], version: 0 }, "선택지는 6개까지 고를 수 있습니다 (받은 개수: 7)."],
      [{ position: 0, selected: [], version: -2 }, "시험 버전(version)은 0 이상의 정수여야 합니다 (받은 값: -2)."],
      [{ position: 0, selected: [] }, "시험 버전(version)은 0 이상의 정수여야 합니다 (받은 값: 없음)."],
      [{ position: 0, selected: [], version: 0, timeSpentMs: 86_400_001 }, "풀이 시간(timeSpentMs)은 0–86,400,000ms 사이의 정수여야 합니다 (받은 값: 86400001)."],
    ];
    for (const [input, message] of cases) expect(firstMessage(examAnswerSchema.safeParse(input)), JSON.stringify(input)).toBe(message);
  });

  it("parses flags and submits", () => {
    expect(examFlagSchema.parse({ position: "4", flagged: "on", version: "2" })).toEqual({ position: 4, flagged: true, version: 2 });
    expect(examFlagSchema.parse({ position: 4, flagged: false, version: 2 }).flagged).toBe(false);
    expect(examSubmitSchema.parse({ version: "9" })).toEqual({ version: 9 });
    expect(examSubmitSchema.safeParse({}).success).toBe(false);
  });
});
