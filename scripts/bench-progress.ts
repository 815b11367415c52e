// npm run bench:progress — a seeded SQLite database under .bench/ with 100k cards and 1M review
// logs over the last 12 months (plus 20 finished practice exams), written straight into the
// tables with better-sqlite3 prepared statements, then:
//   - dashboard: everything /progress reads and computes (fetchProgressDashboard: per topic ×
//     domain aggregates with retrievability now and on the exam date, 30-day accuracy by origin,
//     exam evidence, the year of logs by hour, 30 days of due cards, readiness, 다음에 할 일);
//   - topic panel: one topic page's progress panel (fetchTopicProgress), rotating over topics.
// Medians of several runs after warm-up. Targets (issue 9): dashboard ≤ 150 ms, topic panel ≤ 30 ms.
// The card states are drawn from plausible distributions, not simulated answer by answer: the
// aggregates' cost depends on row counts and index shapes, not on how the states came about.
//
// Options: --cards 100000 --logs 1000000 --runs 9 --keep (reuse the database).
import { existsSync, mkdirSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { createDb, DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { migrateDatabase } from "@/lib/server/migrate";
import { ensureDefaultLearner } from "@/lib/server/learners";
import { fetchProgressDashboard, fetchTopicProgress } from "@/lib/server/progress";
import { parseProgressSort } from "@/lib/core/progress/mastery";
import { snapshotCard } from "@/lib/core/srs/answer";

function option(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
}
const CARDS = option("cards", 100_000);
const LOGS = option("logs", 1_000_000);
const RUNS = option("runs", 9);
const KEEP = process.argv.includes("--keep");
const NEW_SHARE = 0.2;

const DAY = 86_400_000;
const NOW = new Date("2026-03-10T01:00:00.000Z"); // 10:00 KST
const TOPICS = ["lambda", "dynamodb", "route53", "alb", "nlb", "sqs", "sns", "kinesis", "s3", "ebs", "efs", "vpc", "iam", "kms", "ecs", "eks", "fargate", "rds", "aurora", "cloudfront", "api-gateway", "elasticache", "auto-scaling", "cloudwatch", "step-functions", "eventbridge", "secrets-manager", "cloudformation", "route53-resolver", "ecr"];
const DOMAINS = ["secure", "resilient", "performant", "cost"] as const;
const DB_FILE = path.join(".bench", "progress-bench.db");
const DB_URL = `file:./${DB_FILE}`;

function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Prisma's SQLite DateTime text format. */
const iso = (date: Date | number) => new Date(date).toISOString().replace("Z", "+00:00");
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;
const p95 = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
};

async function seed(): Promise<void> {
  mkdirSync(".bench", { recursive: true });
  for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(DB_FILE + suffix, { force: true });
  await migrateDatabase(DB_URL);
  const prisma = createDb(DB_URL);
  await ensureDefaultLearner(prisma);
  await prisma.learnerSettings.update({ where: { learnerId: DEFAULT_LEARNER_ID }, data: { examDate: new Date("2026-04-20T00:00:00Z") } });
  await prisma.$disconnect();

  const started = performance.now();
  const sqlite = new Database(DB_FILE);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("synchronous = OFF");
  const created = iso(NOW.getTime() - 400 * DAY);
  sqlite.prepare(`INSERT INTO "QuestionBank" ("id","title","origin","createdAt") VALUES ('bench','벤치마크 은행','curated',?)`).run(created);
  const insertQuestion = sqlite.prepare(
    `INSERT INTO "Question" ("id","bankId","type","domain","difficulty","stem","options","correct","explanations","sources","references","origin","contentHash","createdAt","updatedAt")
     VALUES (?, 'bench', 'single', ?, 1, ?, '[]', '["B"]', '{}', '[]', '[]', 'curated', ?, ?, ?)`,
  );
  const insertTopic = sqlite.prepare(`INSERT INTO "QuestionTopic" ("questionId","topicKey") VALUES (?, ?)`);
  const insertCard = sqlite.prepare(
    `INSERT INTO "Card" ("id","learnerId","questionId","due","stability","difficulty","elapsedDays","scheduledDays","learningSteps","reps","lapses","state","lastReview","firstReview","version","suspended","leech","createdAt")
     VALUES (?, ?, ?, ?, ?, ?, 0, ?, 0, ?, ?, ?, ?, ?, ?, 0, ?, ?)`,
  );
  const insertLog = sqlite.prepare(
    `INSERT INTO "ReviewLog" ("id","learnerId","cardId","rating","state","due","stability","difficulty","elapsedDays","lastElapsedDays","scheduledDays","learningSteps","review","durationMs","correct","answer","previousCard","cardVersion","origin","examAttemptId")
     VALUES (?, ?, ?, ?, ?, ?, ?, 5, 1, 0, 1, 0, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const rng = random(42);
  const learner = DEFAULT_LEARNER_ID;
  const reviewed = Math.round(CARDS * (1 - NEW_SHARE));
  const logsPerCard = LOGS / reviewed;
  // A card's snapshot as undo stores it: log rows carry ~300 bytes of JSON, as real ones do.
  const snapshot = snapshotCard({ due: NOW, stability: 12.5, difficulty: 5.2, elapsedDays: 3, scheduledDays: 12, learningSteps: 0, reps: 7, lapses: 1, state: 2, lastReview: NOW, firstReview: NOW, leech: false });
  let logsWritten = 0;
  const BATCH = 5_000;
  for (let start = 0; start < CARDS; start += BATCH) {
    sqlite.transaction(() => {
      for (let index = start; index < Math.min(CARDS, start + BATCH); index += 1) {
        const id = `bench-q${String(index).padStart(6, "0")}`;
        const topic = TOPICS[index % TOPICS.length]!;
        insertQuestion.run(id, DOMAINS[index % 4], `[${topic}] 문제 ${index}: 어떤 솔루션이 가장 적합합니까?`, `h${index}`, created, created);
        insertTopic.run(id, topic);
        const cardId = `${learner}:${id}`;
        if (index >= reviewed) {
          insertCard.run(cardId, learner, id, created, 0, 0, 0, 0, 0, 0, null, null, 0, 0, created);
          continue;
        }
        // Steady state: the last review lies within the card's interval (5% slightly overdue),
        // the first review up to 300 days before it, so the logs cover the whole year.
        const stability = 0.5 + rng() * rng() * 120;
        const last = NOW.getTime() - 60_000 - rng() * stability * 1.05 * DAY;
        const first = last - (1 + rng() * 300) * DAY;
        const due = last + stability * DAY;
        const lapses = Math.floor(rng() * rng() * 10);
        const reviews = Math.max(1, Math.round(logsPerCard * (0.5 + rng())));
        insertCard.run(cardId, learner, id, iso(due), stability, 5, Math.round(stability), reviews, lapses, 2, iso(last), iso(first), reviews, lapses >= 8 ? 1 : 0, created);
        for (let step = 0; step < reviews && logsWritten < LOGS; step += 1) {
          const review = reviews === 1 ? last : first + ((last - first) * step) / (reviews - 1);
          const rating = rng() < 0.12 ? 1 : rng() < 0.1 ? 2 : rng() < 0.85 ? 3 : 4;
          const exam = rng() < 0.03;
          insertLog.run(
            `${Math.floor(review).toString(36).padStart(9, "0")}${index.toString(36)}x${step}`,
            learner,
            cardId,
            rating,
            step === 0 ? 0 : 2,
            iso(review + stability * DAY),
            stability,
            iso(review),
            4_000 + Math.floor(rng() * 20_000),
            rating > 1 ? 1 : 0,
            rating > 1 ? '["B"]' : '["A"]',
            snapshot,
            step + 1,
            exam ? "exam" : "review",
            null,
          );
          logsWritten += 1;
        }
      }
    })();
  }
  // 20 finished practice exams of 65 questions in the last 60 days.
  const insertAttempt = sqlite.prepare(
    `INSERT INTO "ExamAttempt" ("id","learnerId","mode","feedback","status","seed","config","notices","questionCount","startedAt","finishedAt","finishReason","version","correctCount","scaledScore","passed","score")
     VALUES (?, ?, 'full', 'exam', 'finished', 's', '{}', '[]', 65, ?, ?, 'submitted', 1, ?, 700, 0, '{}')`,
  );
  const insertItem = sqlite.prepare(`INSERT INTO "ExamItem" ("attemptId","position","questionId","domain","selected","answeredAt","correct") VALUES (?, ?, ?, ?, '["B"]', ?, ?)`);
  sqlite.transaction(() => {
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const at = NOW.getTime() - (1 + attempt * 3) * DAY;
      let correct = 0;
      const items: [number, string, string, number][] = [];
      for (let position = 0; position < 65; position += 1) {
        const question = Math.floor(rng() * CARDS);
        const right = rng() < 0.7 ? 1 : 0;
        correct += right;
        items.push([position, `bench-q${String(question).padStart(6, "0")}`, DOMAINS[question % 4]!, right]);
      }
      insertAttempt.run(`exam-${attempt}`, learner, iso(at - 7_200_000), iso(at), correct);
      const seen = new Set<string>();
      for (const [position, questionId, domain, right] of items) {
        if (seen.has(questionId)) continue;
        seen.add(questionId);
        insertItem.run(`exam-${attempt}`, position, questionId, domain, iso(at - 60_000), right);
      }
    }
  })();
  sqlite.pragma("wal_checkpoint(TRUNCATE)");
  sqlite.exec("ANALYZE");
  sqlite.close();
  const size = statSync(DB_FILE).size / 1024 / 1024;
  console.log(`seeded ${CARDS.toLocaleString("en-US")} cards, ${logsWritten.toLocaleString("en-US")} review logs, 20 exams in ${((performance.now() - started) / 1000).toFixed(1)} s (${size.toFixed(0)} MB, ${DB_FILE})`);
}

async function time(work: () => Promise<unknown>, runs: number): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < runs; run += 1) {
    const started = performance.now();
    await work();
    times.push(performance.now() - started);
  }
  return times;
}

async function main(): Promise<void> {
  if (!KEEP || !existsSync(DB_FILE)) await seed();
  else console.log(`reusing ${DB_FILE}`);
  const db = createDb(DB_URL);
  const context = { learnerId: DEFAULT_LEARNER_ID, now: NOW };
  const sort = parseProgressSort({});
  for (let run = 0; run < 2; run += 1) await fetchProgressDashboard(db, context, sort);
  const dashboard = await fetchProgressDashboard(db, context, sort);
  const dashboardTimes = await time(() => fetchProgressDashboard(db, context, sort), RUNS);
  let topic = 0;
  for (let run = 0; run < 3; run += 1) await fetchTopicProgress(db, { ...context, topicKey: TOPICS[run]! });
  const topicTimes = await time(() => fetchTopicProgress(db, { ...context, topicKey: TOPICS[topic++ % TOPICS.length]! }), RUNS * 2);
  await db.$disconnect();

  const estimate = dashboard.readiness.estimate;
  console.log("");
  console.log(`data: ${dashboard.topics.length} topics, ${dashboard.totals.seen.toLocaleString("en-US")}/${dashboard.totals.cards.toLocaleString("en-US")} cards seen, heatmap ${dashboard.heatmap.totalAnswers.toLocaleString("en-US")} answers on ${dashboard.heatmap.activeDays} days, due today ${dashboard.readiness.dueToday.toLocaleString("en-US")}, readiness ${estimate ? `${estimate.scaled} (${estimate.scaledLow}–${estimate.scaledHigh})` : "none"}`);
  console.log(`dashboard ${median(dashboardTimes).toFixed(1)} ms  (median of ${RUNS}; p95 ${p95(dashboardTimes).toFixed(1)} ms; target ≤ 150 ms)`);
  console.log(`topic panel ${median(topicTimes).toFixed(1)} ms  (median of ${topicTimes.length}; p95 ${p95(topicTimes).toFixed(1)} ms; target ≤ 30 ms)`);
  console.log(`load average ${loadavg().map((value) => value.toFixed(1)).join(" ")} on ${cpus().length} cores`);
  const met = median(dashboardTimes) <= 150 && median(topicTimes) <= 30;
  console.log(met ? "targets met" : "TARGETS MISSED");
  if (!met) process.exitCode = 1;
}

await main();
