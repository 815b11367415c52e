// The rating proposed after an answer. The learner can always change it; this only preselects.
import { RATINGS, type RatingValue } from "./types";

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

/** Wrong → Again; right → Good; right and quick → Easy. */
export function proposeRating(input: { correct: boolean; durationMs: number; stem: string }): RatingValue {
  if (!input.correct) return RATINGS.again;
  return input.durationMs <= quickThresholdMs(input.stem) ? RATINGS.easy : RATINGS.good;
}
