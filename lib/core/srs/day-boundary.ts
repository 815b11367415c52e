// The learner's study day starts at `dayStartHour` o'clock in their time zone (Anki's "next day
// starts at", default 4 AM Asia/Seoul), so a late-night session still counts as the same day.
// Only Intl is used: the runtime's time zone never leaks in, every function takes `now`.
import { wallClock } from "@/lib/core/format/datetime";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The wall clock in the learner's zone: the same reading the app's date formatting uses. */
function wallTimeOf(instant: Date, timeZone: string) {
  return wallClock(instant, timeZone);
}

/** Offset of `timeZone` from UTC at `instant`, in ms (Asia/Seoul: +9 h). */
function offsetAt(instant: number, timeZone: string): number {
  const wall = wallTimeOf(new Date(instant), timeZone);
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return asUtc - Math.floor(instant / 1000) * 1000;
}

/** The instant at which the wall clock in `timeZone` shows the given local time. */
function instantOfWallTime(year: number, monthIndex: number, day: number, hour: number, timeZone: string): Date {
  const guess = Date.UTC(year, monthIndex, day, hour);
  const first = guess - offsetAt(guess, timeZone);
  // A second pass corrects the guess when a DST change lies between guess and result.
  const second = guess - offsetAt(first, timeZone);
  return new Date(second);
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    wallClock(new Date(0), timeZone);
    return true;
  } catch {
    return false;
  }
}

/**
 * The last study day computed per zone and start hour. Every answer asks for the day it falls
 * in and Intl formatting is the slow part, so a `now` inside the remembered day is answered
 * from it. Same inputs, same outputs: the cache changes no result.
 */
const lastDay = new Map<string, { start: number; end: number }>();

function learnerDay(now: Date, timeZone: string, dayStartHour: number): { start: number; end: number } {
  const key = `${timeZone}|${dayStartHour}`;
  const cached = lastDay.get(key);
  const time = now.getTime();
  if (cached && time >= cached.start && time < cached.end) return cached;
  const wall = wallTimeOf(now, timeZone);
  const dayOffset = wall.hour < dayStartHour ? -1 : 0;
  const start = instantOfWallTime(wall.year, wall.month - 1, wall.day + dayOffset, dayStartHour, timeZone);
  const startWall = wallTimeOf(start, timeZone);
  const end = instantOfWallTime(startWall.year, startWall.month - 1, startWall.day + 1, dayStartHour, timeZone);
  const day = { start: start.getTime(), end: end.getTime() };
  lastDay.set(key, day);
  return day;
}

/** The most recent day start at or before `now`. */
export function startOfLearnerDay(now: Date, timeZone: string, dayStartHour: number): Date {
  return new Date(learnerDay(now, timeZone, dayStartHour).start);
}

/** The first day start after `now`: review cards due before it are due "today". */
export function nextLearnerDayStart(now: Date, timeZone: string, dayStartHour: number): Date {
  return new Date(learnerDay(now, timeZone, dayStartHour).end);
}

/**
 * Ordinal number of the learner's day containing `instant` (days since 1970-01-01 in local
 * terms, shifted by the day start). The optimiser measures intervals with it, as Anki does.
 */
export function learnerDayNumber(instant: Date, timeZone: string, dayStartHour: number): number {
  const wall = wallTimeOf(instant, timeZone);
  const local = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  return Math.floor((local - dayStartHour * HOUR_MS) / DAY_MS);
}
