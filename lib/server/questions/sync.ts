// Curated banks (content/questions/*.md) and the questions generated from the notes' facts →
// QuestionBank / Question / QuestionTopic. Idempotent: a question whose content hash is
// unchanged is not written. A question that disappears is archived, never deleted, so the
// cards and review history tied to its id survive (and resume if it comes back). Imported
// banks are not touched. Everything happens in one transaction.
import "server-only";
import { parseBankFile } from "@/lib/core/questions/bank";
import { generateQuestions, DEFAULT_GENERATOR_SEED, GENERATED_BANK_ID } from "@/lib/core/questions/generators";
import { hashValue } from "@/lib/core/questions/hash";
import type { Question } from "@/lib/core/questions/types";
import type { ReferenceFact } from "@/lib/core/reference/aws-facts";
import { withTransaction, type Db, type Tx } from "../db";
import { inChunks } from "./chunks";
import { DEFAULT_REFERENCE_PATH, DEFAULT_TAXONOMY_PATH, readBankFiles, readReferenceFacts, readTaxonomyServices } from "./content-files";
import { questionToColumns } from "./map";
import { loadNoteMaterial } from "./note-facts";

export const GENERATED_BANK_TITLE = "노트에서 생성한 문제";
const SYNCED_ORIGINS = ["curated", "generated"];

export interface SyncOptions {
  questionsDir: string;
  now: Date;
  /** defaults: content/reference/aws-facts.json, content/taxonomy/aws-services.json */
  referencePath?: string;
  taxonomyPath?: string;
  /** option order of generated questions; changing it reshuffles them */
  seed?: number;
}

export interface SyncIssue {
  file: string;
  line: number;
  message: string;
}

export interface SyncResult {
  banks: number;
  questions: number;
  created: number;
  updated: number;
  archived: number;
  generated: number;
  /** invalid bank entries (skipped, not synced); `npm run content:check` explains them in full */
  issues: SyncIssue[];
}

interface DesiredBank {
  id: string;
  title: string;
  origin: "curated" | "generated";
  sourceFile: string | null;
}

/** What a row must look like for `question`; equal hashes mean nothing to write. */
export function questionContentHash(question: Question): string {
  return hashValue({ columns: questionToColumns(question), topics: [...question.topics].sort() });
}

function readCurated(questionsDir: string, topicKeys: ReadonlySet<string>, issues: SyncIssue[]) {
  const banks: DesiredBank[] = [];
  const questions: Question[] = [];
  const owners = new Map<string, string>();
  for (const { file, content } of readBankFiles(questionsDir)) {
    const parsed = parseBankFile(content);
    for (const issue of parsed.issues) if (issue.severity === "error") issues.push({ file, line: issue.line, message: issue.message });
    if (!parsed.bankId || banks.some((bank) => bank.id === parsed.bankId) || parsed.bankId === GENERATED_BANK_ID) {
      if (parsed.bankId) issues.push({ file, line: 1, message: `bank id "${parsed.bankId}" 를 쓸 수 없습니다 (중복 또는 예약됨)` });
      continue;
    }
    banks.push({ id: parsed.bankId, title: parsed.title ?? parsed.bankId, origin: "curated", sourceFile: file });
    for (const question of parsed.questions) {
      const line = parsed.questionLines.get(question.id) ?? 1;
      const unknown = question.topics.filter((topic) => !topicKeys.has(topic));
      if (unknown.length > 0) {
        issues.push({ file, line, message: `${question.id}: taxonomy 에 없는 topic ${unknown.join(", ")}` });
        continue;
      }
      if (/^(gen|imp)-/.test(question.id)) {
        issues.push({ file, line, message: `${question.id}: gen-, imp- 로 시작하는 id 는 생성·가져온 문제용입니다` });
        continue;
      }
      const owner = owners.get(question.id);
      if (owner) {
        issues.push({ file, line, message: `${question.id}: id 가 ${owner} 에도 있습니다` });
        continue;
      }
      owners.set(question.id, `${file}:${line}`);
      questions.push(question);
    }
  }
  return { banks, questions };
}

async function syncBanks(tx: Tx, banks: DesiredBank[]): Promise<void> {
  // All banks (one per file, a few dozen at most) rather than an id list bound into the query.
  const wanted = new Set(banks.map((bank) => bank.id));
  const existing = new Map((await tx.questionBank.findMany()).filter((row) => wanted.has(row.id)).map((bank) => [bank.id, bank]));
  for (const bank of banks) {
    const row = existing.get(bank.id);
    if (!row) await tx.questionBank.create({ data: bank });
    else if (row.title !== bank.title || row.origin !== bank.origin || row.sourceFile !== bank.sourceFile) {
      await tx.questionBank.update({ where: { id: bank.id }, data: { title: bank.title, origin: bank.origin, sourceFile: bank.sourceFile } });
    }
  }
}

/** Writes `desired` (all curated + generated questions) and archives the rest of those origins. */
async function syncQuestions(tx: Tx, desired: Question[], now: Date) {
  const rows = await tx.question.findMany({
    where: { origin: { in: SYNCED_ORIGINS } },
    select: { id: true, contentHash: true, archivedAt: true },
  });
  const existing = new Map(rows.map((row) => [row.id, row]));
  let created = 0;
  let updated = 0;
  for (const question of desired) {
    const contentHash = questionContentHash(question);
    const row = existing.get(question.id);
    const topics = [...new Set(question.topics)].map((topicKey) => ({ topicKey }));
    if (!row) {
      await tx.question.create({ data: { id: question.id, ...questionToColumns(question), contentHash, topics: { create: topics } } });
      created++;
    } else if (row.contentHash !== contentHash || row.archivedAt !== null) {
      await tx.questionTopic.deleteMany({ where: { questionId: question.id } });
      await tx.question.update({
        where: { id: question.id },
        data: { ...questionToColumns(question), contentHash, archivedAt: null, topics: { create: topics } },
      });
      updated++;
    }
  }
  const keep = new Set(desired.map((question) => question.id));
  const gone = rows.filter((row) => row.archivedAt === null && !keep.has(row.id)).map((row) => row.id);
  for (const ids of inChunks(gone)) await tx.question.updateMany({ where: { id: { in: ids } }, data: { archivedAt: now } });
  return { created, updated, archived: gone.length };
}

export async function syncQuestionBanks(db: Db, options: SyncOptions): Promise<SyncResult> {
  const issues: SyncIssue[] = [];
  const reference: ReferenceFact[] = readReferenceFacts(options.referencePath ?? DEFAULT_REFERENCE_PATH);
  const topicKeys = new Set(readTaxonomyServices(options.taxonomyPath ?? DEFAULT_TAXONOMY_PATH).map((service) => service.key));
  const curated = readCurated(options.questionsDir, topicKeys, issues);

  return withTransaction(db, async (tx) => {
    const material = await loadNoteMaterial(tx);
    const generated = generateQuestions({ ...material, reference, seed: options.seed ?? DEFAULT_GENERATOR_SEED, topicKeys });
    for (const dropped of generated.dropped) issues.push({ file: "(generated)", line: 0, message: `${dropped.id}: ${dropped.reason}` });
    const generatedQuestions = generated.questions.map((item) => item.question).filter((question) => !curated.questions.some((other) => other.id === question.id));

    await syncBanks(tx, [...curated.banks, { id: GENERATED_BANK_ID, title: GENERATED_BANK_TITLE, origin: "generated", sourceFile: null }]);
    const desired = [...curated.questions, ...generatedQuestions];
    const counts = await syncQuestions(tx, desired, options.now);
    return {
      banks: curated.banks.length + 1,
      questions: desired.length,
      ...counts,
      generated: generatedQuestions.length,
      issues,
    };
  });
}
