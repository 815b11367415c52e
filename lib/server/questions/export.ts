// Every question as plain JSON (`npm run export:questions -- --json`), for backups, review in
// other tools and checking answers outside the app.
import "server-only";
import type { Db } from "../db";
import { questionFromRow } from "./map";
import type { Question } from "@/lib/core/questions/types";

export interface ExportedQuestion {
  id: string;
  type: Question["type"];
  domain: Question["domain"];
  topics: string[];
  stem: string;
  options: Question["options"];
  correct: string[];
  explanations: Record<string, string>;
  sources: Question["sources"];
  origin: Question["origin"];
  bank: string;
  difficulty: number;
  chooseCount: number | null;
  answer: string | null;
  references: string[];
  generator: string | null;
  factIds: string[];
  archived: boolean;
}

export function toExported(question: Question): ExportedQuestion {
  return {
    id: question.id,
    type: question.type,
    domain: question.domain,
    topics: question.topics,
    stem: question.stem,
    options: question.options,
    correct: question.correct,
    explanations: question.explanations,
    sources: question.sources,
    origin: question.origin,
    bank: question.bankId,
    difficulty: question.difficulty,
    chooseCount: question.chooseCount,
    answer: question.answer,
    references: question.references,
    generator: question.generator,
    factIds: question.factIds,
    archived: question.archived,
  };
}

/**
 * Live questions by default, ordered by origin, bank and id; `includeArchived` adds the archived ones.
 * Topics are read in a second query filtered by the same condition (a join in SQL), not with
 * `include`: Prisma loads an include with one bound parameter per parent row, and SQLite takes
 * at most 999 (P2029 at ~1,000 questions; PostgreSQL fails the same way past 32,767).
 */
export async function exportQuestions(db: Db, options: { includeArchived?: boolean } = {}): Promise<ExportedQuestion[]> {
  const where = options.includeArchived ? {} : { archivedAt: null };
  const [rows, topicRows] = await Promise.all([
    db.question.findMany({ where, orderBy: [{ origin: "asc" }, { bankId: "asc" }, { id: "asc" }] }),
    db.questionTopic.findMany({ where: { question: where }, select: { questionId: true, topicKey: true }, orderBy: [{ questionId: "asc" }, { topicKey: "asc" }] }),
  ]);
  // Topic rows carry no order of their own, so topics come out alphabetically.
  const topicsOf = new Map<string, { questionId: string; topicKey: string }[]>();
  for (const topic of topicRows) {
    const list = topicsOf.get(topic.questionId);
    if (list) list.push(topic);
    else topicsOf.set(topic.questionId, [topic]);
  }
  return rows.map((row) => toExported(questionFromRow({ ...row, topics: topicsOf.get(row.id) ?? [] })));
}
