// npm run export:questions -- --json         every live question as a JSON array on stdout
// npm run export:questions -- --json --all   archived questions too
// npm run export:questions -- --summary      counts per origin, bank, domain, type, coverage group
// Without --json: one line per question (id, origin, type, domain, topics).
import { disconnectAll } from "@/lib/server/db";
import { readEnv } from "@/lib/server/env";
import { exportQuestions } from "@/lib/server/questions/export";
import { DatabaseNotReadyError, prepareDatabase } from "@/lib/server/prepare-database";
import { formatSummary, summarizeQuestions } from "@/lib/core/questions/content-check";

const env = readEnv();
try {
  // Like every CLI: a fresh clone has no database yet, and exporting from it is not an error.
  const questions = await exportQuestions(await prepareDatabase(env.DATABASE_URL), { includeArchived: process.argv.includes("--all") });
  if (process.argv.includes("--summary")) {
    const perOrigin = new Map<string, number>();
    for (const question of questions) perOrigin.set(question.origin, (perOrigin.get(question.origin) ?? 0) + 1);
    console.log(`출처별: ${[...perOrigin].map(([origin, count]) => `${origin} ${count}`).join(" · ")}`);
    console.log(formatSummary(summarizeQuestions(questions.map((question) => ({ ...question, bankId: question.bank })))));
  } else if (process.argv.includes("--json")) {
    process.stdout.write(`${JSON.stringify(questions, null, 2)}\n`);
  } else {
    for (const question of questions) {
      console.log([question.id, question.origin, question.type, question.domain, question.topics.join(",")].join("\t"));
    }
    console.error(`문제 ${questions.length}개`);
  }
} catch (error) {
  if (!(error instanceof DatabaseNotReadyError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await disconnectAll();
}
