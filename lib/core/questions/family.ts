// Question families: the questions an exam (and anything else that must not show near-duplicates
// side by side) treats as one. Generators store `generator` as "<generator>/<template>"
// (generators/build.ts), and the questions of one template differ only in a parameter — a number
// of minutes, a payload size — so seeing one already teaches the others' answer.
import type { Question } from "./types";

/** Generators that turn one fact or definition into several cards (flashcard + cloze of the same value). */
const FACT_CARD_GENERATORS = ["fact-card", "definition-card"] as const;

/**
 * - generated choice question → "gen:<generator>/<template>" (one per template);
 * - generated flashcard/cloze made from a fact → "fact:<first fact id>" (the flashcard and the
 *   cloze of one fact are one family), or "fact:<question id>" when the card has no fact;
 * - curated and imported questions, and generated ones without a generator → their own id
 *   (every hand-written question stands alone).
 */
export function questionFamily(question: Pick<Question, "id" | "origin" | "generator" | "type" | "factIds">): string {
  const { generator } = question;
  if (question.origin !== "generated" || !generator) return question.id;
  if (FACT_CARD_GENERATORS.some((name) => generator.startsWith(name))) {
    return `fact:${question.factIds[0] ?? question.id}`;
  }
  return `gen:${generator}`;
}
