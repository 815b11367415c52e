// Shared plumbing for generators: stable ids, seeded option order, and the record every
// generated question carries for the correctness test (template, parameters, option roles).
import { particleFor } from "../korean-spacing";
import { createRandom, shuffle } from "../random";
import type { Domain, Question, SourceRef } from "../types";

export const GENERATED_BANK_ID = "generated";
export const OPTION_KEYS = ["A", "B", "C", "D", "E", "F"] as const;

export type Params = Record<string, string | number>;

export interface GeneratedQuestion {
  question: Question;
  /** generator/template, also stored as Question.generator */
  template: string;
  params: Params;
  /** option key → role (what the option proposes), for choice questions */
  roles: Record<string, string>;
}

export interface ChoiceDraft {
  role: string;
  text: string;
  correct: boolean;
  /** why right or wrong, without the "정답:/오답:" prefix */
  why: string;
}

/** `gen-<generator>-<template>-<params key>`: independent of fact values, so stable across note edits. */
export function generatedId(generator: string, template: string, paramsKey: string): string {
  return `gen-${[generator, template, paramsKey]
    .filter(Boolean)
    .join("-")
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, "-")
    .replace(/^-+|-+$/g, "")}`;
}

export interface QuestionDraft {
  id: string;
  generator: string;
  template: string;
  params: Params;
  type: "single" | "multiple" | "flashcard" | "cloze";
  domain: Domain;
  topics: string[];
  difficulty: 1 | 2 | 3;
  stem: string;
  choices?: ChoiceDraft[];
  answer?: string;
  general: string;
  sources: SourceRef[];
  references: string[];
  factIds: string[];
}

/** Options are shuffled with a generator seeded by (seed, id), so one question's order never depends on another's. */
export function finishQuestion(draft: QuestionDraft, seed: number): GeneratedQuestion {
  const random = createRandom(`${seed}:${draft.id}`);
  const choices = draft.choices ? shuffle(draft.choices, random) : [];
  const options = choices.map((choice, index) => ({ key: OPTION_KEYS[index] ?? "?", text: choice.text }));
  const explanations: Record<string, string> = {};
  const roles: Record<string, string> = {};
  choices.forEach((choice, index) => {
    const key = OPTION_KEYS[index] ?? "?";
    explanations[key] = choice.why;
    roles[key] = choice.role;
  });
  if (draft.general) explanations._ = draft.general;
  const correct = choices.flatMap((choice, index) => (choice.correct ? [OPTION_KEYS[index] ?? "?"] : []));
  const question: Question = {
    id: draft.id,
    bankId: GENERATED_BANK_ID,
    type: draft.type,
    domain: draft.domain,
    topics: [...new Set(draft.topics)],
    difficulty: draft.difficulty,
    stem: draft.stem,
    options,
    correct,
    chooseCount: draft.type === "multiple" ? correct.length : null,
    answer: draft.answer ?? null,
    explanations,
    sources: draft.sources,
    references: draft.references,
    origin: "generated",
    generator: `${draft.generator}/${draft.template}`,
    factIds: draft.factIds,
    archived: false,
  };
  return { question, template: `${draft.generator}/${draft.template}`, params: draft.params, roles };
}

/**
 * Korean topic particle after a word: 은 after a final consonant, 는 otherwise. The other pairs
 * (이/가, 을/를, 과/와, 으로/로) are `particleFor` in ../korean-spacing; templates with values use
 * its `korean` tag, which picks them after every interpolated value.
 */
export function topicParticle(word: string): "은" | "는" {
  return particleFor(word, "topic") === "은" ? "은" : "는";
}
