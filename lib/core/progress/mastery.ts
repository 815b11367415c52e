// Per-topic and per-domain progress from aggregates the database computes (lib/server/progress
// sums over cards and logs with GROUP BY; nothing here sees a single row at scale). The same
// formulas run over plain card values in `aggregateCards`, the reference the SQL is tested
// against and what unit tests use.
//
// Mastery = mean FSRS retrievability of a group's active cards now. A card never answered
// counts 0: mastery measures what the learner can recall of everything there is to learn, so
// an untouched topic is 0%, not "unknown". Coverage (seen / total) shows the two apart.
import { computeDecayFactor, default_w } from "ts-fsrs";
import { z } from "zod";
import { DOMAINS, type Domain } from "@/lib/core/questions/types";

const DAY_MS = 86_400_000;

/** The FSRS-6 forgetting curve R(t, S) = (1 + factor·t/S)^decay for one set of weights. */
export interface ForgettingCurve {
  decay: number;
  factor: number;
}

export function forgettingCurveOf(parameters: readonly number[] | null): ForgettingCurve {
  return computeDecayFactor([...(parameters ?? default_w)]);
}

/** Retrievability at `at` of a card last reviewed at `lastReview` with stability S (0 when never answered). */
export function retrievabilityAt(curve: ForgettingCurve, card: { state: number; stability: number; lastReview: Date | null }, at: Date): number {
  if (card.state === 0 || card.lastReview == null || card.stability <= 0) return 0;
  const elapsedDays = Math.max(0, (at.getTime() - card.lastReview.getTime()) / DAY_MS);
  return Math.pow(1 + (curve.factor * elapsedDays) / card.stability, curve.decay);
}

/** Sums over a group of active cards (not suspended, question not archived). */
export interface CardAggregate {
  cards: number;
  /** cards answered at least once */
  seen: number;
  /** Σ retrievability now (unseen cards add 0) */
  retrievabilitySum: number;
  /** Σ retrievability on the exam date if nothing more is studied (0 without an exam date) */
  forecastSum: number;
  /** learning/review cards due before the learner's next day starts */
  dueToday: number;
  /** … before seven learner days from today's start */
  dueWeek: number;
  leeches: number;
  lastReview: Date | null;
}

export const EMPTY_AGGREGATE: CardAggregate = { cards: 0, seen: 0, retrievabilitySum: 0, forecastSum: 0, dueToday: 0, dueWeek: 0, leeches: 0, lastReview: null };

export interface AnswerTally {
  answers: number;
  correct: number;
}

export interface AccuracyAggregate {
  review: AnswerTally;
  exam: AnswerTally;
}

export const EMPTY_ACCURACY: AccuracyAggregate = { review: { answers: 0, correct: 0 }, exam: { answers: 0, correct: 0 } };

export function addAggregates(a: CardAggregate, b: CardAggregate): CardAggregate {
  return {
    cards: a.cards + b.cards,
    seen: a.seen + b.seen,
    retrievabilitySum: a.retrievabilitySum + b.retrievabilitySum,
    forecastSum: a.forecastSum + b.forecastSum,
    dueToday: a.dueToday + b.dueToday,
    dueWeek: a.dueWeek + b.dueWeek,
    leeches: a.leeches + b.leeches,
    lastReview: latest(a.lastReview, b.lastReview),
  };
}

function latest(a: Date | null, b: Date | null): Date | null {
  if (!a) return b;
  if (!b) return a;
  return a.getTime() >= b.getTime() ? a : b;
}

export interface CardValues {
  state: number;
  stability: number;
  lastReview: Date | null;
  due: Date;
  leech: boolean;
}

/** The aggregate of plain cards, exactly what the SQL computes (reference implementation). */
export function aggregateCards(cards: readonly CardValues[], input: { curve: ForgettingCurve; now: Date; todayEnd: Date; weekEnd: Date; examAt: Date | null }): CardAggregate {
  let result: CardAggregate = { ...EMPTY_AGGREGATE };
  for (const card of cards) {
    const scheduled = card.state !== 0;
    result = addAggregates(result, {
      cards: 1,
      seen: scheduled ? 1 : 0,
      retrievabilitySum: retrievabilityAt(input.curve, card, input.now),
      forecastSum: input.examAt ? retrievabilityAt(input.curve, card, input.examAt) : 0,
      dueToday: scheduled && card.due < input.todayEnd ? 1 : 0,
      dueWeek: scheduled && card.due < input.weekEnd ? 1 : 0,
      leeches: card.leech ? 1 : 0,
      lastReview: card.lastReview,
    });
  }
  return result;
}

/** null when the group has no cards (mastery of nothing is not 0%). */
export function masteryOf(aggregate: Pick<CardAggregate, "cards" | "retrievabilitySum">): number | null {
  return aggregate.cards === 0 ? null : aggregate.retrievabilitySum / aggregate.cards;
}

export function coverageOf(aggregate: Pick<CardAggregate, "cards" | "seen">): number | null {
  return aggregate.cards === 0 ? null : aggregate.seen / aggregate.cards;
}

export function rateOf(tally: AnswerTally): number | null {
  return tally.answers === 0 ? null : tally.correct / tally.answers;
}

/** One line of the progress table: a topic (taxonomy service) or a domain. */
export interface ProgressRow {
  key: string;
  label: string;
  cards: number;
  seen: number;
  mastery: number | null;
  coverage: number | null;
  reviewAccuracy: number | null;
  reviewAnswers: number;
  examAccuracy: number | null;
  examAnswers: number;
  dueToday: number;
  dueWeek: number;
  leeches: number;
  lastReview: Date | null;
}

export function progressRowOf(key: string, label: string, cards: CardAggregate, accuracy: AccuracyAggregate = EMPTY_ACCURACY): ProgressRow {
  return {
    key,
    label,
    cards: cards.cards,
    seen: cards.seen,
    mastery: masteryOf(cards),
    coverage: coverageOf(cards),
    reviewAccuracy: rateOf(accuracy.review),
    reviewAnswers: accuracy.review.answers,
    examAccuracy: rateOf(accuracy.exam),
    examAnswers: accuracy.exam.answers,
    dueToday: cards.dueToday,
    dueWeek: cards.dueWeek,
    leeches: cards.leeches,
    lastReview: cards.lastReview,
  };
}

export const SORT_KEYS = ["mastery", "coverage", "reviewAccuracy", "examAccuracy", "dueToday", "dueWeek", "leeches", "lastReview", "label"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortOrder = "asc" | "desc";

export const SORT_LABELS: Record<SortKey, string> = {
  mastery: "숙달도",
  coverage: "학습 범위",
  reviewAccuracy: "복습 정답률",
  examAccuracy: "모의고사 정답률",
  dueToday: "오늘 복습",
  dueWeek: "이번 주",
  leeches: "거머리",
  lastReview: "마지막 학습",
  label: "이름",
};

/** `/progress?sort=mastery&order=asc`; anything unknown falls back to weakest first. */
export const progressSortSchema = z.object({
  sort: z.enum(SORT_KEYS).catch("mastery"),
  order: z.enum(["asc", "desc"]).optional().catch(undefined),
});

export interface ProgressSort {
  sort: SortKey;
  order: SortOrder;
}

/** Natural direction per column: weakest first for ratios, most work first for counts. */
export function defaultOrder(sort: SortKey): SortOrder {
  return sort === "mastery" || sort === "coverage" || sort === "reviewAccuracy" || sort === "examAccuracy" || sort === "lastReview" || sort === "label" ? "asc" : "desc";
}

export function parseProgressSort(params: Record<string, string>): ProgressSort {
  const parsed = progressSortSchema.parse({ sort: params.sort ?? "mastery", order: params.order });
  return { sort: parsed.sort, order: parsed.order ?? defaultOrder(parsed.sort) };
}

/**
 * Sorted copy. Missing values (no cards, no answers, never studied) go last in either order;
 * ties fall back to mastery ascending, then the label, so the order is stable.
 */
export function sortRows<T extends ProgressRow>(rows: readonly T[], { sort, order }: ProgressSort): T[] {
  const direction = order === "asc" ? 1 : -1;
  const valueOf = (row: T): number | string | null => {
    const value = row[sort];
    if (value instanceof Date) return value.getTime();
    return value;
  };
  return [...rows].sort((a, b) => {
    const left = valueOf(a);
    const right = valueOf(b);
    if (left !== right) {
      if (left == null) return 1;
      if (right == null) return -1;
      if (typeof left === "string" && typeof right === "string") return direction * left.localeCompare(right, "ko");
      return direction * ((left as number) - (right as number));
    }
    const mastery = (a.mastery ?? -1) - (b.mastery ?? -1);
    return mastery !== 0 ? mastery : a.label.localeCompare(b.label, "ko");
  });
}

export function isDomain(value: string): value is Domain {
  return (DOMAINS as readonly string[]).includes(value);
}
