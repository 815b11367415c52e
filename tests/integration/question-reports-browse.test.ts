// The read side of the question pages (lib/server/questions/browse.ts) on real SQLite and
// PostgreSQL databases: filters, Korean search, pagination, facets, and the links a question
// page shows (note section, topic page, AWS reference). Lives beside the report tests because
// both back the same pages.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Domain, Question, QuestionOrigin, QuestionType } from "@/lib/core/questions/types";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import {
  QUESTIONS_PAGE_SIZE,
  findImportedBank,
  getQuestionDetail,
  listImportedBanks,
  listQuestionFacets,
  listQuestions,
} from "@/lib/server/questions/browse";
import { questionToColumns } from "@/lib/server/questions/map";
import { createQuestionReport } from "@/lib/server/questions/reports";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";

const NOW = new Date("2026-11-01T00:00:00Z");

interface Spec {
  id: string;
  bankId: string;
  topics: string[];
  stem: string;
  type?: QuestionType;
  domain?: Domain;
  origin?: QuestionOrigin;
  sources?: Question["sources"];
  references?: string[];
  archived?: boolean;
}

function build(spec: Spec): Question {
  return {
    id: spec.id,
    bankId: spec.bankId,
    type: spec.type ?? "single",
    domain: spec.domain ?? "performant",
    topics: spec.topics,
    difficulty: 2,
    stem: spec.stem,
    options: [
      { key: "A", text: "Amazon SQS 대기열을 둔다" },
      { key: "B", text: "가중치 기반 라우팅을 쓴다" },
    ],
    correct: ["B"],
    chooseCount: null,
    answer: null,
    explanations: { A: "오답", B: "정답" },
    sources: spec.sources ?? [],
    references: spec.references ?? [],
    origin: spec.origin ?? "curated",
    generator: null,
    factIds: [],
    archived: false,
  };
}

async function seed(test: TestDatabase) {
  const db = test.db;
  await db.questionBank.createMany({
    data: [
      { id: "lambda-bank", title: "Lambda", origin: "curated" },
      { id: "routing-bank", title: "라우팅", origin: "curated" },
      { id: "generated", title: "생성", origin: "generated" },
      { id: "imported-community", title: "커뮤니티", origin: "imported", sourceFile: "community.md", createdAt: NOW },
    ],
  });
  const specs: Spec[] = [
    {
      id: "lambda-timeout",
      bankId: "lambda-bank",
      topics: ["lambda", "fargate"],
      stem: "40분 걸리는 배치 작업을 Lambda 로 옮길 수 있습니까?",
      domain: "resilient",
      sources: [
        { file: "serverless.md", heading: "**Lambda** 제약사항" },
        { file: "serverless.md", heading: "없는 제목", line: 7 },
        { file: "other.md", heading: "Fargate 개요" },
      ],
      references: ["lambda-timeout", "no-such-fact"],
    },
    { id: "lambda-flash", bankId: "lambda-bank", topics: ["lambda"], stem: "Lambda 메모리 범위는?", type: "flashcard", domain: "performant" },
    { id: "lambda-old", bankId: "lambda-bank", topics: ["lambda"], stem: "보관된 Lambda 문제", archived: true },
    { id: "gen-lambda-1", bankId: "generated", topics: ["lambda"], stem: "15분 넘는 작업에는 무엇을?", origin: "generated", domain: "cost", type: "multiple" },
    { id: "imported-1", bankId: "imported-community", topics: ["sqs"], stem: "Which service decouples? lambda", origin: "imported", domain: "secure" },
  ];
  // Enough routing questions for a second page.
  for (let n = 1; n <= QUESTIONS_PAGE_SIZE + 2; n += 1) {
    specs.push({ id: `route53-${String(n).padStart(2, "0")}`, bankId: "routing-bank", topics: ["route53"], stem: `가중치 라우팅 시나리오 ${n}`, domain: "resilient" });
  }
  for (const spec of specs) {
    const question = build(spec);
    await db.question.create({
      data: {
        id: question.id,
        ...questionToColumns(question),
        contentHash: question.id,
        archivedAt: spec.archived ? NOW : null,
        topics: { create: question.topics.map((topicKey) => ({ topicKey })) },
      },
    });
  }
  await db.note.createMany({
    data: [
      { id: "n1", path: "serverless.md", title: "서버리스", contentHash: "x", content: "", byteSize: 0, ingestedAt: NOW },
      { id: "n2", path: "copy.md", title: "사본", contentHash: "x", content: "", byteSize: 0, ingestedAt: NOW },
    ],
  });
  const topic = (id: string, slug: string, title: string, serviceKey: string | null, depth: number, archived = false) => ({
    id,
    slug,
    title,
    headingPath: JSON.stringify([title]),
    serviceKey,
    categoryKey: "serverless",
    depth,
    sortOrder: depth,
    html: "",
    contentHash: id,
    archivedAt: archived ? NOW : null,
  });
  await db.topic.createMany({
    data: [
      topic("t-lambda", "aws-lambda", "AWS Lambda", "lambda", 1),
      topic("t-limits", "lambda-limits", "Lambda 제약사항", "lambda", 2),
      topic("t-fargate", "fargate-overview", "Fargate 개요", "fargate", 2),
      topic("t-old", "old-route53", "Route 53 옛 제목", "route53", 1, true),
    ],
  });
  await db.topicSource.createMany({
    data: [
      // the same section in two notes: the cited note's line wins
      { topicId: "t-limits", noteId: "n2", line: 10, endLine: 20, heading: "Lambda 제약사항" },
      { topicId: "t-limits", noteId: "n1", line: 285, endLine: 330, heading: "Lambda  제약사항" },
      { topicId: "t-lambda", noteId: "n1", line: 200, endLine: 284, heading: "AWS Lambda" },
    ],
  });
}

for (const provider of testProviders()) {
  describe(`question browse (${provider})`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
      await seed(test);
    });
    afterAll(async () => {
      await test?.cleanup();
    });

    const ids = async (filters: Parameters<typeof listQuestions>[1]) => (await listQuestions(test.db, filters)).items.map((item) => item.id);

    it("filters by topic, domain, type, origin and bank, never showing archived questions", async () => {
      expect(await ids({ topic: "lambda" })).toEqual(["lambda-flash", "lambda-timeout", "gen-lambda-1"]);
      expect(await ids({ topic: "lambda", domain: "resilient" })).toEqual(["lambda-timeout"]);
      expect(await ids({ type: "flashcard" })).toEqual(["lambda-flash"]);
      expect(await ids({ origin: "generated" })).toEqual(["gen-lambda-1"]);
      expect(await ids({ bank: "imported-community" })).toEqual(["imported-1"]);
      expect(await ids({ topic: "no-such-topic" })).toEqual([]);
    });

    it("searches text case-insensitively and finds services by their Korean names", async () => {
      expect(await ids({ q: "LAMBDA 메모리" })).toEqual(["lambda-flash"]);
      // "람다" appears in no question text; the taxonomy alias maps it to the lambda topic
      expect(await ids({ q: "람다" })).toEqual(["lambda-flash", "lambda-timeout", "gen-lambda-1"]);
      expect(await ids({ q: "DECOUPLES" })).toEqual(["imported-1"]);
      expect(await ids({ q: "SQS 대기열", topic: "lambda", type: "single" })).toEqual(["lambda-timeout"]);
      expect(await ids({ q: "없는말" })).toEqual([]);
    });

    it("pages through results and clamps a page past the end", async () => {
      const first = await listQuestions(test.db, { topic: "route53" });
      expect(first).toMatchObject({ total: QUESTIONS_PAGE_SIZE + 2, page: 1, pageCount: 2, pageSize: QUESTIONS_PAGE_SIZE });
      expect(first.items).toHaveLength(QUESTIONS_PAGE_SIZE);
      const last = await listQuestions(test.db, { topic: "route53", page: 99 });
      expect(last.page).toBe(2);
      expect(last.items.map((item) => item.id)).toEqual(["route53-21", "route53-22"]);
      expect(first.items[0]).toMatchObject({ bankTitle: "라우팅", topics: [{ key: "route53", name: "Amazon Route 53" }] });
    });

    it("counts every live question per topic, domain, type and origin", async () => {
      const facets = await listQuestionFacets(test.db);
      const total = QUESTIONS_PAGE_SIZE + 2 + 4;
      expect(facets.total).toBe(total);
      expect(facets.topics.find((topic) => topic.key === "lambda")).toEqual({ key: "lambda", name: "AWS Lambda", count: 3 });
      expect(facets.origins).toEqual([
        { key: "curated", count: total - 2 },
        { key: "generated", count: 1 },
        { key: "imported", count: 1 },
      ]);
      expect(facets.types.find((type) => type.key === "cloze")?.count).toBe(0);
      expect(facets.domains.reduce((sum, domain) => sum + domain.count, 0)).toBe(total);
    });

    it("links a question's sources to note lines and topic pages, its topics to overview pages", async () => {
      await createQuestionReport(test.db, { learnerId: DEFAULT_LEARNER_ID, questionId: "lambda-timeout", reason: "wrong-answer", detail: "", now: NOW });
      const detail = await getQuestionDetail(test.db, "lambda-timeout");
      if (!detail) throw new Error("question missing");
      expect(detail.bank).toEqual({ id: "lambda-bank", title: "Lambda", origin: "curated" });
      expect(detail.sources).toEqual([
        {
          file: "serverless.md",
          heading: "**Lambda** 제약사항",
          line: 285,
          noteHref: "/notes/serverless.md#L285",
          topic: { title: "Lambda 제약사항", href: "/topics/lambda-limits" },
        },
        { file: "serverless.md", heading: "없는 제목", line: 7, noteHref: "/notes/serverless.md#L7", topic: null },
        // no TopicSource has this heading, but a topic has it as its title
        { file: "other.md", heading: "Fargate 개요", line: null, noteHref: "/notes/other.md", topic: { title: "Fargate 개요", href: "/topics/fargate-overview" } },
      ]);
      expect(detail.topics).toEqual([
        { key: "fargate", name: "AWS Fargate", href: "/topics/fargate-overview" },
        { key: "lambda", name: "AWS Lambda", href: "/topics/aws-lambda" },
      ]);
      expect(detail.references.map((reference) => reference.id)).toEqual(["lambda-timeout"]);
      expect(detail.references[0]?.url).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
      expect(detail.openReports).toBe(1);
      expect(detail.question.correct).toEqual(["B"]);
    });

    it("sends a topic without a live page to the topic tree, and knows missing questions", async () => {
      const detail = await getQuestionDetail(test.db, "route53-01");
      expect(detail?.topics).toEqual([{ key: "route53", name: "Amazon Route 53", href: "/topics" }]);
      expect(await getQuestionDetail(test.db, "no-such-question")).toBeNull();
      expect((await getQuestionDetail(test.db, "lambda-old"))?.question.archived).toBe(true);
    });

    it("lists imported banks with their question counts", async () => {
      expect(await listImportedBanks(test.db)).toEqual([
        { id: "imported-community", title: "커뮤니티", sourceFile: "community.md", createdAt: NOW, questionCount: 1 },
      ]);
      expect(await findImportedBank(test.db, "imported-community")).toEqual({ id: "imported-community", title: "커뮤니티" });
      expect(await findImportedBank(test.db, "lambda-bank")).toBeNull();
    });
  });
}
