// Flashcards and cloze cards from numeric facts. A card is made only where the notes state the
// fact AND the reference table verifies it: the card teaches the reference value, and when the
// note disagrees its explanation says so ("노트: 256KB → AWS 문서(2026-11 기준): 1MB").
import type { ReferenceFact, ReferenceIndex } from "@/lib/core/reference/aws-facts";
import type { Domain } from "../types";
import { finishQuestion, generatedId, topicParticle, type GeneratedQuestion } from "./build";
import { factIdsOf, formatFact, provenanceSentence, referenceIdsOf, resolveFact, sourcesOf, type FactInput } from "./facts";

/** Units whose value is a real quantity (the table also stores prose facts with unit "text"). */
const NUMERIC_UNITS = new Set(["s", "min", "h", "day", "KB", "MB", "GB", "TB", "count", "percent"]);

const DOMAIN_BY_SERVICE: Record<string, Domain> = {
  lambda: "performant",
  dynamodb: "resilient",
  dax: "performant",
  kinesis: "resilient",
  vpc: "secure",
  subnet: "secure",
  aurora: "resilient",
  s3: "resilient",
  fargate: "cost",
  "auto-scaling": "performant",
};

export function isCardable(reference: ReferenceFact): boolean {
  return NUMERIC_UNITS.has(reference.unit) && !(reference.value === 0 && reference.valueMax === undefined);
}

export function generateFactCards(facts: readonly FactInput[], index: ReferenceIndex, seed: number): GeneratedQuestion[] {
  const questions: GeneratedQuestion[] = [];
  const references = [...index.byId.values()].filter(isCardable).sort((a, b) => a.id.localeCompare(b.id));
  for (const reference of references) {
    const resolved = resolveFact(facts, index, reference.service, reference.attribute);
    if (!resolved || resolved.noteFacts.length === 0) continue; // only facts the notes state
    const value = formatFact(resolved);
    const provenance = provenanceSentence(resolved);
    const common = {
      generator: "fact-card",
      params: { reference: reference.id },
      domain: DOMAIN_BY_SERVICE[reference.service] ?? "performant",
      topics: [reference.service],
      difficulty: (resolved.disagreeing.length > 0 ? 2 : 1) as 1 | 2,
      sources: sourcesOf([resolved]),
      references: referenceIdsOf([resolved]),
      factIds: factIdsOf([resolved]),
    };
    questions.push(
      finishQuestion(
        {
          ...common,
          id: generatedId("fact-card", "flashcard", reference.id),
          template: "flashcard",
          type: "flashcard",
          stem: `${reference.label}${topicParticle(reference.label)}?`,
          answer: `${value} — ${reference.text}`,
          general: provenance,
        },
        seed,
      ),
    );
    questions.push(
      finishQuestion(
        {
          ...common,
          id: generatedId("fact-card", "cloze", reference.id),
          template: "cloze",
          type: "cloze",
          stem: `${reference.label}: {{${value}}}`,
          answer: value,
          general: `${reference.text}. ${provenance}`,
        },
        seed,
      ),
    );
  }
  return questions;
}
