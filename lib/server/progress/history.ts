// The learner's review history for the dashboard: 12 months of logs by UTC hour and 30-day
// accuracy per topic and domain, read from the tallies in the database (aggregates.ts), which
// every ReviewLog write keeps current in its own transaction. No per-process state: any app
// server reads the same rows, and the first view of a day costs what every view costs.
import "server-only";
import type { Db, Tx } from "@/lib/server/db";
import type { AccuracyAggregate } from "@/lib/core/progress/mastery";
import type { HourBucket } from "@/lib/core/progress/calendar";
import { accuracyByDomain, accuracyByTopic, logsByHour } from "./queries";

type AnyDb = Db | Tx;

export interface HistoryWindow {
  learnerId: string;
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

export async function readHistory(db: AnyDb, window: HistoryWindow): Promise<History> {
  const [hours, topicAccuracy, domainAccuracy] = await Promise.all([
    logsByHour(db, window.learnerId, window.calendarStart),
    accuracyByTopic(db, window.learnerId, window.accuracyStart),
    accuracyByDomain(db, window.learnerId, window.accuracyStart),
  ]);
  return { hours, topicAccuracy, domainAccuracy };
}
