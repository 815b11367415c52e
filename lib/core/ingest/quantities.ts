// Numbers with units as notes write them ("15분", "128MB ~ 10GB", "1백만", "$0.2", "/24",
// "400,000GB 초", "1,000") turned into values in canonical units. Sizes are binary (1 GB =
// 1,024 MB), as AWS states Lambda limits (10,240 MB = 10 GB); a month is 30 days, a year 365.

import { convertUnit as referenceConvertUnit, unitFamily as referenceUnitFamily } from "../reference/units";

export interface Quantity {
  value: number;
  valueMax: number | null;
  /** Canonical unit: ms s min h day month year | B KB MB GB TB PB | Kbps Mbps Gbps | GB-s | percent | count | usd | cidr */
  unit: string;
  /** True when no unit was written ("동시 실행수 1000"); only count patterns that allow it use these. */
  bare: boolean;
  text: string;
  start: number;
  end: number;
}

const NUMBER = String.raw`(?<![\w./])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?![\d]|\.\d)`;
const MULTIPLIER = String.raw`(백만|천만|만|억|천|k(?![a-z]))?`;
const UNIT =
  String.raw`(GB\s*-?\s*(?:초(?!과)|s(?![a-z])|seconds?)|[KMG]bps|KiB|MiB|GiB|TiB|KB|MB|GB|TB|PB|bytes?|바이트|밀리\s?초|ms(?![a-z])|milliseconds?` +
  String.raw`|초(?!과|기|당)|secs?(?![a-z])|seconds?|s(?![a-z])|분(?!의|산|리|석|야|기|류|할|배|포)|mins?(?![a-z])|minutes?` +
  String.raw`|시간|hrs?(?![a-z])|hours?|h(?![a-z])|일(?!반|부|단|정|시|괄|관|치|어|련|환|상|종|대|차|회)|days?(?![a-z])|개월|months?|년|years?|yr` +
  String.raw`|%|퍼센트|percent|개월|개|건|회|번(?!째)|가지|명|times|달러|usd)?`;
const QUANTITY = new RegExp(String.raw`(\$\s?)?${NUMBER}\s?${MULTIPLIER}\s?${UNIT}`, "gi");
const CIDR = /(?<![\w/])\/(\d{1,2})(?![\d\w])/g;
const RANGE_SEPARATOR = /^\s*(?:~|～|–|—|-|to)\s*$/i;
const AFTER_BARE = /^[\s,.)\]:;·~～–—-]|^$/;

const MULTIPLIERS: Record<string, number> = { 천: 1e3, 만: 1e4, 백만: 1e6, 천만: 1e7, 억: 1e8, k: 1e3 };

export function canonicalUnit(raw: string | undefined): string | null {
  if (!raw) return null;
  const unit = raw.toLowerCase().replace(/\s+/g, "");
  if (/^gb-?(초|s|seconds?)$/.test(unit)) return "GB-s";
  if (/^(kib|kb)$/.test(unit)) return "KB";
  if (/^(mib|mb)$/.test(unit)) return "MB";
  if (/^(gib|gb)$/.test(unit)) return "GB";
  if (/^(tib|tb)$/.test(unit)) return "TB";
  if (unit === "pb") return "PB";
  if (unit === "kbps") return "Kbps";
  if (unit === "mbps") return "Mbps";
  if (unit === "gbps") return "Gbps";
  if (/^(bytes?|바이트)$/.test(unit)) return "B";
  if (/^(밀리초|ms|milliseconds?)$/.test(unit)) return "ms";
  if (/^(초|secs?|seconds?|s)$/.test(unit)) return "s";
  if (/^(분|mins?|minutes?)$/.test(unit)) return "min";
  if (/^(시간|hrs?|hours?|h)$/.test(unit)) return "h";
  if (/^(일|days?)$/.test(unit)) return "day";
  if (/^(개월|months?)$/.test(unit)) return "month";
  if (/^(년|years?|yr)$/.test(unit)) return "year";
  if (/^(%|퍼센트|percent)$/.test(unit)) return "percent";
  if (/^(개|건|회|번|가지|명|times)$/.test(unit)) return "count";
  if (/^(달러|usd)$/.test(unit)) return "usd";
  return null;
}

/** A unit's family for matching a note's number to a pattern: "time", "size", "rate", or the unit itself. */
export function unitFamily(unit: string): "time" | "size" | "rate" | string {
  const family = referenceUnitFamily(unit);
  return family === "other" ? unit : family;
}

/**
 * Converts between units of one family; null when they cannot be compared. This is the
 * reference table's conversion (lib/core/reference/units.ts), so a note's value and the AWS
 * value are converted the same way; "text" never converts.
 */
export const convertUnit = referenceConvertUnit;

/** Rounds away binary-float noise (256/1024 stays 0.25; 15*60 stays 900). */
export function roundValue(value: number): number {
  return Number.parseFloat(value.toPrecision(12));
}

export function parseQuantities(text: string): Quantity[] {
  const found: Quantity[] = [];
  for (const match of text.matchAll(QUANTITY)) {
    const [whole, dollar, integer, fraction, multiplier, unitText] = match;
    let value = Number.parseFloat(integer!.replace(/,/g, "") + (fraction ?? ""));
    if (multiplier) value *= MULTIPLIERS[multiplier.toLowerCase()] ?? 1;
    let unit = dollar ? "usd" : canonicalUnit(unitText);
    let end = match.index + whole.length;
    if (!unit && unitText) unit = null;
    let bare = false;
    if (!unit) {
      // Trim what the regex swallowed after a bare number, then require the number to end a word:
      // "5배", "1계정당" and "3번째" are not counts.
      end = match.index + (dollar?.length ?? 0) + integer!.length + (fraction?.length ?? 0) + (multiplier?.length ?? 0);
      if (!AFTER_BARE.test(text.slice(end, end + 1))) continue;
      unit = "count";
      bare = true;
    }
    const start = match.index;
    found.push({ value: roundValue(value), valueMax: null, unit, bare, text: text.slice(start, end).trim(), start, end });
  }
  for (const match of text.matchAll(CIDR)) {
    found.push({ value: Number(match[1]), valueMax: null, unit: "cidr", bare: false, text: match[0], start: match.index, end: match.index + match[0].length });
  }
  found.sort((a, b) => a.start - b.start);
  return mergeRanges(text, found);
}

/** "128MB ~ 10GB", "1~2분", "512–10,240MB": two quantities joined by a range sign become one. */
function mergeRanges(text: string, quantities: Quantity[]): Quantity[] {
  const out: Quantity[] = [];
  for (const quantity of quantities) {
    const previous = out[out.length - 1];
    if (previous && previous.valueMax === null && RANGE_SEPARATOR.test(text.slice(previous.end, quantity.start))) {
      const unit = quantity.bare ? previous.unit : quantity.unit;
      const fromUnit = previous.bare ? unit : previous.unit;
      const low = convertUnit(previous.value, fromUnit, unit);
      if (low !== null && !(previous.bare && quantity.bare)) {
        out[out.length - 1] = {
          value: roundValue(Math.min(low, quantity.value)),
          valueMax: roundValue(Math.max(low, quantity.value)),
          unit,
          bare: false,
          text: text.slice(previous.start, quantity.end).trim(),
          start: previous.start,
          end: quantity.end,
        };
        continue;
      }
    }
    out.push(quantity);
  }
  return out;
}
