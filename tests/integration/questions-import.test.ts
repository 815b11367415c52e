// Community bank import and removal on real SQLite and PostgreSQL databases, with fixtures that
// hold every malformation we could think of (tests/fixtures/questions/import).
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { ImportConfirmationError, importQuestionBank, planQuestionImport, removeQuestionBank } from "@/lib/server/questions/import";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { exportQuestions } from "@/lib/server/questions/export";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";

const DIR = "tests/fixtures/questions/import";
const NOW = new Date("2026-11-01T00:00:00Z");
const read = (file: string) => readFileSync(`${DIR}/${file}`, "utf8");

/** 1-based line of the first line that contains `text` (after line `after`). */
function lineOf(content: string, text: string, after = 0): number {
  const index = content.split(/\r?\n/).findIndex((line, i) => i >= after && line.includes(text));
  if (index < 0) throw new Error(`fixture has no line with ${text}`);
  return index + 1;
}

for (const provider of testProviders()) {
  describe(`importQuestionBank (${provider})`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
    });
    afterAll(async () => {
      await test?.cleanup();
    });

    it("imports format (a), reporting every malformed question by line", async () => {
      const content = read("community-a.md");
      const result = await importQuestionBank(test.db, { fileName: "community-a.md", content, now: NOW });
      expect(result.imported).toBe(3);
      const first = lineOf(content, "A company runs a nightly batch job");
      expect(result.skipped).toEqual([
        { line: lineOf(content, "Q-NOCORRECT"), message: "정답 표시([x])가 없습니다" },
        { line: lineOf(content, "Q-HINT"), message: '"Choose 2" 힌트와 정답 1개가 다릅니다' },
        { line: lineOf(content, "Q-ONEOPTION"), message: "선택지가 1개뿐입니다 (2개 이상 필요)" },
        { line: lineOf(content, "Q-DUPOPTIONS"), message: "선택지 C 가 선택지 B 와 같습니다" },
        { line: lineOf(content, "Q-MIXED"), message: "한 문제에 두 형식이 섞여 있습니다 (- [x] 선택지와 A) 선택지 / Answer: 줄)" },
        { line: lineOf(content, "Q-ALLCORRECT"), message: "모든 선택지가 정답으로 표시되었습니다" },
        { line: lineOf(content, "A company runs a nightly batch job", first), message: `중복 문제입니다 (${first}번 줄과 같음)` },
        { line: lineOf(content, "- [x] AWS Certificate Manager") + 1, message: "빈 선택지가 있습니다" },
      ]);

      // Headings without options or an answer line are sections, counted apart (Q-NOOPTIONS too).
      expect(result.sections.map((section) => section.line)).toEqual([1, lineOf(content, "## Compute"), lineOf(content, "Q-NOOPTIONS")]);
      const questions = (await exportQuestions(test.db)).filter((question) => question.bank === result.bankId);
      expect(questions).toHaveLength(3);
      const batch = questions.find((question) => question.stem.startsWith("A company runs a nightly batch job"));
      expect(batch).toMatchObject({ type: "single", origin: "imported", correct: ["B"], explanations: { _: "Lambda functions time out after 15 minutes at most." } });
      expect([...(batch?.topics ?? [])].sort()).toEqual(["ecs", "eventbridge", "fargate"]); // stem + correct option
      const health = questions.find((question) => question.stem.includes("health checks"));
      expect(health).toMatchObject({ type: "multiple", correct: ["A", "B"], chooseCount: 2, topics: ["route53"], domain: "resilient" });
      // HTML is reduced to text and a script's body is dropped.
      const dax = questions.find((question) => question.stem.includes("microseconds"));
      expect(dax?.stem).toBe("Which service caches DynamoDB reads & returns them in microseconds?");
      expect(dax?.options[0]?.text).toBe("Amazon ElastiCache for Redis");
      expect(dax).toMatchObject({ domain: "performant", correct: ["B"] });
      expect(dax?.topics).toEqual(expect.arrayContaining(["dynamodb", "dax"]));

      const bank = await test.db.questionBank.findUniqueOrThrow({ where: { id: result.bankId } });
      expect(bank).toMatchObject({ origin: "imported", title: "community-a", sourceFile: "community-a.md" });
    });

    it("imports format (b) and numbered banks with <details> answers", async () => {
      const content = read("community-b.md");
      const result = await importQuestionBank(test.db, { fileName: "community-b.md", content, now: NOW });
      expect(result.imported).toBe(3);
      const answerAfter = (marker: string, nth = 0) => {
        let line = lineOf(content, marker);
        for (let i = 0; i <= nth; i++) line = lineOf(content, "**Answer:**", line);
        return line;
      };
      expect(result.skipped).toEqual([
        { line: lineOf(content, "Q-B-NOANSWER"), message: "정답 줄(**Answer:** A)이 없습니다" },
        { line: answerAfter("Q-B-BADLETTER"), message: "정답 E 가 선택지에 없습니다" },
        { line: lineOf(content, "Q-B-ORDER-LINE"), message: "선택지 글자가 A부터 차례가 아닙니다 (C)" },
        { line: answerAfter("Q-B-EMPTYANSWER"), message: "정답 줄에 선택지 글자가 없습니다" },
        { line: answerAfter("Q-B-TWOANSWERS", 1), message: "정답 줄이 두 번 있습니다" },
        { line: lineOf(content, "### Question 8"), message: "문제 본문이 비어 있습니다" },
        { line: lineOf(content, "### Question 9"), message: "선택지가 7개이고 정답 G 가 F 뒤에 있습니다 (앱은 선택지를 A–F 6개까지 보여 줍니다)" },
      ]);
      const questions = (await exportQuestions(test.db)).filter((question) => question.bank === result.bankId);
      expect(questions.map((question) => [question.correct.join(""), question.domain])).toEqual(
        expect.arrayContaining([
          ["B", "secure"],
          ["AC", "cost"],
          ["A", "performant"],
        ]),
      );

      const numbered = await importQuestionBank(test.db, { fileName: "numbered.md", content: read("numbered.md"), now: NOW });
      expect(numbered).toMatchObject({ imported: 2, skipped: [] });
      const rows = (await exportQuestions(test.db)).filter((question) => question.bank === numbered.bankId);
      expect(rows.map((question) => question.correct)).toEqual(expect.arrayContaining([["A"], ["B", "C"]]));
      expect(rows.find((question) => question.correct.length === 1)?.explanations._).toBe("Multi-AZ keeps a synchronous standby in another AZ.");
    });

    it("reads CRLF and BOM files exactly like LF files, and re-importing keeps ids without duplicates", async () => {
      const lf = read("community-a.md");
      const crlf = `\ufeff${lf.replace(/\n/g, "\r\n")}`;
      // community-a.md is already imported under its own name: this copy is confirmed as a new bank.
      const plan = await planQuestionImport(test.db, { fileName: "windows.md", content: lf, now: NOW });
      expect(plan.asks).toEqual(["same-questions"]);
      const before = await importQuestionBank(test.db, { fileName: "windows.md", content: lf, now: NOW, confirmToken: plan.token });
      const idsBefore = (await test.db.question.findMany({ where: { bankId: before.bankId }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
      const after = await importQuestionBank(test.db, { fileName: "windows.md", content: crlf, now: NOW });
      expect(after).toMatchObject({ added: 0, updated: 0 });
      expect(after.bankId).toBe(before.bankId);
      expect(after.skipped).toEqual(before.skipped);
      const rows = await test.db.question.findMany({ where: { bankId: after.bankId }, select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
      expect(rows.map((row) => row.id)).toEqual(idsBefore);
    });

    it("mixes formats across questions in one file, and archives questions dropped from a re-import", async () => {
      const a = "### Which service is object storage?\n- [x] Amazon S3\n- [ ] Amazon EBS\n- [ ] Amazon EFS\n";
      const b = "### Q2\nWhich service is a managed NoSQL database?\n- A) Amazon RDS\n- B) Amazon DynamoDB\n\n**Answer:** B\n";
      const first = await importQuestionBank(test.db, { fileName: "mixed.md", content: `${a}\n${b}`, now: NOW });
      expect(first).toMatchObject({ imported: 2, skipped: [], archived: 0 });
      const plan = await planQuestionImport(test.db, { fileName: "mixed.md", content: a, now: NOW });
      expect(plan).toMatchObject({ asks: ["archive"], archive: 1, unchanged: 1 });
      const second = await importQuestionBank(test.db, { fileName: "mixed.md", content: a, now: NOW, confirmToken: plan.token });
      expect(second).toMatchObject({ imported: 1, archived: 1 });
      expect(await test.db.question.count({ where: { bankId: first.bankId, archivedAt: null } })).toBe(1);
    });

    it("also reads our own bank format, as imported questions with fresh ids", async () => {
      const content = readFileSync("tests/fixtures/questions/banks/alpha.md", "utf8");
      const result = await importQuestionBank(test.db, { fileName: "my-own.md", content, now: NOW });
      expect(result).toMatchObject({ imported: 3, skipped: [] });
      const questions = (await exportQuestions(test.db)).filter((question) => question.bank === result.bankId);
      expect(questions.every((question) => question.id.startsWith("imp-") && question.origin === "imported")).toBe(true);
      expect(questions.map((question) => question.type).sort()).toEqual(["flashcard", "multiple", "single"]);
      expect(questions.find((question) => question.type === "single")?.explanations.B).toBe("Fargate 태스크에는 실행 시간 제한이 없습니다.");
      const broken = readFileSync("tests/fixtures/questions/broken/broken.md", "utf8");
      await expect(importQuestionBank(test.db, { fileName: "broken.md", content: broken, now: NOW })).rejects.toThrow("broken.md:21 선택지 C 가 선택지 A 와 같습니다");
    });

    it("refuses a file with nothing importable, naming the lines", async () => {
      const content = "### Q-only?\n- [ ] a\n- [ ] b\n";
      await expect(importQuestionBank(test.db, { fileName: "empty.md", content, now: NOW })).rejects.toThrow(ValidationError);
      await expect(importQuestionBank(test.db, { fileName: "empty.md", content, now: NOW })).rejects.toThrow("empty.md:1 정답 표시([x])가 없습니다");
      await expect(importQuestionBank(test.db, { fileName: "blank.md", content: "\n\n", now: NOW })).rejects.toThrow(/문제를 찾지 못했습니다/);
      expect(await test.db.questionBank.count({ where: { sourceFile: { in: ["empty.md", "blank.md"] } } })).toBe(0);
    });

    it("keeps autolinks and code spans, decodes numeric references, shows images as placeholders, and counts README sections apart", async () => {
      const content = read("autolinks-code-entities.md");
      const result = await importQuestionBank(test.db, { fileName: "autolinks-code-entities.md", content, now: NOW });
      expect(result).toMatchObject({ imported: 4, skipped: [] });
      expect(result.sections.map((section) => section.title)).toEqual(["Community bank with links, code and character references", "Table of Contents", "Security", "Support"]);
      expect(result.warnings).toEqual([{ line: lineOf(content, "### The diagram shows"), message: "그림 1개는 보여 줄 수 없어 [그림: …] 자리표시로 바꿨습니다 (VPC with public and private subnets)" }]);
      const questions = (await exportQuestions(test.db)).filter((question) => question.bank === result.bankId);
      const waf = questions.find((question) => question.stem.startsWith("An engineer opens the console"));
      expect(waf?.stem).toBe("An engineer opens the console at https://console.aws.amazon.com/wafv2/, clicks Create web ACL and must block requests whose body contains `<script>` tags. Which AWS service should the engineer use?");
      const docs = questions.find((question) => question.stem.startsWith("Where does the AWS documentation"));
      expect(docs?.options.map((option) => option.text)).toEqual(["https://docs.aws.amazon.com/ec2/.", "https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucket-policies.html.", "https://docs.aws.amazon.com/lambda/."]);
      expect(questions.find((question) => question.stem.startsWith("A rule must match"))?.stem).toBe("A rule must match the header value <admin> exactly, written <admin> in the docs and <admin> in the console. Which WAF statement fits?");
      const diagram = questions.find((question) => question.stem.startsWith("The diagram shows"));
      expect(diagram?.stem).toBe("The diagram shows the VPC layout. Which component lets the private subnet reach the internet?\n[그림: VPC with public and private subnets (그림 파일은 가져오지 않았습니다: images/vpc-layout.png)]");
      expect(diagram?.stem).not.toContain("![");
    });

    it("counts README sections (Table of Contents, Support, License) as sections, not skipped questions", async () => {
      const result = await importQuestionBank(test.db, { fileName: "readme-sections.md", content: read("readme-sections.md"), now: NOW });
      expect(result).toMatchObject({ imported: 2, skipped: [], warnings: [] });
      expect(result.sections.map((section) => section.title)).toEqual(["AWS Certified Solutions Architect Associate practice questions", "Table of Contents", "Support", "Questions", "License"]);
    });

    it("keeps a seven-option question without its extra wrong option, with a warning naming the line", async () => {
      const content = read("seven-options.md");
      const result = await importQuestionBank(test.db, { fileName: "seven-options.md", content, now: NOW });
      expect(result.imported).toBe(1);
      expect(result.warnings).toEqual([{ line: lineOf(content, "Which THREE"), message: "선택지가 7개라 오답 G 를 빼고 가져왔습니다 (앱은 A–F 6개까지 보여 줍니다). 뺀 선택지는 해설에 남겼습니다" }]);
      expect(result.skipped).toEqual([{ line: lineOf(content, "managed DNS"), message: "선택지가 7개이고 정답 G 가 F 뒤에 있습니다 (앱은 선택지를 A–F 6개까지 보여 줍니다)" }]);
      const [question] = (await exportQuestions(test.db)).filter((entry) => entry.bank === result.bankId);
      expect(question).toMatchObject({ type: "multiple", correct: ["A", "B", "C"], chooseCount: 3 });
      expect(question?.options).toHaveLength(6);
      expect(question?.explanations._).toContain("G. Amazon Redshift provisioned clusters");
    });

    it("treats stems that differ only in spacing or Unicode form as duplicates, and keeps ids across such edits", async () => {
      const content = read("duplicate-spacing.md");
      const result = await importQuestionBank(test.db, { fileName: "duplicate-spacing.md", content, now: NOW });
      expect(result.imported).toBe(2);
      expect(result.skipped.map((problem) => problem.message)).toEqual([
        `중복 문제입니다 (${lineOf(content, "### A company")}번 줄과 같음)`,
        `중복 문제입니다 (${lineOf(content, "### 회사가")}번 줄과 같음)`,
        `중복 문제입니다 (${lineOf(content, "### 회사가")}번 줄과 같음)`,
      ]);
      const ids = (await test.db.question.findMany({ where: { bankId: result.bankId }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
      // The same bank re-imported with one space added to every stem: same questions, same ids, nothing archived.
      const respaced = content.replace(/S3 bucket/g, "S3  bucket").replace(/S3 버킷에/g, "S3 버킷 에");
      const again = await importQuestionBank(test.db, { fileName: "duplicate-spacing.md", content: respaced, now: NOW });
      expect(again).toMatchObject({ imported: 2, added: 0, archived: 0 });
      expect((await test.db.question.findMany({ where: { bankId: result.bankId }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id)).toEqual(ids);
    });

    it("maps plural aliases to topics and billing questions to the cost domain", async () => {
      const result = await importQuestionBank(test.db, { fileName: "plurals-billing.md", content: read("plurals-billing.md"), now: NOW });
      expect(result).toMatchObject({ imported: 5, skipped: [] });
      const questions = (await exportQuestions(test.db)).filter((question) => question.bank === result.bankId);
      const byStart = (start: string) => questions.find((question) => question.stem.startsWith(start));
      expect(byStart("A web tier")?.topics).toEqual(expect.arrayContaining(["regions-azs", "security-group"]));
      expect(byStart("A reporting workload")?.topics).toContain("rds");
      for (const start of ["The finance team", "A steady workload", "The company wants an alert"]) expect(byStart(start)?.domain, start).toBe("cost");
    });

    it("asks before importing the same bank under another file name; the learner imports it as a new bank or updates the first", async () => {
      const content = [1, 2, 3].map((n) => `### Overlap question ${n}: which service is number ${n}?\n- [x] Amazon S3\n- [ ] Amazon EBS\n`).join("\n");
      const first = await importQuestionBank(test.db, { fileName: "overlap-original.md", content, now: NOW });
      const input = { fileName: "overlap-renamed.md", content, now: NOW };
      const plan = await planQuestionImport(test.db, input);
      expect(plan).toMatchObject({ asks: ["same-questions"], added: 3, archive: 0 });
      expect(plan.overlaps).toEqual([
        expect.objectContaining({ bankId: first.bankId, title: "overlap-original", sourceFile: "overlap-original.md", shared: 3, liveQuestions: 3, update: expect.objectContaining({ added: 0, unchanged: 3, archive: 0 }) }),
      ]);
      const refused = importQuestionBank(test.db, input);
      await expect(refused).rejects.toThrow(ImportConfirmationError);
      await expect(importQuestionBank(test.db, input)).rejects.toThrow("이 파일의 문제 3개 중 3개가 이미 'overlap-original' 은행");
      expect(await test.db.questionBank.count({ where: { sourceFile: "overlap-renamed.md" } })).toBe(0);

      // Updating the first bank instead: nothing new, no second bank.
      const into = await importQuestionBank(test.db, { ...input, intoBankId: first.bankId });
      expect(into).toMatchObject({ bankId: first.bankId, added: 0, archived: 0 });
      expect(await test.db.questionBank.count({ where: { sourceFile: "overlap-renamed.md" } })).toBe(0);
      // Or as a new bank, with the plan's token.
      const separate = await importQuestionBank(test.db, { ...input, confirmToken: plan.token });
      expect(separate).toMatchObject({ imported: 3, added: 3 });
      expect(separate.bankId).not.toBe(first.bankId);
      // A token from another plan is refused: the state it described is gone.
      await expect(importQuestionBank(test.db, { ...input, fileName: "overlap-third.md", confirmToken: plan.token })).rejects.toThrow(ConflictError);
    });

    it("asks before archiving what a truncated copy leaves out, showing how many", async () => {
      const long = read("long-bank.md");
      const truncated = read("long-bank-truncated.md");
      const first = await importQuestionBank(test.db, { fileName: "long-bank.md", content: long, now: NOW });
      expect(first.imported).toBe(40);
      const input = { fileName: "long-bank.md", content: truncated, now: NOW };
      const plan = await planQuestionImport(test.db, input);
      expect(plan).toMatchObject({ asks: ["archive"], questions: 14, unchanged: 14, archive: 26 });
      await expect(importQuestionBank(test.db, input)).rejects.toThrow("'long-bank' 은행의 문제 26개가 이 파일에 없어 보관됩니다");
      expect(await test.db.question.count({ where: { bankId: first.bankId, archivedAt: null } })).toBe(40);
      const done = await importQuestionBank(test.db, { ...input, confirmToken: plan.token });
      expect(done).toMatchObject({ imported: 14, archived: 26 });
      expect(await test.db.question.count({ where: { bankId: first.bankId, archivedAt: null } })).toBe(14);
      // The full file again brings them back without asking (nothing to archive).
      expect(await importQuestionBank(test.db, { fileName: "long-bank.md", content: long, now: NOW })).toMatchObject({ imported: 40, updated: 26, archived: 0 });
    });

    it("removes an imported bank with its questions and cards, and refuses curated and generated banks", async () => {
      const input = { fileName: "to-remove.md", content: read("community-b.md"), now: NOW };
      const result = await importQuestionBank(test.db, { ...input, confirmToken: (await planQuestionImport(test.db, input)).token });
      const question = await test.db.question.findFirstOrThrow({ where: { bankId: result.bankId } });
      await test.db.card.create({
        data: { id: "card-remove", learnerId: DEFAULT_LEARNER_ID, questionId: question.id, due: NOW, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2 },
      });
      expect(await removeQuestionBank(test.db, result.bankId)).toEqual({ removedQuestions: result.imported });
      expect(await test.db.questionBank.findUnique({ where: { id: result.bankId } })).toBeNull();
      expect(await test.db.question.count({ where: { bankId: result.bankId } })).toBe(0);
      expect(await test.db.card.findUnique({ where: { id: "card-remove" } })).toBeNull();
      await expect(removeQuestionBank(test.db, result.bankId)).rejects.toThrow(NotFoundError);

      await syncQuestionBanks(test.db, { questionsDir: "tests/fixtures/questions/banks", now: NOW });
      await expect(removeQuestionBank(test.db, "fixture-alpha")).rejects.toThrow(ValidationError);
      await expect(removeQuestionBank(test.db, "generated")).rejects.toThrow(ValidationError);
      expect(await test.db.question.count({ where: { bankId: "fixture-alpha" } })).toBe(3);
    });
  });
}
