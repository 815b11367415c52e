// npm run import:questions -- <file.md>                  import a community bank into DATABASE_URL
// npm run import:questions -- <file.md> --yes            … confirming what the plan asks (also --confirm)
// npm run import:questions -- <file.md> --into <bankId>  update that imported bank instead of a new one
// npm run import:questions -- --remove <id>              remove an imported bank (curated/generated refused)
// Formats: content/questions/README.md ("가져오기 형식"). Skipped questions are listed file:line.
// Archiving questions of an earlier import, or creating a bank whose questions another imported
// bank already holds, is never done silently: without --yes the plan is printed and the exit
// code is 3 (nothing written).
import { readFileSync } from "node:fs";
import path from "node:path";
import { AppError } from "@/lib/core/errors";
import { disconnectAll } from "@/lib/server/db";
import { readEnv } from "@/lib/server/env";
import { DatabaseNotReadyError, prepareDatabase } from "@/lib/server/prepare-database";
import { describeAsks, importQuestionBank, planQuestionImport, removeQuestionBank, type ImportPlan } from "@/lib/server/questions/import";

const args = process.argv.slice(2).filter((arg) => arg !== "--");
const env = readEnv();
const NEEDS_CONFIRMATION = 3;

function valueAfter(flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

function printPlanQuestions(file: string, plan: ImportPlan, intoBankId: string | undefined): void {
  console.error(describeAsks(plan));
  const command = `npm run import:questions -- ${file}`;
  if (plan.asks.includes("same-questions")) {
    console.error(`  새 은행 '${plan.bankTitle}' 으로 가져오기 (문제 ${plan.questions}개): ${command} --yes`);
    for (const overlap of plan.overlaps) {
      const update = overlap.update;
      console.error(
        `  '${overlap.title}' 은행을 이 파일로 갱신하기 (새 문제 ${update.added} · 바뀐 문제 ${update.updated} · 그대로 ${update.unchanged} · 보관 ${update.archive}): ${command} --into ${overlap.bankId}${update.archive > 0 ? " --yes" : ""}`,
      );
    }
  } else {
    console.error(`  문제 ${plan.archive}개를 보관하고 가져오려면: ${command}${intoBankId ? ` --into ${intoBankId}` : ""} --yes`);
  }
}

async function main(): Promise<number> {
  const db = await prepareDatabase(env.DATABASE_URL);
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
  const intoBankId = valueAfter("--into");
  const confirmed = args.includes("--yes") || args.includes("--confirm");
  const file = args.find((arg, index) => !arg.startsWith("--") && args[index - 1] !== "--into");
  if (!file || (args.includes("--into") && !intoBankId)) {
    console.error("사용법: npm run import:questions -- <파일.md> [--yes] [--into <bankId>]");
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
  const input = { fileName: path.basename(file), content, now: new Date(), intoBankId };
  const plan = await planQuestionImport(db, input);
  if (plan.asks.length > 0 && !confirmed) {
    printPlanQuestions(file, plan, intoBankId);
    console.error("아무것도 쓰지 않았습니다.");
    return NEEDS_CONFIRMATION;
  }
  // The plan's token: if the bank changed since the plan was made, the import is refused.
  const result = await importQuestionBank(db, { ...input, confirmToken: plan.token });
  for (const problem of result.skipped) console.warn(`${file}:${problem.line}: 건너뜀: ${problem.message}`);
  for (const problem of result.warnings) console.warn(`${file}:${problem.line}: 경고: ${problem.message}`);
  console.log(
    [
      `은행 ${result.bankId}: 가져온 문제 ${result.imported}개`,
      `건너뛴 문제 ${result.skipped.length}개`,
      `문제가 아닌 절 ${result.sections.length}개`,
      ...(result.warnings.length ? [`경고 ${result.warnings.length}개`] : []),
      `새 문제 ${result.added}개 · 바뀐 문제 ${result.updated}개`,
      ...(result.archived ? [`이전 가져오기에서 빠진 문제 보관 ${result.archived}개`] : []),
    ].join(" · "),
  );
  return 0;
}

let code: number;
try {
  code = await main();
} catch (error) {
  if (!(error instanceof AppError) && !(error instanceof DatabaseNotReadyError)) throw error;
  console.error(error.message);
  code = 1;
} finally {
  await disconnectAll();
}
process.exit(code!);
