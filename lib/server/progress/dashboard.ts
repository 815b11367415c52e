// The progress views: the dashboard (/progress), one topic's panel and the home page's panel.
// Reads run before the pure core (lib/core/progress) and are passed in; nothing here computes
// progress itself beyond reshaping rows.
import "server-only";
import { readSettings } from "@/lib/server/cards";
import { findTopicPages } from "@/lib/server/cards/topic-links";
import { providerOfDb, tuneSqlite, type Db } from "@/lib/server/db";
import { serviceName } from "@/lib/server/study/taxonomy";
import { createScheduler } from "@/lib/core/srs/scheduler";
import { startOfLearnerDay, nextLearnerDayStart } from "@/lib/core/srs/day-boundary";
import { DOMAIN_LABELS, DOMAINS } from "@/lib/core/questions/types";
import {
  addAggregates,
  EMPTY_ACCURACY,
  EMPTY_AGGREGATE,
  forgettingCurveOf,
  progressRowOf,
  sortRows,
  type CardAggregate,
  type ProgressRow,
  type ProgressSort,
} from "@/lib/core/progress/mastery";
import {
  buildHeatmap,
  computeStreak,
  dayOf,
  dueByDay,
  examMomentOf,
  learnerDayStartAfter,
  retentionByMonth,
  timeByDay,
  totalsByDay,
  type DueDay,
  type Heatmap,
  type LearnerClock,
  type RetentionMonth,
  type Streak,
  type TimeDay,
} from "@/lib/core/progress/calendar";
import { estimateReadiness, forecastExamDay, PACE_WINDOW_DAYS, rankNextActions, type DomainAggregates, type TopicDomainAggregate } from "@/lib/core/progress/readiness";
import type { NextActionView, ProgressDashboard, ReadinessView, TopicProgress, TopicProgressRow } from "@/lib/core/progress/views";
import {
  accuracyByTopic,
  aggregateCardsByDomain,
  aggregateCardsByTopicDomain,
  aggregateTopicCardsByDomain,
  countFirstReviewsSince,
  dueByHour,
  emptyDomainAggregates,
  examTalliesSince,
  hasMultiTopicQuestions,
  readExamDate,
  type CardWindow,
  type TopicDomainRow,
} from "./queries";
import { readHistory } from "./history";

const DAY_MS = 86_400_000;
export const ACCURACY_WINDOW_DAYS = 30;
export const EXAM_EVIDENCE_DAYS = 30;
const DUE_DAYS = 30;

export interface ProgressContext {
  learnerId: string;
  now: Date;
}

async function prepare(db: Db, context: ProgressContext) {
  await tuneSqlite(db);
  const [settings, examDate] = await Promise.all([readSettings(db, context.learnerId), readExamDate(db, context.learnerId)]);
  const clock: LearnerClock = { timeZone: settings.timeZone, dayStartHour: settings.dayStartHour };
  const curve = forgettingCurveOf(createScheduler(settings).parameters);
  const examAt = examDate ? examMomentOf(examDate, clock) : null;
  const window: CardWindow = {
    learnerId: context.learnerId,
    now: context.now,
    todayEnd: nextLearnerDayStart(context.now, clock.timeZone, clock.dayStartHour),
    weekEnd: learnerDayStartAfter(context.now, 7, clock),
    examAt: examAt && examAt > context.now ? examAt : null,
    curve,
  };
  return { settings, examDate, clock, window, today: dayOf(context.now, clock) };
}

function readinessOf(input: {
  domains: Awaited<ReturnType<typeof aggregateCardsByDomain>>;
  exams: Awaited<ReturnType<typeof examTalliesSince>>;
  examDate: Date | null;
  window: CardWindow;
  clock: LearnerClock;
  today: number;
  newCards: number;
  desiredRetention: number;
  next: NextActionView[];
}): ReadinessView {
  const estimate = estimateReadiness(input.domains, input.exams);
  const forecast = input.window.examAt
    ? forecastExamDay({ domains: input.domains, exams: input.exams, daysLeft: dayOf(input.window.examAt, input.clock) - input.today, newCardsInWindow: input.newCards, desiredRetention: input.desiredRetention })
    : null;
  const dueToday = DOMAINS.reduce((sum, domain) => sum + input.domains[domain].dueToday, 0);
  return { estimate, examDate: input.examDate, forecast, desiredRetention: input.desiredRetention, next: input.next, dueToday, timeZone: input.clock.timeZone };
}

/** Everything /progress shows, in parallel reads; `sort` orders the topic and domain tables. */
export async function fetchProgressDashboard(db: Db, context: ProgressContext, sort: ProgressSort): Promise<ProgressDashboard> {
  const { settings, examDate, clock, window, today } = await prepare(db, context);
  const dayStart = startOfLearnerDay(context.now, clock.timeZone, clock.dayStartHour);
  const multiTopic = await hasMultiTopicQuestions(db);
  const [topicDomains, history, exams, dueHours, newCards] = await Promise.all([
    aggregateCardsByTopicDomain(db, window, !multiTopic),
    readHistory(db, {
      learnerId: context.learnerId,
      dayStart,
      // the 365 heatmap days start 364 learner days before today's
      calendarStart: learnerDayStartAfter(context.now, -364, clock),
      accuracyStart: learnerDayStartAfter(context.now, -(ACCURACY_WINDOW_DAYS - 1), clock),
    }),
    examTalliesSince(db, context.learnerId, new Date(context.now.getTime() - EXAM_EVIDENCE_DAYS * DAY_MS)),
    dueByHour(db, context.learnerId, learnerDayStartAfter(context.now, DUE_DAYS, clock)),
    countFirstReviewsSince(db, context.learnerId, new Date(context.now.getTime() - PACE_WINDOW_DAYS * DAY_MS)),
  ]);
  // One pass over the cards gives both tables unless a question belongs to several topics
  // (then its card is in several topic rows, and the domains need their own pass).
  const domains = multiTopic ? await aggregateCardsByDomain(db, window) : sumByDomain(topicDomains);

  const byTopic = new Map<string, CardAggregate>();
  const topicRows: TopicDomainAggregate[] = [];
  for (const row of topicDomains) {
    if (row.topicKey == null) continue;
    byTopic.set(row.topicKey, addAggregates(byTopic.get(row.topicKey) ?? EMPTY_AGGREGATE, row));
    topicRows.push({ topicKey: row.topicKey, domain: row.domain, cards: row.cards, retrievabilitySum: row.retrievabilitySum });
  }
  const pages = await findTopicPages(db, [...byTopic.keys()]);
  const labelOf = (key: string) => serviceName(key) ?? pages.get(key)?.title ?? key;
  const topics: TopicProgressRow[] = [...byTopic].map(([key, aggregate]) => ({
    ...progressRowOf(key, labelOf(key), aggregate, history.topicAccuracy.get(key) ?? EMPTY_ACCURACY),
    topicSlug: pages.get(key)?.slug ?? null,
  }));
  const domainRows = DOMAINS.map((domain) => progressRowOf(domain, DOMAIN_LABELS[domain], domains[domain], history.domainAccuracy.get(domain) ?? EMPTY_ACCURACY));
  const next = rankNextActions(topicRows, domains).map((action) => ({ ...action, label: labelOf(action.topicKey), topicSlug: pages.get(action.topicKey)?.slug ?? null }));

  const byDay = totalsByDay(history.hours, clock);
  return {
    readiness: readinessOf({ domains, exams, examDate, window, clock, today, newCards, desiredRetention: settings.desiredRetention, next }),
    topics: sortRows(topics, sort),
    domains: sortRows(domainRows, sort),
    heatmap: buildHeatmap(byDay, today),
    streak: computeStreak(byDay, today),
    due: dueByDay(dueHours, today, clock, DUE_DAYS),
    retention: retentionByMonth(byDay, today),
    time: timeByDay(byDay, today),
    totals: DOMAINS.reduce((sum, domain) => ({ cards: sum.cards + domains[domain].cards, seen: sum.seen + domains[domain].seen }), { cards: 0, seen: 0 }),
    timeZone: clock.timeZone,
    dayStartHour: clock.dayStartHour,
  };
}

function sumByDomain(rows: readonly TopicDomainRow[]): DomainAggregates {
  const result = emptyDomainAggregates();
  for (const row of rows) result[row.domain] = addAggregates(result[row.domain], row);
  return result;
}

/** One topic's panel (topic pages): its cards per domain, 30-day accuracy, next 7 days' due. */
export async function fetchTopicProgress(db: Db, context: ProgressContext & { topicKey: string }): Promise<TopicProgress | null> {
  const { clock, window, today } = await prepare(db, context);
  const since = learnerDayStartAfter(context.now, -(ACCURACY_WINDOW_DAYS - 1), clock);
  // The next seven study days' ends: due counts come with the card sums in the same pass.
  const bounds = Array.from({ length: 7 }, (_, index) => learnerDayStartAfter(context.now, index + 1, clock));
  // (PostgreSQL answers the check without a cache; its plain join is fast enough for one topic)
  const singleTopic = providerOfDb(db) === "sqlite" && !(await hasMultiTopicQuestions(db));
  const [rows, accuracy] = await Promise.all([aggregateTopicCardsByDomain(db, window, context.topicKey, bounds, singleTopic), accuracyByTopic(db, context.learnerId, since, context.topicKey)]);
  if (rows.length === 0) return null;
  const label = serviceName(context.topicKey) ?? context.topicKey;
  const total = rows.reduce<CardAggregate>((sum, row) => addAggregates(sum, row), EMPTY_AGGREGATE);
  return {
    topicKey: context.topicKey,
    label,
    overall: progressRowOf(context.topicKey, label, total, accuracy.get(context.topicKey) ?? EMPTY_ACCURACY),
    domains: DOMAINS.flatMap((domain) => {
      const row = rows.find((entry) => entry.domain === domain);
      return row ? [progressRowOf(domain, DOMAIN_LABELS[domain], row)] : [];
    }),
    due: bounds.map((_, offset) => {
      const before = (index: number) => (index < 0 ? 0 : rows.reduce((sum, row) => sum + (row.dueBefore[index] ?? 0), 0));
      return { day: today + offset, offset, cards: before(offset) - before(offset - 1) };
    }),
    timeZone: clock.timeZone,
  };
}

/** The home page's panel: due today and the readiness estimate (no per-topic table). */
export async function fetchHomeProgress(db: Db, context: ProgressContext): Promise<ReadinessView> {
  const { settings, examDate, clock, window, today } = await prepare(db, context);
  const [domains, exams, newCards] = await Promise.all([
    aggregateCardsByDomain(db, window),
    examTalliesSince(db, context.learnerId, new Date(context.now.getTime() - EXAM_EVIDENCE_DAYS * DAY_MS)),
    countFirstReviewsSince(db, context.learnerId, new Date(context.now.getTime() - PACE_WINDOW_DAYS * DAY_MS)),
  ]);
  return readinessOf({ domains, exams, examDate, window, clock, today, newCards, desiredRetention: settings.desiredRetention, next: [] });
}

export { readExamDate };
