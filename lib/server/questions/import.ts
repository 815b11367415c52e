// Community markdown banks → their own imported bank. Readable questions land (topics by taxonomy
// keyword, domain guessed, ids stable per bank + stem); the rest are reported by line and
// skipped. Importing a file with the same name again updates that bank: new questions are
// added, edited ones keep their id when the stem is unchanged, vanished ones are archived.
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { buildTopicMatcher, importedBankId, importedBankTitle, readImportFile } from "@/lib/core/questions/import-mapping";
import type { ImportProblem } from "@/lib/core/questions/import-parser";
import { withTransaction, type Db } from "../db";
import { DEFAULT_TAXONOMY_PATH, readTaxonomyServices } from "./content-files";
import { questionToColumns } from "./map";
import { questionContentHash } from "./sync";

export interface ImportInput {
  fileName: string;
  content: string;
  now: Date;
  taxonomyPath?: string;
}

export interface ImportResult {
  bankId: string;
  imported: number;
  skipped: ImportProblem[];
  /** questions of an earlier import of the same file that are no longer in it */
  archived: number;
}

export async function importQuestionBank(db: Db, input: ImportInput): Promise<ImportResult> {
  const fileName = input.fileName.trim() || "가져온 문제.md";
  const bankId = importedBankId(fileName);
  const services = readTaxonomyServices(input.taxonomyPath ?? DEFAULT_TAXONOMY_PATH);
  const { questions, skipped } = readImportFile(input.content, bankId, services, buildTopicMatcher(services));
  if (questions.length === 0) {
    const reasons = skipped.slice(0, 5).map((problem) => `${fileName}:${problem.line} ${problem.message}`);
    throw new ValidationError(`가져올 수 있는 문제가 없습니다. ${reasons.join(" · ")}${skipped.length > 5 ? ` 외 ${skipped.length - 5}건` : ""}`, "import_empty");
  }

  return withTransaction(db, async (tx) => {
    const bank = await tx.questionBank.findUnique({ where: { id: bankId } });
    if (bank && bank.origin !== "imported") throw new ConflictError(`은행 ${bankId} 는 가져온 은행이 아닙니다.`);
    if (!bank) await tx.questionBank.create({ data: { id: bankId, title: importedBankTitle(fileName), origin: "imported", sourceFile: fileName } });

    const rows = await tx.question.findMany({ where: { bankId }, select: { id: true, contentHash: true, archivedAt: true } });
    const existing = new Map(rows.map((row) => [row.id, row]));
    for (const question of questions) {
      const contentHash = questionContentHash(question);
      const row = existing.get(question.id);
      const topics = question.topics.map((topicKey) => ({ topicKey }));
      if (!row) {
        await tx.question.create({ data: { id: question.id, ...questionToColumns(question), contentHash, topics: { create: topics } } });
      } else if (row.contentHash !== contentHash || row.archivedAt !== null) {
        await tx.questionTopic.deleteMany({ where: { questionId: question.id } });
        await tx.question.update({ where: { id: question.id }, data: { ...questionToColumns(question), contentHash, archivedAt: null, topics: { create: topics } } });
      }
    }
    const keep = new Set(questions.map((question) => question.id));
    const gone = rows.filter((row) => row.archivedAt === null && !keep.has(row.id)).map((row) => row.id);
    if (gone.length > 0) await tx.question.updateMany({ where: { id: { in: gone } }, data: { archivedAt: input.now } });
    return { bankId, imported: questions.length, skipped, archived: gone.length };
  });
}

/** Removes an imported bank with its questions (and, by cascade, their cards and reports). */
export async function removeQuestionBank(db: Db, bankId: string): Promise<{ removedQuestions: number }> {
  return withTransaction(db, async (tx) => {
    const bank = await tx.questionBank.findUnique({ where: { id: bankId }, select: { origin: true, title: true } });
    if (!bank) throw new NotFoundError(`문제 은행 ${bankId} 가 없습니다.`);
    if (bank.origin !== "imported") {
      throw new ValidationError(`'${bank.title}' 은행은 ${bank.origin === "curated" ? "content/questions 의 파일" : "노트"}에서 만들어지므로 삭제할 수 없습니다. 가져온 은행만 삭제할 수 있습니다.`, "bank_not_removable");
    }
    const removedQuestions = await tx.question.count({ where: { bankId } });
    await tx.questionBank.delete({ where: { id: bankId } });
    return { removedQuestions };
  });
}
