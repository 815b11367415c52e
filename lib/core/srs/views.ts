// What the review screen receives. A card view is the question's answer-free face
// (lib/core/questions/card-view.ts) plus the card's scheduling state. Everything that gives the
// answer away arrives only in the reveal, after the learner has committed.
import type { Question, QuestionType, SourceRef } from "@/lib/core/questions/types";
import { toQuestionFace } from "@/lib/core/questions/card-view";
import { gradeChoice } from "@/lib/core/questions/grading";
import { formatInterval } from "./interval-format";
import type { QueueKind } from "./queue";
import { proposeRating } from "./rating";
import type { ReviewScheduler } from "./scheduler";
import { RATING_VALUES, type CardMemory, type RatingValue } from "./types";

export interface TopicLink {
  key: string;
  label: string;
  href: string;
}

export interface ReviewCardView {
  cardId: string;
  questionId: string;
  /** the card version the learner is shown; the answer must send it back */
  version: number;
  kind: QueueKind;
  type: QuestionType;
  domainLabel: string;
  topics: TopicLink[];
  difficulty: number;
  /** cloze blanks replaced by `{{?}}` (the answers stay on the server until the reveal) */
  stem: string;
  options: { key: string; text: string }[];
  /** options to pick (1 for single, N for "choose N", 0 for self-rated cards) */
  selectCount: number;
  leech: boolean;
  lapses: number;
}

export interface OptionReveal {
  key: string;
  text: string;
  correct: boolean;
  selected: boolean;
  explanation: string | null;
}

export interface RevealView {
  cardId: string;
  /** null for self-rated cards (flashcard, cloze) */
  correct: boolean | null;
  options: OptionReveal[];
  generalExplanation: string | null;
  /** flashcard back */
  answer: string | null;
  /** cloze: the stem with its `{{answers}}` */
  clozeStem: string | null;
  proposedRating: RatingValue;
  /** the answer was marked 찍었음 (a guess): it counts as 다시 however it was graded */
  guessed: boolean;
  /** next interval per rating, Anki style ("10분", "3일") */
  intervals: Record<RatingValue, string>;
  sources: SourceRef[];
  topics: TopicLink[];
}

export function toCardView(input: {
  cardId: string;
  version: number;
  kind: QueueKind;
  leech: boolean;
  lapses: number;
  question: Question;
  topics: TopicLink[];
}): ReviewCardView {
  const face = toQuestionFace(input.question);
  return {
    cardId: input.cardId,
    questionId: face.questionId,
    version: input.version,
    kind: input.kind,
    type: face.type,
    domainLabel: face.domainLabel,
    topics: input.topics,
    difficulty: face.difficulty,
    stem: face.stem,
    options: face.options,
    selectCount: face.selectCount,
    leech: input.leech,
    lapses: input.lapses,
  };
}

/** Grades (choice) or reveals (flashcard, cloze) and proposes a rating with its intervals. */
export function toRevealView(input: {
  cardId: string;
  question: Question;
  card: CardMemory;
  selected: readonly string[];
  durationMs: number;
  /** the learner marked the answer as a guess (찍었음) before checking: proposes Again */
  guessed?: boolean;
  now: Date;
  scheduler: ReviewScheduler;
  topics: TopicLink[];
}): RevealView {
  const { question } = input;
  const choice = question.type === "single" || question.type === "multiple";
  const grade = choice ? gradeChoice(question, input.selected) : null;
  const selectedSet = new Set(grade?.selectedKeys ?? []);
  const correctSet = new Set(question.correct);
  const preview = input.scheduler.preview(input.card, input.now);
  const intervals = Object.fromEntries(
    RATING_VALUES.map((rating) => [rating, formatInterval(preview[rating].card.due.getTime() - input.now.getTime())]),
  ) as Record<RatingValue, string>;
  return {
    cardId: input.cardId,
    correct: grade ? grade.correct : null,
    options: choice
      ? question.options.map((option) => ({
          key: option.key,
          text: option.text,
          correct: correctSet.has(option.key),
          selected: selectedSet.has(option.key),
          explanation: question.explanations[option.key] ?? null,
        }))
      : [],
    generalExplanation: question.explanations._ ?? null,
    answer: question.type === "flashcard" ? question.answer : question.type === "cloze" ? (question.answer ?? null) : null,
    clozeStem: question.type === "cloze" ? question.stem : null,
    // Self-rated cards have no correctness to go on: Good is preselected, the learner decides.
    proposedRating: grade ? proposeRating({ correct: grade.correct, guessed: input.guessed ?? false, durationMs: input.durationMs, stem: question.stem, state: input.card.state }) : 3,
    guessed: Boolean(grade && input.guessed),
    intervals,
    sources: question.sources,
    topics: input.topics,
  };
}

export type QuestionOriginScope = "curated" | "generated" | "imported";

export interface ReviewScope {
  /** taxonomy service key (QuestionTopic.topicKey) */
  topic: string | null;
  domain: string | null;
  /** Question.origin */
  origin?: QuestionOriginScope | null;
  /** QuestionBank.id */
  bank?: string | null;
  /** one card only ("지금 풀기" on a question page) */
  card?: string | null;
}

export type ReviewMode = "review" | "cram";

export interface SessionCounts {
  new: number;
  learning: number;
  review: number;
}

/** Page load: today's queue, built once from the database (a reload rebuilds it). */
export interface SessionView {
  mode: "review";
  scope: ReviewScope;
  /** the card to show, or null when today's session is done */
  card: ReviewCardView | null;
  /** cards left today, the one on screen included */
  counts: SessionCounts;
  /**
   * The rest of the queue after `card`, in order (at most UPCOMING_LIMIT ids). Like Anki, the
   * session works through the order computed at its start; each answer sends the next few back.
   */
  upcoming: string[];
  /** ISO time of the next learning card later today, when the session is done for now */
  nextDueAt: string | null;
  /** the answer U would undo */
  undoLogId: string | null;
  leechCount: number;
  newLimit: number;
  newStartedToday: number;
}

export const UPCOMING_LIMIT = 500;
/** How many upcoming ids an answer sends back (enough to skip cards answered in another tab). */
export const UPCOMING_WINDOW = 8;

export interface CramSessionView {
  mode: "cram";
  scope: ReviewScope;
  cards: ReviewCardView[];
  /** cards in scope (the session shows at most CRAM_SESSION_SIZE) */
  total: number;
}

/** What the screen needs after an answer or an undo. */
export interface NextCardView {
  /** the next card (after an undo: the restored card), or null when nothing is left now */
  card: ReviewCardView | null;
  /** learning/relearning steps due now (exact; the client keeps the other counts) */
  learningDue: number;
  newStartedToday: number;
  nextDueAt: string | null;
  /** the answer U would undo now */
  undoLogId: string | null;
  /** upcoming ids that are no longer due (answered in another tab, archived): drop them */
  dropped: string[];
}

export interface AnswerResult extends NextCardView {
  logId: string;
  correct: boolean | null;
  becameLeech: boolean;
  /** what the answered card was before this answer (the client decrements that count) */
  answeredKind: QueueKind;
}

export interface UndoResult extends NextCardView {
  /** what the restored card is again (the client increments that count) */
  restoredKind: QueueKind;
}
