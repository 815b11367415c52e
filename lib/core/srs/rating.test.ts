import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { clozeAnswers, gradeChoice, maskCloze, parseCloze } from "@/lib/core/questions/grading";
import { proposeRating, quickThresholdMs } from "./rating";

const stem = "한 회사가 매일 밤 40분 동안 실행되는 데이터 변환 작업을 서버리스로 옮기려고 합니다."; // 48 characters

describe("proposeRating", () => {
  const review = 2 as const;
  it("scales the quick threshold with the stem length", () => {
    expect(quickThresholdMs(stem)).toBe(4_000 + 60 * [...stem].length);
    expect(quickThresholdMs("x".repeat(150))).toBe(13_000);
  });

  it("proposes Again when wrong, however fast, in every state", () => {
    for (const state of [0, 1, 2, 3] as const) expect(proposeRating({ correct: false, durationMs: 500, stem, state })).toBe(1);
  });

  it("proposes Again for a right answer marked 찍었음 (guessed), even a quick one on a review card", () => {
    expect(proposeRating({ correct: true, guessed: true, durationMs: 500, stem, state: review })).toBe(1);
    expect(proposeRating({ correct: true, guessed: true, durationMs: 60_000, stem, state: 0 })).toBe(1);
  });

  it("proposes Good for new, learning and relearning cards, however quick", () => {
    // A card failed an hour ago (relearning) answered in 3 s is not "easy".
    for (const state of [0, 1, 3] as const) expect(proposeRating({ correct: true, durationMs: 3_000, stem, state })).toBe(3);
  });

  it("proposes Easy only for a review card answered right within the threshold", () => {
    const threshold = quickThresholdMs(stem);
    expect(proposeRating({ correct: true, durationMs: threshold, stem, state: review })).toBe(4);
    expect(proposeRating({ correct: true, durationMs: threshold + 1, stem, state: review })).toBe(3);
  });
});

describe("gradeChoice", () => {
  const single = { type: "single" as const, options: ["A", "B", "C", "D"].map((key) => ({ key, text: key })), correct: ["B"], chooseCount: null };
  const multiple = { type: "multiple" as const, options: ["A", "B", "C", "D", "E"].map((key) => ({ key, text: key })), correct: ["A", "D"], chooseCount: 2 };

  it("grades single choice", () => {
    expect(gradeChoice(single, ["B"]).correct).toBe(true);
    expect(gradeChoice(single, ["C"])).toMatchObject({ correct: false, wrongKeys: ["C"], missedKeys: ["B"] });
  });

  it("needs the exact set for multiple response", () => {
    expect(gradeChoice(multiple, ["D", "A"]).correct).toBe(true);
    expect(gradeChoice(multiple, ["A", "B"])).toMatchObject({ correct: false, wrongKeys: ["B"], missedKeys: ["D"] });
  });

  it("rejects unknown keys and a wrong number of choices with Korean messages", () => {
    expect(() => gradeChoice(single, ["Z"])).toThrow(ValidationError);
    expect(() => gradeChoice(single, ["Z"])).toThrow(/"Z"/);
    expect(() => gradeChoice(multiple, ["A"])).toThrow(/2개를 골라야/);
    expect(() => gradeChoice({ ...single, type: "flashcard" as never }, [])).toThrow(ValidationError);
  });
});

describe("cloze", () => {
  const text = "Lambda 동기 호출의 페이로드 한도는 {{6MB}}, 비동기는 {{1MB}} 입니다.";
  it("hides every answer and recovers them", () => {
    expect(maskCloze(text)).toBe("Lambda 동기 호출의 페이로드 한도는 [ ? ], 비동기는 [ ? ] 입니다.");
    expect(clozeAnswers(text)).toEqual(["6MB", "1MB"]);
    expect(parseCloze(text).map((segment) => segment.kind)).toEqual(["text", "blank", "text", "blank", "text"]);
  });
});
