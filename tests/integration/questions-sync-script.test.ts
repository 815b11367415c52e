// `npm run questions:sync` on its own (after `npm run ingest`, without `npm start`): cards of
// questions the sync archives are suspended by the script itself, and resume when restored.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/databases";

const FIXTURE_BANKS = "tests/fixtures/questions/banks";

// As package.json runs it: lib/server modules import "server-only", which needs the react-server condition.
function sync(url: string, questionsDir: string) {
  const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/sync-questions.ts"], { encoding: "utf8", timeout: 60_000, env: { ...process.env, DATABASE_URL: url, QUESTIONS_DIR: questionsDir } });
  expect(run.status, run.stderr).toBe(0);
  return run.stdout;
}

describe("questions:sync suspends the cards of archived questions", () => {
  let test: TestDatabase;
  let banksDir: string;
  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    banksDir = mkdtempSync(path.join(os.tmpdir(), "gureum-sync-script-"));
    for (const file of ["alpha.md", "beta.md"]) copyFileSync(path.join(FIXTURE_BANKS, file), path.join(banksDir, file));
  });
  afterAll(async () => {
    rmSync(banksDir, { recursive: true, force: true });
    await test?.cleanup();
  });

  it("suspends on the sync that archives, resumes on the sync that restores", async () => {
    sync(test.url, banksDir);
    const now = new Date("2026-11-01T00:00:00Z");
    await test.db.card.create({
      data: { id: "card-fx-ddb-ondemand", learnerId: DEFAULT_LEARNER_ID, questionId: "fx-ddb-ondemand", due: now, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2 },
    });
    const file = path.join(banksDir, "beta.md");
    const original = readFileSync(file, "utf8");
    writeFileSync(file, original.slice(0, original.indexOf("## fx-ddb-ondemand")));

    const archived = sync(test.url, banksDir);
    expect(archived).toMatch(/보관 1/);
    expect(archived).toContain("보관된 문제의 카드 1장 복습 중지");
    expect((await test.db.question.findUniqueOrThrow({ where: { id: "fx-ddb-ondemand" } })).archivedAt).not.toBeNull();
    expect((await test.db.card.findUniqueOrThrow({ where: { id: "card-fx-ddb-ondemand" } })).suspended).toBe(true);

    writeFileSync(file, original);
    const restored = sync(test.url, banksDir);
    expect(restored).toContain("되살아난 문제의 카드 1장 복습 재개");
    expect((await test.db.card.findUniqueOrThrow({ where: { id: "card-fx-ddb-ondemand" } })).suspended).toBe(false);

    // Unchanged input: nothing archived, nothing to say about cards.
    expect(sync(test.url, banksDir)).not.toContain("복습 중지");
  });
});
