// Review sessions derived from the database: the full queue (page load, bench), the next card
// after an answer (a windowed read that yields the same head as the full queue), and cram mode.
import "server-only";
import type { Db, Tx } from "@/lib/server/db";
import { countFamilies } from "@/lib/core/srs/siblings";
import { serviceName } from "@/lib/server/study/taxonomy";
import { questionFromRow } from "@/lib/server/questions/map";
import { nextLearnerDayStart, startOfLearnerDay } from "@/lib/core/srs/day-boundary";
import { INTERLEAVE_LOOKAHEAD, buildCramQueue, buildReviewQueue, dueInPriorityOrder, isDueNow, kindOf, nextQueueItem, type QueueCandidate, type QueueItem, type ReviewQueue } from "@/lib/core/srs/queue";
import { createScheduler, type ReviewScheduler } from "@/lib/core/srs/scheduler";
import { CARD_STATES, type ReviewSettings } from "@/lib/core/srs/types";
import { UPCOMING_LIMIT, UPCOMING_WINDOW, toCardView, type CramSessionView, type NextCardView, type ReviewCardView, type ReviewScope, type SessionView, type TopicLink } from "@/lib/core/srs/views";
import {
  countNewStartedSince,
  countReviewsForLimit,
  countReviewsSince,
  fetchAllCandidates,
  fetchBuriedSiblingIds,
  fetchSiblingIdsOf,
  fetchHeadCandidates,
  fetchNewCandidates,
  fetchQuestionFacts,
  fetchReviewedCandidates,
  fetchWindowCandidates,
  type QueueScope,
} from "./repository";
import { countLeeches, ensureCards, findCardWithQuestion, findCardsWithQuestions, findLatestLog, findTopicPages, readSettings, type CardWithQuestion, plainTopicLink, resolveTopicLinks } from "@/lib/server/cards";

export interface SessionContext {
  learnerId: string;
  scope: ReviewScope;
  now: Date;
}

interface DayFrame {
  settings: ReviewSettings;
  scheduler: ReviewScheduler;
  dayStart: Date;
  dayEnd: Date;
}

/**
 * The scope as today's queue reads it: cards buried until later (Card.buriedUntil) and the
 * siblings of questions answered today are out (siblings.ts).
 */
async function todayScope(db: Db | Tx, context: SessionContext, dayStart: Date): Promise<QueueScope> {
  const buriedQuestionIds = await fetchBuriedSiblingIds(db, context.learnerId, dayStart);
  return { ...context.scope, now: context.now, buriedQuestionIds };
}

/**
 * A review of one chosen question (its page's 지금 풀기 / `?question=`) is the learner's explicit
 * request, like Anki's custom study: the daily new limit does not hold that one card back.
 */
function newLimitFor(scope: ReviewScope, remaining: number): number {
  return scope.card ? Math.max(1, remaining) : Math.max(0, remaining);
}

function dayFrame(settings: ReviewSettings, now: Date): DayFrame {
  return {
    settings,
    scheduler: createScheduler(settings),
    dayStart: startOfLearnerDay(now, settings.timeZone, settings.dayStartHour),
    dayEnd: nextLearnerDayStart(now, settings.timeZone, settings.dayStartHour),
  };
}

/**
 * Today's whole queue, in order. The last answer's topic seeds the interleaving, so a reload
 * continues the same order.
 */
export async function buildTodayQueue(
  db: Db,
  context: SessionContext,
): Promise<{ queue: ReviewQueue; frame: DayFrame; newStartedToday: number; undoLogId: string | null }> {
  const frame = dayFrame(await readSettings(db, context.learnerId), context.now);
  const { settings } = frame;
  const scope = await todayScope(db, context, frame.dayStart);
  // New candidates are fetched for the whole daily limit (plus room for siblings the builder
  // drops); the builder trims to what is left.
  const [newStarted, latest, reviewed, fresh] = await Promise.all([
    countNewStartedSince(db, context.learnerId, frame.dayStart),
    findLatestLog(db, context.learnerId, frame.dayStart),
    fetchReviewedCandidates(db, context.learnerId, { dayEnd: frame.dayEnd, scope }),
    fetchNewCandidates(db, context.learnerId, { scope, perTopic: settings.dailyNewLimit * 2 }),
  ]);
  const dueReviews = reviewed.reduce((count, card) => count + (card.state === CARD_STATES.review && card.due.getTime() < frame.dayEnd.getTime() ? 1 : 0), 0);
  const reviewsToday = await countReviewsForLimit(db, context.learnerId, frame.dayStart, { limit: settings.dailyReviewLimit, dueReviews });
  const retrievability = (card: QueueCandidate) => frame.scheduler.retrievability(card, context.now);
  // Topics (for interleaving) and the archived check for the cards a session can reach before
  // the next rebuild; the tail keeps its retrievability order.
  const dueHead = dueInPriorityOrder({ now: context.now, dayEnd: frame.dayEnd, reviewed, retrievability }).slice(0, UPCOMING_LIMIT + 2 * INTERLEAVE_LOOKAHEAD);
  const laterLearning = reviewed.filter((card) => kindOf(card.state) === "learning" && card.due.getTime() > context.now.getTime());
  const facts = await fetchQuestionFacts(db, [...new Set([...dueHead, ...laterLearning, ...fresh].map((card) => card.questionId))]);
  // The candidates were just read for this build, so they are filled in place.
  const withFacts = (cards: QueueCandidate[]) =>
    cards.filter((card) => {
      const fact = facts.get(card.questionId);
      if (fact) {
        card.topicKey = fact.topicKey;
        card.family = fact.family;
      }
      return !fact?.archived;
    });
  const queue = buildReviewQueue({
    now: context.now,
    dayEnd: frame.dayEnd,
    reviewed: withFacts(reviewed),
    fresh: withFacts(fresh),
    newLimitRemaining: newLimitFor(context.scope, settings.dailyNewLimit - newStarted),
    reviewLimitRemaining: Math.max(0, settings.dailyReviewLimit - reviewsToday),
    previousTopic: latest?.topic ?? null,
    retrievability,
  });
  return { queue, frame, newStartedToday: newStarted, undoLogId: latest?.id ?? null };
}

/** Page load: the full queue decides the first card, the counts and the upcoming order. */
export async function fetchReviewSession(db: Db, context: SessionContext): Promise<SessionView> {
  await ensureCards(db, context.learnerId, context.now);
  const { queue, frame, newStartedToday, undoLogId } = await buildTodayQueue(db, context);
  const head = nextQueueItem(queue);
  const [card, leechCount] = await Promise.all([head ? loadCardView(db, head.cardId) : null, countLeeches(db, context.learnerId)]);
  return {
    mode: "review",
    scope: context.scope,
    card,
    counts: queue.counts,
    upcoming: queue.items
      .filter((item) => item.cardId !== head?.cardId)
      .slice(0, UPCOMING_LIMIT)
      .map((item) => item.cardId),
    nextDueAt: head ? null : (queue.nextDueAt?.toISOString() ?? null),
    undoLogId,
    leechCount,
    newLimit: frame.settings.dailyNewLimit,
    newStartedToday,
  };
}

export interface NextCardContext extends SessionContext {
  settings: ReviewSettings;
  /** topic of the card answered just before (interleaving) */
  previousTopic: string | null;
  /** SessionView.upcoming minus what was shown, in order (the client sends the next few) */
  upcoming: readonly string[];
  undoLogId: string | null;
  /** the question just answered (its siblings leave the window); absent = read today's burials */
  answeredQuestion?: { id: string; origin: string; generator: string | null; type: string; factIds: string | null } | null;
}

/**
 * The card after an answer. The session's order was computed when it started (weakest first,
 * new cards round-robin); here the next few upcoming cards are re-checked (still due, not
 * answered in another tab, not archived) and merged with learning steps that came due, so an
 * answer costs O(window), not O(due cards). When the window yields nothing (the client list ran
 * out, or another tab took it), the windowed read of the whole queue decides instead.
 */
export async function fetchNextCard(db: Db, context: NextCardContext): Promise<NextCardView> {
  const frame = dayFrame(context.settings, context.now);
  const { settings } = frame;
  const ids = context.upcoming.slice(0, UPCOMING_WINDOW);
  // The window was built without the day's buried siblings when the session started; only the
  // family of the question just answered is new since (one read, none for a curated question).
  const windowScope: QueueScope = context.answeredQuestion
    ? { ...context.scope, now: context.now, buriedQuestionIds: await fetchSiblingIdsOf(db, context.answeredQuestion) }
    : await todayScope(db, context, frame.dayStart);
  const [window, newStarted] = await Promise.all([
    fetchWindowCandidates(db, context.learnerId, { now: context.now, scope: windowScope, ids, learningLimit: INTERLEAVE_LOOKAHEAD + 1 }),
    countNewStartedSince(db, context.learnerId, frame.dayStart),
  ]);
  const newLimitRemaining = newLimitFor(context.scope, settings.dailyNewLimit - newStarted);
  const byId = new Map(window.cards.map((card) => [card.cardId, card]));
  const learningDue = window.cards.filter((card) => kindOf(card.state) === "learning" && isDueNow(card, context.now, frame.dayEnd));
  const learningIds = new Set(learningDue.map((card) => card.cardId));
  // Upcoming cards in session order that are still what they were: due, or new.
  const upcoming = ids.flatMap((id) => {
    const card = byId.get(id);
    return card && !learningIds.has(id) && (card.state === 0 || isDueNow(card, context.now, frame.dayEnd)) ? [card] : [];
  });
  const retrievability = (card: QueueCandidate) => frame.scheduler.retrievability(card, context.now);
  const windowQueue = buildReviewQueue({
    now: context.now,
    dayEnd: frame.dayEnd,
    reviewed: [...learningDue, ...upcoming.filter((card) => card.state !== 0)],
    fresh: upcoming.filter((card) => card.state === 0),
    newLimitRemaining,
    previousTopic: context.previousTopic,
    retrievability,
    keepFreshOrder: true,
  });
  let head: QueueItem | null = windowQueue.items[0] ?? null;
  let nextDueAt: Date | null = null;
  if (!head) {
    // Nothing in the window: ask the whole queue (cheap when the session is really done).
    const scope = await todayScope(db, context, frame.dayStart);
    const [candidates, fresh, reviewsToday] = await Promise.all([
      fetchHeadCandidates(db, context.learnerId, { now: context.now, dayEnd: frame.dayEnd, scope, dueNowLimit: INTERLEAVE_LOOKAHEAD + 1 }),
      newLimitRemaining > 0 ? fetchNewCandidates(db, context.learnerId, { scope, perTopic: 1 }) : Promise.resolve([]),
      countReviewsSince(db, context.learnerId, frame.dayStart, settings.dailyReviewLimit),
    ]);
    const queue = buildReviewQueue({
      now: context.now,
      dayEnd: frame.dayEnd,
      reviewed: candidates,
      fresh,
      newLimitRemaining,
      reviewLimitRemaining: Math.max(0, settings.dailyReviewLimit - reviewsToday),
      previousTopic: context.previousTopic,
      retrievability,
    });
    head = nextQueueItem(queue);
    nextDueAt = head ? null : queue.nextDueAt;
  }
  const card = head ? await loadCardView(db, head.cardId) : null;
  return {
    card,
    learningDue: window.learningDue,
    newStartedToday: newStarted,
    nextDueAt: nextDueAt?.toISOString() ?? null,
    undoLogId: context.undoLogId,
    dropped: ids.filter((id) => !upcoming.some((card) => card.cardId === id) && !learningIds.has(id)),
  };
}

/** Learning steps due now and new cards started today (what an undo needs to fix the counts). */
export async function fetchDayProgress(db: Db, context: SessionContext & { settings: ReviewSettings }): Promise<{ learningDue: number; newStartedToday: number }> {
  const frame = dayFrame(context.settings, context.now);
  const scope = await todayScope(db, context, frame.dayStart);
  const [learning, newStartedToday] = await Promise.all([
    fetchWindowCandidates(db, context.learnerId, { now: context.now, scope, ids: [], learningLimit: 1 }),
    countNewStartedSince(db, context.learnerId, frame.dayStart),
  ]);
  return { learningDue: learning.learningDue, newStartedToday };
}

export const CRAM_SESSION_SIZE = 50;

/** Cram: practise any card in scope, weakest first. Reads only; nothing is scheduled or logged. */
export async function fetchCramSession(db: Db, context: SessionContext): Promise<CramSessionView> {
  await ensureCards(db, context.learnerId, context.now);
  const settings = await readSettings(db, context.learnerId);
  const scheduler = createScheduler(settings);
  const scope = await todayScope(db, context, startOfLearnerDay(context.now, settings.timeZone, settings.dayStartHour));
  const candidates = await fetchAllCandidates(db, context.learnerId, scope);
  // Families for the whole scope: cram shows one card per family (siblings.ts).
  const facts = await fetchQuestionFacts(db, candidates.map((card) => card.questionId));
  for (const card of candidates) card.family = facts.get(card.questionId)?.family ?? null;
  const ordered = buildCramQueue(candidates, (card) => scheduler.retrievability(card, context.now), CRAM_SESSION_SIZE);
  const rows = await findCardsWithQuestions(db, ordered.map((card) => card.cardId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const cards = ordered.flatMap((item) => {
    const row = byId.get(item.cardId);
    return row ? [cardViewFromRow(row)] : [];
  });
  return { mode: "cram", scope: context.scope, cards, total: countFamilies(candidates.map((card) => card.family ?? card.questionId)) };
}

export function cardViewFromRow(row: CardWithQuestion): ReviewCardView {
  const question = questionFromRow(row.question);
  return toCardView({
    cardId: row.id,
    version: row.version,
    kind: kindOf(row.state as QueueItem["state"]),
    leech: row.leech,
    lapses: row.lapses,
    question,
    topics: question.topics.map(plainTopicLink),
  });
}

async function loadCardView(db: Db, cardId: string): Promise<ReviewCardView | null> {
  const row = await findCardWithQuestion(db, cardId);
  return row ? cardViewFromRow(row) : null;
}

export { plainTopicLink, resolveTopicLinks };
