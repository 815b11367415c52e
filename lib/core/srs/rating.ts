// The rating proposed after an answer. The learner can always change it; this only preselects.
//
// Anki's lesson: a generous proposal inflates intervals (Easy on a new card is 8 days), and a
// card failed an hour ago is not "easy" because it was answered fast the second time. So:
// - wrong, or right but guessed ("찍었음") → Again: a lucky guess is not memory;
// - new, learning and relearning cards answered right → Good: the learning steps decide;
// - review cards answered right → Good, or Easy when answered quickly (see quickThresholdMs).
import { CARD_STATES, RATINGS, type CardStateValue, type RatingValue } from "./types";

/**
 * "Quick" means the learner answered in about the time it takes to read the stem once and
 * pick: 4 seconds plus 60 ms per stem character (≈ 1,000 characters a minute, a brisk pace for
 * dense Korean technical text, with no time left to deliberate). A 150-character SAA-C03 stem
 * gives 13 s. Options are not counted: a learner who knows the answer recognises it at once.
 */
export const QUICK_BASE_MS = 4_000;
export const QUICK_MS_PER_STEM_CHARACTER = 60;

export function quickThresholdMs(stem: string): number {
  return QUICK_BASE_MS + QUICK_MS_PER_STEM_CHARACTER * [...stem.trim()].length;
}

export interface RatingProposalInput {
  correct: boolean;
  /** the learner marked the answer as a guess before checking it */
  guessed?: boolean;
  durationMs: number;
  stem: string;
  /** the card's state before this answer */
  state: CardStateValue;
}

export function proposeRating(input: RatingProposalInput): RatingValue {
  if (!input.correct || input.guessed) return RATINGS.again;
  if (input.state !== CARD_STATES.review) return RATINGS.good;
  return input.durationMs <= quickThresholdMs(input.stem) ? RATINGS.easy : RATINGS.good;
}
