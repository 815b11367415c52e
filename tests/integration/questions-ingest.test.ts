// The whole path on the five seed notes: the real ingester writes Note/Fact rows, sync turns
// them into generated questions, and the independent oracle checks every marked answer against
// the facts the ingester actually extracted. Also: a re-ingest + re-sync writes nothing, and an
// edited note keeps every generated question's id.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateQuestions, DEFAULT_GENERATOR_SEED } from "@/lib/core/questions/generators";
import { runIngest } from "@/lib/server/ingest";
import { readReferenceFacts, readTaxonomyServices } from "@/lib/server/questions/content-files";
import { loadNoteMaterial } from "@/lib/server/questions/note-facts";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { checkGeneratedQuestion } from "@/tests/fixtures/questions/generated-oracle";

const BANKS = "tests/fixtures/questions/banks";
const T0 = new Date("2026-11-01T00:00:00Z");
const T1 = new Date("2026-11-02T00:00:00Z");

for (const provider of testProviders()) {
  describe(`generated questions from the ingested notes (${provider})`, () => {
    let test: TestDatabase;
    let notesDir: string;

    beforeAll(async () => {
      test = await createTestDatabase(provider);
      notesDir = mkdtempSync(path.join(os.tmpdir(), "gureum-notes-"));
      cpSync("content/notes", notesDir, { recursive: true });
      await runIngest(test.db, { notesDir, now: T0, workers: 0 });
    });
    afterAll(async () => {
      await test?.cleanup();
      rmSync(notesDir, { recursive: true, force: true });
    });

    it("generates at least 50 questions whose answers follow from the extracted facts", async () => {
      const result = await syncQuestionBanks(test.db, { questionsDir: BANKS, now: T0 });
      expect(result.issues).toEqual([]);
      expect(result.generated).toBeGreaterThanOrEqual(50);

      const material = await loadNoteMaterial(test.db);
      expect(material.facts.filter((fact) => fact.serviceKey === "lambda").length).toBeGreaterThan(10);
      const generated = generateQuestions({ ...material, reference: readReferenceFacts(), seed: DEFAULT_GENERATOR_SEED, topicKeys: new Set(readTaxonomyServices().map((service) => service.key)) });
      expect(generated.questions).toHaveLength(result.generated);
      const notes = new Map(readdirSync(notesDir).filter((file) => file.endsWith(".md")).map((file) => [file, readFileSync(path.join(notesDir, file), "utf8").split(/\r?\n/)]));
      const reference = JSON.parse(readFileSync("content/reference/aws-facts.json", "utf8")).facts;
      expect(generated.questions.flatMap((item) => checkGeneratedQuestion(item, { reference, facts: material.facts, notes }))).toEqual([]);

      // The notes' outdated async payload limit is named and corrected.
      const asyncCard = generated.questions.find((item) => item.question.id === "gen-fact-card-flashcard-lambda-payload-async");
      expect(asyncCard?.question.explanations._).toContain("노트: 256KB → AWS 문서(2026-11 기준): 1MB");
    });

    it("writes nothing when neither notes nor banks changed", async () => {
      await syncQuestionBanks(test.db, { questionsDir: BANKS, now: T0 });
      await runIngest(test.db, { notesDir, now: T1, workers: 0 });
      const again = await syncQuestionBanks(test.db, { questionsDir: BANKS, now: T1 });
      expect(again).toMatchObject({ created: 0, updated: 0, archived: 0 });
    });

    it("keeps every generated id when a note's Lambda limits are edited", async () => {
      await syncQuestionBanks(test.db, { questionsDir: BANKS, now: T0 });
      const before = (await test.db.question.findMany({ where: { origin: "generated", archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
      const file = path.join(notesDir, "containers-serverless-dynamodb.md");
      writeFileSync(file, readFileSync(file, "utf8").replace("  - 실행시간 900초", "  - 실행시간 600초"));
      await runIngest(test.db, { notesDir, now: T1, workers: 0 });
      const result = await syncQuestionBanks(test.db, { questionsDir: BANKS, now: T1 });
      expect(result).toMatchObject({ created: 0, archived: 0 });
      expect(result.updated).toBeGreaterThan(0);
      const after = (await test.db.question.findMany({ where: { origin: "generated", archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
      expect(after).toEqual(before);
      const timeout = await test.db.question.findUniqueOrThrow({ where: { id: "gen-lambda-limits-timeout-20min" } });
      expect(timeout.explanations).toContain("노트: 600초 → AWS 문서(2026-11 기준): 900초(15분)");
    });
  });
}
