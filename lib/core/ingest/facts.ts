// Facts out of a section's text lines, by the data table in fact-patterns.ts. Every number in
// a line is first judged by the sentence rules (FACT_CONTEXT: question stems and options,
// scenarios, estimates, steps, parts of a sum state no limit), then offered to every pattern
// that the number's clause allows (a service named in the clause must be the pattern's; a
// per-unit clause fits only a pattern stated per that unit; a count of another noun is not the
// subject's count). The pattern with the best evidence (subject words next to the number beat
// words elsewhere in the line, which beat an enclosing list item's lead-in; the section's own
// service beats a service named in the line, which beats an ancestor's) claims it. Values are
// converted to the pattern's unit; the text as written is kept.
import { hashParts } from "./hash";
import { FACT_CONTEXT, FACT_PATTERNS, type ClaimPattern, type FactPattern, type ListCountPattern, type QuantityPattern } from "./fact-patterns";
import { convertUnit, parseQuantities, roundValue, unitFamily, type Quantity } from "./quantities";
import type { ServiceHit, Taxonomy } from "./taxonomy";
import type { Occurrence } from "./topics";
import type { FactLine, FactValue } from "./types";

export interface FactDraft extends FactValue {
  topicId: string;
  notePath: string;
  excerpt: string;
  kind: FactPattern["kind"];
  /** Reference fact this fact is checked against regardless of value (claims, stale counts). */
  reference: string | null;
  keywords: string;
}

interface Compiled<P extends FactPattern> {
  pattern: P;
  subject: RegExp | null;
  qualifier: RegExp | null;
  exclude: RegExp | null;
  when: RegExp | null;
  unless: RegExp | null;
  claim: RegExp | null;
  heading: RegExp | null;
  item: RegExp | null;
  per: RegExp | null;
  counts: RegExp | null;
}

const cache = new WeakMap<readonly FactPattern[], Compiled<FactPattern>[]>();

function regex(source: string | undefined): RegExp | null {
  return source ? new RegExp(source, "i") : null;
}

function compile(patterns: readonly FactPattern[]): Compiled<FactPattern>[] {
  let compiled = cache.get(patterns);
  if (!compiled) {
    compiled = patterns.map((pattern) => ({
      pattern,
      subject: regex("subject" in pattern ? pattern.subject : undefined),
      qualifier: regex("qualifier" in pattern ? pattern.qualifier : undefined),
      exclude: regex("exclude" in pattern ? pattern.exclude : undefined),
      when: regex("when" in pattern ? pattern.when : undefined),
      unless: regex(pattern.kind === "quantity" ? pattern.unless : undefined),
      claim: regex(pattern.kind === "claim" ? pattern.claim : undefined),
      heading: regex(pattern.kind === "list-count" ? pattern.heading : undefined),
      item: regex(pattern.kind === "list-count" ? pattern.item : undefined),
      per: regex(pattern.kind === "quantity" ? pattern.per : undefined),
      counts: regex(pattern.kind === "quantity" ? pattern.counts : undefined),
    }));
    cache.set(patterns, compiled);
  }
  return compiled;
}

const CONTEXT = Object.fromEntries(Object.entries(FACT_CONTEXT).map(([name, source]) => [name, new RegExp(source, "i")])) as Record<keyof typeof FACT_CONTEXT, RegExp>;
const PER_UNIT = new RegExp(FACT_CONTEXT.perUnit, "gi");

/** The units a clause states its numbers per: "리전당 최대 5개" → ["리전"]. */
function perUnitsOf(window: string): string[] {
  const units: string[] = [];
  for (const match of window.matchAll(PER_UNIT)) {
    const unit = (match[1] ?? match[2] ?? match[3] ?? "").trim();
    if (unit && !CONTEXT.notPerUnit.test(unit)) units.push(unit);
  }
  return units;
}

/**
 * Why a number in a line states no limit at all, whichever pattern it would fit; null when it
 * may. `window` is the number's clause, `before`/`after` the line's text around the number.
 */
function notALimit(quantity: Quantity, lineText: string, window: string, scenario: boolean): string | null {
  const before = lineText.slice(0, quantity.start);
  const after = lineText.slice(quantity.end);
  if (CONTEXT.approximateBefore.test(before) || CONTEXT.approximateAfter.test(after)) return "estimate";
  if (CONTEXT.partBefore.test(before) || CONTEXT.partAfter.test(after)) return "part of a sum";
  if (scenario && !CONTEXT.scenarioLimit.test(window)) return "scenario";
  return null;
}

function isIncrement(quantity: Quantity, lineText: string): boolean {
  return CONTEXT.incrementBefore.test(lineText.slice(0, quantity.start)) || CONTEXT.incrementAfter.test(lineText.slice(quantity.end));
}

/** Lines of a question (stem, options) state nothing; an explanation under it does. */
function isQuestionLine(text: string, inQuestion: boolean): boolean {
  if (CONTEXT.questionLine.test(text)) return true;
  return inQuestion && !CONTEXT.explanationLine.test(text);
}

/** Services named with a strong alias, plus each named service's parent. */
function strongServices(taxonomy: Taxonomy, hits: readonly ServiceHit[]): Set<string> {
  const keys = new Set<string>();
  for (const hit of hits) {
    if (hit.weak) continue;
    keys.add(hit.key);
  }
  for (const key of [...keys]) {
    const parent = taxonomy.services.get(key)?.parent;
    if (parent) keys.add(parent);
  }
  return keys;
}

function sameCategory(taxonomy: Taxonomy, a: string, b: string): boolean {
  const categoryA = taxonomy.services.get(a)?.category;
  return categoryA !== undefined && categoryA === taxonomy.services.get(b)?.category;
}

const MAX_EXCERPT = 240;

function excerptOf(text: string): string {
  return text.length > MAX_EXCERPT ? `${text.slice(0, MAX_EXCERPT - 1)}…` : text;
}

type Draft = Omit<FactDraft, "id">;

/** How strongly the section's services support a pattern's service: 0 = not at all. */
function serviceScore(service: string, chain: readonly string[], lineServices: ReadonlySet<string>, clauseServices: ReadonlySet<string> = new Set()): number {
  if (service === "*") return chain.length > 0 ? 1 : 0;
  if (clauseServices.has(service)) return 4;
  if (chain[0] === service) return 3;
  if (lineServices.has(service)) return 2;
  if (chain.includes(service)) return 1;
  return 0;
}

const CLAUSE_BREAK = /[,;·，；]|[.。](?=\s|$)/g;

function lastClauseBreak(text: string, from: number, to: number): number {
  let position = from;
  for (const match of text.slice(from, to).matchAll(CLAUSE_BREAK)) position = from + match.index + match[0].length;
  return position;
}

function firstClauseBreak(text: string, from: number, to: number): number {
  const match = CLAUSE_BREAK.exec(text.slice(from, to));
  CLAUSE_BREAK.lastIndex = 0;
  return match ? from + match.index : to;
}

/** Characters between the number and the nearest subject word in its window (Infinity: none). */
const globalRegexes = new WeakMap<RegExp, RegExp>();

function subjectDistance(subject: RegExp, window: string, start: number, end: number): number {
  let global = globalRegexes.get(subject);
  if (!global) globalRegexes.set(subject, (global = new RegExp(subject.source, "gi")));
  let best = Number.POSITIVE_INFINITY;
  for (const match of window.matchAll(global)) {
    const matchEnd = match.index + match[0].length;
    const gap = matchEnd <= start ? start - matchEnd : match.index >= end ? match.index - end : 0;
    if (gap < best) best = gap;
  }
  return best;
}

function unitsFit(pattern: QuantityPattern, quantity: Quantity): boolean {
  // A bare number takes the unit of a pattern that allows bare numbers ("동시 실행수 1000", "포트 6081").
  if (quantity.bare) return Boolean(pattern.bare);
  return unitFamily(pattern.unit) === unitFamily(quantity.unit);
}

/**
 * The longest piece of a line the fact rules read. A limit is stated in a sentence, and no
 * sentence is this long; reading a 140 KB line whole made every rule's work grow with the line
 * (some quadratically). A longer line is read sentence by sentence, and a "sentence" still longer
 * is read in pieces of this size: the same pieces, so the same facts, in every run.
 */
export const MAX_FACT_SENTENCE_CHARS = 600;
const SENTENCE_END = /(?<=[.。!?！？])\s+/;

function fits(line: FactLine): boolean {
  return line.text.length <= MAX_FACT_SENTENCE_CHARS && line.context.every((lead) => lead.length <= MAX_FACT_SENTENCE_CHARS);
}

function boundedLines(lines: readonly FactLine[]): FactLine[] {
  if (lines.every(fits)) return lines as FactLine[];
  return lines.flatMap((original) => {
    if (fits(original)) return [original];
    // a lead-in is read only for its subject words: its first piece is enough
    const line = { ...original, context: original.context.map((lead) => lead.slice(0, MAX_FACT_SENTENCE_CHARS)) };
    if (line.text.length <= MAX_FACT_SENTENCE_CHARS) return [line];
    const pieces: FactLine[] = [];
    for (const sentence of line.text.split(SENTENCE_END)) {
      for (let start = 0; start < sentence.length; start += MAX_FACT_SENTENCE_CHARS) {
        const text = sentence.slice(start, start + MAX_FACT_SENTENCE_CHARS).trim();
        if (text) pieces.push({ ...line, text });
      }
    }
    return pieces;
  });
}

/** Facts stated in one section of one note (ids are assigned later, see `assignFactIds`). */
export function extractFacts(occurrence: Occurrence, taxonomy: Taxonomy, patterns: readonly FactPattern[] = FACT_PATTERNS): Draft[] {
  const compiled = compile(patterns);
  const quantityPatterns = compiled.filter((entry): entry is Compiled<QuantityPattern> => entry.pattern.kind === "quantity");
  const claimPatterns = compiled.filter((entry): entry is Compiled<ClaimPattern> => entry.pattern.kind === "claim");
  const listPatterns = compiled.filter((entry): entry is Compiled<ListCountPattern> => entry.pattern.kind === "list-count");
  const chain = occurrence.serviceChain;
  const headingsText = occurrence.headingPath.join(" / ");
  const drafts: Draft[] = [];
  const seen = new Set<string>();
  const push = (draft: Draft) => {
    const key = `${draft.attribute}|${draft.line}|${draft.value}|${draft.valueMax}`;
    if (seen.has(key)) return;
    seen.add(key);
    drafts.push(draft);
  };
  const keywordsFor = (pattern: FactPattern, service: string) => `${pattern.keywords} ${taxonomy.keywordsOf(service)}`.trim();

  const inQuestion = CONTEXT.questionHeading.test(occurrence.headingAsWritten);
  // A section about one workload ("## 우리 회사 구성", "## 사례") is a scenario throughout.
  const scenarioSection = CONTEXT.scenarioHeading.test(occurrence.headingAsWritten);
  for (const line of boundedLines(occurrence.factLines)) {
    const quantities = parseQuantities(line.text);
    const claims = claimPatterns.filter((entry) => entry.claim!.test(line.text));
    if (quantities.length === 0 && claims.length === 0) continue;
    if (isQuestionLine(line.text, inQuestion)) continue;
    const contextText = line.context.join(" / ");
    // Weak aliases ("PITR", "리전", "캐시") name a service only inside the number's own clause.
    const lineServices = strongServices(taxonomy, taxonomy.findServices(`${line.text} ${contextText}`));
    const scenario = scenarioSection || CONTEXT.scenario.test(line.text);
    quantities.forEach((quantity, index) => {
      // The number's own clause: from the previous number or clause break to the next one.
      const previousEnd = index > 0 ? quantities[index - 1]!.end : 0;
      const nextStart = index + 1 < quantities.length ? quantities[index + 1]!.start : line.text.length;
      const windowStart = lastClauseBreak(line.text, previousEnd, quantity.start);
      const windowEnd = firstClauseBreak(line.text, quantity.end, nextStart);
      const window = line.text.slice(windowStart, windowEnd);
      const before = line.text.slice(0, quantity.start);
      if (notALimit(quantity, line.text, window, scenario)) return;
      const clauseHits = taxonomy.findServices(window);
      const clauseServices = strongServices(taxonomy, clauseHits);
      const numberServices = new Set([...lineServices, ...clauseHits.map((hit) => hit.key)]);
      const perUnits = perUnitsOf(window);
      const increment = isIncrement(quantity, line.text);
      const countedNoun = quantity.unit === "count" ? CONTEXT.countedNoun.exec(line.text.slice(quantity.end))?.[1] : undefined;
      let best: { entry: Compiled<QuantityPattern>; score: number; distance: number } | null = null;
      for (const entry of quantityPatterns) {
        const { pattern } = entry;
        if (!unitsFit(pattern, quantity)) continue;
        // The service named in the clause wins over the section's ("RDS: 35일 PITR" in a DynamoDB
        // note): a service of the pattern's kind named there and not the pattern's rules it out.
        // One of another kind is usually a feature or a neighbour ("AutoScaling : … 128TB 까지").
        if (pattern.service !== "*" && !clauseServices.has(pattern.service) && [...clauseServices].some((key) => sameCategory(taxonomy, key, pattern.service))) continue;
        const service = serviceScore(pattern.service, chain, numberServices, clauseServices);
        if (service === 0) continue;
        if (Boolean(pattern.increment) !== increment) continue;
        // "리전당 최대 5개 VPC" is a per-Region limit: only a pattern stated per Region takes it.
        if (perUnits.length > 0 && !(entry.per && perUnits.every((unit) => entry.per!.test(unit)))) continue;
        if (countedNoun && !(entry.subject?.test(countedNoun) || entry.counts?.test(countedNoun))) continue;
        let subject = 1;
        let distance = Number.POSITIVE_INFINITY;
        if (entry.subject) {
          distance = subjectDistance(entry.subject, window, quantity.start - windowStart, quantity.end - windowStart);
          subject = distance < Number.POSITIVE_INFINITY ? 3 : entry.subject.test(before) ? 2 : entry.subject.test(contextText) ? 1 : 0;
          if (subject === 0 || (quantity.bare && subject < 3)) continue;
        }
        if (entry.when && !entry.when.test(`${headingsText} / ${contextText} / ${line.text}`)) continue;
        if (entry.unless?.test(`${headingsText} / ${contextText} / ${line.text}`)) continue;
        if (entry.qualifier && !entry.qualifier.test(window)) continue;
        if (entry.exclude?.test(window)) continue;
        const score = subject * 10 + service * 2 + (entry.qualifier ? 5 : 0);
        // Equal evidence: the subject closest to the number wins ("24개 리전 및 77개 가용 영역").
        if (!best || score > best.score || (score === best.score && distance < best.distance)) best = { entry, score, distance };
      }
      if (!best) return;
      const { pattern } = best.entry;
      const value = convertUnit(quantity.value, quantity.unit, pattern.unit) ?? quantity.value;
      const valueMax = quantity.valueMax === null ? null : (convertUnit(quantity.valueMax, quantity.unit, pattern.unit) ?? quantity.valueMax);
      const serviceKey = pattern.service === "*" ? chain[0]! : pattern.service;
      const current = pattern.currentFrom !== undefined && value >= pattern.currentFrom;
      push({
        topicId: occurrence.topicId,
        notePath: occurrence.notePath,
        line: line.line,
        serviceKey,
        attribute: pattern.attribute,
        label: pattern.label,
        valueText: quantity.text,
        value: roundValue(value),
        valueMax: valueMax === null ? null : roundValue(valueMax),
        unit: pattern.unit,
        excerpt: excerptOf(line.text),
        kind: "quantity",
        reference: current ? null : (pattern.staleAgainst ?? null),
        keywords: keywordsFor(pattern, serviceKey),
      });
    });
    for (const entry of claims) {
      const match = entry.claim!.exec(line.text);
      if (!match || serviceScore(entry.pattern.service, chain, new Set([...lineServices, ...taxonomy.findServices(line.text).map((hit) => hit.key)])) === 0 || entry.exclude?.test(line.text)) continue;
      // "쿠키 기반 라우팅은 지원하지 않는다" states the correction, not the claim.
      const rest = line.text.slice(match.index + match[0].length).split(/[.。;]/)[0]!;
      if (CONTEXT.negated.test(rest)) continue;
      push({
        topicId: occurrence.topicId,
        notePath: occurrence.notePath,
        line: line.line,
        serviceKey: entry.pattern.service,
        attribute: entry.pattern.attribute,
        label: entry.pattern.label,
        valueText: match[0],
        value: 0,
        valueMax: null,
        unit: "text",
        excerpt: excerptOf(line.text),
        kind: "claim",
        reference: entry.pattern.reference,
        keywords: keywordsFor(entry.pattern, entry.pattern.service),
      });
    }
  }

  for (const entry of listPatterns) {
    if (!entry.heading!.test(occurrence.headingAsWritten) || inQuestion) continue;
    if (serviceScore(entry.pattern.service, chain, new Set()) === 0) continue;
    // Answer options ("A. 가중치 라우팅") are a question's choices, not the list of policies.
    const all = occurrence.lists.flat();
    if (all.some((item) => CONTEXT.questionLine.test(item))) continue;
    const items = all.filter((item) => entry.item!.test(item));
    if (items.length < 2) continue;
    push({
      topicId: occurrence.topicId,
      notePath: occurrence.notePath,
      line: occurrence.line,
      serviceKey: entry.pattern.service,
      attribute: entry.pattern.attribute,
      label: entry.pattern.label,
      valueText: `${items.length}가지`,
      value: items.length,
      valueMax: null,
      unit: "count",
      excerpt: excerptOf(items.join(", ")),
      kind: "list-count",
      reference: null,
      keywords: keywordsFor(entry.pattern, entry.pattern.service),
    });
  }
  return drafts;
}

/**
 * Fact ids come from where the fact lives, not from its value or line: topic, service,
 * attribute, note, and its rank among that note's facts of the same attribute in that topic.
 * Editing "15분" to "10분", or inserting lines above it, updates the fact instead of replacing
 * it, so questions generated from it keep their ids (issue 3).
 */
export function assignFactIds(drafts: readonly Draft[]): FactDraft[] {
  const sorted = [...drafts].sort((a, b) => (a.notePath < b.notePath ? -1 : a.notePath > b.notePath ? 1 : a.line - b.line));
  const ranks = new Map<string, number>();
  return sorted.map((draft) => {
    const group = `${draft.topicId}|${draft.serviceKey}|${draft.attribute}|${draft.notePath}`;
    const rank = ranks.get(group) ?? 0;
    ranks.set(group, rank + 1);
    return { ...draft, id: hashParts("fact", draft.topicId, draft.serviceKey, draft.attribute, draft.notePath, rank) };
  });
}
