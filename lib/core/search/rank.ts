// Ranking. A document matches when every term matches one of its alternatives in the title,
// body or keyword list. Score per term = best alternative's weight × (title 10 + keywords 3 +
// 2 per body occurrence, at most 5 counted), so a word in the heading outranks a passing
// mention, and the word as typed outranks a synonym. Documents whose title/body (not only the
// keyword list) contain every term get a bonus: keywords hold every alias of the topic's
// service, so a keyword-only hit says little about the passage itself.
import { compileTerm, countMatches, type CompiledTerm } from "./match";
import { normalizeText } from "./normalize";
import type { DocumentScore, ParsedQuery, SearchableText } from "./types";

const TITLE_POINTS = 10;
const KEYWORD_POINTS = 3;
const BODY_POINTS = 2;
const BODY_CAP = 5;
const IN_TEXT_BONUS = 8;

export function compileQuery(query: ParsedQuery): CompiledTerm[] {
  return query.terms.map(compileTerm);
}

export function scoreDocument(document: SearchableText, terms: readonly CompiledTerm[]): DocumentScore | null {
  if (terms.length === 0) return null;
  const title = normalizeText(document.title);
  const body = normalizeText(document.body);
  const keywords = normalizeText(document.keywords);
  let score = 0;
  let matchedInText = true;

  for (const term of terms) {
    let best = 0;
    let inText = false;
    for (const alternative of term.alternatives) {
      const inTitle = countMatches(title, alternative.pattern, 1) > 0;
      const inBody = countMatches(body, alternative.pattern, BODY_CAP);
      const inKeywords = countMatches(keywords, alternative.pattern, 1) > 0;
      if (!inTitle && !inBody && !inKeywords) continue;
      if (inTitle || inBody > 0) inText = true;
      const points = (inTitle ? TITLE_POINTS : 0) + (inKeywords ? KEYWORD_POINTS : 0) + BODY_POINTS * inBody;
      best = Math.max(best, alternative.weight * points);
    }
    if (best === 0) return null;
    score += best;
    if (!inText) matchedInText = false;
  }
  if (matchedInText) score += IN_TEXT_BONUS;
  return { score: Math.round(score * 100) / 100, matchedInText };
}

export interface RankedItem<T> {
  item: T;
  score: DocumentScore;
}

/** Scores, drops non-matches and sorts best first; ties keep the input order (stable sort). */
export function rankDocuments<T>(items: readonly T[], toText: (item: T) => SearchableText, terms: readonly CompiledTerm[], limit = 50): RankedItem<T>[] {
  const ranked: RankedItem<T>[] = [];
  for (const item of items) {
    const score = scoreDocument(toText(item), terms);
    if (score) ranked.push({ item, score });
  }
  ranked.sort((a, b) => b.score.score - a.score.score);
  return ranked.slice(0, limit);
}
