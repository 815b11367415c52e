// 20,000 questions on SQLite and PostgreSQL: export, browse, facets, reports, the imported-banks
// page and the library pages must not bind one query parameter per row. Measured with Prisma
// 7.10: plain `in: [...]` lists and plain includes are split by Prisma itself (fine at 40,000),
// but a to-many include with `orderBy` binds one parameter per parent row and fails at 1,000 on
// SQLite (P2029; PostgreSQL past 32,767), and a raw `Prisma.join` of ids fails past 32,766 on
// SQLite ("too many SQL variables"). Rows are seeded with createMany in chunks.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportQuestions } from "@/lib/server/questions/export";
import { getQuestionDetail, listImportedBanks, listQuestionFacets, listQuestions } from "@/lib/server/questions/browse";
import { listQuestionReports } from "@/lib/server/questions/reports";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { fetchLibraryOverview, fetchLintReport, fetchTopicTree } from "@/lib/server/study/queries";

import { importQuestionBank, planQuestionImport } from "@/lib/server/questions/import";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";

const QUESTIONS = 20_000;
const BANKS = 4;
const NOW = new Date("2026-11-01T00:00:00Z");
const TOPICS = ["lambda", "s3", "ec2", "vpc", "rds"];

function questionRow(index: number) {
  const bank = `imported-scale${index % BANKS}`;
  return {
    id: `imp-scale-${String(index).padStart(6, "0")}`,
    bankId: bank,
    type: "single",
    domain: ["secure", "resilient", "performant", "cost"][index % 4] ?? "secure",
    difficulty: 2,
    stem: `Scale question ${index}: which service stores objects?`,
    options: JSON.stringify([{ key: "A", text: "Amazon S3" }, { key: "B", text: `Option ${index}` }]),
    correct: JSON.stringify(["A"]),
    chooseCount: null,
    answer: null,
    explanations: "{}",
    sources: "[]",
    references: "[]",
    origin: "imported",
    generator: null,
    factIds: "[]",
    contentHash: `hash-${index}`,
    archivedAt: index % 10 === 9 ? NOW : null,
  };
}

for (const provider of testProviders()) {
  describe(`${QUESTIONS} questions (${provider})`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
      await test.db.questionBank.createMany({ data: Array.from({ length: BANKS }, (_, index) => ({ id: `imported-scale${index}`, title: `scale ${index}`, origin: "imported", sourceFile: `scale-${index}.md` })) });
      // ~17 bound values per question row and 2 per topic row: 50 questions per statement stays
      // under SQLite's 999 on either table.
      for (let start = 0; start < QUESTIONS; start += 50) {
        const rows = Array.from({ length: Math.min(50, QUESTIONS - start) }, (_, offset) => questionRow(start + offset));
        await test.db.question.createMany({ data: rows });
        await test.db.questionTopic.createMany({ data: rows.flatMap((row, offset) => [TOPICS[(start + offset) % TOPICS.length] ?? "s3", "s3"].filter((key, i, all) => all.indexOf(key) === i).map((topicKey) => ({ questionId: row.id, topicKey }))) });
      }
    }, 600_000);
    afterAll(async () => {
      await test?.cleanup();
    });

    it("exports every question with its topics", async () => {
      const live = await exportQuestions(test.db);
      expect(live).toHaveLength(QUESTIONS - QUESTIONS / 10);
      const all = await exportQuestions(test.db, { includeArchived: true });
      expect(all).toHaveLength(QUESTIONS);
      expect(all[0]).toMatchObject({ id: "imp-scale-000000", topics: ["lambda", "s3"], bank: "imported-scale0", archived: false });
      expect(all.find((question) => question.id === "imp-scale-000009")).toMatchObject({ archived: true, topics: ["rds", "s3"] });
      expect(all.every((question) => question.topics.length >= 1)).toBe(true);
    });

    it("browses, counts facets and lists the imported banks", async () => {
      const page = await listQuestions(test.db, { page: 3 });
      expect(page).toMatchObject({ total: QUESTIONS - QUESTIONS / 10, page: 3 });
      expect(page.items).toHaveLength(20);
      const filtered = await listQuestions(test.db, { topic: "lambda", q: "람다 scale" });
      expect(filtered.total).toBeGreaterThan(0);
      const facets = await listQuestionFacets(test.db);
      expect(facets.total).toBe(QUESTIONS - QUESTIONS / 10);
      expect(facets.topics.find((topic) => topic.key === "s3")?.count).toBe(QUESTIONS - QUESTIONS / 10);
      const banks = await listImportedBanks(test.db);
      expect(banks.map((bank) => bank.questionCount)).toEqual([QUESTIONS / BANKS, QUESTIONS / BANKS, QUESTIONS / BANKS, QUESTIONS / BANKS]);
      expect((await getQuestionDetail(test.db, "imp-scale-000002"))?.question.topics).toEqual(["ec2", "s3"]);
    });

    it("plans and imports against a bank of thousands: overlap found, thousands archived in chunks", async () => {
      const content = "### Scale question 0: which service stores objects?\n- [x] Amazon S3\n- [ ] Option 0\n";
      const plan = await planQuestionImport(test.db, { fileName: "scale-copy.md", content, now: NOW });
      expect(plan.asks).toEqual(["same-questions"]);
      const live = (bankId: string) => test.db.question.count({ where: { bankId, archivedAt: null } });
      expect(plan.overlaps.map((overlap) => [overlap.bankId, overlap.shared, overlap.liveQuestions])).toEqual([["imported-scale0", 1, await live("imported-scale0")]]);
      const liveBefore = await live("imported-scale1");
      expect(liveBefore).toBeGreaterThan(1000);
      const into = { fileName: "scale-copy.md", content, now: NOW, intoBankId: "imported-scale1" };
      const intoPlan = await planQuestionImport(test.db, into);
      expect(intoPlan).toMatchObject({ asks: ["archive"], added: 1, archive: liveBefore });
      const result = await importQuestionBank(test.db, { ...into, confirmToken: intoPlan.token });
      expect(result).toMatchObject({ imported: 1, archived: liveBefore });
      expect(await live("imported-scale1")).toBe(1);
    });

    it("lists reports on thousands of questions and links a question's sources among thousands of sections", async () => {
      const reported = Array.from({ length: 1500 }, (_, index) => `imp-scale-${String(index * 3).padStart(6, "0")}`);
      for (let start = 0; start < reported.length; start += 100) {
        await test.db.questionReport.createMany({ data: reported.slice(start, start + 100).map((questionId, offset) => ({ id: `report-${start + offset}`, learnerId: DEFAULT_LEARNER_ID, questionId, reason: "wrong-answer", detail: "", createdAt: NOW })) });
      }
      const reports = await listQuestionReports(test.db, { learnerId: DEFAULT_LEARNER_ID, status: "open" });
      expect(reports).toHaveLength(1500);
      expect(reports.every((report) => report.questionStem.startsWith("Scale question"))).toBe(true);

      // 1,500 notes with 2 sections each, and one sourced question.
      for (let start = 0; start < 1500; start += 100) {
        const ids = Array.from({ length: 100 }, (_, offset) => start + offset);
        await test.db.note.createMany({ data: ids.map((n) => ({ id: `note-${n}`, path: `n/${n}.md`, title: `Note ${n}`, contentHash: "h", content: "", byteSize: 0, ingestedAt: NOW })) });
        await test.db.topic.createMany({ data: ids.flatMap((n) => [0, 1].map((k) => ({ id: `topic-${n}-${k}`, slug: `t-${n}-${k}`, title: k === 0 ? `Section ${n}` : "요약", headingPath: "[]", categoryKey: "storage", depth: 1, sortOrder: n, html: "", contentHash: "h" }))) });
        await test.db.topicSource.createMany({ data: ids.flatMap((n) => [0, 1].map((k) => ({ topicId: `topic-${n}-${k}`, noteId: `note-${n}`, line: 1 + k, endLine: 2 + k, heading: k === 0 ? `Section ${n}` : "요약" }))) });
      }
      await test.db.question.update({ where: { id: "imp-scale-000004" }, data: { sources: JSON.stringify([{ file: "n/1200.md", heading: "요약" }]) } });
      const detail = await getQuestionDetail(test.db, "imp-scale-000004");
      expect(detail?.sources).toEqual([expect.objectContaining({ file: "n/1200.md", line: 2, topic: { title: "요약", href: "/topics/t-1200-1" } })]);
    });

    it("browses the library pages over thousands of notes, topics and lint warnings", async () => {
      // Runs after the test above seeded 1,500 notes and 3,000 topics.
      for (let start = 0; start < 1500; start += 100) {
        await test.db.lintWarning.createMany({ data: Array.from({ length: 100 }, (_, offset) => start + offset).map((n) => ({ id: `lint-${n}`, kind: "input", file: n % 2 ? `n/${n}.md` : `missing/${n}.md`, line: 1, topicId: `topic-${n}-0`, message: "check" })) });
      }
      const overview = await fetchLibraryOverview(test.db);
      expect(overview.notes).toHaveLength(1500);
      expect(overview.notes.every((note) => note.topicCount === 2)).toBe(true);
      const tree = await fetchTopicTree(test.db);
      expect(tree.length).toBeGreaterThan(0);
      const lint = await fetchLintReport(test.db);
      expect(lint.total).toBe(1500);
      const warnings = lint.groups.flatMap((group) => group.warnings);
      expect(warnings.every((warning) => warning.topic !== null)).toBe(true);
      expect(warnings.filter((warning) => warning.noteExists)).toHaveLength(750);
    });
  });
}
