// npm run content:check — validate every question bank (content/questions/*.md) against the
// format, the other banks, the taxonomy, the notes and the AWS reference table. Errors name
// file:line; the exit code is 1 when there is any error. Then a summary of what the banks hold.
//   --dir <questions dir>   (default content/questions)
//   --notes <notes dir>     (default content/notes)
//   --fix                   attach particles written apart from the word before them ("ALB 를" →
//                           "ALB를") in the bank files, then check
import { writeFileSync } from "node:fs";
import path from "node:path";
import { attachParticlesInBank, checkBankFiles, formatSummary, summarizeQuestions } from "@/lib/core/questions/content-check";
import {
  DEFAULT_NOTES_DIR,
  DEFAULT_REFERENCE_PATH,
  DEFAULT_TAXONOMY_PATH,
  readBankFiles,
  readNoteHeadings,
  readReferenceFacts,
  readTaxonomyServices,
} from "@/lib/server/questions/content-files";

function option(name: string, fallback: string): string {
  const index = process.argv.indexOf(name);
  return index >= 0 && process.argv[index + 1] ? (process.argv[index + 1] as string) : fallback;
}

const questionsDir = option("--dir", "content/questions");
const notesDir = option("--notes", DEFAULT_NOTES_DIR);
let failed = false;
const fail = (where: string, message: string) => {
  failed = true;
  console.error(`${where}: 오류: ${message}`);
};

let referenceVerdicts = new Map<string, string>();
try {
  referenceVerdicts = new Map(readReferenceFacts(DEFAULT_REFERENCE_PATH).map((fact) => [fact.id, fact.noteVerdict]));
} catch (error) {
  fail(`${DEFAULT_REFERENCE_PATH}:1`, (error as Error).message);
}
let topicKeys = new Set<string>();
try {
  topicKeys = new Set(readTaxonomyServices(DEFAULT_TAXONOMY_PATH).map((service) => service.key));
} catch (error) {
  fail(`${DEFAULT_TAXONOMY_PATH}:1`, (error as Error).message);
}

let files = readBankFiles(questionsDir);
if (process.argv.includes("--fix")) {
  files = files.map(({ file, content }) => {
    const fixed = attachParticlesInBank(content);
    if (fixed.count === 0) return { file, content };
    writeFileSync(path.join(questionsDir, file), fixed.content);
    console.log(`${path.join(questionsDir, file)}: 조사 ${fixed.count}개를 앞말에 붙였습니다`);
    return { file, content: fixed.content };
  });
}
if (files.length === 0) console.warn(`${questionsDir}: 경고: 문제 은행 파일이 없습니다`);
const result = checkBankFiles(files, { topicKeys, noteHeadings: readNoteHeadings(notesDir), referenceVerdicts });
let errors = 0;
let warnings = 0;
for (const issue of result.issues) {
  const where = `${path.join(questionsDir, issue.file)}:${issue.line}`;
  if (issue.severity === "error") {
    errors++;
    fail(where, issue.message);
  } else {
    warnings++;
    console.warn(`${where}: 경고: ${issue.message}`);
  }
}

const questions = result.banks.flatMap((bank) => bank.questions);
console.log("");
console.log(`은행 ${result.banks.length}개 검사 · 오류 ${errors}개 · 경고 ${warnings}개 · 유효한 문제 ${questions.length}개`);
console.log(formatSummary(summarizeQuestions(questions)));
if (failed) {
  console.error(`\ncontent:check 실패: 오류 ${errors}개`);
  process.exit(1);
}
console.log("\ncontent:check 통과");
