// The note lint: where notes disagree with each other (kind "conflict": every fact is kept,
// each one carries a warning naming the other values) and where a note disagrees with the
// verified AWS reference table (kind "reference": the message cites both values, the
// documentation's date and URL). Warnings carry the topic so the topic page can show them
// beside the passage.
import type { ReferenceFact } from "../reference/aws-facts";
import { hashParts } from "./hash";
import { convertUnit, roundValue } from "./quantities";
import type { FactValue, LintWarningDraft } from "./types";

export interface LintFact extends FactValue {
  topicId: string | null;
  notePath: string;
  /** Reference fact id checked regardless of value (claims, counts that only go stale). */
  reference: string | null;
}

const RELATIVE_TOLERANCE = 1e-9;

function same(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b), 1);
}

export interface ValueRange {
  value: number;
  valueMax: number | null;
}

/**
 * Two statements agree when they state the same value, or when one names a bound of the other's
 * range ("최대 10GB" agrees with "128MB ~ 10GB"; "35일까지" with "1–35일").
 */
export function valuesAgree(a: ValueRange, b: ValueRange): boolean {
  if (a.valueMax === null && b.valueMax === null) return same(a.value, b.value);
  if (a.valueMax !== null && b.valueMax !== null) return same(a.value, b.value) && same(a.valueMax, b.valueMax);
  const range = a.valueMax !== null ? a : b;
  const single = a.valueMax !== null ? b : a;
  return same(single.value, range.value) || same(single.value, range.valueMax!);
}

const UNIT_TEXT: Record<string, string> = {
  ms: "밀리초", s: "초", min: "분", h: "시간", day: "일", month: "개월", year: "년", count: "", percent: "%", "GB-s": "GB-초",
};

const NUMBER_FORMAT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 12 });

function formatNumber(value: number): string {
  return NUMBER_FORMAT.format(roundValue(value));
}

/** "1MB", "900초", "128–10,240MB", "/24", "$0.2". */
export function formatValue(value: number, valueMax: number | null | undefined, unit: string): string {
  const number = valueMax === null || valueMax === undefined ? formatNumber(value) : `${formatNumber(value)}–${formatNumber(valueMax)}`;
  if (unit === "cidr") return `/${number}`;
  if (unit === "usd") return `$${number}`;
  return `${number}${UNIT_TEXT[unit] ?? unit}`;
}

function warningId(kind: string, file: string, line: number, message: string): string {
  return hashParts("lint", kind, file, line, message);
}

export function conflictWarnings(facts: readonly LintFact[]): LintWarningDraft[] {
  const groups = new Map<string, LintFact[]>();
  for (const fact of facts) {
    if (fact.unit === "text") continue;
    const key = `${fact.serviceKey}:${fact.attribute}`;
    const list = groups.get(key);
    if (list) list.push(fact);
    else groups.set(key, [fact]);
  }
  const warnings: LintWarningDraft[] = [];
  for (const [factKey, list] of groups) {
    for (const fact of list) {
      const others = list.filter((other) => !valuesAgree(fact, other));
      if (others.length === 0) continue;
      const shown = others
        .slice(0, 3)
        .map((other) => `${other.valueText} (${other.notePath}:${other.line})`)
        .join(", ");
      const more = others.length > 3 ? ` 외 ${others.length - 3}곳` : "";
      const message = `노트마다 값이 다릅니다 — ${fact.label}: 여기서는 ${fact.valueText}, 다른 곳에서는 ${shown}${more}`;
      warnings.push({
        id: warningId("conflict", fact.notePath, fact.line, message),
        kind: "conflict",
        file: fact.notePath,
        line: fact.line,
        topicId: fact.topicId,
        factKey,
        message,
        detail: { factId: fact.id, others: others.map((other) => other.id) },
      });
    }
  }
  return warnings;
}

function referenceMessage(fact: LintFact, reference: ReferenceFact, claim: boolean): string {
  const noteValue = claim ? `"${fact.valueText}"` : fact.valueText;
  const awsValue = reference.unit === "text" || claim ? reference.text : `${formatValue(reference.value, reference.valueMax, reference.unit)} — ${reference.text}`;
  return `노트: ${noteValue} → AWS 문서(${reference.asOf} 기준): ${awsValue} (${reference.url})`;
}

/** Note facts that contradict the reference table. */
export function referenceWarnings(facts: readonly LintFact[], references: readonly ReferenceFact[]): LintWarningDraft[] {
  const byId = new Map(references.map((reference) => [reference.id, reference]));
  const byAttribute = new Map(references.map((reference) => [`${reference.service}:${reference.attribute}`, reference]));
  const warnings: LintWarningDraft[] = [];
  for (const fact of facts) {
    let reference: ReferenceFact | undefined;
    let claim = false;
    if (fact.reference) {
      reference = byId.get(fact.reference);
      claim = true;
    } else {
      reference = byAttribute.get(`${fact.serviceKey}:${fact.attribute}`);
      if (!reference || reference.unit === "text" || fact.unit === "text") continue;
      const low = convertUnit(reference.value, reference.unit, fact.unit);
      const high = reference.valueMax === undefined ? null : convertUnit(reference.valueMax, reference.unit, fact.unit);
      if (low === null || (reference.valueMax !== undefined && high === null)) continue;
      if (valuesAgree(fact, { value: low, valueMax: high })) continue;
    }
    if (!reference) continue;
    const message = referenceMessage(fact, reference, claim);
    warnings.push({
      id: warningId("reference", fact.notePath, fact.line, message),
      kind: "reference",
      file: fact.notePath,
      line: fact.line,
      topicId: fact.topicId,
      factKey: `${fact.serviceKey}:${fact.attribute}`,
      message,
      detail: {
        factId: fact.id,
        referenceId: reference.id,
        noteValue: fact.valueText,
        referenceValue: reference.unit === "text" ? reference.text : formatValue(reference.value, reference.valueMax, reference.unit),
        url: reference.url,
        asOf: reference.asOf,
      },
    });
  }
  return warnings;
}

export function inputWarning(file: string, line: number, message: string): LintWarningDraft {
  return { id: warningId("input", file, line, message), kind: "input", file, line, topicId: null, factKey: null, message, detail: null };
}

export function sortWarnings<T extends { file: string; line: number; message: string }>(warnings: T[]): T[] {
  return warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.message < b.message ? -1 : 1)));
}
