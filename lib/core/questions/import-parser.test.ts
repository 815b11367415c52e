import { describe, expect, it } from "vitest";
import { parseCommunityBank, plainText, stemKey } from "./import-parser";
import { buildTopicMatcher, guessDomain, importedBankId, importedQuestionId, normaliseForTopics, singularWord, toImportedQuestion } from "./import-mapping";

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

  it("counts headings with neither options nor an answer line as sections, not skipped questions", () => {
    const result = parseCommunityBank("# Bank\n\nIntro.\n\n## Section\n\n### Which one?\n\n## Support\nQuestions? Open an issue.\n\n### Real?\n- [x] a\n- [ ] b\n");
    expect(result.questions).toHaveLength(1);
    expect(result.skipped).toEqual([]);
    expect(result.sections).toEqual([
      { line: 1, title: "Bank" },
      { line: 5, title: "Section" },
      { line: 7, title: "Which one?" },
      { line: 9, title: "Support" },
    ]);
    // An answer line without options is still a broken question.
    expect(parseCommunityBank("### Q1\nWhich one?\n\n**Answer:** A\n").skipped).toEqual([{ line: 1, message: "선택지가 없습니다 (A) … 형식의 줄이 없습니다)" }]);
  });

  it("keeps a 7-option question without its extra wrong options, and refuses one whose answer is past F", () => {
    const options = (answer: string) => `### Q\nWhich seven?\n${"ABCDEFG".split("").map((letter) => `- ${letter}) option ${letter}`).join("\n")}\n\n**Answer:** ${answer}\n`;
    const kept = parseCommunityBank(options("B, C"));
    expect(kept.skipped).toEqual([]);
    expect(kept.questions[0]?.options.map((option) => option.key)).toEqual(["A", "B", "C", "D", "E", "F"]);
    expect(kept.questions[0]?.explanation).toBe("가져올 때 뺀 오답 선택지 (앱은 A–F 까지 보여 줍니다): G. option G");
    expect(kept.warnings).toEqual([{ line: 1, message: "선택지가 7개라 오답 G 를 빼고 가져왔습니다 (앱은 A–F 6개까지 보여 줍니다). 뺀 선택지는 해설에 남겼습니다" }]);
    expect(parseCommunityBank(options("G")).skipped).toEqual([{ line: 1, message: "선택지가 7개이고 정답 G 가 F 뒤에 있습니다 (앱은 선택지를 A–F 6개까지 보여 줍니다)" }]);
  });

  it("reports duplicates that differ only in spacing or Unicode form", () => {
    const result = parseCommunityBank("### Which bucket policy?\n- [x] a\n- [ ] b\n\n### Which bucket  policy ?\n- [x] a\n- [ ] b\n\n### 버킷을 고르시오?\n- [x] a\n- [ ] b\n\n### 버킷 을 고르시오?\n- [x] a\n- [ ] b\n");
    expect(result.questions).toHaveLength(2);
    expect(result.skipped).toEqual([
      { line: 5, message: "중복 문제입니다 (1번 줄과 같음)" },
      { line: 13, message: "중복 문제입니다 (9번 줄과 같음)" },
    ]);
    expect(stemKey("Cafe\u0301\u00a0bucket")).toBe(stemKey("Café bucket"));
  });

  it("reports duplicates by normalised stem", () => {
    const result = parseCommunityBank("### Same   question?\n- [x] a\n- [ ] b\n\n### same question?\n- [x] a\n- [ ] b\n");
    expect(result.questions).toHaveLength(1);
    expect(result.skipped).toEqual([{ line: 5, message: "중복 문제입니다 (1번 줄과 같음)" }]);
  });

  it("strips HTML and drops script bodies", () => {
    expect(plainText("<b>Bold</b> &amp; <i>it</i><script>alert(1)</script><br/>end")).toBe("Bold & it end");
  });

  it("keeps autolinks and link addresses as text", () => {
    expect(plainText("Open the console at <https://console.aws.amazon.com/s3/>, click Create")).toBe("Open the console at https://console.aws.amazon.com/s3/, click Create");
    expect(plainText("<https://docs.aws.amazon.com/a__b__c>.")).toBe("https://docs.aws.amazon.com/a__b__c.");
    expect(plainText("Mail <team@example.com> or see [the guide](https://example.com/guide)")).toBe("Mail team@example.com or see the guide (https://example.com/guide)");
    expect(plainText("a < b and c > d")).toBe("a < b and c > d");
  });

  it("keeps code spans verbatim and decodes numeric character references", () => {
    expect(plainText("Block requests whose body contains `<script>` tags")).toBe("Block requests whose body contains `<script>` tags");
    expect(plainText("`&lt;b&gt;` and `**not bold**`")).toBe("`&lt;b&gt;` and `**not bold**`");
    expect(plainText("&#60;script&#62; &#x3C;img&#x3E; &lt;b&gt; &amp;lt; &#0;")).toBe("<script> <img> <b> &lt; \ufffd");
  });

  it("turns images into labelled placeholders and says so", () => {
    expect(plainText("See ![VPC diagram](images/vpc.png) below")).toBe("See [그림: VPC diagram (그림 파일은 가져오지 않았습니다: images/vpc.png)] below");
    expect(plainText('![](https://example.com/a.png "title")')).toBe("[그림: 이미지 — https://example.com/a.png]");
    expect(plainText('<img src="x.png" alt="Route table">')).toBe("[그림: Route table (그림 파일은 가져오지 않았습니다: x.png)]");
    expect(plainText("![chart](data:image/png;base64,iVBORw0KGgo=)")).toBe("[그림: chart (그림 파일은 가져오지 않았습니다: 파일 안에 들어 있던 그림)]");
    const result = parseCommunityBank("### Which route?\n![Route table](img/rt.png)\n- [x] a\n- [ ] b\n");
    expect(result.questions[0]?.stem).toBe("Which route?\n[그림: Route table (그림 파일은 가져오지 않았습니다: img/rt.png)]");
    expect(result.warnings).toEqual([{ line: 1, message: "그림 1개는 보여 줄 수 없어 [그림: …] 자리표시로 바꿨습니다 (Route table)" }]);
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

  it("maps a service named by an ordinary English word only when it is written as a name", () => {
    const taxonomy = buildTopicMatcher([
      { key: "batch", name: "AWS Batch", aliases: ["Batch", "AWS 배치"] },
      { key: "config", name: "AWS Config", aliases: ["Config"] },
      { key: "lambda", name: "AWS Lambda", aliases: ["Lambda"] },
    ]);
    expect(taxonomy("A company runs a nightly batch job and keeps a config file")).toEqual([]);
    expect(taxonomy("Submit the jobs to AWS Batch; record changes with Config")).toEqual(["batch", "config"]);
    expect(taxonomy("call a lambda function")).toEqual(["lambda"]);
  });

  it("maps plural and inflected English aliases", () => {
    const taxonomy = buildTopicMatcher([
      { key: "security-group", name: "보안 그룹", aliases: ["Security Group", "SG"] },
      { key: "regions-azs", name: "리전과 가용 영역", aliases: ["Availability Zone", "AZ"] },
      { key: "rds", name: "Amazon RDS", aliases: ["RDS", "Read Replica", "Multi-AZ"] },
      { key: "elasticache", name: "Amazon ElastiCache", aliases: ["캐시", "Redis"] },
      { key: "ecs", name: "Amazon ECS", aliases: ["ECS"] },
      { key: "vpc", name: "Amazon VPC", aliases: ["VPC"] },
    ]);
    expect(taxonomy("Update the security groups")).toEqual(["security-group"]);
    expect(taxonomy("across three Availability Zones")).toEqual(["regions-azs"]);
    expect(taxonomy("add two Read Replicas")).toEqual(["rds"]);
    expect(taxonomy("peer the VPCs in both AZs")).toEqual(["vpc", "regions-azs"]);
    expect(taxonomy("Amazon ECS tasks")).toEqual(["ecs"]);
    expect(taxonomy("a read-replica and a Multi AZ standby")).toEqual(["rds", "regions-azs"]);
    expect(taxonomy("Redis 캐시를 쓴다")).toEqual(["elasticache"]);
    expect(taxonomy("ECSX and SGs")).toEqual(["security-group"]);
    expect(["cache", "caches"].map(singularWord)).toEqual(["cach", "cach"]);
    expect(["policy", "policies", "address", "addresses", "status", "AMIs", "ECS", "sns"].map(singularWord)).toEqual(["policy", "policy", "address", "address", "status", "ami", "ecs", "sns"]);
    expect(normaliseForTopics("Read-Replicas를")).toBe("read replica를");
  });

  it("classes billing, pricing and purchase-option questions as cost", () => {
    expect(guessDomain("The finance team needs IAM permissions to view the billing console for each department.", [])).toBe("cost");
    expect(guessDomain("How should the company track spending per project with cost allocation tags?", ["Activate the tags in the Billing console"])).toBe("cost");
    expect(guessDomain("A steady workload runs 24/7 on EC2. Which purchase option?", ["Compute Savings Plans"])).toBe("cost");
    expect(guessDomain("Alert when monthly spend exceeds the budget", [])).toBe("cost");
    expect(guessDomain("매월 청구 금액을 부서별로 나누려고 합니다", [])).toBe("cost");
    expect(guessDomain("Which pricing model fits interruptible batch jobs?", ["Spot Instances"])).toBe("cost");
    // Reserved concurrency is about Lambda scaling, not a purchase option.
    expect(guessDomain("Set reserved concurrency so the function can always scale", [])).toBe("performant");
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
