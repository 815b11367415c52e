// Issue 10's fact and lint targets on the hand-labelled corpus: the real ingester writes the
// corpus into a fresh SQLite database; the stored facts and warnings are scored against
// tests/fixtures/corpus/<style>/facts.labels.json (see corpus-facts-score.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runIngest } from "@/lib/server/ingest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/databases";
import { CORPUS_DIR, formatCorpusScore, scoreCorpus, type CorpusScore } from "./corpus-facts-score";

const NOW = new Date("2026-11-01T00:00:00Z");

describe("facts and lint on the labelled corpus (SQLite)", () => {
  let test: TestDatabase;
  let result: CorpusScore;

  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    await runIngest(test.db, { notesDir: CORPUS_DIR, now: NOW, workers: 0 });
    const facts = await test.db.fact.findMany({ include: { note: { select: { path: true } } } });
    const warnings = await test.db.lintWarning.findMany({ where: { archivedAt: null } });
    result = scoreCorpus(
      facts.map((fact) => ({ notePath: fact.note.path, line: fact.line, serviceKey: fact.serviceKey, attribute: fact.attribute, value: fact.value, valueMax: fact.valueMax, valueText: fact.valueText })),
      warnings,
    );
    console.log(formatCorpusScore(result).join("\n"));
  }, 120_000);
  afterAll(async () => {
    await test?.cleanup();
  });

  it("labels at least 60 notes in several styles, with facts and true warnings to find", () => {
    expect(result.notes - result.unlabelledNotes.length).toBeGreaterThanOrEqual(60);
    expect(result.facts.labelled).toBeGreaterThanOrEqual(80);
    expect(result.lint.labelled).toBeGreaterThanOrEqual(8);
  });

  it("extracts facts with precision ≥ 95% and recall ≥ 80%", () => {
    expect(result.facts.precision).toBeGreaterThanOrEqual(0.95);
    expect(result.facts.recall).toBeGreaterThanOrEqual(0.8);
  });

  it("raises lint warnings with precision ≥ 95%", () => {
    expect(result.lint.precision).toBeGreaterThanOrEqual(0.95);
  });
});
