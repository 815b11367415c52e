// npm test: install when needed, then unit + integration tests (vitest, SQLite and a
// throwaway PostgreSQL), the question-bank check, and end-to-end tests in Chromium.
// Ends with one plain summary line: "tests: N passed, N failed".
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { bin, ensureBuild, ensureDependencies, ensurePrismaClients, log, root, run } from "./lib/setup.mjs";

ensureDependencies();
ensurePrismaClients();

const reports = path.join(root, "test-results");
mkdirSync(reports, { recursive: true });
const vitestJson = path.join(reports, "vitest.json");
const playwrightJson = path.join(reports, "playwright.json");
rmSync(vitestJson, { force: true });
rmSync(playwrightJson, { force: true });

let failedSteps = [];

log("단위·통합 테스트 (vitest)…");
if (run(bin("vitest"), ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`], { allowFailure: true }) !== 0) failedSteps.push("vitest");

log("문제 은행 검사 (content:check)…");
if (run(bin("tsx"), ["--conditions=react-server", "scripts/content-check.ts"], { allowFailure: true }) !== 0) failedSteps.push("content:check");

log("종단 간 테스트 준비 (next build)…");
ensureBuild();
log("종단 간 테스트 (Playwright + Chromium)…");
if (run(bin("playwright"), ["test"], { allowFailure: true, env: { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson } }) !== 0) failedSteps.push("playwright");

function counts(file, read) {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  return read(JSON.parse(readFileSync(file, "utf8")));
}
const unit = counts(vitestJson, (r) => ({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + (r.numTodoTests ?? 0) }));
const e2e = counts(playwrightJson, (r) => ({ passed: r.stats.expected + (r.stats.flaky ?? 0), failed: r.stats.unexpected, skipped: r.stats.skipped }));
const passed = unit.passed + e2e.passed;
const failed = unit.failed + e2e.failed + (failedSteps.includes("content:check") ? 1 : 0);
const skipped = unit.skipped + e2e.skipped;
console.log(`\nvitest ${unit.passed} passed / ${unit.failed} failed · playwright ${e2e.passed} passed / ${e2e.failed} failed${failedSteps.length ? ` · 실패한 단계: ${failedSteps.join(", ")}` : ""}`);
console.log(`tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failedSteps.length ? 1 : 0);
