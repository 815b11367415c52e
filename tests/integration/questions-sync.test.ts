// syncQuestionBanks on real SQLite and PostgreSQL databases: curated fixture banks plus the
// questions generated from note facts stored the way the ingester stores them.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { importQuestionBank } from "@/lib/server/questions/import";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { exportQuestions } from "@/lib/server/questions/export";
import { loadNoteMaterial } from "@/lib/server/questions/note-facts";
import { generateQuestions, DEFAULT_GENERATOR_SEED } from "@/lib/core/questions/generators";
import { readReferenceFacts, readTaxonomyServices } from "@/lib/server/questions/content-files";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { NOTE_FACTS } from "@/tests/fixtures/questions/note-facts";
import { checkGeneratedQuestion } from "@/tests/fixtures/questions/generated-oracle";

const FIXTURE_BANKS = "tests/fixtures/questions/banks";
const NOTES = ["containers-serverless-dynamodb.md", "solution-architecture-ecr-eks-lambda.md", "route53-acm-alb-ecs.md", "aws-infrastructure-taska-msa.md", "solution-architecture-ecs-fargate-ecr-eks.md"];
const T0 = new Date("2026-11-01T00:00:00Z");
const T1 = new Date("2026-11-02T00:00:00Z");

/** Stores the five notes and the fixture facts as Note/Fact rows (what the ingester writes). */
async function storeNotes(test: TestDatabase): Promise<void> {
  for (const file of NOTES) {
    const content = readFileSync(`content/notes/${file}`, "utf8");
    await test.db.note.create({ data: { id: `note-${file}`, path: file, title: file, contentHash: "x", content, byteSize: content.length, ingestedAt: T0 } });
  }
  for (const fact of NOTE_FACTS) {
    await test.db.fact.create({
      data: {
        id: fact.id,
        noteId: `note-${fact.source.file}`,
        line: fact.source.line ?? 1,
        serviceKey: fact.serviceKey,
        attribute: fact.attribute,
        label: fact.label,
        valueText: fact.valueText,
        value: fact.value,
        valueMax: fact.valueMax,
        unit: fact.unit,
        excerpt: fact.valueText,
      },
    });
  }
}

function copyBanks(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gureum-banks-"));
  for (const file of ["alpha.md", "beta.md"]) copyFileSync(path.join(FIXTURE_BANKS, file), path.join(dir, file));
  writeFileSync(path.join(dir, "README.md"), "# 이 파일은 은행이 아닙니다\n\n## not-a-question\n");
  return dir;
}

async function createCard(test: TestDatabase, questionId: string): Promise<void> {
  await test.db.card.create({
    data: { id: `card-${questionId}`, learnerId: DEFAULT_LEARNER_ID, questionId, due: T0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2 },
  });
}

for (const provider of testProviders()) {
  describe(`syncQuestionBanks (${provider})`, () => {
    let test: TestDatabase;
    let banksDir: string;

    beforeAll(async () => {
      test = await createTestDatabase(provider);
      await storeNotes(test);
    });
    afterAll(async () => {
      await test?.cleanup();
    });
    beforeEach(() => {
      banksDir = copyBanks();
      return () => rmSync(banksDir, { recursive: true, force: true });
    });

    it("creates curated and generated questions, then writes nothing on an unchanged second run", async () => {
      const first = await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T0 });
      expect(first.issues).toEqual([]);
      expect(first.banks).toBe(3);
      expect(first.generated).toBeGreaterThanOrEqual(50);
      expect(first.questions).toBe(5 + first.generated);
      expect(first).toMatchObject({ created: first.questions, updated: 0, archived: 0 });

      const before = await test.db.question.findMany({ select: { id: true, updatedAt: true, contentHash: true }, orderBy: { id: "asc" } });
      const second = await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T1 });
      expect(second).toMatchObject({ created: 0, updated: 0, archived: 0, questions: first.questions });
      const after = await test.db.question.findMany({ select: { id: true, updatedAt: true, contentHash: true }, orderBy: { id: "asc" } });
      expect(after).toEqual(before);

      const banks = await test.db.questionBank.findMany({ orderBy: { id: "asc" } });
      expect(banks.map((bank) => [bank.id, bank.origin, bank.sourceFile])).toEqual([
        ["fixture-alpha", "curated", "alpha.md"],
        ["fixture-beta", "curated", "beta.md"],
        ["generated", "generated", null],
      ]);
      const topics = await test.db.questionTopic.findMany({ where: { questionId: "fx-lambda-timeout" }, orderBy: { topicKey: "asc" } });
      expect(topics.map((topic) => topic.topicKey)).toEqual(["fargate", "lambda"]);
    });

    it("keeps the id (and the card) of an edited question", async () => {
      await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T0 });
      await createCard(test, "fx-lambda-timeout").catch(() => undefined);
      const file = path.join(banksDir, "alpha.md");
      writeFileSync(file, readFileSync(file, "utf8").replace("매일 밤 40분 동안", "매주 50분 동안"));
      const result = await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T1 });
      expect(result).toMatchObject({ created: 0, updated: 1, archived: 0 });
      const row = await test.db.question.findUniqueOrThrow({ where: { id: "fx-lambda-timeout" }, include: { cards: true } });
      expect(row.stem).toContain("매주 50분 동안");
      expect(row.cards.map((card) => card.id)).toEqual(["card-fx-lambda-timeout"]);
    });

    it("archives a question removed from its bank, keeps its card, and restores it when it returns", async () => {
      await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T0 });
      await createCard(test, "fx-ddb-ondemand");
      const file = path.join(banksDir, "beta.md");
      const original = readFileSync(file, "utf8");
      writeFileSync(file, original.slice(0, original.indexOf("## fx-ddb-ondemand")));
      const removed = await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T1 });
      expect(removed).toMatchObject({ created: 0, updated: 0, archived: 1 });
      const archived = await test.db.question.findUniqueOrThrow({ where: { id: "fx-ddb-ondemand" }, include: { cards: true } });
      expect(archived.archivedAt?.toISOString()).toBe(T1.toISOString());
      expect(archived.cards).toHaveLength(1);
      expect((await exportQuestions(test.db)).some((question) => question.id === "fx-ddb-ondemand")).toBe(false);

      writeFileSync(file, original);
      const restored = await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T1 });
      expect(restored).toMatchObject({ created: 0, updated: 1, archived: 0 });
      expect((await test.db.question.findUniqueOrThrow({ where: { id: "fx-ddb-ondemand" } })).archivedAt).toBeNull();
    });

    it("skips invalid bank entries with file:line and syncs the rest", async () => {
      copyFileSync("tests/fixtures/questions/broken/broken.md", path.join(banksDir, "broken.md"));
      const result = await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T1 });
      expect(result.issues.map((issue) => `${issue.file}:${issue.line}`)).toEqual(expect.arrayContaining(["broken.md:21", "broken.md:23", "broken.md:31", "broken.md:34"]));
      expect(await test.db.question.count({ where: { bankId: "fixture-broken" } })).toBe(0);
      expect(await test.db.question.count({ where: { bankId: "fixture-alpha", archivedAt: null } })).toBe(3);
    });

    it("regenerates under the same ids when a note fact changes, and follows the reference", async () => {
      await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T0 });
      const idsBefore = (await test.db.question.findMany({ where: { origin: "generated" }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
      await test.db.fact.update({ where: { id: "f-csd-timeout" }, data: { value: 600, valueText: "600초" } });
      const result = await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T1 });
      expect(result.created).toBe(0);
      expect(result.archived).toBe(0);
      expect(result.updated).toBeGreaterThan(0);
      const idsAfter = (await test.db.question.findMany({ where: { origin: "generated", archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
      expect(idsAfter).toEqual(idsBefore);
      const timeout = (await exportQuestions(test.db)).find((question) => question.id === "gen-lambda-limits-timeout-14min");
      expect(timeout?.explanations._).toContain("노트: 600초 → AWS 문서(2026-11 기준): 900초(15분)");
      expect(timeout?.factIds).toEqual(["f-csd-timeout", "f-sal-timeout"]);
      await test.db.fact.update({ where: { id: "f-csd-timeout" }, data: { value: 900, valueText: "900초" } });
    });

    it("stores generated questions whose answers the oracle confirms from the stored facts", async () => {
      await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T0 });
      const material = await loadNoteMaterial(test.db);
      const reference = readReferenceFacts();
      const generated = generateQuestions({ ...material, reference, seed: DEFAULT_GENERATOR_SEED, topicKeys: new Set(readTaxonomyServices().map((service) => service.key)) });
      const notes = new Map(NOTES.map((file) => [file, readFileSync(`content/notes/${file}`, "utf8").split(/\r?\n/)]));
      const referenceRows = JSON.parse(readFileSync("content/reference/aws-facts.json", "utf8")).facts;
      expect(generated.questions.flatMap((item) => checkGeneratedQuestion(item, { reference: referenceRows, facts: material.facts, notes }))).toEqual([]);
      const stored = new Map((await exportQuestions(test.db)).filter((question) => question.origin === "generated").map((question) => [question.id, question]));
      expect(stored.size).toBe(generated.questions.length);
      for (const { question } of generated.questions) {
        expect(stored.get(question.id)).toMatchObject({ correct: question.correct, options: question.options, factIds: question.factIds, generator: question.generator, sources: question.sources });
      }
    });

    it("leaves imported banks alone", async () => {
      const content = readFileSync("tests/fixtures/questions/import/community-b.md", "utf8");
      const imported = await importQuestionBank(test.db, { fileName: "community-b.md", content, now: T0 });
      await syncQuestionBanks(test.db, { questionsDir: banksDir, now: T1 });
      expect(await test.db.question.count({ where: { bankId: imported.bankId, archivedAt: null } })).toBe(imported.imported);
    });
  });
}
