export { searchLibrary, parseQuery, searchSynonymIndex, type SearchResult, type TopicSearchHit, type FactSearchHit, type SearchOptions } from "./search-library";
