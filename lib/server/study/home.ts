// What the home page offers first: today's review. The numbers are the review header's
// (lib/server/review's countDay over every topic) without building the queue or writing: the
// home page must not create card rows, so a question that has no card yet — /review creates
// it on the first visit (ensureCards) — counts as a new card here.
import "server-only";
import type { Db } from "@/lib/server/db";
import { readSettings } from "@/lib/server/cards";
import { NO_SCOPE } from "@/lib/server/review";
import { countDay } from "@/lib/server/review/repository";
import { nextLearnerDayStart, startOfLearnerDay } from "@/lib/core/srs/day-boundary";

export interface StudyStart {
  /** learning and relearning cards due now plus review cards due today */
  due: number;
  /** new cards today: what is left of the daily new limit, at most what exists */
  newToday: number;
}

export async function fetchStudyStart(context: { db: Db; learnerId: string; now: Date }): Promise<StudyStart> {
  const { db, learnerId, now } = context;
  const settings = await readSettings(db, learnerId);
  const dayStart = startOfLearnerDay(now, settings.timeZone, settings.dayStartHour);
  const dayEnd = nextLearnerDayStart(now, settings.timeZone, settings.dayStartHour);
  const [day, withoutCard] = await Promise.all([
    countDay(db, learnerId, { now, dayStart, dayEnd, scope: NO_SCOPE, newCap: settings.dailyNewLimit }),
    db.question.count({ where: { archivedAt: null, cards: { none: { learnerId } } } }),
  ]);
  const newLeft = Math.max(0, settings.dailyNewLimit - day.newStarted);
  return { due: day.learning + day.review, newToday: Math.min(newLeft, day.newAvailable + withoutCard) };
}
