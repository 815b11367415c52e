// npm run progress:import -- file.json   restores a progress backup into a database that has no
// progress yet (one transaction; a bad file or missing questions change nothing).
import { readFileSync } from "node:fs";
import { AppError } from "@/lib/core/errors";
import { disconnectAll, getDb } from "@/lib/server/db";
import { readEnv } from "@/lib/server/env";
import { currentLearnerId, ensureDefaultLearner } from "@/lib/server/learners";
import { migrateDatabase } from "@/lib/server/migrate";
import { importProgress } from "@/lib/server/progress/backup";

const env = readEnv();
const file = process.argv.slice(2).find((argument) => !argument.startsWith("--"));
try {
  if (!file) throw new AppError("복원할 백업 파일을 지정하세요: npm run progress:import -- 파일.json", "usage");
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    throw new AppError(`${file}: 파일을 읽을 수 없거나 UTF-8 텍스트가 아닙니다 (${error instanceof Error ? error.message : String(error)}).`, "unreadable");
  }
  await migrateDatabase(env.DATABASE_URL);
  const db = getDb(env.DATABASE_URL);
  await ensureDefaultLearner(db);
  const result = await importProgress(db, currentLearnerId(), text);
  console.log(`복원했습니다: 카드 ${result.cards}장, 복습 기록 ${result.reviewLogs}개, 모의고사 ${result.examAttempts}회 (문항 ${result.examItems}개).`);
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await disconnectAll();
}
