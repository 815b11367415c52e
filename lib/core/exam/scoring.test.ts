import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import type { Domain, Question } from "@/lib/core/questions/types";
import { gradeExamItem, scaledScoreOf, scoreExam } from "./scoring";
import type { ExamItemState } from "./types";

const ANSWERED = new Date("2026-11-20T09:10:00.000Z");

function item(position: number, domain: Domain, correct: boolean | null, topics: string[] = ["lambda"], selected: string[] = correct === null ? [] : ["A"]): ExamItemState {
  return { position, questionId: `q${position}`, domain, topics, selected, flagged: false, locked: false, answeredAt: selected.length > 0 ? ANSWERED : null, correct };
}

/** `right` correct items then `wrong` wrong ones, all in one domain. */
function items(domain: Domain, right: number, wrong: number, start = 0): ExamItemState[] {
  return [...Array.from({ length: right }, (_, i) => item(start + i, domain, true)), ...Array.from({ length: wrong }, (_, i) => item(start + right + i, domain, false))];
}

describe("scaledScoreOf", () => {
  it("maps 0% → 100, 72% → 720, 100% → 1000 linearly in between", () => {
    expect(scaledScoreOf(0, 65)).toBe(100);
    expect(scaledScoreOf(18, 25)).toBe(720); // exactly 72%
    expect(scaledScoreOf(65, 65)).toBe(1000);
    expect(scaledScoreOf(9, 25)).toBe(410); // 36%: halfway between 100 and 720
    expect(scaledScoreOf(43, 50)).toBe(860); // 86%: halfway between 720 and 1000
  });

  it("rounds to an integer around the pass mark of a 65-question exam", () => {
    expect(scaledScoreOf(46, 65)).toBe(709); // 70.8% → 100 + 620 × 0.7077 / 0.72 = 709.4
    expect(scaledScoreOf(47, 65)).toBe(723); // 72.3% → 1000 × 0.7231 = 723.1
    expect(scaledScoreOf(50, 65)).toBe(769);
  });

  it("is 100 for an empty exam and refuses impossible counts", () => {
    expect(scaledScoreOf(0, 0)).toBe(100);
    expect(() => scaledScoreOf(3, 2)).toThrow(ValidationError);
    expect(() => scaledScoreOf(-1, 2)).toThrow(/-1/);
  });
});

describe("scoreExam", () => {
  it("passes on the total alone, with unanswered questions counting as wrong", () => {
    // 47 of 65 right → 723, passed; cost is weak (5/13) but scoring is compensatory
    const exam = [...items("secure", 19, 0), ...items("resilient", 14, 3, 19), ...items("performant", 9, 7, 36), ...items("cost", 5, 0, 52), ...Array.from({ length: 8 }, (_, i) => item(57 + i, "cost", null))];
    const score = scoreExam(exam);
    expect(score).toMatchObject({ correct: 47, total: 65, unanswered: 8, scaled: 723, passed: true });
    expect(score.domains).toEqual([
      { domain: "secure", label: "보안 아키텍처 설계", correct: 19, total: 19, fraction: 1, verdict: "meets" },
      { domain: "resilient", label: "복원력 있는 아키텍처 설계", correct: 14, total: 17, fraction: 14 / 17, verdict: "meets" },
      { domain: "performant", label: "고성능 아키텍처 설계", correct: 9, total: 16, fraction: 9 / 16, verdict: "needs_improvement" },
      { domain: "cost", label: "비용 최적화 아키텍처 설계", correct: 5, total: 13, fraction: 5 / 13, verdict: "needs_improvement" },
    ]);
  });

  it("fails below the mark even with strong domains, and counts an ungraded answer as wrong", () => {
    const exam = [...items("secure", 30, 0), ...items("cost", 16, 19, 30)];
    const score = scoreExam(exam);
    expect(score).toMatchObject({ correct: 46, total: 65, scaled: 709, passed: false, unanswered: 0 });
    expect(score.domains.map((domain) => domain.verdict)).toEqual(["meets", "needs_improvement"]);
    const ungraded = scoreExam([item(0, "secure", true), { ...item(1, "secure", null, ["lambda"], ["B"]) }]);
    expect(ungraded).toMatchObject({ correct: 1, total: 2, unanswered: 0 });
  });

  it("gives a domain 'meets' at exactly 72%", () => {
    expect(scoreExam(items("secure", 18, 7)).domains[0]?.verdict).toBe("meets");
    expect(scoreExam(items("secure", 17, 8)).domains[0]?.verdict).toBe("needs_improvement");
  });

  it("reports only the domains the exam held unless asked for more", () => {
    expect(scoreExam(items("cost", 2, 1)).domains.map((domain) => domain.domain)).toEqual(["cost"]);
    const all = scoreExam(items("cost", 2, 1), { domains: ["secure", "resilient", "performant", "cost"] });
    expect(all.domains.map((domain) => [domain.domain, domain.total, domain.fraction])).toEqual([
      ["secure", 0, 0],
      ["resilient", 0, 0],
      ["performant", 0, 0],
      ["cost", 3, 2 / 3],
    ]);
  });

  it("breaks results down per topic, weakest first", () => {
    const score = scoreExam([
      item(0, "secure", true, ["iam", "kms"]),
      item(1, "secure", false, ["kms"]),
      item(2, "performant", false, ["lambda"]),
      item(3, "performant", false, ["lambda", "lambda"]),
      item(4, "cost", false, ["s3"]),
      item(5, "cost", true, ["ec2"]),
    ]);
    expect(score.topics).toEqual([
      { topic: "lambda", correct: 0, total: 2, fraction: 0 },
      { topic: "s3", correct: 0, total: 1, fraction: 0 },
      { topic: "kms", correct: 1, total: 2, fraction: 0.5 },
      { topic: "ec2", correct: 1, total: 1, fraction: 1 },
      { topic: "iam", correct: 1, total: 1, fraction: 1 },
    ]);
  });

  it("scores an empty exam without dividing by zero", () => {
    expect(scoreExam([])).toEqual({ correct: 0, total: 0, unanswered: 0, scaled: 100, passed: false, domains: [], topics: [] });
  });
});

describe("gradeExamItem", () => {
  const single: Pick<Question, "type" | "options" | "correct" | "chooseCount"> = {
    type: "single",
    options: ["A", "B", "C", "D"].map((key) => ({ key, text: key })),
    correct: ["C"],
    chooseCount: null,
  };
  const multiple: Pick<Question, "type" | "options" | "correct" | "chooseCount"> = {
    type: "multiple",
    options: ["A", "B", "C", "D", "E"].map((key) => ({ key, text: key })),
    correct: ["B", "E"],
    chooseCount: 2,
  };

  it("grades complete answers with gradeChoice", () => {
    expect(gradeExamItem(single, ["C"]).correct).toBe(true);
    expect(gradeExamItem(single, ["A"])).toEqual({ correct: false, selectedKeys: ["A"], correctKeys: ["C"], missedKeys: ["C"], wrongKeys: ["A"] });
    expect(gradeExamItem(multiple, ["E", "B"]).correct).toBe(true);
    expect(gradeExamItem(multiple, ["B", "C"]).correct).toBe(false);
  });

  it("treats an empty, incomplete or overfull selection as wrong, not as an error", () => {
    expect(gradeExamItem(single, [])).toEqual({ correct: false, selectedKeys: [], correctKeys: ["C"], missedKeys: ["C"], wrongKeys: [] });
    expect(gradeExamItem(multiple, ["B"])).toEqual({ correct: false, selectedKeys: ["B"], correctKeys: ["B", "E"], missedKeys: ["E"], wrongKeys: [] });
    expect(gradeExamItem(multiple, ["B", "E", "A"]).correct).toBe(false);
    expect(gradeExamItem(single, ["C", "D"]).correct).toBe(false);
  });

  it("rejects an option the question does not have", () => {
    expect(() => gradeExamItem(single, ["F"])).toThrow(ValidationError);
    expect(() => gradeExamItem(multiple, ["B", "Z", "E"])).toThrow(/"Z"/);
    expect(() => gradeExamItem({ type: "flashcard", options: [], correct: [], chooseCount: null }, [])).toThrow(ValidationError);
  });
});
