// Dates and times as the app shows them, in one explicit Korean format:
//   long  "2026년 12월 6일 (일) 오후 3:58"     short "12월 6일 오후 3:58"
// The calendar fields come from Intl.DateTimeFormat("en-US", { timeZone, hourCycle: "h23" })
// .formatToParts — numbers only, which every ICU build has — and the Korean words (요일,
// 오전/오후) are ours. `ko-KR` formatting is not used because the server's ICU data decides its
// output: a small-ICU Node prints "AM 3:58" instead of "오전 3:58".
// The time zone is an argument (the learner's study time zone; Asia/Seoul by default).

export const DEFAULT_TIME_ZONE = "Asia/Seoul";

const WEEKDAYS: Record<string, string> = { Sun: "일", Mon: "월", Tue: "화", Wed: "수", Thu: "목", Fri: "금", Sat: "토" };

export interface CalendarParts {
  year: number;
  month: number;
  day: number;
  /** 일, 월, … 토 */
  weekday: string;
  /** 0–23 */
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "numeric",
      day: "numeric",
      weekday: "short",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
      hourCycle: "h23",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall clock in `timeZone` at `date`, to the second (also the study day's boundary arithmetic). */
export function wallClock(date: Date, timeZone: string = DEFAULT_TIME_ZONE): CalendarParts & { second: number } {
  const parts = Object.fromEntries(formatterFor(timeZone).formatToParts(date).map((part) => [part.type, part.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    weekday: WEEKDAYS[parts.weekday ?? ""] ?? "",
    // Some engines print midnight as "24" even with h23.
    hour: Number(parts.hour) % 24,
    minute: Number(parts.minute),
    second: Number(parts.second),
  };
}

/** The wall-clock fields of `date` in `timeZone`. */
export function calendarParts(date: Date, timeZone: string = DEFAULT_TIME_ZONE): CalendarParts {
  const { second: _second, ...parts } = wallClock(date, timeZone);
  return parts;
}

/** "오전 9:05", "오후 12:30", "오전 12:00" (midnight): a 12-hour clock with the Korean day period. */
export function formatTime(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { hour, minute } = calendarParts(date, timeZone);
  const period = hour < 12 ? "오전" : "오후";
  return `${period} ${hour % 12 === 0 ? 12 : hour % 12}:${String(minute).padStart(2, "0")}`;
}

/** "2026년 12월 6일 (일)" */
export function formatDate(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { year, month, day, weekday } = calendarParts(date, timeZone);
  return `${year}년 ${month}월 ${day}일 (${weekday})`;
}

/** "12월 6일" */
export function formatShortDate(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const { month, day } = calendarParts(date, timeZone);
  return `${month}월 ${day}일`;
}

/** "2026년 12월 6일 (일) 오후 3:58" */
export function formatDateTime(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatDate(date, timeZone)} ${formatTime(date, timeZone)}`;
}

/** "12월 6일 오후 3:58" */
export function formatShortDateTime(date: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  return `${formatShortDate(date, timeZone)} ${formatTime(date, timeZone)}`;
}

/** "방금", "5분 전", "3시간 후", "2일 전": how far `date` is from `now`. */
export function formatRelative(date: Date, now: Date): string {
  const seconds = Math.round((date.getTime() - now.getTime()) / 1000);
  const suffix = seconds < 0 ? "전" : "후";
  const distance = Math.abs(seconds);
  if (distance < 60) return seconds < 0 ? "방금" : "곧";
  const minutes = Math.round(distance / 60);
  if (minutes < 60) return `${minutes}분 ${suffix}`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours}시간 ${suffix}`;
  return `${Math.round(hours / 24)}일 ${suffix}`;
}
