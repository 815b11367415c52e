// Every question as plain JSON (`npm run export:questions -- --json`), for backups, review in
// other tools and checking answers outside the app.
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

/** Live questions by default, ordered by origin, bank and id; `includeArchived` adds the archived ones. */
export async function exportQuestions(db: Db, options: { includeArchived?: boolean } = {}): Promise<ExportedQuestion[]> {
  const rows = await db.question.findMany({
    where: options.includeArchived ? {} : { archivedAt: null },
    include: { topics: { orderBy: { topicKey: "asc" } } },
    orderBy: [{ origin: "asc" }, { bankId: "asc" }, { id: "asc" }],
  });
  // Topic rows carry no order of their own, so topics come out alphabetically.
  return rows.map((row) => toExported(questionFromRow(row)));
}
