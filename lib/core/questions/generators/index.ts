// Every generator, run together. Deterministic: the same facts, note sections, reference table
// and seed always give the same questions in the same order, with the same option order.
import { indexReferenceFacts, type ReferenceFact } from "@/lib/core/reference/aws-facts";
import type { NoteSection } from "../headings";
import { validateQuestion } from "../question-schema";
import type { GeneratedQuestion } from "./build";
import { generateConceptCards, generateConceptQuestions } from "./concepts";
import { generateFactCards } from "./fact-cards";
import type { FactInput } from "./facts";
import { generateLambdaFitQuestions, generateLambdaLimitQuestions } from "./lambda-limits";

export type { FactInput } from "./facts";
export type { GeneratedQuestion } from "./build";
export { GENERATED_BANK_ID } from "./build";

/** The seed sync uses. Changing it reshuffles every generated question's options. */
export const DEFAULT_GENERATOR_SEED = 20_261_101;

export interface GeneratorInput {
  facts: readonly FactInput[];
  /** note sections (for definitions: routing policies, scaling modes) */
  sections: readonly NoteSection[];
  reference: readonly ReferenceFact[];
  seed: number;
  /** taxonomy keys; questions naming another topic are dropped (reported in `dropped`) */
  topicKeys?: ReadonlySet<string>;
}

export interface GeneratorOutput {
  questions: GeneratedQuestion[];
  dropped: { id: string; reason: string }[];
}

export function generateQuestions(input: GeneratorInput): GeneratorOutput {
  const reference = indexReferenceFacts(input.reference);
  const all = [
    ...generateLambdaLimitQuestions(input.facts, reference, input.seed),
    ...generateLambdaFitQuestions(input.facts, reference, input.seed),
    ...generateConceptQuestions(input.sections, input.facts, reference, input.seed),
    ...generateConceptCards(input.sections, input.facts, reference, input.seed),
    ...generateFactCards(input.facts, reference, input.seed),
  ];
  const questions: GeneratedQuestion[] = [];
  const dropped: GeneratorOutput["dropped"] = [];
  const seen = new Set<string>();
  for (const generated of all) {
    const { question } = generated;
    if (seen.has(question.id)) {
      dropped.push({ id: question.id, reason: "id 중복" });
      continue;
    }
    const unknown = input.topicKeys ? question.topics.filter((topic) => !input.topicKeys?.has(topic)) : [];
    if (unknown.length > 0) {
      dropped.push({ id: question.id, reason: `taxonomy 에 없는 topic: ${unknown.join(", ")}` });
      continue;
    }
    const result = validateQuestion(question);
    if (!result.question) {
      dropped.push({ id: question.id, reason: result.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") });
      continue;
    }
    seen.add(question.id);
    questions.push(generated);
  }
  return { questions, dropped };
}
