import { describe, expect, it } from "vitest";
import { parseBankFile } from "./bank";

const FRONT = "---\nbank: sample\ntitle: 예시 은행\n---\n";

function single(id: string, overrides: { meta?: string; body?: string } = {}): string {
  return [
    `## ${id}`,
    "",
    overrides.meta ?? "- type: single\n- domain: performant\n- topics: lambda, fargate\n- difficulty: 2\n- source: notes.md#Lambda 제약사항\n- reference: lambda-timeout",
    "",
    overrides.body ??
      [
        "40분 걸리는 작업을 옮기려 합니다. 무엇이 가장 적합합니까?",
        "",
        "- [ ] A. Lambda 제한 시간을 60분으로 설정한다.",
        "  - 오답: 최대 15분입니다.",
        "- [x] B. Fargate 태스크로 실행한다.",
        "  - 정답: 실행 시간 제한이 없습니다.",
        "- [ ] C. EC2 에서 cron 으로 실행한다.",
        "  - 오답: 서버를 관리해야 합니다.",
        "- [ ] D. Step Functions 로 Lambda 를 여러 번 호출한다.",
        "  - 오답: 작업을 나눌 수 없습니다.",
      ].join("\n"),
    "",
  ].join("\n");
}

/** 1-based line of the first line containing `text`. */
function lineOf(content: string, text: string, from = 0): number {
  const lines = content.split("\n");
  return lines.findIndex((line, index) => index >= from && line.includes(text)) + 1;
}

describe("parseBankFile", () => {
  it("reads a valid single-choice question with metadata, options, explanations and sources", () => {
    const content = `${FRONT}\n${single("lambda-timeout-01")}\n> 해설: 전체 해설\n> 둘째 줄\n`;
    const parsed = parseBankFile(content);
    expect(parsed.issues).toEqual([]);
    expect(parsed.bankId).toBe("sample");
    expect(parsed.title).toBe("예시 은행");
    const [question] = parsed.questions;
    expect(question).toMatchObject({
      id: "lambda-timeout-01",
      bankId: "sample",
      type: "single",
      domain: "performant",
      topics: ["lambda", "fargate"],
      difficulty: 2,
      correct: ["B"],
      chooseCount: null,
      sources: [{ file: "notes.md", heading: "Lambda 제약사항" }],
      references: ["lambda-timeout"],
      origin: "curated",
    });
    expect(question?.options.map((option) => option.key)).toEqual(["A", "B", "C", "D"]);
    expect(question?.explanations).toMatchObject({ B: "실행 시간 제한이 없습니다.", _: "전체 해설\n둘째 줄" });
    expect(parsed.questionLines.get("lambda-timeout-01")).toBe(6);
  });

  it("reads multiple response, flashcard and cloze questions, with CRLF and a BOM", () => {
    const multiple = [
      "## multi-01",
      "- type: multiple",
      "- domain: resilient",
      "- topics: route53",
      "- difficulty: 3",
      "- choose: 2",
      "- source: notes.md#라우팅 정책",
      "",
      "어떤 두 정책이 상태 확인을 씁니까? (2개를 고르시오.)",
      "",
      ...["A. 장애 조치", "B. 다중 값 응답", "C. 단순", "D. 없음", "E. 기타"].flatMap((text, index) => [
        `- [${index < 2 ? "x" : " "}] ${text}`,
        `  - ${index < 2 ? "정답" : "오답"}: 이유 ${index}`,
      ]),
    ].join("\n");
    const flashcard = "## flash-01\n- type: flashcard\n- domain: performant\n- topics: lambda\n- difficulty: 1\n- source: notes.md#Lambda\n\n메모리 범위는?\n\n> 답: 128MB – 10,240MB\n";
    const cloze = "## cloze-01\n- type: cloze\n- domain: performant\n- topics: lambda\n- difficulty: 1\n- source: notes.md#Lambda\n\n동기 페이로드는 {{6MB}}, 비동기는 {{1MB}} 입니다.\n";
    const content = `\ufeff${FRONT}${multiple}\n\n${flashcard}\n${cloze}`.replace(/\n/g, "\r\n");
    const parsed = parseBankFile(content);
    expect(parsed.issues).toEqual([]);
    expect(parsed.questions.map((question) => [question.id, question.type, question.correct, question.chooseCount, question.answer])).toEqual([
      ["multi-01", "multiple", ["A", "B"], 2, null],
      ["flash-01", "flashcard", [], null, "128MB – 10,240MB"],
      ["cloze-01", "cloze", [], null, "6MB / 1MB"],
    ]);
  });

  it("ignores `## ` inside code fences in the stem", () => {
    const body = ["다음 설정을 보십시오.", "```yaml", "## not-a-question", "key: value", "```", "무엇이 틀렸습니까?", "", "- [ ] A. a", "  - 오답: a", "- [x] B. b", "  - 정답: b", "- [ ] C. c", "  - 오답: c", "- [ ] D. d", "  - 오답: d"].join("\n");
    const parsed = parseBankFile(`${FRONT}\n${single("fenced-01", { body })}`);
    expect(parsed.issues).toEqual([]);
    expect(parsed.questions[0]?.stem).toContain("## not-a-question");
  });

  const cases: { name: string; content: () => string; line: (content: string) => number; message: RegExp }[] = [
    { name: "missing front matter", content: () => single("q-01"), line: () => 1, message: /머리말/ },
    { name: "bad bank id", content: () => `---\nbank: Bad Id\n---\n${single("q-01")}`, line: () => 2, message: /bank id/ },
    { name: "no correct option", content: () => `${FRONT}${single("q-01").replace("- [x] B.", "- [ ] B.").replace("정답: 실행", "오답: 실행")}`, line: (c) => lineOf(c, "- [ ] A."), message: /정답이 정확히 1개/ },
    { name: "two correct options in single", content: () => `${FRONT}${single("q-01").replace("- [ ] C.", "- [x] C.").replace("오답: 서버", "정답: 서버")}`, line: (c) => lineOf(c, "- [x] B."), message: /정답이 정확히 1개/ },
    { name: "missing explanation", content: () => `${FRONT}${single("q-01").replace("  - 오답: 서버를 관리해야 합니다.\n", "")}`, line: (c) => lineOf(c, "- [ ] C."), message: /선택지 C 에 설명/ },
    { name: "explanation kind contradicts the mark", content: () => `${FRONT}${single("q-01").replace("오답: 최대 15분", "정답: 최대 15분")}`, line: (c) => lineOf(c, "정답: 최대 15분"), message: /\[ \] 오답인데/ },
    { name: "duplicate options", content: () => `${FRONT}${single("q-01").replace("C. EC2 에서 cron 으로 실행한다.", "C. Fargate 태스크로 실행한다.")}`, line: (c) => lineOf(c, "- [ ] C."), message: /선택지 C 가 선택지 B 와 같습니다/ },
    { name: "three options in single", content: () => `${FRONT}${single("q-01").replace("- [ ] D. Step Functions 로 Lambda 를 여러 번 호출한다.\n  - 오답: 작업을 나눌 수 없습니다.", "")}`, line: (c) => lineOf(c, "- [ ] A."), message: /선택지 4개/ },
    { name: "unknown type", content: () => `${FRONT}${single("q-01").replace("type: single", "type: essay")}`, line: (c) => lineOf(c, "type: essay"), message: /type 은/ },
    { name: "unknown domain", content: () => `${FRONT}${single("q-01").replace("domain: performant", "domain: fast")}`, line: (c) => lineOf(c, "domain: fast"), message: /domain 은/ },
    { name: "difficulty out of range", content: () => `${FRONT}${single("q-01").replace("difficulty: 2", "difficulty: 5")}`, line: (c) => lineOf(c, "difficulty: 5"), message: /difficulty/ },
    { name: "missing source", content: () => `${FRONT}${single("q-01").replace("- source: notes.md#Lambda 제약사항\n", "")}`, line: (c) => lineOf(c, "## q-01"), message: /"source" 가 없습니다/ },
    { name: "source without heading", content: () => `${FRONT}${single("q-01").replace("notes.md#Lambda 제약사항", "notes.md")}`, line: (c) => lineOf(c, "- source: notes.md"), message: /노트파일\.md#제목/ },
    { name: "unknown metadata key", content: () => `${FRONT}${single("q-01").replace("- difficulty: 2", "- difficulty: 2\n- level: hard")}`, line: (c) => lineOf(c, "level: hard"), message: /알 수 없는 메타데이터 키/ },
    { name: "empty stem", content: () => `${FRONT}${single("q-01").replace("40분 걸리는 작업을 옮기려 합니다. 무엇이 가장 적합합니까?", "")}`, line: (c) => lineOf(c, "## q-01"), message: /본문이 비어/ },
    { name: "option without a letter", content: () => `${FRONT}${single("q-01").replace("- [ ] C. EC2", "- [ ] EC2")}`, line: (c) => lineOf(c, "- [ ] EC2"), message: /글자\(A\. B\. …\)가 없습니다/ },
    { name: "letters out of order", content: () => `${FRONT}${single("q-01").replace("- [ ] C. EC2", "- [ ] D. EC2").replace("- [ ] D. Step", "- [ ] C. Step")}`, line: (c) => lineOf(c, "- [ ] D. EC2"), message: /A부터 차례로/ },
    { name: "stray line between options", content: () => `${FRONT}${single("q-01").replace("- [x] B.", "이상한 줄\n- [x] B.")}`, line: (c) => lineOf(c, "이상한 줄"), message: /알 수 없는 줄/ },
    { name: "duplicate question id in a file", content: () => `${FRONT}${single("q-01")}\n${single("q-01")}`, line: (c) => lineOf(c, "## q-01", lineOf(c, "## q-01")), message: /가 \d+번 줄에도 있습니다/ },
    { name: "bad question id", content: () => `${FRONT}${single("Q 01!")}`, line: (c) => lineOf(c, "## Q 01!"), message: /문제 id/ },
  ];

  for (const testCase of cases) {
    it(`reports ${testCase.name} with its line`, () => {
      const content = testCase.content();
      const parsed = parseBankFile(content);
      const errors = parsed.issues.filter((issue) => issue.severity === "error");
      expect(errors.some((issue) => testCase.message.test(issue.message) && issue.line === testCase.line(content)), JSON.stringify(errors)).toBe(true);
    });
  }

  it("reports multiple-response rule breaks: choose ≠ correct, too few options, hint mismatch", () => {
    const base = [
      "## m-01",
      "- type: multiple",
      "- domain: resilient",
      "- topics: route53",
      "- difficulty: 2",
      "- choose: 3",
      "- source: notes.md#x",
      "",
      "두 개를 고르시오.",
      "",
      "- [x] A. a",
      "  - 정답: a",
      "- [x] B. b",
      "  - 정답: b",
      "- [ ] C. c",
      "  - 오답: c",
      "- [ ] D. d",
      "  - 오답: d",
    ].join("\n");
    const content = `${FRONT}${base}\n`;
    const messages = parseBankFile(content).issues.map((issue) => `${issue.line} ${issue.message}`);
    expect(messages).toContain(`${lineOf(content, "choose: 3")} choose 3 와 정답 표시 2개가 다릅니다`);
    expect(messages).toContain(`${lineOf(content, "- [x] A.")} multiple 은 선택지 5개 이상입니다 (지금 4개)`);
    expect(messages.some((message) => message.includes('"2개를 고르시오" 와 choose 3'))).toBe(true);
  });

  it("skips only the broken question and keeps the valid ones", () => {
    const content = `${FRONT}${single("good-01")}\n${single("bad-01").replace("domain: performant", "domain: nope")}\n${single("good-02")}`;
    const parsed = parseBankFile(content);
    expect(parsed.questions.map((question) => question.id)).toEqual(["good-01", "good-02"]);
  });
});
