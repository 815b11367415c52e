// Matching terms against text. SQL only pre-filters with LIKE '%…%' (see sqlPatternsFor); the
// exact rules live here so SQLite and PostgreSQL rank and highlight identically.
import { needsWordBoundary, normalizeText } from "./normalize";
import { FEATURE_SERVICE_WEIGHT } from "./parse-query";
import type { QueryTerm, TermAlternative } from "./types";

export interface CompiledAlternative extends TermAlternative {
  pattern: RegExp;
}

export interface CompiledTerm {
  term: QueryTerm;
  alternatives: CompiledAlternative[];
  /** Any alternative, longest first, so highlights cover "게이트웨이" rather than "게이트웨". */
  any: RegExp;
  /**
   * Alternatives split by weight (close: the word and its spellings; distant: a feature alias's
   * service names), each longest first, for counting a term's occurrences without counting
   * "read replicas" twice as "read replica" too.
   */
  close: RegExp | null;
  distant: RegExp | null;
}

export interface TextMatch {
  start: number;
  end: number;
  termIndex: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alternativeSource(text: string): string {
  const normalized = normalizeText(text).trim();
  // "제한 시간" also matches "제한시간" and a line break between the words.
  const body = normalized.split(/\s+/).map(escapeRegExp).join("\\s*");
  return needsWordBoundary(normalized) ? `(?<![A-Za-z0-9])${body}(?![A-Za-z0-9])` : body;
}

function unionOf(alternatives: readonly TermAlternative[]): RegExp | null {
  if (alternatives.length === 0) return null;
  const byLength = [...alternatives].sort((a, b) => b.text.length - a.text.length);
  return new RegExp(byLength.map((a) => alternativeSource(a.text)).join("|"), "giu");
}

export function compileTerm(term: QueryTerm): CompiledTerm {
  const alternatives = term.alternatives.map((alternative) => ({
    ...alternative,
    pattern: new RegExp(alternativeSource(alternative.text), "giu"),
  }));
  return {
    term,
    alternatives,
    any: unionOf(term.alternatives) ?? /(?!)/giu,
    close: unionOf(term.alternatives.filter((a) => !isDistant(a))),
    distant: unionOf(term.alternatives.filter(isDistant)),
  };
}

export function isDistant(alternative: TermAlternative): boolean {
  return alternative.weight <= FEATURE_SERVICE_WEIGHT;
}

export function countMatches(text: string, pattern: RegExp, cap = Number.POSITIVE_INFINITY): number {
  pattern.lastIndex = 0;
  let count = 0;
  while (count < cap && pattern.exec(text)) count++;
  pattern.lastIndex = 0;
  return count;
}

/** Every match of every term, sorted by position, overlaps left in (merged when rendering). */
export function findMatches(text: string, terms: readonly CompiledTerm[]): TextMatch[] {
  const matches: TextMatch[] = [];
  terms.forEach((term, termIndex) => {
    term.any.lastIndex = 0;
    for (const match of text.matchAll(term.any)) {
      if (match[0].length === 0) continue;
      matches.push({ start: match.index, end: match.index + match[0].length, termIndex });
    }
  });
  return matches.sort((a, b) => a.start - b.start || b.end - a.end);
}

/**
 * LIKE '%…%' patterns that find a superset of what the regexes match: for each alternative
 * its longest space-free word ("제한 시간" → "제한", since the regex also accepts "제한시간").
 * A pattern containing a shorter one is redundant and dropped.
 */
export function sqlPatternsFor(term: QueryTerm): string[] {
  const pieces = term.alternatives.map((alternative) => {
    const words = normalizeText(alternative.text).trim().toLowerCase().split(/\s+/);
    return words.reduce((best, word) => (selectivity(word) > selectivity(best) ? word : best), "");
  });
  const unique = [...new Set(pieces.filter(Boolean))].sort((a, b) => a.length - b.length);
  return unique.filter((piece, i) => !unique.slice(0, i).some((shorter) => piece.includes(shorter)));
}

// "AWS"/"Amazon" prefix half the corpus, so "AWS 람다" should pre-filter on "람다". A Hangul
// syllable carries about as much information as two Latin letters.
const GENERIC_WORDS = new Set(["aws", "amazon"]);
function selectivity(word: string): number {
  if (!word) return -1;
  const length = [...word].reduce((sum, char) => sum + (/[\uAC00-\uD7A3]/.test(char) ? 2 : 1), 0);
  return GENERIC_WORDS.has(word) ? length / 10 : length;
}
