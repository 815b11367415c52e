// Review activity by learner day: the database groups logs (and due dates) by UTC hour, and
// each hour is assigned here to the learner's study day with their day start and time zone
// (lib/core/srs/day-boundary), so daylight-saving changes and the 4 AM boundary are exact for
// every zone whose offset is a whole number of hours (a half-hour zone's boundary hour is
// counted with the hour it starts in).
//
// A learner day number d (learnerDayNumber) names the local date new Date(d · 24 h) in UTC
// fields, so labels and weekdays need no Intl calls.
import { learnerDayNumber, startOfLearnerDay } from "@/lib/core/srs/day-boundary";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface HourBucket {
  /** start of the UTC hour, ms since epoch */
  hourStart: number;
  answers: number;
  /** answers of cards in the review state (retention counts these, as Anki's true retention) */
  matureAnswers: number;
  maturePassed: number;
  durationMs: number;
}

export interface DayTotals {
  day: number;
  answers: number;
  matureAnswers: number;
  maturePassed: number;
  durationMs: number;
}

export interface LearnerClock {
  timeZone: string;
  dayStartHour: number;
}

export function dayOf(instant: Date | number, clock: LearnerClock): number {
  return learnerDayNumber(typeof instant === "number" ? new Date(instant) : instant, clock.timeZone, clock.dayStartHour);
}

/** Sums hour buckets per learner day. */
export function totalsByDay(buckets: readonly HourBucket[], clock: LearnerClock): Map<number, DayTotals> {
  const days = new Map<number, DayTotals>();
  for (const bucket of buckets) {
    const day = dayOf(bucket.hourStart, clock);
    const totals = days.get(day) ?? { day, answers: 0, matureAnswers: 0, maturePassed: 0, durationMs: 0 };
    totals.answers += bucket.answers;
    totals.matureAnswers += bucket.matureAnswers;
    totals.maturePassed += bucket.maturePassed;
    totals.durationMs += bucket.durationMs;
    days.set(day, totals);
  }
  return days;
}

export interface DayLabel {
  year: number;
  month: number;
  day: number;
  /** 0 = Sunday */
  weekday: number;
}

export function labelOfDay(day: number): DayLabel {
  const date = new Date(day * DAY_MS);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), weekday: date.getUTCDay() };
}

export function shortDayText(day: number): string {
  const label = labelOfDay(day);
  return `${label.month}월 ${label.day}일`;
}

export function longDayText(day: number): string {
  const label = labelOfDay(day);
  return `${label.year}년 ${label.month}월 ${label.day}일 (${"일월화수목금토"[label.weekday]})`;
}

export interface HeatmapCell {
  day: number;
  answers: number;
  /** 0 none, 1–4 quarters of the busiest day */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Heatmap {
  /** week columns, Sunday first; cells before the first day or after today are null */
  weeks: (HeatmapCell | null)[][];
  totalAnswers: number;
  activeDays: number;
  firstDay: number;
  today: number;
}

/** The last `days` learner days ending today, laid out by week (GitHub-style). */
export function buildHeatmap(byDay: Map<number, DayTotals>, today: number, days = 365): Heatmap {
  const firstDay = today - days + 1;
  const counts: number[] = [];
  for (let day = firstDay; day <= today; day += 1) {
    const answers = byDay.get(day)?.answers ?? 0;
    if (answers > 0) counts.push(answers);
  }
  // Levels are quarters of the busiest day (like GitHub's contribution graph): one review is level 1.
  const busiest = counts.reduce((max, value) => Math.max(max, value), 0);
  const levelOf = (answers: number): HeatmapCell["level"] => (answers === 0 ? 0 : (Math.max(1, Math.ceil((4 * answers) / busiest)) as HeatmapCell["level"]));
  const weeks: (HeatmapCell | null)[][] = [];
  const start = firstDay - labelOfDay(firstDay).weekday;
  for (let weekStart = start; weekStart <= today; weekStart += 7) {
    const week: (HeatmapCell | null)[] = [];
    for (let offset = 0; offset < 7; offset += 1) {
      const day = weekStart + offset;
      if (day < firstDay || day > today) week.push(null);
      else {
        const answers = byDay.get(day)?.answers ?? 0;
        week.push({ day, answers, level: levelOf(answers) });
      }
    }
    weeks.push(week);
  }
  return { weeks, totalAnswers: counts.reduce((sum, value) => sum + value, 0), activeDays: counts.length, firstDay, today };
}

export interface Streak {
  /** consecutive study days ending today, or yesterday when today has no answer yet */
  current: number;
  longest: number;
  studiedToday: boolean;
}

export function computeStreak(byDay: Map<number, DayTotals>, today: number): Streak {
  const active = (day: number) => (byDay.get(day)?.answers ?? 0) > 0;
  const studiedToday = active(today);
  let current = 0;
  for (let day = studiedToday ? today : today - 1; active(day); day -= 1) current += 1;
  const days = [...byDay.values()].filter((totals) => totals.answers > 0).map((totals) => totals.day).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  let previous = Number.NaN;
  for (const day of days) {
    run = day === previous + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  return { current, longest: Math.max(longest, current), studiedToday };
}

export interface DueBucket {
  hourStart: number;
  cards: number;
}

export interface DueDay {
  day: number;
  /** index from today (0 = today; overdue cards are counted today) */
  offset: number;
  cards: number;
}

/** Cards due per learner day for the next `days` days (today first, with everything overdue). */
export function dueByDay(buckets: readonly DueBucket[], today: number, clock: LearnerClock, days = 30): DueDay[] {
  const result: DueDay[] = Array.from({ length: days }, (_, offset) => ({ day: today + offset, offset, cards: 0 }));
  for (const bucket of buckets) {
    const offset = Math.max(0, dayOf(bucket.hourStart, clock) - today);
    if (offset < days) result[offset]!.cards += bucket.cards;
  }
  return result;
}

export interface RetentionMonth {
  /** "2026-03" */
  key: string;
  label: string;
  answers: number;
  passed: number;
  /** passed / answers of review-state cards; null without such answers */
  actual: number | null;
}

/** Actual retention (Anki's "true retention": review-state answers not rated 다시) per month of the last `months`. */
export function retentionByMonth(byDay: Map<number, DayTotals>, today: number, months = 12): RetentionMonth[] {
  const todayLabel = labelOfDay(today);
  const keys: RetentionMonth[] = [];
  for (let back = months - 1; back >= 0; back -= 1) {
    const index = todayLabel.year * 12 + (todayLabel.month - 1) - back;
    const year = Math.floor(index / 12);
    const month = (index % 12) + 1;
    keys.push({ key: `${year}-${String(month).padStart(2, "0")}`, label: `${year}년 ${month}월`, answers: 0, passed: 0, actual: null });
  }
  const byKey = new Map(keys.map((entry) => [entry.key, entry]));
  for (const totals of byDay.values()) {
    const label = labelOfDay(totals.day);
    const entry = byKey.get(`${label.year}-${String(label.month).padStart(2, "0")}`);
    if (!entry) continue;
    entry.answers += totals.matureAnswers;
    entry.passed += totals.maturePassed;
  }
  for (const entry of keys) entry.actual = entry.answers === 0 ? null : entry.passed / entry.answers;
  return keys;
}

export interface TimeDay {
  day: number;
  minutes: number;
  answers: number;
}

/** Minutes answered per learner day over the last `days` days (the answer durations the app recorded). */
export function timeByDay(byDay: Map<number, DayTotals>, today: number, days = 30): TimeDay[] {
  return Array.from({ length: days }, (_, index) => {
    const day = today - days + 1 + index;
    const totals = byDay.get(day);
    return { day, minutes: (totals?.durationMs ?? 0) / 60_000, answers: totals?.answers ?? 0 };
  });
}

/** The UTC hour an instant falls in (what the SQL groups by). */
export function hourStartOf(instant: Date): number {
  return Math.floor(instant.getTime() / HOUR_MS) * HOUR_MS;
}

/**
 * The moment the forecast evaluates for an exam date (a calendar date stored as UTC midnight):
 * five hours after that study day starts (09:00 with the default 4 AM start). Noon UTC of the
 * date lies inside the local date for every zone from UTC−11 to UTC+11.
 */
export function examMomentOf(examDate: Date, clock: LearnerClock): Date {
  const noonUtc = Date.UTC(examDate.getUTCFullYear(), examDate.getUTCMonth(), examDate.getUTCDate(), 12);
  return new Date(startOfLearnerDay(new Date(noonUtc), clock.timeZone, clock.dayStartHour).getTime() + 5 * HOUR_MS);
}

/** Start of the learner day `days` study days after the one containing `now` (DST-exact). */
export function learnerDayStartAfter(now: Date, days: number, clock: LearnerClock): Date {
  const start = startOfLearnerDay(now, clock.timeZone, clock.dayStartHour);
  return startOfLearnerDay(new Date(start.getTime() + days * DAY_MS + 12 * HOUR_MS), clock.timeZone, clock.dayStartHour);
}
