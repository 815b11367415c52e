// The note lint: where notes disagree with each other (kind "conflict": every fact is kept,
// each one carries a warning naming the other values) and where a note disagrees with the
// verified AWS reference table (kind "reference": the message cites both values, the
// documentation's date and URL). Warnings carry the topic so the topic page can show them
// beside the passage.
import type { ReferenceFact } from "../reference/aws-facts";
import { hashParts } from "./hash";
import { convertUnit, roundValue, unitFamily } from "./quantities";
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

// Bounds that keep the lint linear: a note of 50,000 table rows with one attribute each made
// the old pairwise comparison run out of heap (every fact filtered against every other, every
// disagreeing id stored).
/** Disagreeing fact ids kept in a warning's detail; the count is always exact. */
export const MAX_OTHER_IDS = 10;
/** Warnings per note and fact key; the next one says how many more there are. */
export const MAX_WARNINGS_PER_NOTE_KEY = 5;
/** Distinct values looked at for the examples a message names. */
const EXAMPLE_VALUES = 64;

function valueKey(fact: ValueRange): string {
  return fact.valueMax === null ? `${fact.value}` : `${fact.value}~${fact.valueMax}`;
}

/**
 * Facts that state the same attribute of the same service with values that do not agree.
 * Facts are grouped by key once, and by distinct value within a key: how many facts a value
 * disagrees with is the group size minus the facts of the values it agrees with.
 */
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
    const byValue = new Map<string, { value: ValueRange; facts: LintFact[] }>();
    for (const fact of list) {
      const key = valueKey(fact);
      const entry = byValue.get(key);
      if (entry) entry.facts.push(fact);
      else byValue.set(key, { value: { value: fact.value, valueMax: fact.valueMax }, facts: [fact] });
    }
    if (byValue.size < 2) continue;
    const values = [...byValue.values()];
    // Singles agree with ranges that have them as a bound; index ranges by bound.
    const rangesByBound = new Map<number, typeof values>();
    for (const entry of values) {
      if (entry.value.valueMax === null) continue;
      for (const bound of [entry.value.value, entry.value.valueMax]) {
        const ranges = rangesByBound.get(bound);
        if (ranges) ranges.push(entry);
        else rangesByBound.set(bound, [entry]);
      }
    }
    const agreeingCount = (value: ValueRange): number => {
      if (value.valueMax !== null) {
        let count = byValue.get(valueKey(value))!.facts.length;
        for (const bound of new Set([value.value, value.valueMax])) count += byValue.get(`${bound}`)?.facts.length ?? 0;
        return count;
      }
      return (byValue.get(valueKey(value))?.facts.length ?? 0) + (rangesByBound.get(value.value) ?? []).reduce((sum, entry) => sum + entry.facts.length, 0);
    };
    const examples = values.slice(0, EXAMPLE_VALUES);
    const perNote = new Map<string, number>();
    const seen = new Set<string>();
    const disagreement = new Map<string, { others: LintFact[]; othersCount: number; shown: string } | null>();
    const disagreementOf = (fact: LintFact) => {
      const key = valueKey(fact);
      if (disagreement.has(key)) return disagreement.get(key)!;
      const value = byValue.get(key)!.value;
      const othersCount = list.length - agreeingCount(value);
      let result: { others: LintFact[]; othersCount: number; shown: string } | null = null;
      if (othersCount > 0) {
        const others: LintFact[] = [];
        for (const example of examples) {
          if (others.length >= MAX_OTHER_IDS) break;
          if (valuesAgree(value, example.value)) continue;
          others.push(...example.facts.slice(0, MAX_OTHER_IDS - others.length));
        }
        const shown = others
          .slice(0, 3)
          .map((other) => `${other.valueText} (${other.notePath}:${other.line})`)
          .join(", ");
        result = { others, othersCount, shown: shown + (othersCount > 3 ? ` 외 ${othersCount - 3}곳` : "") };
      }
      disagreement.set(key, result);
      return result;
    };
    for (const fact of list) {
      const found = disagreementOf(fact);
      if (!found) continue;
      const count = (perNote.get(fact.notePath) ?? 0) + 1;
      perNote.set(fact.notePath, count);
      if (count > MAX_WARNINGS_PER_NOTE_KEY) continue;
      const message = `노트마다 값이 다릅니다 — ${fact.label}: 여기서는 ${fact.valueText}, 다른 곳에서는 ${found.shown}`;
      const id = warningId("conflict", fact.notePath, fact.line, message);
      if (seen.has(id)) continue; // one fact extracted twice from the same line
      seen.add(id);
      warnings.push({
        id,
        kind: "conflict",
        file: fact.notePath,
        line: fact.line,
        topicId: fact.topicId,
        factKey,
        message,
        detail: { factId: fact.id, others: found.others.map((other) => other.id), othersCount: found.othersCount },
      });
    }
    warnings.push(...overflowWarnings("conflict", factKey, list, perNote, "노트마다 값이 다른"));
  }
  return warnings;
}

/** One warning per note that had more than MAX_WARNINGS_PER_NOTE_KEY of a key, at its first left-out fact. */
function overflowWarnings(kind: "conflict" | "reference", factKey: string, facts: readonly LintFact[], perNote: ReadonlyMap<string, number>, what: string): LintWarningDraft[] {
  const out: LintWarningDraft[] = [];
  for (const [notePath, count] of perNote) {
    if (count <= MAX_WARNINGS_PER_NOTE_KEY) continue;
    const first = facts.filter((fact) => fact.notePath === notePath)[MAX_WARNINGS_PER_NOTE_KEY]!;
    const message = `${first.label}: 이 노트에 ${what} 곳이 ${count - MAX_WARNINGS_PER_NOTE_KEY}곳 더 있습니다 (경고는 처음 ${MAX_WARNINGS_PER_NOTE_KEY}곳만)`;
    out.push({ id: warningId(kind, notePath, first.line, message), kind, file: notePath, line: first.line, topicId: first.topicId, factKey, message, detail: null });
  }
  return out;
}

/** The note's value agrees with the reference's after unit conversion (a bound of its range counts). */
function referenceAgrees(fact: LintFact, reference: ReferenceFact): boolean {
  const low = convertUnit(reference.value, reference.unit, fact.unit);
  const high = reference.valueMax === undefined ? null : convertUnit(reference.valueMax, reference.unit, fact.unit);
  if (low === null || (reference.valueMax !== undefined && high === null)) return false;
  return valuesAgree(fact, { value: low, valueMax: high });
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
  const perNoteKey = new Map<string, { facts: LintFact[]; perNote: Map<string, number> }>();
  for (const fact of facts) {
    let reference: ReferenceFact | undefined;
    let claim = false;
    if (fact.reference) {
      reference = byId.get(fact.reference);
      claim = true;
      // A count checked for staleness that states the reference's own value agrees ("최소 3개").
      if (reference && fact.unit !== "text" && referenceAgrees(fact, reference)) continue;
    } else {
      reference = byAttribute.get(`${fact.serviceKey}:${fact.attribute}`);
      if (!reference || reference.unit === "text" || fact.unit === "text") continue;
      const low = convertUnit(reference.value, reference.unit, fact.unit);
      const high = reference.valueMax === undefined ? null : convertUnit(reference.valueMax, reference.unit, fact.unit);
      if (low === null || (reference.valueMax !== undefined && high === null)) continue;
      if (valuesAgree(fact, { value: low, valueMax: high })) continue;
    }
    if (!reference) continue;
    const factKey = `${fact.serviceKey}:${fact.attribute}`;
    let counted = perNoteKey.get(factKey);
    if (!counted) perNoteKey.set(factKey, (counted = { facts: [], perNote: new Map() }));
    counted.facts.push(fact);
    const count = (counted.perNote.get(fact.notePath) ?? 0) + 1;
    counted.perNote.set(fact.notePath, count);
    if (count > MAX_WARNINGS_PER_NOTE_KEY) continue;
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
        claim,
        referenceValue: reference.unit === "text" ? reference.text : formatValue(reference.value, reference.valueMax, reference.unit),
        url: reference.url,
        asOf: reference.asOf,
      },
    });
  }
  for (const [factKey, counted] of perNoteKey) warnings.push(...overflowWarnings("reference", factKey, counted.facts, counted.perNote, "AWS 문서와 다른"));
  return [...new Map(warnings.map((warning) => [warning.id, warning])).values()];
}

// Rules that keep every warning true (issue 10: nine warnings in ten were false alarms on other
// people's notes). They wrap the two checks above rather than change them:
//   - a fact the reference table checks is judged by the reference alone; comparing it with other
//     notes as well gave one false fact two warnings, and flagged the notes that were right;
//   - conflicts compare facts of one unit family only (a count never conflicts with a size), and
//     not the values a line lists together;
//   - a reference warning that repeats in a note (same fact key, same value, or the same claim or
//     stale count) is one warning at its first line that lists the others.

/** The key of the reference check a fact gets, or null when the reference table has none. */
function referenceKeyOf(fact: LintFact, byAttribute: ReadonlyMap<string, ReferenceFact>): string | null {
  if (fact.reference) return fact.reference;
  const reference = byAttribute.get(`${fact.serviceKey}:${fact.attribute}`);
  if (!reference || reference.unit === "text" || fact.unit === "text") return null;
  return convertUnit(reference.value, reference.unit, fact.unit) === null ? null : reference.id;
}

/** Conflicts among the facts no reference fact checks, one unit family at a time. */
export function conflictWarningsWithoutReference(facts: readonly LintFact[], references: readonly ReferenceFact[]): LintWarningDraft[] {
  const byAttribute = new Map(references.map((reference) => [`${reference.service}:${reference.attribute}`, reference]));
  // A line that states several values of one attribute lists options ("1 Gbps, 10 Gbps, 100
  // Gbps"); its values do not contradict each other or anything else.
  const perLine = new Map<string, number>();
  for (const fact of facts) {
    const key = `${fact.notePath}|${fact.line}|${fact.serviceKey}:${fact.attribute}`;
    perLine.set(key, (perLine.get(key) ?? 0) + 1);
  }
  const byFamily = new Map<string, LintFact[]>();
  for (const fact of facts) {
    if (referenceKeyOf(fact, byAttribute) !== null) continue;
    if (perLine.get(`${fact.notePath}|${fact.line}|${fact.serviceKey}:${fact.attribute}`)! > 1) continue;
    const family = unitFamily(fact.unit);
    const list = byFamily.get(family);
    if (list) list.push(fact);
    else byFamily.set(family, [fact]);
  }
  return [...byFamily.values()].flatMap((list) => conflictWarnings(list));
}

function dedupeKey(warning: LintWarningDraft, detail: { referenceId?: string; noteValue?: string; claim?: boolean }): string {
  // Claims and stale counts are wrong whatever they say ("25개 리전", "80개 AZ"): one per reference fact.
  if (detail.claim) return `${warning.file}|${detail.referenceId}`;
  return `${warning.file}|${detail.referenceId}|${warning.factKey}|${(detail.noteValue ?? "").replace(/\s+/g, "")}`;
}

/** One reference warning per note, reference fact and stated value; the first line names the rest. */
export function dedupeReferenceWarnings(warnings: readonly LintWarningDraft[]): LintWarningDraft[] {
  const groups = new Map<string, LintWarningDraft[]>();
  const out: LintWarningDraft[] = [];
  for (const warning of warnings) {
    const detail = warning.detail as { referenceId?: string; noteValue?: string; claim?: boolean } | null;
    if (warning.kind !== "reference" || !detail?.referenceId) {
      out.push(warning);
      continue;
    }
    const key = dedupeKey(warning, detail);
    const group = groups.get(key);
    if (group) group.push(warning);
    else {
      groups.set(key, [warning]);
      out.push(warning);
    }
  }
  return out.map((warning) => {
    const detail = warning.detail as { referenceId?: string; noteValue?: string; claim?: boolean } | null;
    if (warning.kind !== "reference" || !detail?.referenceId) return warning;
    const group = groups.get(dedupeKey(warning, detail))!;
    if (group[0] !== warning || group.length === 1) return warning;
    const lines = [...new Set(group.map((each) => each.line))].sort((a, b) => a - b);
    const others = lines.filter((line) => line !== warning.line);
    const values = [...new Set(group.map((each) => (each.detail as { noteValue?: string }).noteValue))].filter(Boolean);
    const message = others.length > 0 ? `${warning.message} — 같은 내용이 ${others.map((line) => `${line}줄`).join(", ")}에도 있습니다${values.length > 1 ? ` (${values.join(", ")})` : ""}` : warning.message;
    return {
      ...warning,
      id: warningId("reference", warning.file, warning.line, message),
      message,
      detail: { ...detail, lines, factIds: group.map((each) => (each.detail as { factId?: string }).factId) },
    };
  });
}

/** The note lint: reference checks (deduped per note) and conflicts among unchecked facts. */
export function lintNoteFacts(facts: readonly LintFact[], references: readonly ReferenceFact[]): LintWarningDraft[] {
  return [...conflictWarningsWithoutReference(facts, references), ...dedupeReferenceWarnings(referenceWarnings(facts, references))];
}

export function inputWarning(file: string, line: number, message: string): LintWarningDraft {
  return { id: warningId("input", file, line, message), kind: "input", file, line, topicId: null, factKey: null, message, detail: null };
}

export function sortWarnings<T extends { file: string; line: number; message: string }>(warnings: T[]): T[] {
  return warnings.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line || (a.message < b.message ? -1 : 1)));
}
