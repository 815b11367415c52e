import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { answerInputSchema, parseInput } from "./inputs";

describe("answer input", () => {
  const base = { cardId: "default:q1", version: 0, rating: 3, selected: ["A"], durationMs: 1200 };

  it("accepts a well-formed answer", () => {
    expect(parseInput(answerInputSchema, base)).toMatchObject({ rating: 3, selected: ["A"] });
  });

  it("names the bad rating in Korean", () => {
    for (const rating of [0, 5, 2.5, "3", null]) {
      expect(() => parseInput(answerInputSchema, { ...base, rating })).toThrow(ValidationError);
    }
    expect(() => parseInput(answerInputSchema, { ...base, rating: 7 })).toThrow("평가(rating)는 1–4 사이의 정수여야 합니다 (받은 값: 7).");
  });

  it("requires a card id and a version", () => {
    expect(() => parseInput(answerInputSchema, { ...base, cardId: "" })).toThrow(/카드 id/);
    expect(() => parseInput(answerInputSchema, { ...base, version: -1 })).toThrow(/버전/);
  });
});
