// Number formats of the progress pages.
export function percent(value: number | null, digits = 0): string {
  return value == null ? "—" : `${(value * 100).toFixed(digits)}%`;
}

export function count(value: number): string {
  return value.toLocaleString("en-US");
}

export function minutes(value: number): string {
  if (value < 1 && value > 0) return "1분 미만";
  if (value < 60) return `${Math.round(value)}분`;
  const hours = Math.floor(value / 60);
  return `${hours}시간 ${Math.round(value - hours * 60)}분`;
}
