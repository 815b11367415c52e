// npm run progress:export -- [file.json]   all progress (cards, review logs, exams, settings)
// as one JSON file (format "gureum-progress", version 1); without a file, to stdout.
import { writeFileSync } from "node:fs";
import { serializeBackup } from "@/lib/core/progress/backup";
import { disconnectAll, getDb } from "@/lib/server/db";
import { readEnv } from "@/lib/server/env";
import { currentLearnerId, ensureDefaultLearner } from "@/lib/server/learners";
import { migrateDatabase } from "@/lib/server/migrate";
import { exportProgress } from "@/lib/server/progress/backup";

const env = readEnv();
const file = process.argv.slice(2).find((argument) => !argument.startsWith("--"));
try {
  await migrateDatabase(env.DATABASE_URL);
  const db = getDb(env.DATABASE_URL);
  await ensureDefaultLearner(db);
  const backup = await exportProgress(db, currentLearnerId(), new Date());
  const text = `${serializeBackup(backup)}\n`;
  if (file) {
    writeFileSync(file, text);
    console.error(`${file}: 카드 ${backup.counts.cards}장, 복습 기록 ${backup.counts.reviewLogs}개, 모의고사 ${backup.counts.examAttempts}회를 내보냈습니다.`);
  } else process.stdout.write(text);
} finally {
  await disconnectAll();
}
