// Interval labels for the rating buttons, Anki style ("10분", "1일", "3.2개월", "1.5년").
// Anki's thresholds: minutes under an hour, hours under a day, whole days under a month,
// months (30 days) under a year, then years (365 days); months and years keep one decimal.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export function formatInterval(milliseconds: number): string {
  const ms = Math.max(0, milliseconds);
  if (ms < MINUTE) return `${Math.max(1, Math.round(ms / 1000))}초`;
  if (ms < HOUR) return `${Math.round(ms / MINUTE)}분`;
  if (ms < DAY) return `${oneDecimal(ms / HOUR)}시간`;
  const days = ms / DAY;
  if (days < 30) return `${Math.round(days)}일`;
  if (days < 365) return `${oneDecimal(days / 30)}개월`;
  return `${oneDecimal(days / 365)}년`;
}

function oneDecimal(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1);
}
