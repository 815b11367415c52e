import { describe, expect, it } from "vitest";
import { parseCommunityBank, plainText } from "./import-parser";
import { buildTopicMatcher, guessDomain, importedBankId, importedQuestionId, toImportedQuestion } from "./import-mapping";

describe("parseCommunityBank", () => {
  it("reads format (a) with letter prefixes inside the checkboxes and a Choose hint", () => {
    const result = parseCommunityBank("### Pick two? (Choose two.)\n- [x] A. one\n- [X] B) two\n- [ ] C. three\n- [ ] D. four\n");
    expect(result.skipped).toEqual([]);
    expect(result.questions[0]).toMatchObject({ format: "a", stem: "Pick two? (Choose two.)", correct: ["A", "B"], chooseCount: 2, options: [{ key: "A", text: "one" }, { key: "B", text: "two" }, { key: "C", text: "three" }, { key: "D", text: "four" }] });
  });

  it("reads format (b) answers written as 'A, C', 'AC', 'A and C' or 정답:", () => {
    for (const answer of ["**Answer:** A, C", "**Answer:** AC", "Answer: A and C", "**정답:** A, C"]) {
      const result = parseCommunityBank(`### Q1\nWhich two?\n- A) x\n- B) y\n- C) z\n\n${answer}\n`);
      expect(result.questions[0]?.correct, answer).toEqual(["A", "C"]);
    }
  });

  it("keeps multi-line stems and continuation lines of options", () => {
    const result = parseCommunityBank("### A company has a workload.\nIt needs X.\nWhat should it do?\n- [ ] Use Y\n  with extra words\n- [x] Use Z\n");
    expect(result.questions[0]?.stem).toBe("A company has a workload.\nIt needs X.\nWhat should it do?");
    expect(result.questions[0]?.options[0]?.text).toBe("Use Y with extra words");
  });

  it("treats headings without options as section titles, but reports question-like ones", () => {
    const result = parseCommunityBank("# Bank\n\nIntro.\n\n## Section\n\n### Which one?\n\n### Real?\n- [x] a\n- [ ] b\n");
    expect(result.questions).toHaveLength(1);
    expect(result.skipped).toEqual([{ line: 7, message: "선택지가 없습니다: \"Which one?\"" }]);
  });

  it("reports duplicates by normalised stem", () => {
    const result = parseCommunityBank("### Same   question?\n- [x] a\n- [ ] b\n\n### same question?\n- [x] a\n- [ ] b\n");
    expect(result.questions).toHaveLength(1);
    expect(result.skipped).toEqual([{ line: 5, message: "중복 문제입니다 (1번 줄과 같음)" }]);
  });

  it("strips HTML and drops script bodies", () => {
    expect(plainText("<b>Bold</b> &amp; <i>it</i><script>alert(1)</script><br/>end")).toBe("Bold & it end");
  });
});

describe("import mapping", () => {
  const match = buildTopicMatcher([
    { key: "lambda", name: "AWS Lambda", aliases: ["Lambda", "람다"] },
    { key: "security-group", name: "보안 그룹", aliases: ["Security Group", "SG"] },
    { key: "regions-azs", name: "리전과 가용 영역", aliases: ["AZ", "리전"] },
  ]);

  it("maps topics by taxonomy keyword, Latin aliases only as whole words", () => {
    expect(match("람다를 쓰는 함수와 SG 설정")).toEqual(["lambda", "security-group"]);
    expect(match("SGX enclave in AZURE")).toEqual([]);
    expect(match("Multi-AZ 배포, Lambda")).toEqual(["regions-azs", "lambda"]);
  });

  it("guesses the domain by keywords, defaulting to resilient", () => {
    expect(guessDomain("Which solution is MOST cost-effective?", [])).toBe("cost");
    expect(guessDomain("데이터를 KMS 키로 암호화해야 합니다", [])).toBe("secure");
    expect(guessDomain("What reduces latency?", [])).toBe("performant");
    expect(guessDomain("Which service is a queue?", [])).toBe("resilient");
    expect(guessDomain("cost or latency?", [])).toBe("performant");
  });

  it("derives stable ids from the file name and the stem", () => {
    const bank = importedBankId("Practice.md");
    expect(bank).toBe(importedBankId(" practice.md "));
    expect(importedQuestionId(bank, "Which  one?")).toBe(importedQuestionId(bank, "which one?"));
    expect(importedQuestionId(bank, "Which one?")).not.toBe(importedQuestionId(importedBankId("other.md"), "Which one?"));
  });

  it("builds a valid imported question (2–6 options, no per-option explanations needed)", () => {
    const [draft] = parseCommunityBank("### Is Lambda serverless?\n- [x] Yes\n- [ ] No\n").questions;
    const { question } = toImportedQuestion(draft!, "imported-x", match);
    expect(question).toMatchObject({ type: "single", origin: "imported", topics: ["lambda"], correct: ["A"], sources: [], explanations: {} });
  });
});
