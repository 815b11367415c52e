// Review logs → training histories for the FSRS optimiser (fsrs-rs conventions): one history
// per review after the first, holding the card's reviews up to and including that review; the
// first review's delta is 0 and later deltas count learner days (day start and time zone as in
// Anki). Histories whose last review is on the same day as the one before predict nothing
// long-term and are left out, as fsrs-rs does.
import { learnerDayNumber } from "./day-boundary";
import type { RatingValue } from "./types";

export interface OptimizerLog {
  cardId: string;
  rating: RatingValue;
  review: Date;
}

export interface TrainingReview {
  rating: number;
  deltaT: number;
}

/**
 * `logs` may arrive in any order; they are grouped by card and sorted by review time, cards in
 * id order (code units). The order is fixed on purpose: the binding's `evaluate` (and its
 * training batches) give different log losses for the same histories in another order, and
 * databases return rows in different orders.
 */
export function buildTrainingHistories(logs: readonly OptimizerLog[], timeZone: string, dayStartHour: number): TrainingReview[][] {
  const byCard = new Map<string, OptimizerLog[]>();
  for (const log of logs) {
    const list = byCard.get(log.cardId);
    if (list) list.push(log);
    else byCard.set(log.cardId, [log]);
  }
  const histories: TrainingReview[][] = [];
  const cardIds = [...byCard.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  for (const cardId of cardIds) {
    const list = byCard.get(cardId) ?? [];
    list.sort((a, b) => a.review.getTime() - b.review.getTime());
    const reviews: TrainingReview[] = [];
    let previousDay: number | null = null;
    for (const log of list) {
      const day = learnerDayNumber(log.review, timeZone, dayStartHour);
      reviews.push({ rating: log.rating, deltaT: previousDay == null ? 0 : day - previousDay });
      previousDay = day;
      const last = reviews[reviews.length - 1];
      if (reviews.length > 1 && last && last.deltaT > 0) histories.push([...reviews]);
    }
  }
  return histories;
}
