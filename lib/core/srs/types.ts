// Review model shared by the scheduler, the queue and the server. Field names follow the
// database columns (camelCase); ts-fsrs' snake_case shapes appear only in scheduler.ts.

/** ts-fsrs State values, stored as integers in Card.state and ReviewLog.state. */
export const CARD_STATES = { new: 0, learning: 1, review: 2, relearning: 3 } as const;
export type CardStateValue = (typeof CARD_STATES)[keyof typeof CARD_STATES];

/** Anki/ts-fsrs grades. 0 (Manual) is never a learner's answer. */
export const RATINGS = { again: 1, hard: 2, good: 3, easy: 4 } as const;
export type RatingValue = (typeof RATINGS)[keyof typeof RATINGS];
export const RATING_VALUES: readonly RatingValue[] = [1, 2, 3, 4];
export const RATING_LABELS: Record<RatingValue, string> = { 1: "다시", 2: "어려움", 3: "알맞음", 4: "쉬움" };

/** The scheduling memory of one card: exactly what ts-fsrs reads and writes. */
export interface CardMemory {
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  state: CardStateValue;
  lastReview: Date | null;
}

/** Everything an answer may change on a card; an undo snapshot holds exactly this. */
export interface CardProgress extends CardMemory {
  firstReview: Date | null;
  leech: boolean;
}

export interface CardRecord extends CardProgress {
  id: string;
  learnerId: string;
  questionId: string;
  version: number;
  suspended: boolean;
}

/** The review-log columns computed by the scheduler for one answer. */
export interface ReviewLogEntry {
  rating: RatingValue;
  state: CardStateValue;
  due: Date;
  stability: number;
  difficulty: number;
  elapsedDays: number;
  lastElapsedDays: number;
  scheduledDays: number;
  learningSteps: number;
  review: Date;
}

/** The learner's review settings (LearnerSettings), already validated. */
export interface ReviewSettings {
  desiredRetention: number;
  dailyNewLimit: number;
  maximumIntervalDays: number;
  dayStartHour: number;
  timeZone: string;
  leechThreshold: number;
  optimizeMinReviews: number;
  /** Anki's maximum reviews a day: review-state cards shown per learner day */
  dailyReviewLimit: number;
  /** learning and relearning steps as the learner writes them ("1m 10m"; steps.ts parses) */
  learningSteps: string;
  relearningSteps: string;
  /** personal FSRS weights; null = ts-fsrs defaults */
  fsrsParameters: number[] | null;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  desiredRetention: 0.9,
  dailyNewLimit: 20,
  maximumIntervalDays: 36500,
  dayStartHour: 4,
  timeZone: "Asia/Seoul",
  leechThreshold: 8,
  optimizeMinReviews: 400,
  dailyReviewLimit: 200,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  fsrsParameters: null,
};
