export * from "./types";
export { normalizeText, toLookupKey } from "./normalize";
export { buildSynonymIndex, collectSynonymGroups, type SynonymIndex, type SynonymFile, type TaxonomyServices } from "./synonyms";
export { parseSearchQuery, expandTerm, stripParticle, MAX_TERMS, MAX_QUERY_LENGTH } from "./parse-query";
export { compileTerm, findMatches, sqlPatternsFor, type CompiledTerm } from "./match";
export { compileQuery, scoreDocument, rankDocuments, type RankedItem } from "./rank";
export { buildSnippet, highlightText, segmentsToHtml, escapeHtml } from "./snippet";
