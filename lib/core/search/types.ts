// Plain types for Korean full-text search. Everything here is pure data so the parser,
// ranking and snippets can be tested without a database.

/** One word (or quoted phrase) of a query and every spelling that counts as a match for it. */
export interface QueryTerm {
  /** As the learner typed it (after trimming punctuation). */
  raw: string;
  /** Literal first, then synonyms and service aliases; weights rank literal hits above expansions. */
  alternatives: TermAlternative[];
}

export interface TermAlternative {
  text: string;
  /** 1 = the word as typed, lower for expansions (synonym 0.9, service alias 0.7, stem 0.8). */
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

export interface DocumentScore {
  score: number;
  /** Every term matched in the title or body, not only in the keyword list. */
  matchedInText: boolean;
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
}
