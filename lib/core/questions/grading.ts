// Server-side grading of choice questions and the cloze/flashcard faces. The client never
// receives correct keys, flashcard backs or cloze answers before it submits or reveals.
import { ValidationError } from "@/lib/core/errors";
import type { Question } from "@/lib/core/questions/types";

export interface ChoiceGrade {
  correct: boolean;
  selectedKeys: string[];
  correctKeys: string[];
  /** correct options the learner did not choose */
  missedKeys: string[];
  /** options the learner chose that are wrong */
  wrongKeys: string[];
}

/** How many options the learner must pick: 1 for single, "choose N" for multiple. */
export function requiredSelectionCount(question: Pick<Question, "type" | "chooseCount" | "correct">): number {
  if (question.type === "single") return 1;
  return question.chooseCount ?? question.correct.length;
}

/** A multiple-response answer is right only when the chosen set equals the correct set. */
export function gradeChoice(question: Pick<Question, "type" | "options" | "correct" | "chooseCount">, selected: readonly string[]): ChoiceGrade {
  if (question.type !== "single" && question.type !== "multiple") {
    throw new ValidationError(`"${question.type}" 문제는 자동 채점하지 않습니다 (직접 평가하세요).`);
  }
  const validKeys = new Set(question.options.map((option) => option.key));
  const unknown = selected.filter((key) => !validKeys.has(key));
  if (unknown.length > 0) {
    throw new ValidationError(`선택지 "${unknown.join(", ")}" 는 이 문제에 없습니다 (가능: ${[...validKeys].join(", ")}).`);
  }
  const chosen = [...new Set(selected)].sort();
  const required = requiredSelectionCount(question);
  if (chosen.length !== required) {
    throw new ValidationError(`${required}개를 골라야 합니다 (고른 개수: ${chosen.length}).`);
  }
  const correctKeys = [...question.correct].sort();
  const correctSet = new Set(correctKeys);
  const chosenSet = new Set(chosen);
  const missedKeys = correctKeys.filter((key) => !chosenSet.has(key));
  const wrongKeys = chosen.filter((key) => !correctSet.has(key));
  return { correct: missedKeys.length === 0 && wrongKeys.length === 0, selectedKeys: chosen, correctKeys, missedKeys, wrongKeys };
}

export type ClozeSegment = { kind: "text"; text: string } | { kind: "blank"; index: number; answer: string };

const CLOZE_PATTERN = /\{\{([^{}]+)\}\}/g;

/** `{{답}}` markers in a cloze stem, split into text and blanks. */
export function parseCloze(stem: string): ClozeSegment[] {
  const segments: ClozeSegment[] = [];
  let last = 0;
  let index = 0;
  for (const match of stem.matchAll(CLOZE_PATTERN)) {
    const start = match.index ?? 0;
    if (start > last) segments.push({ kind: "text", text: stem.slice(last, start) });
    segments.push({ kind: "blank", index: index++, answer: (match[1] ?? "").trim() });
    last = start + match[0].length;
  }
  if (last < stem.length) segments.push({ kind: "text", text: stem.slice(last) });
  return segments;
}

/** What a hidden blank looks like in a masked stem (components render it as an empty slot). */
export const CLOZE_HIDDEN = "{{?}}";

/** The cloze stem with every answer hidden: safe to send before the learner reveals. */
export function maskCloze(stem: string, mask = "[ ? ]"): string {
  return stem.replace(CLOZE_PATTERN, mask);
}

export function clozeAnswers(stem: string): string[] {
  return parseCloze(stem).flatMap((segment) => (segment.kind === "blank" ? [segment.answer] : []));
}
