// The question model shared by banks, generators, review and exams. Loose inputs (bank files,
// imported markdown, database rows) are converted into these strict types once, at the edge.

export const QUESTION_TYPES = ["single", "multiple", "flashcard", "cloze"] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/** SAA-C03 domains and their exam weights (exam guide v1.0). */
export const DOMAINS = ["secure", "resilient", "performant", "cost"] as const;
export type Domain = (typeof DOMAINS)[number];
export const DOMAIN_WEIGHTS: Record<Domain, number> = { secure: 0.3, resilient: 0.26, performant: 0.24, cost: 0.2 };
export const DOMAIN_LABELS: Record<Domain, string> = {
  secure: "보안 아키텍처 설계",
  resilient: "복원력 있는 아키텍처 설계",
  performant: "고성능 아키텍처 설계",
  cost: "비용 최적화 아키텍처 설계",
};

export const ORIGINS = ["curated", "generated", "imported"] as const;
export type QuestionOrigin = (typeof ORIGINS)[number];

export interface QuestionOption {
  /** "A".."F" */
  key: string;
  text: string;
}

export interface SourceRef {
  /** note path relative to content/notes, e.g. "containers-serverless-dynamodb.md" */
  file: string;
  /** heading text as written in the note (markdown markup stripped) */
  heading: string;
  line?: number;
}

export interface Question {
  id: string;
  bankId: string;
  type: QuestionType;
  domain: Domain;
  topics: string[];
  difficulty: 1 | 2 | 3;
  stem: string;
  options: QuestionOption[];
  /** keys of the correct options; empty for flashcard and cloze */
  correct: string[];
  /** for `multiple`: how many to choose (equals correct.length) */
  chooseCount: number | null;
  /** flashcard back / cloze answers joined; null for choice questions */
  answer: string | null;
  /** per option key the reason it is right or wrong; "_" holds the general explanation */
  explanations: Record<string, string>;
  sources: SourceRef[];
  /** ids from content/reference/aws-facts.json */
  references: string[];
  origin: QuestionOrigin;
  generator: string | null;
  factIds: string[];
  archived: boolean;
}

export function isChoiceQuestion(question: Pick<Question, "type">): boolean {
  return question.type === "single" || question.type === "multiple";
}

/** One row of the question browser: what the list shows, with topic names already resolved. */
export interface QuestionListItem {
  id: string;
  type: QuestionType;
  domain: Domain;
  origin: QuestionOrigin;
  difficulty: number;
  stem: string;
  topics: { key: string; name: string }[];
  bankTitle: string;
}
