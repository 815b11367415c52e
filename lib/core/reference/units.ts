// Units shared by note facts and reference facts: the one unit table (the ingester's quantities
// use it too). Sizes use binary multiples (1 MB = 1,024 KB), as AWS does for Lambda limits
// (10,240 MB = 10 GB); a month is 30 days, a year 365.

const TIME_SECONDS: Record<string, number> = { s: 1, ms: 0.001, min: 60, h: 3600, day: 86_400, month: 2_592_000, year: 31_536_000 };
const SIZE_KB: Record<string, number> = { B: 1 / 1024, KB: 1, MB: 1024, GB: 1024 ** 2, TB: 1024 ** 3, PB: 1024 ** 4 };

/** Network bandwidth (Direct Connect, VPN): decimal multiples, as AWS quotes them. */
const RATE_MBPS: Record<string, number> = { Kbps: 0.001, Mbps: 1, Gbps: 1000 };

export type UnitFamily = "time" | "size" | "rate" | "other";

export function unitFamily(unit: string): UnitFamily {
  if (unit in TIME_SECONDS) return "time";
  if (unit in SIZE_KB) return "size";
  if (unit in RATE_MBPS) return "rate";
  return "other";
}

/**
 * Converts `value` from one unit to another of the same family. Returns null when the units
 * cannot be compared (different families, or non-convertible units such as `count` vs `usd`).
 */
export function convertUnit(value: number, from: string, to: string): number | null {
  if (from === to) return from === "text" ? null : value;
  const fromTime = TIME_SECONDS[from];
  const toTime = TIME_SECONDS[to];
  if (fromTime !== undefined && toTime !== undefined) return (value * fromTime) / toTime;
  const fromSize = SIZE_KB[from];
  const toSize = SIZE_KB[to];
  if (fromSize !== undefined && toSize !== undefined) return (value * fromSize) / toSize;
  const fromRate = RATE_MBPS[from];
  const toRate = RATE_MBPS[to];
  if (fromRate !== undefined && toRate !== undefined) return (value * fromRate) / toRate;
  return null;
}

/** Equal within floating-point noise after conversion (1 MB vs 1024 KB). */
export function sameQuantity(a: number, aUnit: string, b: number, bUnit: string): boolean {
  const converted = convertUnit(a, aUnit, bUnit);
  if (converted === null) return false;
  return Math.abs(converted - b) <= Math.max(1e-9, Math.abs(b) * 1e-9);
}

/** 10240 → "10,240"; 0.5 → "0.5". Deterministic (no locale). */
export function formatNumber(value: number): string {
  // 12 significant digits: keeps 99.999999999 (S3 durability) while hiding float noise.
  const rounded = Number(value.toPrecision(12));
  const [whole = "0", fraction] = String(Math.abs(rounded)).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}

const UNIT_SUFFIX: Record<string, string> = {
  s: "초",
  ms: "밀리초",
  min: "분",
  h: "시간",
  day: "일",
  count: "개",
  percent: "%",
};

/** Korean rendering of a quantity: 900 s → "900초(15분)", 10240 MB → "10,240MB". */
export function formatQuantity(value: number, unit: string): string {
  if (unit === "s" && value >= 120 && value % 60 === 0) return `${formatNumber(value)}초(${formatNumber(value / 60)}분)`;
  if (unit === "h" && value >= 48 && value % 24 === 0) return `${formatNumber(value)}시간(${formatNumber(value / 24)}일)`;
  if (unit in SIZE_KB) return `${formatNumber(value)}${unit}`;
  const suffix = UNIT_SUFFIX[unit];
  if (suffix) return `${formatNumber(value)}${suffix}`;
  return `${formatNumber(value)} ${unit}`;
}

/** A value or range: 128–10,240MB. */
export function formatRange(value: number, valueMax: number | null | undefined, unit: string): string {
  if (valueMax == null || valueMax === value) return formatQuantity(value, unit);
  return `${formatNumber(value)}–${formatQuantity(valueMax, unit)}`;
}
