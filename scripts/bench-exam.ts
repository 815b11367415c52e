// npm run bench:exam — a seeded SQLite database under .bench/ with a 10,000-question bank and
// 1,000 finished exams in the learner's history, then:
//   - assemble 65: 실전 모의고사 as the start action runs it (pool read, recency, seeded
//     selection, one transaction writing the attempt and its 65 items);
//   - save answer: one answer as the route runs it (deadline and version checks, option check,
//     one transaction), p50/p95 over many saves;
//   - results page: the results of a finished 65-question exam as its page loads them
//     (fetchExamResultView), and, when a build exists (.next/BUILD_ID), the whole page served by
//     `next start` over HTTP (server render included).
// Targets (issue 8): assemble 65 ≤ 50 ms, save answer p95 ≤ 15 ms, results page ≤ 150 ms.
//
// Options: --questions 10000 --history 1000 --saves 300 --runs 20 --keep (reuse the database).
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import { createServer } from "node:net";
import path from "node:path";
import Database from "better-sqlite3";
import { examStartSchema } from "@/lib/core/exam/inputs";
import { createDb, DEFAULT_LEARNER_ID, type Db } from "@/lib/server/db";
import { migrateDatabase } from "@/lib/server/migrate";
import { ensureDefaultLearner } from "@/lib/server/learners";
import { fetchExamAttemptView, fetchExamResultView, saveExamAnswer, startExam, submitExam } from "@/lib/server/exams";
import { seedExamQuestions } from "../tests/integration/exam-seed";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const QUESTIONS = option("questions", 10_000);
const HISTORY = option("history", 1_000);
const SAVES = option("saves", 300);
const RUNS = option("runs", 20);
const KEEP = process.argv.includes("--keep");
const NOW = new Date("2026-03-10T01:00:00.000Z");
const DB_FILE = path.join(".bench", "exam-bench.db");
const DB_URL = `file:./${DB_FILE}`;
const learnerId = DEFAULT_LEARNER_ID;

const quantile = (values: number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};
const ms = (value: number) => `${value.toFixed(1)} ms`;
const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");

/** 1,000 finished attempts of 65 items each, written straight into the tables. */
function seedHistory(questionIds: string[]): void {
  const sqlite = new Database(DB_FILE);
  const insertAttempt = sqlite.prepare(`INSERT INTO "ExamAttempt" ("id","learnerId","mode","feedback","status","seed","config","notices","questionCount","timeLimitMs","startedAt","deadline","finishedAt","finishReason","version","correctCount","scaledScore","passed","score")
    VALUES (?, ?, 'full', 'exam', 'finished', ?, ?, '[]', 65, 7800000, ?, ?, ?, 'submitted', 66, ?, ?, ?, ?)`);
  const insertItem = sqlite.prepare(`INSERT INTO "ExamItem" ("attemptId","position","questionId","domain","selected","flagged","locked","answeredAt","timeSpentMs","correct") VALUES (?, ?, ?, 'secure', '["A"]', 0, 0, ?, 60000, ?)`);
  const config = JSON.stringify(examStartSchema.parse({ mode: "full" }));
  sqlite.transaction(() => {
    for (let attempt = 0; attempt < HISTORY; attempt += 1) {
      const started = new Date(NOW.getTime() - (HISTORY - attempt) * 86_400_000);
      const finished = new Date(started.getTime() + 100 * 60_000);
      const correct = 30 + (attempt % 35);
      const id = `hist${String(attempt).padStart(5, "0")}`;
      insertAttempt.run(id, learnerId, `s${attempt}`, config, iso(started), iso(new Date(started.getTime() + 7_800_000)), iso(finished), correct, 100 + correct * 12, correct >= 47 ? 1 : 0, JSON.stringify({ correct, total: 65 }));
      for (let position = 0; position < 65; position += 1) {
        insertItem.run(id, position, questionIds[(attempt * 65 + position) % questionIds.length], iso(finished), position < correct ? 1 : 0);
      }
    }
  })();
  sqlite.close();
}

async function prepare(): Promise<Db> {
  if (!KEEP || !existsSync(DB_FILE)) {
    mkdirSync(".bench", { recursive: true });
    for (const extra of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + extra, { force: true });
    await migrateDatabase(DB_URL);
    const db = createDb(DB_URL);
    await ensureDefaultLearner(db);
    const seeded = await seedExamQuestions(db, { count: QUESTIONS, familyEvery: 10, familySize: 4, importedEvery: 9, chunk: 1000 });
    await db.$disconnect();
    seedHistory(seeded.map((question) => question.id));
  }
  // A kept database still gets the migrations committed since it was made.
  await migrateDatabase(DB_URL);
  return createDb(DB_URL);
}

async function time<T>(work: () => Promise<T>): Promise<[number, T]> {
  const start = performance.now();
  const value = await work();
  return [performance.now() - start, value];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** The results page served by the built app, timed over HTTP on loopback. */
async function timeServedPage(attemptId: string): Promise<number[] | null> {
  if (!existsSync(path.join(".next", "BUILD_ID"))) return null;
  const port = await freePort();
  const server = spawn(path.join("node_modules", ".bin", "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, DATABASE_URL: DB_URL, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: "ignore",
  });
  try {
    const url = `http://127.0.0.1:${port}/exams/${attemptId}/results`;
    for (let tries = 0; tries < 100; tries += 1) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    const times: number[] = [];
    for (let run = 0; run < RUNS; run += 1) {
      const [elapsed, response] = await time(async () => {
        const response = await fetch(url);
        await response.text();
        return response;
      });
      if (!response.ok) throw new Error(`results page answered ${response.status}`);
      times.push(elapsed);
    }
    return times;
  } finally {
    server.kill("SIGTERM");
  }
}

const db = await prepare();
try {
  console.log(`bench:exam — ${QUESTIONS.toLocaleString("en")} questions, ${HISTORY.toLocaleString("en")} finished exams in history; ${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)}`);
  const full = examStartSchema.parse({ mode: "full" });
  // Warm-up: Prisma plans each query shape on first use.
  await startExam(db, { learnerId, now: NOW, config: full, seed: "warm" });
  const assemble: number[] = [];
  let lastId = "";
  for (let run = 0; run < RUNS; run += 1) {
    const [elapsed, started] = await time(() => startExam(db, { learnerId, now: NOW, config: full, seed: `run-${run}` }));
    assemble.push(elapsed);
    lastId = started.id;
  }
  console.log(`assemble 65 ${ms(quantile(assemble, 0.5))} median, p95 ${ms(quantile(assemble, 0.95))} (target ≤ 50 ms; ${RUNS} runs; the pool read is cached while the bank is unchanged)`);
  // The first exam after a sync or an import reads the pool again.
  const cold: number[] = [];
  for (let run = 0; run < 5; run += 1) {
    await db.question.updateMany({ where: { id: "exam-q00000" }, data: { difficulty: 1 + (run % 3) } });
    const [elapsed] = await time(() => startExam(db, { learnerId, now: NOW, config: full, seed: `cold-${run}` }));
    cold.push(elapsed);
  }
  console.log(`assemble 65 after a bank change ${ms(quantile(cold, 0.5))} median (5 runs)`);

  const page = await fetchExamAttemptView(db, { learnerId, attemptId: lastId, now: NOW });
  if (page?.kind !== "in_progress") throw new Error("the benchmark attempt is not in progress");
  let version = page.view.version;
  const saves: number[] = [];
  for (let save = 0; save < SAVES; save += 1) {
    const question = page.view.questions[save % page.view.questions.length]!;
    const selected = question.type === "multiple" ? ["A", "C"] : [["A", "B", "C", "D"][save % 4]!];
    const [elapsed, result] = await time(() =>
      saveExamAnswer(db, { learnerId, attemptId: lastId, now: new Date(NOW.getTime() + save * 1000), input: { position: question.position, selected, version, check: false, timeSpentMs: 1000 } }),
    );
    version = result.version;
    saves.push(elapsed);
  }
  console.log(`save answer p95 ${ms(quantile(saves, 0.95))} (p50 ${ms(quantile(saves, 0.5))}; target ≤ 15 ms; ${SAVES} saves)`);

  const [submitMs] = await time(() => submitExam(db, { learnerId, attemptId: lastId, now: new Date(NOW.getTime() + 60 * 60_000), input: { version } }));
  console.log(`submit 65 (score + 65 card updates) ${ms(submitMs)}`);
  const results: number[] = [];
  for (let run = 0; run < RUNS; run += 1) {
    const [elapsed] = await time(() => fetchExamResultView(db, { learnerId, attemptId: lastId, now: new Date(NOW.getTime() + 61 * 60_000) }));
    results.push(elapsed);
  }
  console.log(`results data ${ms(quantile(results, 0.5))} median, p95 ${ms(quantile(results, 0.95))}`);
  await db.$disconnect();
  const served = await timeServedPage(lastId);
  if (served) console.log(`results page ${ms(quantile(served, 0.5))} median, p95 ${ms(quantile(served, 0.95))} (target ≤ 150 ms; next start over HTTP, server render included; ${RUNS} requests)`);
  else console.log(`results page (served) not measured: no build (.next/BUILD_ID); run npm start or next build first. Data part: ${ms(quantile(results, 0.5))}`);
} finally {
  await db.$disconnect().catch(() => undefined);
}
