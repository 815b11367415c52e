// The npm scripts as a learner runs them: import a community bank, remove it, export JSON.
import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { createTestDatabase, type TestDatabase } from "@/tests/support/databases";

function script(name: string, url: string, ...args: string[]) {
  const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", `scripts/${name}.ts`, ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, DATABASE_URL: url } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("import:questions and export:questions", () => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    await syncQuestionBanks(test.db, { questionsDir: "tests/fixtures/questions/banks", now: new Date("2026-11-01T00:00:00Z") });
  });
  afterAll(async () => {
    await test?.cleanup();
  });

  it("imports a file, prints skipped questions as file:line, and exports every question as JSON", () => {
    const file = "tests/fixtures/questions/import/community-b.md";
    const imported = script("import-questions", test.url, "--", file);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(/가져온 문제 3개 · 건너뛴 문제 7개/);
    expect(imported.stderr).toContain(`${file}:23: 건너뜀: 정답 줄(**Answer:** A)이 없습니다`);

    const exported = script("export-questions", test.url, "--json");
    expect(exported.status).toBe(0);
    const questions = JSON.parse(exported.stdout) as Record<string, unknown>[];
    for (const key of ["id", "type", "domain", "topics", "stem", "options", "correct", "explanations", "sources", "origin"]) {
      expect(questions.every((question) => key in question), key).toBe(true);
    }
    const origins = new Set(questions.map((question) => question.origin));
    expect(origins).toEqual(new Set(["curated", "generated", "imported"]));
    expect(questions.find((question) => question.id === "fx-route53-health")).toMatchObject({ type: "multiple", correct: ["A", "B"], origin: "curated", sources: [{ file: "route53-acm-alb-ecs.md", heading: "라우팅 정책" }] });

    const bankId = /은행 (imported-[0-9a-f]+)/.exec(imported.stdout)?.[1];
    expect(bankId).toBeDefined();
    const removed = script("import-questions", test.url, "--", "--remove", bankId ?? "");
    expect(removed.status).toBe(0);
    expect(removed.stdout).toContain(`은행 ${bankId} 삭제: 문제 3개`);
    const refused = script("import-questions", test.url, "--", "--remove", "fixture-alpha");
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain("가져온 은행만 삭제할 수 있습니다");
  });

  it("exits non-zero with the reasons when nothing can be imported", () => {
    const run = script("import-questions", test.url, "--", "tests/fixtures/questions/broken/broken.md");
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("가져올 수 있는 문제가 없습니다");
  });
});
