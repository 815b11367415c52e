// Review sessions derived from the database: the full queue (page load, bench), the next card
// after an answer (a windowed read that yields the same head as the full queue), and cram mode.
import type { Db, Tx } from "@/lib/server/db";
import { serviceName } from "@/lib/server/study/taxonomy";
import { questionFromRow } from "@/lib/server/questions/map";
import { nextLearnerDayStart, startOfLearnerDay } from "@/lib/core/srs/day-boundary";
import { INTERLEAVE_LOOKAHEAD, buildCramQueue, buildReviewQueue, kindOf, nextQueueItem, type QueueItem, type ReviewQueue } from "@/lib/core/srs/queue";
import { createScheduler, type ReviewScheduler } from "@/lib/core/srs/scheduler";
import type { ReviewSettings } from "@/lib/core/srs/types";
import { toCardView, type CramSessionView, type ReviewCardView, type ReviewScope, type SessionView, type TopicLink } from "@/lib/core/srs/views";
import {
  countDay,
  countLeeches,
  ensureCards,
  fetchAllCandidates,
  fetchHeadCandidates,
  fetchNewCandidates,
  fetchReviewedCandidates,
  findCardWithQuestion,
  findCardsWithQuestions,
  findLatestLog,
  findTopicPages,
  readSettings,
} from "./repository";

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

function dayFrame(settings: ReviewSettings, now: Date): DayFrame {
  return {
    settings,
    scheduler: createScheduler(settings),
    dayStart: startOfLearnerDay(now, settings.timeZone, settings.dayStartHour),
    dayEnd: nextLearnerDayStart(now, settings.timeZone, settings.dayStartHour),
  };
}

/**
 * Today's whole queue, in order. Creates missing card rows first (questions added by a sync).
 * The last answer's topic seeds the interleaving, so a reload continues the same order.
 */
export async function buildTodayQueue(
  db: Db,
  context: SessionContext,
): Promise<{ queue: ReviewQueue; frame: DayFrame; newStartedToday: number; undoLogId: string | null }> {
  await ensureCards(db, context.learnerId, context.now);
  const frame = dayFrame(await readSettings(db, context.learnerId), context.now);
  const { settings } = frame;
  // New candidates are fetched for the whole daily limit; the builder trims to what is left.
  const [counts, latest, reviewed, fresh] = await Promise.all([
    countDay(db, context.learnerId, { now: context.now, dayStart: frame.dayStart, dayEnd: frame.dayEnd, scope: context.scope, newCap: 0 }),
    findLatestLog(db, context.learnerId, frame.dayStart),
    fetchReviewedCandidates(db, context.learnerId, { dayEnd: frame.dayEnd, scope: context.scope }),
    fetchNewCandidates(db, context.learnerId, { scope: context.scope, perTopic: settings.dailyNewLimit }),
  ]);
  const queue = buildReviewQueue({
    now: context.now,
    dayEnd: frame.dayEnd,
    reviewed,
    fresh,
    newLimitRemaining: Math.max(0, settings.dailyNewLimit - counts.newStarted),
    previousTopic: latest?.topic ?? null,
    retrievability: (card) => frame.scheduler.retrievability(card, context.now),
  });
  return { queue, frame, newStartedToday: counts.newStarted, undoLogId: latest?.id ?? null };
}

/** Page load: the full queue decides the first card and the counts. */
export async function fetchReviewSession(db: Db, context: SessionContext): Promise<SessionView> {
  const { queue, frame, newStartedToday, undoLogId } = await buildTodayQueue(db, context);
  const head = nextQueueItem(queue);
  const [card, leechCount] = await Promise.all([head ? loadCardView(db, head.cardId) : null, countLeeches(db, context.learnerId)]);
  return {
    mode: "review",
    scope: context.scope,
    card,
    counts: queue.counts,
    nextDueAt: head ? null : (queue.nextDueAt?.toISOString() ?? null),
    undoLogId,
    leechCount,
    newLimit: frame.settings.dailyNewLimit,
    newStartedToday,
  };
}

/**
 * The card after an answer, without reading the whole queue: the few weakest due cards (enough
 * for the interleaving look-ahead), the soonest learning card and, when nothing is due, the first
 * new card of each topic give the same head as `buildTodayQueue`; counts come from one aggregate
 * query. `leechCount` is null: the client keeps its own from the page load and each answer.
 */
export async function fetchNextCard(
  db: Db,
  context: SessionContext & { previousTopic: string | null; undoLogId: string | null; settings?: ReviewSettings },
): Promise<SessionView> {
  const frame = dayFrame(context.settings ?? (await readSettings(db, context.learnerId)), context.now);
  const { settings } = frame;
  const window = { now: context.now, dayStart: frame.dayStart, dayEnd: frame.dayEnd, scope: context.scope };
  const [counts, candidates] = await Promise.all([
    countDay(db, context.learnerId, { ...window, newCap: settings.dailyNewLimit }),
    fetchHeadCandidates(db, context.learnerId, { ...window, dueNowLimit: INTERLEAVE_LOOKAHEAD + 1 }),
  ]);
  const newLimitRemaining = Math.max(0, settings.dailyNewLimit - counts.newStarted);
  const dueNow = counts.learning + counts.review > 0;
  const fresh = !dueNow && newLimitRemaining > 0 ? await fetchNewCandidates(db, context.learnerId, { scope: context.scope, perTopic: 1 }) : [];
  const queue = buildReviewQueue({
    now: context.now,
    dayEnd: frame.dayEnd,
    reviewed: candidates,
    fresh,
    newLimitRemaining,
    previousTopic: context.previousTopic,
    retrievability: (card) => frame.scheduler.retrievability(card, context.now),
  });
  const head = nextQueueItem(queue);
  const card = head ? await loadCardView(db, head.cardId) : null;
  return {
    mode: "review",
    scope: context.scope,
    card,
    counts: { learning: counts.learning, review: counts.review, new: Math.min(counts.newAvailable, newLimitRemaining) },
    nextDueAt: head ? null : (queue.nextDueAt?.toISOString() ?? null),
    undoLogId: context.undoLogId,
    leechCount: null,
    newLimit: settings.dailyNewLimit,
    newStartedToday: counts.newStarted,
  };
}

export const CRAM_SESSION_SIZE = 50;

/** Cram: practise any card in scope, weakest first. Reads only; nothing is scheduled or logged. */
export async function fetchCramSession(db: Db, context: SessionContext): Promise<CramSessionView> {
  await ensureCards(db, context.learnerId, context.now);
  const settings = await readSettings(db, context.learnerId);
  const scheduler = createScheduler(settings);
  const candidates = await fetchAllCandidates(db, context.learnerId, context.scope);
  const ordered = buildCramQueue(candidates, (card) => scheduler.retrievability(card, context.now), CRAM_SESSION_SIZE);
  const rows = await findCardsWithQuestions(db, ordered.map((card) => card.cardId));
  const byId = new Map(rows.map((row) => [row.id, row]));
  const cards = ordered.flatMap((item) => {
    const row = byId.get(item.cardId);
    return row ? [cardViewFromRow(row)] : [];
  });
  return { mode: "cram", scope: context.scope, cards, total: candidates.length };
}

type CardWithQuestion = NonNullable<Awaited<ReturnType<typeof findCardWithQuestion>>>;

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

/** A topic chip without a database read; the reveal resolves the real topic page. */
export function plainTopicLink(key: string): TopicLink {
  return { key, label: serviceName(key) ?? key, href: `/topics?service=${encodeURIComponent(key)}` };
}

/** Topic links to the overview page of each service, falling back to the topic list. */
export async function resolveTopicLinks(db: Db | Tx, keys: readonly string[]): Promise<TopicLink[]> {
  const pages = await findTopicPages(db, keys);
  return keys.map((key) => {
    const page = pages.get(key);
    return page ? { key, label: serviceName(key) ?? page.title, href: `/topics/${encodeURIComponent(page.slug)}` } : plainTopicLink(key);
  });
}
