// npm run import:questions -- <file.md>      import a community bank into DATABASE_URL
// npm run import:questions -- --remove <id>  remove an imported bank (curated/generated refused)
// Formats: content/questions/README.md ("가져오기 형식"). Skipped questions are listed file:line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/core/errors";
import { disconnectAll, getDb } from "@/lib/server/db";
import { readEnv } from "@/lib/server/env";
import { migrateDatabase } from "@/lib/server/migrate";
import { importQuestionBank, removeQuestionBank } from "@/lib/server/questions/import";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const env = readEnv();

async function main(): Promise<number> {
  await migrateDatabase(env.DATABASE_URL);
  const db = getDb(env.DATABASE_URL);
  const removeAt = args.indexOf("--remove");
  if (removeAt >= 0) {
    const bankId = args[removeAt + 1];
    if (!bankId) {
      console.error("사용법: npm run import:questions -- --remove <bankId>");
      return 2;
    }
    const { removedQuestions } = await removeQuestionBank(db, bankId);
    console.log(`은행 ${bankId} 삭제: 문제 ${removedQuestions}개`);
    return 0;
  }
  const file = args[0];
  if (!file) {
    console.error("사용법: npm run import:questions -- <파일.md>");
    return 2;
  }
  let content: string;
  try {
    // fatal: a Latin-1 or binary file is refused rather than imported as mojibake
    content = new TextDecoder("utf-8", { fatal: true }).decode(readFileSync(file));
  } catch (error) {
    console.error(`${file}: 읽을 수 없습니다 (UTF-8 텍스트 파일이어야 합니다): ${(error as Error).message}`);
    return 1;
  }
  const result = await importQuestionBank(db, { fileName: path.basename(file), content, now: new Date() });
  for (const problem of result.skipped) console.warn(`${file}:${problem.line}: 건너뜀: ${problem.message}`);
  console.log(
    `은행 ${result.bankId}: 가져온 문제 ${result.imported}개 · 건너뛴 문제 ${result.skipped.length}개${result.archived ? ` · 이전 가져오기에서 빠진 문제 보관 ${result.archived}개` : ""}`,
  );
  return 0;
}

let code: number;
try {
  code = await main();
} catch (error) {
  if (!(error instanceof AppError)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await disconnectAll();
}
process.exit(code!);
