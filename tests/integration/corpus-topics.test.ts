// The labelled corpus (tests/fixtures/corpus, five authors' styles) ingested by runIngest into a
// real SQLite database: topic-to-service precision ≥ 95%, no topic holding text from notes the
// labels do not say share it, quiz notes making no topics (and reported), and the topic tree
// as labelled. Prints the numbers (the same lines as `npm run bench:ingest`).
import { readFileSync, rmSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { runIngest } from "@/lib/server/ingest";
import { copyLabelledCorpus, formatCorpusTopicMetrics, measureCorpusTopics } from "../support/corpus-topics";
import { createTestDatabase, type TestDatabase } from "../support/databases";

const taxonomyKeys = new Set((JSON.parse(readFileSync("content/taxonomy/aws-services.json", "utf8")) as { services: { key: string }[] }).services.map((service) => service.key));
let test: TestDatabase | null = null;
const dir = copyLabelledCorpus();
afterAll(async () => {
  await test?.cleanup();
  rmSync(dir, { recursive: true, force: true });
});

describe("corpus topics (sqlite)", () => {
  it("maps topics to the right service, never mixes unrelated notes, and leaves quiz notes out", async () => {
    test = await createTestDatabase("sqlite");
    const summary = await runIngest(test.db, { notesDir: dir, now: new Date("2026-12-06T12:00:00Z"), workers: 0 });
    const metrics = await measureCorpusTopics(test.db, taxonomyKeys);
    console.log(formatCorpusTopicMetrics(metrics).join("\n"));
    expect(summary.notes).toBe(metrics.notes);
    expect(metrics.precision).toBeGreaterThanOrEqual(0.95);
    expect(metrics.mixed).toEqual([]);
    expect(metrics.quizWithTopics).toEqual([]);
    expect(metrics.quizNotReported).toEqual([]);
    expect(metrics.unexpected).toEqual([]);
    expect(metrics.missing).toEqual([]);

    // Unchanged re-ingest writes nothing; the quiz notices stay.
    const again = await runIngest(test.db, { notesDir: dir, now: new Date("2026-12-06T12:05:00Z"), workers: 0 });
    expect(again.changed).toBe(0);
    expect(again.warnings.filter((warning) => warning.message.includes("문제 모음으로 보입니다")).length).toBe(metrics.quizNotes);
  });
});
