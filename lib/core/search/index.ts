export * from "./types";
export { normalizeText, toLookupKey } from "./normalize";
export { buildSynonymIndex, collectSynonymGroups, type SynonymIndex, type SynonymFile, type TaxonomyServices } from "./synonyms";
export { parseSearchQuery, expandTerm, stripParticle, MAX_TERMS, MAX_QUERY_LENGTH, FEATURE_SERVICE_WEIGHT } from "./parse-query";
export { compileTerm, findMatches, sqlPatternsFor, type CompiledTerm } from "./match";
export { compileQuery, scoreDocument, rankDocuments, type CompiledQuery, type CompiledQueryTerm, type RankedItem, type RankOptions } from "./rank";
export { buildSnippet, highlightText, segmentsToHtml, escapeHtml } from "./snippet";
