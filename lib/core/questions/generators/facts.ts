// Facts as generators see them. `FactInput` is a note fact (a DB Fact row with its note section
// resolved); `resolveFact` pairs the note facts for one service/attribute with the reference
// value. Questions always follow the reference; the note facts supply the sources and, where
// they disagree, the "노트: … → AWS 문서(…기준): …" sentence.
import { findReference, type ReferenceFact, type ReferenceIndex } from "@/lib/core/reference/aws-facts";
import { convertUnit, formatQuantity, formatRange } from "@/lib/core/reference/units";
import type { FactValue } from "@/lib/core/ingest/types";
import { korean } from "../korean-spacing";
import type { SourceRef } from "../types";

/**
 * A note fact as stored (`id` is the DB Fact id; `attribute` uses the names of
 * content/reference/aws-facts.json) with the note section it was read from (file, heading,
 * line) in place of the bare line.
 */
export interface FactInput extends Omit<FactValue, "line"> {
  source: SourceRef;
}

export interface ResolvedFact {
  service: string;
  attribute: string;
  label: string;
  /** the value questions use: the reference value when there is one, else the notes' */
  value: number;
  valueMax: number | null;
  unit: string;
  reference: ReferenceFact | null;
  noteFacts: FactInput[];
  /** note facts whose value contradicts the reference */
  disagreeing: FactInput[];
}

function quantityEquals(noteValue: number, noteUnit: string, referenceValue: number, referenceUnit: string): boolean {
  const converted = convertUnit(noteValue, noteUnit, referenceUnit);
  if (converted === null) return false;
  // Tight tolerance: 99.999999% vs 99.999999999% (S3 durability) is a real disagreement.
  return Math.abs(converted - referenceValue) <= Math.abs(referenceValue) * 1e-12 + 1e-12;
}

/**
 * A note fact agrees with the reference when the numbers match after unit conversion. A note
 * that states only one end of a reference range (e.g. "10GB RAM" for 128–10,240 MB) agrees:
 * it is imprecise, not wrong.
 */
export function noteAgreesWithReference(fact: Pick<FactInput, "value" | "valueMax" | "unit">, reference: Pick<ReferenceFact, "value" | "valueMax" | "unit">): boolean {
  const candidates = [reference.value, reference.valueMax].filter((value): value is number => value !== undefined);
  if (fact.valueMax !== null && fact.valueMax !== fact.value) {
    return quantityEquals(fact.value, fact.unit, reference.value, reference.unit) && quantityEquals(fact.valueMax, fact.unit, reference.valueMax ?? reference.value, reference.unit);
  }
  return candidates.some((candidate) => quantityEquals(fact.value, fact.unit, candidate, reference.unit));
}

export function factsFor(facts: readonly FactInput[], service: string, attribute: string): FactInput[] {
  return facts
    .filter((fact) => fact.serviceKey === service && fact.attribute === attribute)
    .sort((a, b) => a.source.file.localeCompare(b.source.file) || (a.source.line ?? 0) - (b.source.line ?? 0) || a.id.localeCompare(b.id));
}

export function resolveFact(facts: readonly FactInput[], reference: ReferenceIndex, service: string, attribute: string): ResolvedFact | null {
  const noteFacts = factsFor(facts, service, attribute);
  const referenceFact = findReference(reference, service, attribute) ?? null;
  if (referenceFact) {
    return {
      service,
      attribute,
      label: referenceFact.label,
      value: referenceFact.value,
      valueMax: referenceFact.valueMax ?? null,
      unit: referenceFact.unit,
      reference: referenceFact,
      noteFacts,
      disagreeing: noteFacts.filter((fact) => !noteAgreesWithReference(fact, referenceFact)),
    };
  }
  const first = noteFacts[0];
  if (!first) return null;
  return { service, attribute, label: first.label, value: first.value, valueMax: first.valueMax, unit: first.unit, reference: null, noteFacts, disagreeing: [] };
}

/** The upper limit of a fact (valueMax for ranges). */
export function limitOf(fact: ResolvedFact): number {
  return fact.valueMax ?? fact.value;
}

/** Counts that read better with their own counter word than with 개. */
const COUNT_WORDS: Record<string, string> = { "async.retries": "회" };

export function formatFact(fact: ResolvedFact): string {
  const word = fact.unit === "count" ? COUNT_WORDS[fact.attribute] : undefined;
  if (word && fact.valueMax === null) return `${fact.value}${word}`;
  return formatRange(fact.value, fact.valueMax, fact.unit);
}

export function formatLimit(fact: ResolvedFact): string {
  return formatQuantity(limitOf(fact), fact.unit);
}

/** Distinct note sections of the facts, in a stable order. */
export function sourcesOf(resolved: readonly (ResolvedFact | null)[]): SourceRef[] {
  const seen = new Map<string, SourceRef>();
  for (const fact of resolved) {
    for (const note of fact?.noteFacts ?? []) {
      const key = `${note.source.file}#${note.source.heading}`;
      if (!seen.has(key)) seen.set(key, { file: note.source.file, heading: note.source.heading, ...(note.source.line ? { line: note.source.line } : {}) });
    }
  }
  return [...seen.values()];
}

export function factIdsOf(resolved: readonly (ResolvedFact | null)[]): string[] {
  return [...new Set(resolved.flatMap((fact) => fact?.noteFacts.map((note) => note.id) ?? []))].sort();
}

export function referenceIdsOf(resolved: readonly (ResolvedFact | null)[]): string[] {
  return [...new Set(resolved.flatMap((fact) => (fact?.reference ? [fact.reference.id] : [])))];
}

/**
 * The sentence an explanation carries about where the value comes from: the note disagreement
 * ("노트: 256KB → AWS 문서(2026-11 기준): 1MB") or a note that lacks the fact.
 */
export function provenanceSentence(fact: ResolvedFact): string {
  const reference = fact.reference;
  if (!reference) return `노트 기준: ${formatFact(fact)} (AWS 참조 표에 없는 값입니다).`;
  const documented = formatFact(fact);
  if (fact.noteFacts.length === 0) return `노트에 이 값이 없어 AWS 문서(${reference.asOf} 기준) 값을 썼습니다: ${documented}.`;
  if (fact.disagreeing.length > 0) {
    const noteValues = [...new Set(fact.disagreeing.map((note) => note.valueText.trim()))].join(", ");
    // A claim ("쿠키 기반 라우팅") has no number to set against the reference's; cite its prose.
    const claim = fact.disagreeing.every((note) => convertUnit(1, note.unit, reference.unit) === null);
    const correction = `노트: ${noteValues} → AWS 문서(${reference.asOf} 기준): ${claim ? reference.text : documented}. 이 문제는 AWS 문서 값을 따릅니다.`;
    // "outdated": the note was right once and AWS changed the value since (async payload 256KB →
    // 1MB in late 2025). The SAA-C03 exam guide (v1.0) predates such changes, so the exam may
    // still use the older value; the learner should know both.
    if (reference.noteVerdict === "outdated" && !claim) {
      return korean`${correction} 이 값은 SAA-C03 시험 가이드(v1.0) 이후에 바뀌었으므로 시험에는 이전 값 ${noteValues}가 나올 수 있습니다(현재 값 ${documented}).`;
    }
    return correction;
  }
  return `노트와 AWS 문서(${reference.asOf} 기준)가 일치합니다: ${documented}.`;
}
