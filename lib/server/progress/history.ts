// The closed part of the learner's history: review logs before today's study day began, by UTC
// hour (12 months) and as 30-day accuracy. Answers are always written at the moment they are
// given and undo removes only the latest, so logs before today's day start do not change while
// the day lasts; they are aggregated once per learner day (about a second at 1M logs) and kept
// in memory, and each dashboard adds today's logs live. The latest log before the day start is
// the fingerprint: a restore into the empty database (progress:import, in another process) or
// a new day starts a new aggregate. Deleting old logs (a question bank removed with its cards)
// shows at the next day start at the latest.
import "server-only";
import type { Db, Tx } from "@/lib/server/db";
import type { AccuracyAggregate } from "@/lib/core/progress/mastery";
import type { HourBucket } from "@/lib/core/progress/calendar";
import { accuracyByDomain, accuracyByTopic, latestReviewBefore, logsByHour } from "./queries";

type AnyDb = Db | Tx;

export interface HistoryWindow {
  learnerId: string;
  /** start of today's learner day: the closed part ends here */
  dayStart: Date;
  /** first instant of the 12-month calendar */
  calendarStart: Date;
  /** first instant of the accuracy window (30 learner days including today) */
  accuracyStart: Date;
}

export interface History {
  hours: HourBucket[];
  topicAccuracy: Map<string, AccuracyAggregate>;
  domainAccuracy: Map<string, AccuracyAggregate>;
}

interface CachedHistory {
  key: string;
  fingerprint: string;
  history: History;
}

// Per database client (tests open several), the newest entry per learner.
const closedHistories = new WeakMap<object, Map<string, CachedHistory>>();

async function readClosedHistory(db: AnyDb, window: HistoryWindow): Promise<History> {
  const key = `${window.dayStart.toISOString()}|${window.calendarStart.toISOString()}|${window.accuracyStart.toISOString()}`;
  const fingerprint = await latestReviewBefore(db, window.learnerId, window.dayStart);
  let perDb = closedHistories.get(db);
  if (!perDb) {
    perDb = new Map();
    closedHistories.set(db, perDb);
  }
  const cached = perDb.get(window.learnerId);
  if (cached && cached.key === key && cached.fingerprint === fingerprint) return cached.history;
  const [hours, topicAccuracy, domainAccuracy] = await Promise.all([
    logsByHour(db, window.learnerId, window.calendarStart, window.dayStart),
    accuracyByTopic(db, window.learnerId, window.accuracyStart, undefined, window.dayStart),
    accuracyByDomain(db, window.learnerId, window.accuracyStart, window.dayStart),
  ]);
  const history = { hours, topicAccuracy, domainAccuracy };
  perDb.set(window.learnerId, { key, fingerprint, history });
  return history;
}

function mergeAccuracy(closed: Map<string, AccuracyAggregate>, live: Map<string, AccuracyAggregate>): Map<string, AccuracyAggregate> {
  const merged = new Map<string, AccuracyAggregate>();
  for (const source of [closed, live]) {
    for (const [key, value] of source) {
      const entry = merged.get(key) ?? { review: { answers: 0, correct: 0 }, exam: { answers: 0, correct: 0 } };
      entry.review = { answers: entry.review.answers + value.review.answers, correct: entry.review.correct + value.review.correct };
      entry.exam = { answers: entry.exam.answers + value.exam.answers, correct: entry.exam.correct + value.exam.correct };
      merged.set(key, entry);
    }
  }
  return merged;
}

/** Closed days (cached per learner day) plus today's logs (read live). */
export async function readHistory(db: AnyDb, window: HistoryWindow): Promise<History> {
  const [closed, hours, topicAccuracy, domainAccuracy] = await Promise.all([
    readClosedHistory(db, window),
    logsByHour(db, window.learnerId, window.dayStart),
    accuracyByTopic(db, window.learnerId, window.dayStart),
    accuracyByDomain(db, window.learnerId, window.dayStart),
  ]);
  return {
    hours: [...closed.hours, ...hours],
    topicAccuracy: mergeAccuracy(closed.topicAccuracy, topicAccuracy),
    domainAccuracy: mergeAccuracy(closed.domainAccuracy, domainAccuracy),
  };
}
