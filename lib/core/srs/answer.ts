// One answer applied to a card's progress, and the snapshot that lets undo restore it exactly.
import { z } from "zod";
import type { ReviewScheduler } from "./scheduler";
import type { CardProgress, CardStateValue, RatingValue, ReviewLogEntry } from "./types";

export interface AppliedAnswer {
  progress: CardProgress;
  log: ReviewLogEntry;
  /** this answer made the card a leech (it was not one before) */
  becameLeech: boolean;
}

/**
 * A card is a leech once it has lapsed `leechThreshold` times (Anki's default 8). The mark
 * stays until the learner re-studies; it does not suspend the card.
 */
export function applyAnswer(input: {
  card: CardProgress;
  rating: RatingValue;
  now: Date;
  scheduler: ReviewScheduler;
  leechThreshold: number;
}): AppliedAnswer {
  const { card, now } = input;
  const scheduled = input.scheduler.answer(card, input.rating, now);
  const leech = card.leech || scheduled.card.lapses >= input.leechThreshold;
  return {
    progress: { ...scheduled.card, firstReview: card.firstReview ?? now, leech },
    log: scheduled.log,
    becameLeech: leech && !card.leech,
  };
}

const isoDate = z.iso.datetime({ offset: true }).transform((text) => new Date(text));

const snapshotSchema = z.object({
  due: isoDate,
  stability: z.number(),
  difficulty: z.number(),
  elapsedDays: z.number().int(),
  scheduledDays: z.number().int(),
  learningSteps: z.number().int(),
  reps: z.number().int(),
  lapses: z.number().int(),
  state: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]),
  lastReview: isoDate.nullable(),
  firstReview: isoDate.nullable(),
  leech: z.boolean(),
});

/** ReviewLog.previousCard: the card exactly as it was before the review. */
export function snapshotCard(card: CardProgress): string {
  const progress = progressOf(card);
  return JSON.stringify({
    ...progress,
    due: progress.due.toISOString(),
    lastReview: progress.lastReview?.toISOString() ?? null,
    firstReview: progress.firstReview?.toISOString() ?? null,
  });
}

export function parseCardSnapshot(json: string): CardProgress {
  const parsed = snapshotSchema.parse(JSON.parse(json));
  return { ...parsed, state: parsed.state as CardStateValue };
}

/** The fields of CardProgress, for comparing two cards field by field. */
export function progressOf(card: CardProgress): CardProgress {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsedDays,
    scheduledDays: card.scheduledDays,
    learningSteps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.lastReview,
    firstReview: card.firstReview,
    leech: card.leech,
  };
}
