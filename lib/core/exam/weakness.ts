// How much a question needs studying now, 0 (known) … 1 (unknown), for "약점 집중" exams.

/** A question the learner has never seen: more likely unknown than not, but below a question they keep missing. */
export const WEAKNESS_UNSEEN = 0.6;

/**
 * The FSRS forgetting probability (1 − retrievability) is the prior, worth two answers; the
 * recent answers update it (a Beta-style smoothed wrong ratio):
 *
 *   weakness = (2 · (1 − R) + recentWrong) / (2 + recentAnswers)
 *
 * With no recent answers it is 1 − R; one recent miss moves it a third of the way to 1; after many
 * recent answers the wrong ratio dominates, because what the learner did lately says more than
 * the model's estimate. R is clamped to 0..1 and recentWrong to 0..recentAnswers.
 */
export function weaknessOf(input: { retrievability: number | null; recentWrong: number; recentAnswers: number }): number {
  if (input.retrievability === null || !Number.isFinite(input.retrievability)) return WEAKNESS_UNSEEN;
  const forgetting = 1 - clamp(input.retrievability, 0, 1);
  const answers = Math.max(0, Math.floor(finiteOr(input.recentAnswers, 0)));
  const wrong = clamp(Math.floor(finiteOr(input.recentWrong, 0)), 0, answers);
  return clamp((2 * forgetting + wrong) / (2 + answers), 0, 1);
}

function finiteOr(value: number, fallback: number): number {
  return Number.isFinite(value) ? value : fallback;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
