// Community markdown banks → their own imported bank. Readable questions land (topics by taxonomy
// keyword, domain guessed, ids stable per bank + stem); the rest are reported by line and
// skipped. Importing a file with the same name again updates that bank: new questions are
// added, edited ones keep their id when the stem is unchanged, vanished ones are archived.
//
// Two outcomes need the learner's word first (planQuestionImport shows them, importQuestionBank
// refuses without the plan's token): archiving questions of an earlier import (a truncated copy
// would archive hundreds), and a new bank whose questions another imported bank already holds
// (the same bank under another file name) — import it as a new bank, or update that bank instead.
// The token is a hash of everything the plan was computed from, so a confirmation given for a
// plan that has since changed is rejected, not applied to the new state.
import "server-only";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { hashValue } from "@/lib/core/questions/hash";
import { buildTopicMatcher, importedBankId, importedBankTitle, readImportFile } from "@/lib/core/questions/import-mapping";
import { stemKey, type ImportProblem, type ImportSection } from "@/lib/core/questions/import-parser";
import type { Question } from "@/lib/core/questions/types";
import { withTransaction, type Db, type Tx } from "../db";
import { inChunks } from "./chunks";
import { DEFAULT_TAXONOMY_PATH, readTaxonomyServices } from "./content-files";
import { questionToColumns } from "./map";
import { questionContentHash } from "./sync";

export interface ImportInput {
  fileName: string;
  content: string;
  now: Date;
  taxonomyPath?: string;
  /** update this imported bank instead of the one named after the file (see ImportOverlap) */
  intoBankId?: string;
  /** the token of the plan the learner confirmed; required when that plan `asks` */
  confirmToken?: string;
}

/** Another imported bank that already holds most of this file's questions. */
export interface ImportOverlap {
  bankId: string;
  title: string;
  sourceFile: string | null;
  /** this file's questions that bank holds (same stem, spacing and case aside) */
  shared: number;
  liveQuestions: number;
  /** what updating that bank with this file instead would do */
  update: ImportChanges & { token: string };
}

export interface ImportChanges {
  added: number;
  updated: number;
  unchanged: number;
  /** live questions of the target bank that this file no longer has: they would be archived */
  archive: number;
}

export type ImportAsk = "archive" | "same-questions";

export interface ImportPlan extends ImportChanges {
  fileName: string;
  bankId: string;
  bankTitle: string;
  bankExists: boolean;
  /** questions this file yields */
  questions: number;
  overlaps: ImportOverlap[];
  /** what the learner must confirm before importQuestionBank goes ahead; empty: nothing */
  asks: ImportAsk[];
  token: string;
  skipped: ImportProblem[];
  warnings: ImportProblem[];
  sections: ImportSection[];
}

export interface ImportResult {
  bankId: string;
  imported: number;
  added: number;
  updated: number;
  skipped: ImportProblem[];
  /** imported, but changed on the way in (file:line) */
  warnings: ImportProblem[];
  /** headings that are not questions ("문제가 아닌 절") */
  sections: ImportSection[];
  /** questions of an earlier import of the same file that are no longer in it */
  archived: number;
}

/** importQuestionBank refused: the plan asks for a confirmation the input does not carry. */
export class ImportConfirmationError extends ConflictError {
  constructor(readonly plan: ImportPlan) {
    super(describeAsks(plan), "import_needs_confirmation");
  }
}

/**
 * A bank shares "most" of a file when at least half of the smaller of the two is common: a
 * handful of common questions between two different banks is normal and not worth a question.
 */
const OVERLAP_SHARE = 0.5;

export function describeAsks(plan: ImportPlan): string {
  const parts: string[] = [];
  if (plan.asks.includes("same-questions")) {
    for (const overlap of plan.overlaps) {
      parts.push(`이 파일의 문제 ${plan.questions}개 중 ${overlap.shared}개가 이미 '${overlap.title}' 은행(${overlap.bankId}${overlap.sourceFile ? `, ${overlap.sourceFile}` : ""})에 있습니다.`);
    }
  }
  if (plan.asks.includes("archive")) {
    parts.push(`'${plan.bankTitle}' 은행의 문제 ${plan.archive}개가 이 파일에 없어 보관됩니다 (복습 기록은 남고, 다시 가져오면 이어집니다).`);
  }
  return `가져오기 전에 확인이 필요합니다. ${parts.join(" ")}`;
}

interface TargetRow {
  id: string;
  stem: string;
  contentHash: string;
  archivedAt: Date | null;
}

interface ComputedPlan {
  plan: ImportPlan;
  questions: { question: Question; contentHash: string; row: TargetRow | undefined }[];
  gone: string[];
}

/**
 * Reads the file for `bankId` and compares it with what the database holds. Existing rows are
 * matched by id and, failing that, by stemKey, so a re-import whose stem gained or lost a space
 * (or changed Unicode form) keeps its id and review history.
 */
async function computePlan(tx: Db | Tx, input: ImportInput, fileName: string, bankId: string, intoExisting: boolean): Promise<ComputedPlan> {
  const services = readTaxonomyServices(input.taxonomyPath ?? DEFAULT_TAXONOMY_PATH);
  const file = readImportFile(input.content, bankId, services, buildTopicMatcher(services));
  const bank = await tx.questionBank.findUnique({ where: { id: bankId }, select: { origin: true, title: true } });
  if (bank && bank.origin !== "imported") throw new ConflictError(`은행 ${bankId} 는 가져온 은행이 아닙니다.`);

  const rows: TargetRow[] = await tx.question.findMany({ where: { bankId }, select: { id: true, stem: true, contentHash: true, archivedAt: true }, orderBy: { id: "asc" } });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const byKey = new Map<string, TargetRow>();
  for (const row of rows) if (!byKey.has(stemKey(row.stem))) byKey.set(stemKey(row.stem), row);
  const claimed = new Set<string>();
  const questions = file.questions.map((incoming) => {
    const sameId = byId.get(incoming.id);
    const sameStem = sameId ? undefined : byKey.get(stemKey(incoming.stem));
    const row = sameId ?? (sameStem && !claimed.has(sameStem.id) && !file.questions.some((other) => other.id === sameStem.id) ? sameStem : undefined);
    if (row) claimed.add(row.id);
    const question = row ? { ...incoming, id: row.id } : incoming;
    return { question, contentHash: questionContentHash(question), row };
  });
  const keep = new Set(questions.map((entry) => entry.question.id));
  const gone = rows.filter((row) => row.archivedAt === null && !keep.has(row.id)).map((row) => row.id);
  const changes: ImportChanges = {
    added: questions.filter((entry) => !entry.row).length,
    updated: questions.filter((entry) => entry.row && (entry.row.contentHash !== entry.contentHash || entry.row.archivedAt !== null)).length,
    unchanged: questions.filter((entry) => entry.row && entry.row.contentHash === entry.contentHash && entry.row.archivedAt === null).length,
    archive: gone.length,
  };

  // Other imported banks holding the same stems: one read of their live stems (no id lists).
  // Asked only when this import would create a bank; re-importing into an existing one (the
  // same file name, or the bank the learner chose) was decided already.
  const overlaps: Omit<ImportOverlap, "update">[] = [];
  if (!intoExisting && !bank && questions.length > 0) {
    const incomingKeys = new Set(questions.map((entry) => stemKey(entry.question.stem)));
    const others = await tx.question.findMany({ where: { origin: "imported", archivedAt: null, bankId: { not: bankId } }, select: { bankId: true, stem: true } });
    const perBank = new Map<string, { shared: number; live: number }>();
    for (const other of others) {
      const counts = perBank.get(other.bankId) ?? { shared: 0, live: 0 };
      counts.live += 1;
      if (incomingKeys.has(stemKey(other.stem))) counts.shared += 1;
      perBank.set(other.bankId, counts);
    }
    const candidates = [...perBank].filter(([, counts]) => counts.shared > 0 && counts.shared >= OVERLAP_SHARE * Math.min(counts.live, questions.length));
    if (candidates.length > 0) {
      const banks = await tx.questionBank.findMany({ where: { origin: "imported" }, select: { id: true, title: true, sourceFile: true } });
      for (const [otherId, counts] of candidates.sort((a, b) => b[1].shared - a[1].shared || a[0].localeCompare(b[0]))) {
        const other = banks.find((candidate) => candidate.id === otherId);
        if (other) overlaps.push({ bankId: other.id, title: other.title, sourceFile: other.sourceFile, shared: counts.shared, liveQuestions: counts.live });
      }
    }
  }

  const asks: ImportAsk[] = [];
  if (overlaps.length > 0) asks.push("same-questions");
  if (changes.archive > 0) asks.push("archive");
  const token = hashValue({
    bankId,
    fileName,
    incoming: questions.map((entry) => [entry.question.id, entry.contentHash]),
    rows: rows.map((row) => [row.id, row.contentHash, row.archivedAt !== null]),
    overlaps: overlaps.map((overlap) => [overlap.bankId, overlap.shared, overlap.liveQuestions]),
  });
  const plan: ImportPlan = {
    fileName,
    bankId,
    bankTitle: bank?.title ?? importedBankTitle(fileName),
    bankExists: bank !== null,
    questions: questions.length,
    ...changes,
    overlaps: overlaps.map((overlap) => ({ ...overlap, update: { added: 0, updated: 0, unchanged: 0, archive: 0, token: "" } })),
    asks,
    token,
    skipped: file.skipped,
    warnings: file.warnings,
    sections: file.sections,
  };
  return { plan, questions, gone };
}

function targetOf(input: ImportInput): { fileName: string; bankId: string; into: boolean } {
  const fileName = input.fileName.trim() || "가져온 문제.md";
  const into = input.intoBankId?.trim();
  return { fileName, bankId: into || importedBankId(fileName), into: Boolean(into) };
}

async function requireImportedBank(tx: Db | Tx, bankId: string): Promise<void> {
  const bank = await tx.questionBank.findUnique({ where: { id: bankId }, select: { origin: true } });
  if (!bank) throw new NotFoundError(`문제 은행 ${bankId} 가 없습니다.`);
  if (bank.origin !== "imported") throw new ValidationError(`은행 ${bankId} 는 가져온 은행이 아니라서 가져오기로 갱신할 수 없습니다.`, "bank_not_imported");
}

function refuseEmpty(fileName: string, plan: ImportPlan): void {
  if (plan.questions > 0) return;
  const reasons = plan.skipped.slice(0, 5).map((problem) => `${fileName}:${problem.line} ${problem.message}`);
  const more = plan.skipped.length > 5 ? ` 외 ${plan.skipped.length - 5}건` : "";
  const sections = plan.sections.length > 0 ? ` (문제가 아닌 절 ${plan.sections.length}개)` : "";
  throw new ValidationError(`가져올 수 있는 문제가 없습니다${sections}. ${reasons.join(" · ")}${more}`, "import_empty");
}

/**
 * What importing would do, without writing: counts, the questions to archive, other banks with
 * the same questions (each with what updating that bank instead would do), and a token to
 * confirm with.
 */
export async function planQuestionImport(db: Db, input: ImportInput): Promise<ImportPlan> {
  const target = targetOf(input);
  if (target.into) await requireImportedBank(db, target.bankId);
  const { plan } = await computePlan(db, input, target.fileName, target.bankId, target.into);
  refuseEmpty(target.fileName, plan);
  for (const overlap of plan.overlaps) {
    const alternative = (await computePlan(db, input, target.fileName, overlap.bankId, true)).plan;
    overlap.update = { added: alternative.added, updated: alternative.updated, unchanged: alternative.unchanged, archive: alternative.archive, token: alternative.token };
  }
  return plan;
}

export async function importQuestionBank(db: Db, input: ImportInput): Promise<ImportResult> {
  const target = targetOf(input);
  return withTransaction(db, async (tx) => {
    if (target.into) await requireImportedBank(tx, target.bankId);
    const { plan, questions, gone } = await computePlan(tx, input, target.fileName, target.bankId, target.into);
    refuseEmpty(target.fileName, plan);
    // A token from another plan means the bank or the file changed since the learner looked:
    // refused even when the new plan would not ask, because the learner agreed to other numbers.
    if (input.confirmToken !== undefined && input.confirmToken !== plan.token) {
      throw new ConflictError("확인한 뒤에 은행이나 파일이 바뀌었습니다. 다시 확인해 주세요.", "import_plan_changed");
    }
    if (plan.asks.length > 0 && input.confirmToken === undefined) throw new ImportConfirmationError(plan);
    if (!plan.bankExists) await tx.questionBank.create({ data: { id: target.bankId, title: plan.bankTitle, origin: "imported", sourceFile: target.fileName } });
    for (const { question, contentHash, row } of questions) {
      const topics = question.topics.map((topicKey) => ({ topicKey }));
      if (!row) {
        await tx.question.create({ data: { id: question.id, ...questionToColumns(question), contentHash, topics: { create: topics } } });
      } else if (row.contentHash !== contentHash || row.archivedAt !== null) {
        await tx.questionTopic.deleteMany({ where: { questionId: question.id } });
        await tx.question.update({ where: { id: question.id }, data: { ...questionToColumns(question), contentHash, archivedAt: null, topics: { create: topics } } });
      }
    }
    for (const ids of inChunks(gone)) await tx.question.updateMany({ where: { id: { in: ids } }, data: { archivedAt: input.now } });
    return { bankId: target.bankId, imported: questions.length, added: plan.added, updated: plan.updated, skipped: plan.skipped, warnings: plan.warnings, sections: plan.sections, archived: gone.length };
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
