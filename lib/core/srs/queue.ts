// Today's review queue, built from card states and a fixed `now`. The queue is never stored: a
// reload rebuilds it from the database, so an interrupted session resumes where it stopped.
//
// Order (Anki's, with FSRS' retrievability sort):
//   1. due cards — learning/relearning cards whose step is due, and review cards due before the
//      next day start — weakest memory (lowest retrievability) first;
//   2. new cards, up to what is left of the daily new limit, round-robin across topics;
//   3. only when nothing else is left, learning cards due within the learn-ahead limit.
// Neighbouring cards avoid sharing a topic (interleaving helps discrimination between similar
// services), but due cards only look a few places ahead so the weakest still come first.
import { firstOfEachFamily } from "./siblings";
import { CARD_STATES, type CardStateValue } from "./types";

/** Anki's default "learn ahead limit". */
export const LEARN_AHEAD_MS = 20 * 60_000;
/** How far the due group may reorder to avoid repeating a topic. */
export const INTERLEAVE_LOOKAHEAD = 3;

export interface QueueCandidate {
  cardId: string;
  questionId: string;
  /** primary topic (taxonomy service key); null when the question has none */
  topicKey: string | null;
  state: CardStateValue;
  due: Date;
  stability: number;
  lastReview: Date | null;
  /**
   * questionFamily of the card's question when known (siblings.ts: a queue shows one card per
   * family); null or absent = the card stands alone
   */
  family?: string | null;
}

export type QueueKind = "new" | "learning" | "review";

export interface QueueItem extends QueueCandidate {
  kind: QueueKind;
  /** 0 for new cards */
  retrievability: number;
}

export interface QueueInput {
  now: Date;
  /** next learner day start: review cards due before it are due today */
  dayEnd: Date;
  /** learning, relearning and review cards (the builder picks the ones that are due) */
  reviewed: readonly QueueCandidate[];
  /** new cards in the repository's stable order (question id) */
  fresh: readonly QueueCandidate[];
  /** daily new limit minus cards first reviewed since the day start */
  newLimitRemaining: number;
  /**
   * Anki's maximum reviews a day minus review-state cards answered today; absent = no limit.
   * Learning and relearning steps are never held back by it (Anki v3 does the same).
   */
  reviewLimitRemaining?: number;
  /** topic of the card answered just before, so the next card avoids it */
  previousTopic?: string | null;
  retrievability: (card: QueueCandidate) => number;
  learnAheadMs?: number;
  /**
   * Keep `fresh` in the order given instead of cycling topics: the next-card step passes the
   * session's own upcoming new cards, already in round-robin order from the session start.
   */
  keepFreshOrder?: boolean;
}

export interface ReviewQueue {
  /** the session in order; the first item is the card to show */
  items: QueueItem[];
  /** shown only when `items` is empty (Anki's learn ahead) */
  learnAhead: QueueItem[];
  counts: { new: number; learning: number; review: number };
  /** when the next learning card outside the learn-ahead window is due, if any today */
  nextDueAt: Date | null;
}

/** The topic a card is interleaved by: its alphabetically first topic key (stable, order-free). */
export function primaryTopic(topicKeys: readonly string[]): string | null {
  return [...topicKeys].sort()[0] ?? null;
}

export function kindOf(state: CardStateValue): QueueKind {
  if (state === CARD_STATES.new) return "new";
  return state === CARD_STATES.review ? "review" : "learning";
}

export function isDueNow(card: Pick<QueueCandidate, "state" | "due">, now: Date, dayEnd: Date): boolean {
  if (card.state === CARD_STATES.review) return card.due.getTime() < dayEnd.getTime();
  if (card.state === CARD_STATES.learning || card.state === CARD_STATES.relearning) return card.due.getTime() <= now.getTime();
  return false;
}

export function buildReviewQueue(input: QueueInput): ReviewQueue {
  const { now, dayEnd } = input;
  const learnAheadUntil = now.getTime() + (input.learnAheadMs ?? LEARN_AHEAD_MS);

  const due: QueueItem[] = [];
  const ahead: QueueItem[] = [];
  let nextDueAt: Date | null = null;
  for (const card of input.reviewed) {
    if (isDueNow(card, now, dayEnd)) {
      due.push(toItem(card, input.retrievability(card)));
    } else if (kindOf(card.state) === "learning" && card.due.getTime() < dayEnd.getTime()) {
      if (card.due.getTime() <= learnAheadUntil) ahead.push(toItem(card, input.retrievability(card)));
      else if (nextDueAt == null || card.due < nextDueAt) nextDueAt = card.due;
    }
  }
  due.sort(byWeakestFirst);
  ahead.sort((a, b) => a.due.getTime() - b.due.getTime() || compareIds(a.cardId, b.cardId));

  const orderedDue = withinReviewLimit(firstOfEachFamily(interleaveByTopic(due, input.previousTopic ?? null, INTERLEAVE_LOOKAHEAD), familyOf), input.reviewLimitRemaining);
  const lastDueTopic = orderedDue.length > 0 ? (orderedDue[orderedDue.length - 1]?.topicKey ?? null) : (input.previousTopic ?? null);
  // A new card whose family is already due today waits: it would be buried once that is answered.
  const dueFamilies = new Set(orderedDue.flatMap((item) => (item.family != null ? [item.family] : [])));
  const freshItems = firstOfEachFamily(
    input.fresh.filter((card) => card.state === CARD_STATES.new && (card.family == null || !dueFamilies.has(card.family))),
    familyOf,
  ).map((card) => toItem(card, 0));
  const newLimit = Math.max(0, input.newLimitRemaining);
  const orderedNew = input.keepFreshOrder ? freshItems.slice(0, newLimit) : roundRobinByTopic(freshItems, lastDueTopic, newLimit);

  const items = [...orderedDue, ...orderedNew];
  const counts = { new: 0, learning: 0, review: 0 };
  for (const item of items) counts[item.kind] += 1;
  return { items, learnAhead: ahead, counts, nextDueAt };
}

/**
 * The due cards in the order the queue will weigh them (weakest first), before interleaving:
 * the server looks up topics only for the first of these, since only the head of a session is
 * ever seen before the next rebuild.
 */
export function dueInPriorityOrder(input: Pick<QueueInput, "now" | "dayEnd" | "reviewed" | "retrievability">): QueueCandidate[] {
  return input.reviewed
    .filter((card) => isDueNow(card, input.now, input.dayEnd))
    .map((card) => toItem(card, input.retrievability(card)))
    .sort(byWeakestFirst);
}

/** The card to show now: the queue head, else a learning card within the learn-ahead limit. */
export function nextQueueItem(queue: ReviewQueue): QueueItem | null {
  return queue.items[0] ?? queue.learnAhead[0] ?? null;
}

const familyOf = (card: QueueCandidate): string | null => card.family ?? null;

/** Review-state items beyond the daily review limit leave the queue; learning steps stay. */
function withinReviewLimit(items: QueueItem[], limit: number | undefined): QueueItem[] {
  if (limit === undefined) return items;
  let reviews = 0;
  return items.filter((item) => item.kind !== "review" || ++reviews <= Math.max(0, limit));
}

function toItem(card: QueueCandidate, retrievability: number): QueueItem {
  // A literal with a fixed shape: an object spread here cost ~2 µs per card on this machine,
  // most of a 4,000-card queue build.
  return {
    cardId: card.cardId,
    questionId: card.questionId,
    topicKey: card.topicKey,
    state: card.state,
    due: card.due,
    stability: card.stability,
    lastReview: card.lastReview,
    family: card.family ?? null,
    kind: kindOf(card.state),
    retrievability,
  };
}

/** Code-unit order: stable across providers and far cheaper than localeCompare in a hot sort. */
function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byWeakestFirst(a: QueueItem, b: QueueItem): number {
  return a.retrievability - b.retrievability || a.due.getTime() - b.due.getTime() || compareIds(a.cardId, b.cardId);
}

/**
 * Keeps the priority order but, when the next card shares the previous card's topic, takes the
 * first of the next `lookahead` cards that does not.
 */
export function interleaveByTopic<T extends { topicKey: string | null }>(items: readonly T[], previousTopic: string | null, lookahead: number): T[] {
  // A window of the next `lookahead + 1` items slides over the list: O(n · lookahead).
  const result: T[] = [];
  const window: T[] = [];
  let next = 0;
  let previous = previousTopic;
  while (next < items.length || window.length > 0) {
    while (window.length <= lookahead && next < items.length) window.push(items[next++] as T);
    let pick = 0;
    if (previous != null) {
      const different = window.findIndex((item) => item.topicKey !== previous);
      if (different > 0) pick = different;
    }
    const [chosen] = window.splice(pick, 1);
    if (!chosen) break;
    result.push(chosen);
    previous = chosen.topicKey;
  }
  return result;
}

/**
 * New cards one topic at a time in a fixed cycle of topic keys (sorted), starting after
 * `previousTopic`. Because the cycle is fixed, rebuilding the queue after each answer yields the
 * same order as the first build did, which is what lets a reload resume the session.
 */
export function roundRobinByTopic<T extends { topicKey: string | null }>(items: readonly T[], previousTopic: string | null, limit: number): T[] {
  const byTopic = new Map<string, T[]>();
  for (const item of items) {
    const key = item.topicKey ?? "";
    const group = byTopic.get(key);
    if (group) group.push(item);
    else byTopic.set(key, [item]);
  }
  const cycle = [...byTopic.keys()].sort();
  if (cycle.length === 0 || limit <= 0) return [];
  let position = 0;
  if (previousTopic != null) {
    const after = cycle.findIndex((key) => key > previousTopic);
    position = after === -1 ? 0 : after;
  }
  const result: T[] = [];
  const cursor = new Map<string, number>();
  let exhausted = 0;
  while (result.length < limit && exhausted < cycle.length) {
    exhausted = 0;
    for (let step = 0; step < cycle.length && result.length < limit; step += 1) {
      const key = cycle[(position + step) % cycle.length] as string;
      const group = byTopic.get(key) ?? [];
      const index = cursor.get(key) ?? 0;
      const item = group[index];
      if (item === undefined) {
        exhausted += 1;
        continue;
      }
      cursor.set(key, index + 1);
      result.push(item);
    }
  }
  return result;
}

/**
 * Cram mode: every card in scope, weakest first, new cards last; nothing is written, so the
 * order only has to be stable for one page load.
 */
export function buildCramQueue<T extends QueueCandidate>(cards: readonly T[], retrievability: (card: T) => number, limit: number): T[] {
  const reviewed = cards
    .filter((card) => card.state !== CARD_STATES.new)
    .map((card) => ({ card, r: retrievability(card) }))
    .sort((a, b) => a.r - b.r || compareIds(a.card.cardId, b.card.cardId))
    .map((entry) => entry.card);
  const fresh = cards.filter((card) => card.state === CARD_STATES.new);
  const ordered = [...interleaveByTopic(reviewed, null, INTERLEAVE_LOOKAHEAD), ...roundRobinByTopic(fresh, null, fresh.length)];
  // One card per family: a cram of 12 must not show the same stem with another number.
  return firstOfEachFamily(ordered, familyOf).slice(0, limit);
}
