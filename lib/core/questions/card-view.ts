// The answer-free face of a question: what review and exams may send to the browser before the
// learner has committed. No correct keys, no explanations, no flashcard back, cloze blanks
// masked. Review's card view and the exam's question view are both built from this, so neither
// can leak a key by reusing the other's shape.
import { CLOZE_HIDDEN, maskCloze, requiredSelectionCount } from "./grading";
import { DOMAIN_LABELS, isChoiceQuestion, type Question, type QuestionType } from "./types";

export interface QuestionFace {
  questionId: string;
  type: QuestionType;
  domainLabel: string;
  difficulty: number;
  /** cloze blanks replaced by `{{?}}` (the answers stay on the server until the reveal) */
  stem: string;
  options: { key: string; text: string }[];
  /** options to pick (1 for single, N for "choose N", 0 for self-rated cards) */
  selectCount: number;
}

export function toQuestionFace(question: Question): QuestionFace {
  const choice = isChoiceQuestion(question);
  return {
    questionId: question.id,
    type: question.type,
    domainLabel: DOMAIN_LABELS[question.domain] ?? question.domain,
    difficulty: question.difficulty,
    stem: question.type === "cloze" ? maskCloze(question.stem, CLOZE_HIDDEN) : question.stem,
    // Only key and text are copied: an option object never carries more to the browser.
    options: choice ? question.options.map((option) => ({ key: option.key, text: option.text })) : [],
    selectCount: choice ? requiredSelectionCount(question) : 0,
  };
}
