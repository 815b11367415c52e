// scripts/import-questions.ts asks before it archives or duplicates a bank: without --yes it
// prints the plan, writes nothing and exits 3; --yes / --confirm goes ahead; --into updates the
// bank the learner names.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "@/tests/support/databases";

const FIXTURES = "tests/fixtures/questions/import";

function script(url: string, ...args: string[]) {
  const run = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/import-questions.ts", ...args], { encoding: "utf8", timeout: 60_000, env: { ...process.env, DATABASE_URL: url } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe("import:questions confirmations", () => {
  let test: TestDatabase;
  let dir: string;
  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    dir = mkdtempSync(path.join(os.tmpdir(), "gureum-import-cli-"));
  });
  afterAll(async () => {
    await test?.cleanup();
    rmSync(dir, { recursive: true, force: true });
  });

  it("asks before archiving what a truncated copy leaves out, then archives with --yes", async () => {
    const long = path.join(dir, "long-bank.md");
    writeFileSync(long, readFileSync(`${FIXTURES}/long-bank.md`, "utf8"));
    expect(script(test.url, "--", long)).toMatchObject({ status: 0 });
    writeFileSync(long, readFileSync(`${FIXTURES}/long-bank-truncated.md`, "utf8"));
    const asked = script(test.url, "--", long);
    expect(asked.status).toBe(3);
    expect(asked.stderr).toContain("'long-bank' 은행의 문제 26개가 이 파일에 없어 보관됩니다");
    expect(asked.stderr).toContain(`npm run import:questions -- ${long} --yes`);
    expect(asked.stderr).toContain("아무것도 쓰지 않았습니다.");
    expect(await test.db.question.count({ where: { archivedAt: null } })).toBe(40);
    const confirmed = script(test.url, "--", long, "--confirm");
    expect(confirmed.status).toBe(0);
    expect(confirmed.stdout).toMatch(/가져온 문제 14개 · 건너뛴 문제 0개 · 문제가 아닌 절 1개 · 새 문제 0개 · 바뀐 문제 0개 · 이전 가져오기에서 빠진 문제 보관 26개/);
    expect(await test.db.question.count({ where: { archivedAt: null } })).toBe(14);
  });

  it("asks before importing the same bank under another name; --into updates the first bank, --yes makes a second", async () => {
    const original = `${FIXTURES}/readme-sections.md`;
    const first = script(test.url, "--", original);
    expect(first.status).toBe(0);
    const bankId = /은행 (imported-[0-9a-f]+)/.exec(first.stdout)?.[1] ?? "";
    const copy = path.join(dir, "copy-of-readme.md");
    writeFileSync(copy, readFileSync(original, "utf8"));
    const asked = script(test.url, "--", copy);
    expect(asked.status).toBe(3);
    expect(asked.stderr).toContain("이 파일의 문제 2개 중 2개가 이미 'readme-sections' 은행");
    expect(asked.stderr).toContain(`--into ${bankId}`);
    const into = script(test.url, "--", copy, "--into", bankId);
    expect(into.status).toBe(0);
    expect(into.stdout).toContain(`은행 ${bankId}: 가져온 문제 2개`);
    expect(await test.db.questionBank.count()).toBe(2); // long-bank and readme-sections
    const second = script(test.url, "--", copy, "--yes");
    expect(second.status).toBe(0);
    expect(await test.db.questionBank.count()).toBe(3);
  });

  it("prints warnings and sections with file:line", () => {
    const file = `${FIXTURES}/seven-options.md`;
    const run = script(test.url, "--", file);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain(`${file}:3: 경고: 선택지가 7개라 오답 G 를 빼고 가져왔습니다`);
    expect(run.stderr).toContain(`${file}:15: 건너뜀: 선택지가 7개이고 정답 G 가 F 뒤에 있습니다`);
  });
});
