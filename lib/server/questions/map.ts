// Question rows → core Question. JSON columns are parsed here and nowhere else.
import "server-only";
import type { Question as QuestionRow, QuestionTopic } from "@/generated/prisma-sqlite/client";
import type { Domain, Question, QuestionOrigin, QuestionType, SourceRef } from "@/lib/core/questions/types";

function parseJson<T>(text: string | null, fallback: T): T {
  if (text == null || text === "") return fallback;
  return JSON.parse(text) as T;
}

export function questionFromRow(row: QuestionRow & { topics?: QuestionTopic[] }): Question {
  return {
    id: row.id,
    bankId: row.bankId,
    type: row.type as QuestionType,
    domain: row.domain as Domain,
    topics: row.topics ? row.topics.map((t) => t.topicKey) : [],
    difficulty: Math.min(3, Math.max(1, row.difficulty)) as 1 | 2 | 3,
    stem: row.stem,
    options: parseJson(row.options, []),
    correct: parseJson(row.correct, []),
    chooseCount: row.chooseCount,
    answer: row.answer,
    explanations: parseJson(row.explanations, {}),
    sources: parseJson<SourceRef[]>(row.sources, []),
    references: parseJson(row.references, []),
    origin: row.origin as QuestionOrigin,
    generator: row.generator,
    factIds: parseJson(row.factIds, []),
    archived: row.archivedAt != null,
  };
}

/** Columns for a create/update from a core Question (topics are written separately). */
export function questionToColumns(question: Question) {
  return {
    bankId: question.bankId,
    type: question.type,
    domain: question.domain,
    difficulty: question.difficulty,
    stem: question.stem,
    options: JSON.stringify(question.options),
    correct: JSON.stringify(question.correct),
    chooseCount: question.chooseCount,
    answer: question.answer,
    explanations: JSON.stringify(question.explanations),
    sources: JSON.stringify(question.sources),
    references: JSON.stringify(question.references),
    origin: question.origin,
    generator: question.generator,
    factIds: JSON.stringify(question.factIds),
  };
}
