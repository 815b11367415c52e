// Ranking. Each term scores its spellings: the best one's weight × (title 12 + body up to 10 + keyword
// list 1). The body counts occurrences with saturation and length normalisation (BM25's tf
// part, k1 = 1.2, b = 0.75, reference length 1,200 characters), so a page that merges dozens
// of notes cannot win on volume: 20 mentions in 50,000 characters score less than one in a
// short passage. The whole query as typed earns a bonus in the title (20; 10 more when it is
// the whole title) and in the body (6), so the dedicated note for a phrase comes first.
//
// Documents are then classed (see MatchKind): full matches first, then partial ones (coverage,
// then score), then related ones. A document needs some evidence in its text: the keyword list
// holds every alias of the topic's service, so a keyword-only hit would return every document
// of that service.
import { compileTerm, countMatches, isDistant, type CompiledAlternative, type CompiledTerm } from "./match";
import { normalizeText, toLookupKey } from "./normalize";
import type { DocumentScore, MatchKind, ParsedQuery, SearchableText } from "./types";

const TITLE_POINTS = 12;
const KEYWORD_POINTS = 1;
const BODY_MAX_POINTS = 10;
const BODY_SATURATION = 1.2;
const BODY_LENGTH_SHARE = 0.75;
const BODY_REFERENCE_LENGTH = 1200;
const BODY_COUNT_CAP = 50;
const PHRASE_IN_TITLE = 20;
const PHRASE_IS_TITLE = 10;
const PHRASE_IN_BODY = 6;
const IN_TEXT_BONUS = 8;
/** A phrase's words found one by one are worth less than the phrase. */
const PART_FACTOR = 0.5;
/** A partial match needs at least this share of the query's words. */
const MIN_PARTIAL_COVERAGE = 0.5;

export interface CompiledQueryTerm extends CompiledTerm {
  parts: CompiledTerm[];
}

export interface CompiledQuery {
  terms: CompiledQueryTerm[];
  /** Every term and part, for highlighting (a partial match highlights the words it has). */
  highlights: CompiledTerm[];
  /** The query's words in order, spacing optional; null for a single word. */
  phrase: RegExp | null;
  phraseKey: string;
  /** Words counted for coverage: a phrase term counts its parts. */
  units: number;
}

export function compileQuery(query: ParsedQuery): CompiledQuery {
  const terms = query.terms.map((term) => ({ ...compileTerm(term), parts: (term.parts ?? []).map(compileTerm) }));
  const words = query.terms.map((term) => term.raw);
  const phraseText = words.join(" ");
  const phrase = /\s/.test(phraseText)
    ? compileTerm({ raw: phraseText, alternatives: [{ text: phraseText, weight: 1, source: "literal" }] }).alternatives[0]!.pattern
    : null;
  return {
    terms,
    highlights: [...terms, ...terms.flatMap((term) => term.parts)],
    phrase,
    phraseKey: toLookupKey(phraseText),
    units: terms.reduce((sum, term) => sum + Math.max(1, term.parts.length), 0),
  };
}

interface TermScore {
  points: number;
  /** In the title or body through the word or a close expansion. */
  text: boolean;
  /** In the keyword list through the word or a close expansion. */
  keyword: boolean;
  /** In the title or body through a distant expansion only. */
  weak: boolean;
}

interface Fields {
  title: string;
  body: string;
  keywords: string;
}

function bodyPoints(occurrences: number, length: number): number {
  if (occurrences === 0) return 0;
  const norm = 1 - BODY_LENGTH_SHARE + BODY_LENGTH_SHARE * (length / BODY_REFERENCE_LENGTH);
  return (BODY_MAX_POINTS * occurrences) / (occurrences + BODY_SATURATION * norm);
}

// A term's occurrences are counted over all its close spellings together ("읽기 전용 복제본"
// twice and "read replica" once is three mentions), weighted by the best spelling present; the
// distant ones (a feature alias's service names) add their own, lower-weighted evidence.
function scoreTerm(term: CompiledTerm, fields: Fields): TermScore {
  const close = scoreSpellings(term.alternatives.filter((a) => !isDistant(a)), term.close, fields);
  const distant = scoreSpellings(term.alternatives.filter(isDistant), term.distant, fields);
  return { points: close.points + distant.points, text: close.inText, keyword: close.inKeywords, weak: distant.inText };
}

function scoreSpellings(alternatives: readonly CompiledAlternative[], union: RegExp | null, fields: Fields) {
  let titleWeight = 0;
  let bodyWeight = 0;
  let keywordWeight = 0;
  for (const alternative of alternatives) {
    if (alternative.weight > titleWeight && countMatches(fields.title, alternative.pattern, 1) > 0) titleWeight = alternative.weight;
    if (alternative.weight > bodyWeight && countMatches(fields.body, alternative.pattern, 1) > 0) bodyWeight = alternative.weight;
    if (alternative.weight > keywordWeight && countMatches(fields.keywords, alternative.pattern, 1) > 0) keywordWeight = alternative.weight;
  }
  const occurrences = bodyWeight > 0 && union ? countMatches(fields.body, union, BODY_COUNT_CAP) : 0;
  const points = titleWeight * TITLE_POINTS + bodyWeight * bodyPoints(occurrences, fields.body.length) + keywordWeight * KEYWORD_POINTS;
  return { points, inText: titleWeight > 0 || bodyWeight > 0, inKeywords: keywordWeight > 0 };
}

export function scoreDocument(document: SearchableText, query: CompiledQuery): DocumentScore | null {
  if (query.terms.length === 0) return null;
  const fields = { title: normalizeText(document.title), body: normalizeText(document.body), keywords: normalizeText(document.keywords) };
  let score = 0;
  let matchedUnits = 0;
  let everyTermStrong = true;
  let everyTermFound = true;
  let everyTermInText = true;
  let anyText = false;
  let anyWeak = false;

  for (const term of query.terms) {
    const units = Math.max(1, term.parts.length);
    const whole = scoreTerm(term, fields);
    if (whole.text || whole.keyword || whole.weak) {
      score += whole.points;
      if (whole.text) anyText = true;
      if (whole.weak) anyWeak = true;
      if (!whole.text) everyTermInText = false;
      if (whole.text || whole.keyword) matchedUnits += units;
      else everyTermStrong = false;
      continue;
    }
    everyTermFound = false;
    everyTermStrong = false;
    everyTermInText = false;
    for (const part of term.parts) {
      const partial = scoreTerm(part, fields);
      if (partial.text || partial.keyword) {
        score += PART_FACTOR * partial.points;
        matchedUnits += 1;
        if (partial.text) anyText = true;
      }
    }
  }

  const coverage = matchedUnits / query.units;
  let match: MatchKind;
  if (everyTermFound && everyTermStrong && anyText) match = "full";
  else if (everyTermFound && (anyText || anyWeak)) match = "related";
  else if (anyText && coverage >= MIN_PARTIAL_COVERAGE) match = "partial";
  else return null;

  const phraseInTitle = query.phrase ? countMatches(fields.title, query.phrase, 1) > 0 : false;
  if (phraseInTitle) score += PHRASE_IN_TITLE;
  else if (query.phrase && countMatches(fields.body, query.phrase, 1) > 0) score += PHRASE_IN_BODY;
  if (query.phraseKey && toLookupKey(fields.title) === query.phraseKey) score += PHRASE_IS_TITLE;
  if (match === "full" && everyTermInText) score += IN_TEXT_BONUS;
  return { score: Math.round(score * 100) / 100, match, coverage: Math.round(coverage * 100) / 100, matchedInText: everyTermInText, phraseInTitle };
}

export interface RankedItem<T> {
  item: T;
  score: DocumentScore;
}

export interface RankOptions {
  /** Results returned in all. */
  limit?: number;
  /** Partial and related results returned at most (they follow every full match). */
  fallbackLimit?: number;
}

const MATCH_ORDER: Record<MatchKind, number> = { full: 0, partial: 1, related: 2 };

/**
 * Scores, drops non-matches and sorts: full matches, then partial (more of the query's words
 * first), then related; by score within each; ties keep the input order (stable sort), so
 * callers pass rows in a fixed order.
 */
export function rankDocuments<T>(items: readonly T[], toText: (item: T) => SearchableText, query: CompiledQuery, options: RankOptions = {}): RankedItem<T>[] {
  const limit = options.limit ?? 50;
  const fallbackLimit = options.fallbackLimit ?? Number.POSITIVE_INFINITY;
  const ranked: RankedItem<T>[] = [];
  for (const item of items) {
    const score = scoreDocument(toText(item), query);
    if (score) ranked.push({ item, score });
  }
  ranked.sort(
    (a, b) =>
      MATCH_ORDER[a.score.match] - MATCH_ORDER[b.score.match] ||
      (a.score.match === "partial" ? b.score.coverage - a.score.coverage : 0) ||
      b.score.score - a.score.score,
  );
  const out: RankedItem<T>[] = [];
  let fallbacks = 0;
  for (const entry of ranked) {
    if (out.length >= limit) break;
    if (entry.score.match !== "full") {
      if (fallbacks >= fallbackLimit) break;
      fallbacks++;
    }
    out.push(entry);
  }
  return out;
}
