import "server-only";
export { searchLibrary, parseQuery, searchSynonymIndex, type SearchResult, type TopicSearchHit, type FactSearchHit, type QuestionSearchHit, type FactLintFlag, type SearchOptions } from "./search-library";
