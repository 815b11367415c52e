// ts-fsrs configuration and the only place that converts between our CardMemory (camelCase,
// database-shaped) and ts-fsrs' Card (snake_case). Scheduling maths never touches storage:
// a card state is a value and `preview()` computes all four answers at once, as Anki does.
import {
  FSRS,
  State,
  computeDecayFactor,
  createEmptyCard,
  default_w,
  generatorParameters,
  type Card as FsrsCard,
  type Grade,
  type ReviewLog as FsrsLog,
} from "ts-fsrs";
import { stepsOrDefault } from "./steps";
import type { CardMemory, CardStateValue, RatingValue, ReviewLogEntry, ReviewSettings } from "./types";

const DAY_MS = 86_400_000;

export interface ScheduledAnswer {
  card: CardMemory;
  log: ReviewLogEntry;
}

export type SchedulerSettings = Pick<ReviewSettings, "desiredRetention" | "maximumIntervalDays" | "fsrsParameters"> &
  Partial<Pick<ReviewSettings, "learningSteps" | "relearningSteps">>;

const DEFAULT_LEARNING_STEPS = ["1m", "10m"] as const;
const DEFAULT_RELEARNING_STEPS = ["10m"] as const;

export interface ReviewScheduler {
  /** The outcome of each of the four ratings, for the interval labels on the buttons. */
  preview(card: CardMemory, now: Date): Record<RatingValue, ScheduledAnswer>;
  answer(card: CardMemory, rating: RatingValue, now: Date): ScheduledAnswer;
  /** Probability of recall now, with fractional elapsed days (0 for a new card). */
  retrievability(card: Pick<CardMemory, "state" | "stability" | "lastReview">, now: Date): number;
  readonly parameters: readonly number[];
}

/**
 * Fuzz stays off (the ts-fsrs default): the interval shown on a button must be the interval the
 * card gets, and answers must be reproducible from a fixed `now` in tests. Short-term steps stay
 * on with the learner's learning and relearning steps (default 1m 10m and 10m, as in Anki and
 * ts-fsrs); absent settings mean those defaults.
 */
export function createScheduler(settings: SchedulerSettings): ReviewScheduler {
  const params = generatorParameters({
    request_retention: settings.desiredRetention,
    maximum_interval: settings.maximumIntervalDays,
    enable_fuzz: false,
    enable_short_term: true,
    learning_steps: stepsOrDefault(settings.learningSteps, DEFAULT_LEARNING_STEPS),
    relearning_steps: stepsOrDefault(settings.relearningSteps, DEFAULT_RELEARNING_STEPS),
    ...(settings.fsrsParameters ? { w: settings.fsrsParameters } : {}),
  });
  const engine = new FSRS(params);
  const weights = [...params.w];
  // The forgetting curve R(t, S) = (1 + factor·t/S)^decay with decay = −w20 (FSRS-6). Computed
  // here once: ts-fsrs' forgetting_curve re-derives both constants on every call, which
  // dominated the sort of a few thousand due cards.
  const { decay, factor } = computeDecayFactor(weights);

  return {
    parameters: weights,
    preview(card, now) {
      const record = engine.repeat(toFsrsCard(card), now);
      return {
        1: fromRecord(record[1 as Grade]),
        2: fromRecord(record[2 as Grade]),
        3: fromRecord(record[3 as Grade]),
        4: fromRecord(record[4 as Grade]),
      };
    },
    answer(card, rating, now) {
      return fromRecord(engine.next(toFsrsCard(card), now, rating as Grade));
    },
    retrievability(card, now) {
      if (card.state === State.New || card.lastReview == null || card.stability <= 0) return 0;
      const elapsedDays = Math.max(0, (now.getTime() - card.lastReview.getTime()) / DAY_MS);
      return Math.pow(1 + (factor * elapsedDays) / card.stability, decay);
    },
  };
}

/** A card that has never been answered, as ts-fsrs creates it. */
export function createNewCardMemory(now: Date): CardMemory {
  return fromFsrsCard(createEmptyCard(now));
}

/**
 * Sorting by retrievability ascending equals sorting by elapsed/stability descending (the
 * forgetting curve is monotonic in t/S for fixed weights); the database uses this key so it can
 * order due cards without the power function.
 */
export function overdueRatio(card: Pick<CardMemory, "stability" | "lastReview">, now: Date): number {
  if (card.lastReview == null || card.stability <= 0) return 0;
  return (now.getTime() - card.lastReview.getTime()) / DAY_MS / card.stability;
}

/**
 * Relative steady-state review load of a desired retention compared with 0.90. The interval
 * for stability S is S·(r^(1/decay) − 1)/factor, and a card reviewed every I days costs 1/I
 * reviews a day, so the load ratio is (0.9^(1/decay) − 1)/(r^(1/decay) − 1). Relearning of
 * forgotten cards is ignored, so the real difference at low retention is smaller.
 */
export function estimateRelativeWorkload(desiredRetention: number, parameters: readonly number[] | null = null): number {
  const { decay } = computeDecayFactor(parameters ?? default_w);
  const intervalFactor = (retention: number) => Math.pow(retention, 1 / decay) - 1;
  return intervalFactor(0.9) / intervalFactor(desiredRetention);
}

function toFsrsCard(card: CardMemory): FsrsCard {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: card.elapsedDays,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as unknown as State,
    ...(card.lastReview ? { last_review: card.lastReview } : {}),
  };
}

function fromFsrsCard(card: FsrsCard): CardMemory {
  return {
    due: card.due,
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as number as CardStateValue,
    lastReview: card.last_review ?? null,
  };
}

function fromRecord(record: { card: FsrsCard; log: FsrsLog }): ScheduledAnswer {
  const log = record.log;
  return {
    card: fromFsrsCard(record.card),
    log: {
      rating: log.rating as number as RatingValue,
      state: log.state as number as CardStateValue,
      due: log.due,
      stability: log.stability,
      difficulty: log.difficulty,
      elapsedDays: log.elapsed_days,
      lastElapsedDays: log.last_elapsed_days,
      scheduledDays: log.scheduled_days,
      learningSteps: log.learning_steps,
      review: log.review,
    },
  };
}
