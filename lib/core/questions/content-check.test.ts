import { describe, expect, it } from "vitest";
import { attachParticlesInBank, checkBankFiles, coverageGroupsOf, detachedParticleIssues, formatSummary, summarizeQuestions, type ContentContext } from "./content-check";

const context: ContentContext = {
  topicKeys: new Set(["lambda", "fargate", "route53", "auto-scaling", "dynamodb"]),
  noteHeadings: new Map([["notes.md", new Set(["Lambda 제약사항", "라우팅 정책"])]]),
  referenceVerdicts: new Map([
    ["lambda-timeout", "correct"],
    ["lambda-payload-async", "outdated"],
  ]),
};

function bank(id: string, questions: string[]): string {
  return `---\nbank: ${id}\ntitle: ${id}\n---\n\n${questions.join("\n")}`;
}

function question(id: string, meta: Partial<Record<"topics" | "source" | "reference" | "domain", string>> = {}, explanation = ""): string {
  return [
    `## ${id}`,
    "- type: single",
    `- domain: ${meta.domain ?? "performant"}`,
    `- topics: ${meta.topics ?? "lambda"}`,
    "- difficulty: 1",
    `- source: ${meta.source ?? "notes.md#Lambda 제약사항"}`,
    ...(meta.reference ? [`- reference: ${meta.reference}`] : []),
    "",
    "질문?",
    "",
    "- [x] A. a",
    "  - 정답: a",
    "- [ ] B. b",
    "  - 오답: b",
    "- [ ] C. c",
    "  - 오답: c",
    "- [ ] D. d",
    "  - 오답: d",
    ...(explanation ? ["", `> 해설: ${explanation}`] : []),
    "",
  ].join("\n");
}

describe("checkBankFiles", () => {
  it("accepts valid banks and keeps their questions", () => {
    const result = checkBankFiles([{ file: "a.md", content: bank("a", [question("a-01", { reference: "lambda-timeout" })]) }], context);
    expect(result.issues).toEqual([]);
    expect(result.banks[0]?.questions.map((item) => item.id)).toEqual(["a-01"]);
  });

  it("names file:line for cross-file problems", () => {
    const a = bank("a", [question("dup-01"), question("topic-01", { topics: "lambda, nosuch" })]);
    const b = bank("b", [
      question("dup-01"),
      question("file-01", { source: "missing.md#Lambda 제약사항" }),
      question("heading-01", { source: "notes.md#없는 제목" }),
      question("ref-01", { reference: "lambda-timeout, nosuch-fact" }),
    ]);
    const result = checkBankFiles(
      [
        { file: "b.md", content: b },
        { file: "a.md", content: a },
      ],
      context,
    );
    const lines = (content: string, text: string, nth = 0) => content.split("\n").map((line, index) => (line.includes(text) ? index + 1 : 0)).filter(Boolean)[nth];
    expect(result.issues.map((issue) => `${issue.file}:${issue.line} ${issue.message}`)).toEqual([
      `a.md:${lines(a, "- topics: lambda, nosuch")} topic-01: topic "nosuch" 가 content/taxonomy/aws-services.json 에 없습니다`,
      `b.md:${lines(b, "## dup-01")} dup-01: 문제 id 가 a.md:${lines(a, "## dup-01")} 에도 있습니다 (id 는 모든 은행에서 유일해야 합니다)`,
      `b.md:${lines(b, "missing.md")} file-01: source 노트 "missing.md" 가 content/notes 에 없습니다`,
      `b.md:${lines(b, "없는 제목")} heading-01: source 제목 "없는 제목" 가 notes.md 에 없습니다`,
      `b.md:${lines(b, "nosuch-fact")} ref-01: reference "nosuch-fact" 가 content/reference/aws-facts.json 에 없습니다`,
    ]);
    expect(result.banks.flatMap((item) => item.questions.map((q) => q.id))).toEqual(["dup-01"]);
  });

  it("flags duplicate bank ids and compares headings without markdown markup", () => {
    const headings: ContentContext = { ...context, noteHeadings: new Map([["notes.md", new Set(["라우팅 정책"])]]) };
    const result = checkBankFiles(
      [
        { file: "a.md", content: bank("same", [question("x-01", { source: "notes.md# **라우팅**  정책 " })]) },
        { file: "b.md", content: bank("same", []) },
      ],
      headings,
    );
    expect(result.issues.filter((issue) => issue.severity === "error").map((issue) => issue.message)).toEqual(['bank id "same" 가 a.md 에도 있습니다']);
  });

  it("warns when a question cites an outdated reference fact without naming the note value", () => {
    const quiet = checkBankFiles([{ file: "a.md", content: bank("a", [question("p-01", { reference: "lambda-payload-async" })]) }], context);
    expect(quiet.issues.map((issue) => issue.severity)).toEqual(["warning"]);
    const said = checkBankFiles([{ file: "a.md", content: bank("a", [question("p-01", { reference: "lambda-payload-async" }, "노트: 256KB → AWS 문서(2026-11 기준): 1MB")]) }], context);
    expect(said.issues).toEqual([]);
  });
});

describe("summarizeQuestions", () => {
  it("counts per bank, domain (vs exam weights), type, multiple share and coverage groups", () => {
    const result = checkBankFiles(
      [
        {
          file: "a.md",
          content: bank("a", [
            question("s-01", { domain: "secure" }),
            question("s-02", { domain: "cost", topics: "route53" }),
            question("s-03", { domain: "secure", topics: "dynamodb, auto-scaling" }),
          ]),
        },
      ],
      context,
    );
    const summary = summarizeQuestions(result.banks.flatMap((item) => item.questions));
    expect(summary.total).toBe(3);
    expect(summary.perBank).toEqual([{ bank: "a", count: 3 }]);
    expect(summary.perDomain.find((row) => row.domain === "secure")).toMatchObject({ count: 2, examShare: 0.3 });
    expect(summary.perType.single).toBe(3);
    expect(summary.multipleShareOfChoice).toBe(0);
    expect(summary.groups).toEqual([
      { key: "lambda", label: "Lambda 한도와 호출", count: 1 },
      { key: "scaling", label: "스케일링 모드", count: 1 },
      { key: "routing", label: "라우팅", count: 1 },
    ]);
    expect(formatSummary(summary)).toContain("secure        2   66.7%  (시험 30.0%)");
  });

  it("puts a question in every group one of its topics names", () => {
    expect(coverageGroupsOf({ topics: ["lambda", "alb"] })).toEqual(["lambda", "routing"]);
    expect(coverageGroupsOf({ topics: ["dynamodb"] })).toEqual([]);
  });
});

describe("detached particles", () => {
  const content = [
    "---",
    "bank: a",
    "title: ALB 와 NLB",
    "---",
    "",
    "## a-01",
    "- type: single",
    "- source: notes.md#ALB 와 NLB",
    "",
    "ALB 를 앞에 둡니다. S3 이벤트는 그대로입니다.",
    "",
    "- [x] A. 6MB 이므로 거부된다.",
    "  - 정답: Route 53 의 상태 확인.",
    "> 해설: (VPC) 와 서브넷",
    "```",
    "aws s3 cp a b 를",
    "```",
  ].join("\n");

  it("is an error on each prose line, with the question id, but not in front matter, metadata or code", () => {
    expect(detachedParticleIssues("a.md", content).map((issue) => `${issue.line} ${issue.severity} ${issue.message}`)).toEqual([
      '10 error a-01: 조사를 앞말에 붙여 씁니다: "ALB 를" → "ALB를" (npm run content:check -- --fix 가 고칩니다)',
      '12 error a-01: 조사를 앞말에 붙여 씁니다: "6MB 이므로" → "6MB이므로" (npm run content:check -- --fix 가 고칩니다)',
      '13 error a-01: 조사를 앞말에 붙여 씁니다: "53 의" → "53의" (npm run content:check -- --fix 가 고칩니다)',
      '14 error a-01: 조사를 앞말에 붙여 씁니다: "(VPC) 와" → "(VPC)와" (npm run content:check -- --fix 가 고칩니다)',
    ]);
  });

  it("is reported by checkBankFiles", () => {
    const text = bank("a", [question("a-01")]).replace("질문?", "ALB 를 둡니까?");
    const result = checkBankFiles([{ file: "a.md", content: text }], context);
    expect(result.issues.map((issue) => issue.message)).toEqual(['a-01: 조사를 앞말에 붙여 씁니다: "ALB 를" → "ALB를" (npm run content:check -- --fix 가 고칩니다)']);
    expect(result.issues[0]?.line).toBe(text.split("\n").indexOf("ALB 를 둡니까?") + 1);
  });

  it("attaches them in prose only", () => {
    const fixed = attachParticlesInBank(content);
    expect(fixed.count).toBe(4);
    expect(fixed.content).toContain("ALB를 앞에 둡니다. S3 이벤트는");
    expect(fixed.content).toContain("- source: notes.md#ALB 와 NLB");
    expect(fixed.content).toContain("title: ALB 와 NLB");
    expect(fixed.content).toContain("aws s3 cp a b 를");
    expect(detachedParticleIssues("a.md", fixed.content)).toEqual([]);
  });
});
