// Plain types for Korean full-text search. Everything here is pure data so the parser,
// ranking and snippets can be tested without a database.

/** One word (or quoted phrase) of a query and every spelling that counts as a match for it. */
export interface QueryTerm {
  /** As the learner typed it (after trimming punctuation). */
  raw: string;
  /** Literal first, then synonyms and service aliases; weights rank literal hits above expansions. */
  alternatives: TermAlternative[];
  /**
   * The typed words of a term the parser joined into a known phrase ("읽기 전용 복제본"), each
   * expanded on its own: a document that misses the phrase can still match some of its words
   * (a partial match). Absent for single words and quoted phrases.
   */
  parts?: QueryTerm[];
}

export interface TermAlternative {
  text: string;
  /**
   * 1 = the word as typed; lower for expansions: synonym 0.9, stem 0.8, service alias 0.7. A
   * multi-word phrase's expansions count less (synonym 0.8, service 0.5), and an alias that names
   * a feature of a service ("읽기 전용 복제본" → RDS) reaches the service's other names at 0.3
   * only: related evidence, never a match as good as the phrase.
   */
  weight: number;
  source: "literal" | "stem" | "synonym" | "service";
}

export interface ParsedQuery {
  raw: string;
  terms: QueryTerm[];
  /** Words dropped because the query had too many or they were too long. */
  dropped: string[];
}

/** A searchable document as stored in SearchDocument (title, plain-text body, keywords). */
export interface SearchableText {
  title: string;
  body: string;
  keywords: string;
}

/**
 * full: every term matched, at least one in the text through the word or a close expansion.
 * partial: some words missing (at least half matched) — shown as "일부 단어만 일치".
 * related: every term matched, but only through a distant expansion (a feature alias's service
 * name) or the keyword list — shown as related, below the rest.
 */
export type MatchKind = "full" | "partial" | "related";

export interface DocumentScore {
  score: number;
  match: MatchKind;
  /** Share of the query's words (a phrase term's parts counted one by one) that matched. */
  coverage: number;
  /** Every term matched in the title or body, not only in the keyword list. */
  matchedInText: boolean;
  /** The whole query, as typed (spacing aside), is in the title. */
  phraseInTitle: boolean;
}

export interface SnippetSegment {
  text: string;
  highlight: boolean;
}

/** A group of words that mean the same thing for search. */
export interface SynonymGroup {
  kind: "synonym" | "service";
  entries: string[];
  /** Taxonomy service key when kind = "service". */
  serviceKey?: string;
  /**
   * Service groups: lookup keys of entries that name a feature of the service rather than the
   * service ("Read Replica" for RDS). Expanding one to the service's other names is weak.
   */
  featureKeys?: ReadonlySet<string>;
}
