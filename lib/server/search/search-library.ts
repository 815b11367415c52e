// Korean full-text search over SearchDocument rows (topics and facts). SQL narrows the rows
// with LIKE/ILIKE '%…%' per term (a document must match every term through one of its
// alternatives); lib/core/search then matches exactly, ranks and builds snippets, so SQLite and
// PostgreSQL return the same order. Plain substring matching is what makes two-syllable Korean
// words (람다, 타임) work: SQLite's FTS5 trigram tokenizer never matches them (RECIPES.md).
import {
  buildSnippet,
  buildSynonymIndex,
  collectSynonymGroups,
  compileQuery,
  highlightText,
  parseSearchQuery,
  rankDocuments,
  sqlPatternsFor,
  type ParsedQuery,
  type QueryTerm,
  type SnippetSegment,
  type SynonymIndex,
} from "@/lib/core/search";
import synonyms from "@/content/taxonomy/search-synonyms.json";
import type { Db } from "@/lib/server/db";
import { providerOf, readEnv, type DatabaseProvider } from "@/lib/server/env";
import { describeCategory, taxonomyData } from "@/lib/server/study/taxonomy";

export interface SearchOptions {
  provider?: DatabaseProvider;
  /** Topic hits returned (facts: at most 20). */
  limit?: number;
}

export interface TopicSearchHit {
  topicId: string;
  slug: string;
  title: SnippetSegment[];
  headingPath: string[];
  categoryName: string;
  snippet: SnippetSegment[];
  score: number;
}

export interface FactSearchHit {
  factId: string;
  label: SnippetSegment[];
  valueText: string;
  excerpt: SnippetSegment[];
  topic: { slug: string; title: string } | null;
  notePath: string;
  line: number;
  score: number;
}

export interface SearchResult {
  query: ParsedQuery;
  topics: TopicSearchHit[];
  facts: FactSearchHit[];
  /** Matching documents before the limit. */
  total: number;
  /** When nothing matched all terms: how many documents each term finds on its own. */
  suggestions: { query: string; count: number }[];
  /** The query was so broad that only the first CANDIDATE_LIMIT documents were ranked. */
  truncated: boolean;
}

// Pre-filter cap. Ranking is in memory; past this many candidates the query is too broad to
// be useful anyway and the learner is better served by refining it.
const CANDIDATE_LIMIT = 3000;
const FACT_LIMIT = 20;

let cachedIndex: SynonymIndex | undefined;
export function searchSynonymIndex(): SynonymIndex {
  cachedIndex ??= buildSynonymIndex(collectSynonymGroups(taxonomyData(), synonyms));
  return cachedIndex;
}

export function parseQuery(input: string): ParsedQuery {
  return parseSearchQuery(input, searchSynonymIndex());
}

export async function searchLibrary(db: Db, input: string, options: SearchOptions = {}): Promise<SearchResult> {
  const provider = options.provider ?? providerOf(readEnv().DATABASE_URL);
  const limit = options.limit ?? 50;
  const query = parseQuery(input);
  if (query.terms.length === 0) return { query, topics: [], facts: [], total: 0, suggestions: [], truncated: false };

  const terms = compileQuery(query);
  const [candidates, archivedTopics] = await Promise.all([
    fetchCandidates(db, query.terms, provider),
    db.topic.findMany({ where: { archivedAt: { not: null } }, select: { id: true } }),
  ]);
  const archived = new Set(archivedTopics.map((topic) => topic.id));
  const live = candidates.filter((doc) => !archived.has(doc.topicId));
  const ranked = rankDocuments(live, (doc) => doc, terms, live.length);

  const topicRanks = ranked.filter((r) => r.item.kind === "topic").slice(0, limit);
  const factRanks = ranked.filter((r) => r.item.kind === "fact").slice(0, FACT_LIMIT);
  const [topicRows, factRows] = await Promise.all([
    topicRanks.length
      ? db.topic.findMany({ where: { id: { in: topicRanks.map((r) => r.item.refId) }, archivedAt: null }, select: { id: true, slug: true, title: true, headingPath: true, categoryKey: true } })
      : [],
    factRanks.length
      ? db.fact.findMany({
          where: { id: { in: factRanks.map((r) => r.item.refId) }, archivedAt: null },
          select: { id: true, label: true, valueText: true, excerpt: true, line: true, note: { select: { path: true } }, topic: { select: { slug: true, title: true, archivedAt: true } } },
        })
      : [],
  ]);
  const topicById = new Map(topicRows.map((row) => [row.id, row]));
  const factById = new Map(factRows.map((row) => [row.id, row]));

  const topics: TopicSearchHit[] = [];
  for (const { item, score } of topicRanks) {
    const topic = topicById.get(item.refId);
    if (!topic) continue;
    topics.push({
      topicId: topic.id,
      slug: topic.slug,
      title: highlightText(topic.title, terms),
      headingPath: parseHeadingPath(topic.headingPath),
      categoryName: describeCategory(topic.categoryKey).name,
      snippet: buildSnippet(item.body, terms),
      score: score.score,
    });
  }
  const facts: FactSearchHit[] = [];
  for (const { item, score } of factRanks) {
    const fact = factById.get(item.refId);
    if (!fact) continue;
    facts.push({
      factId: fact.id,
      label: highlightText(fact.label, terms),
      valueText: fact.valueText,
      excerpt: buildSnippet(fact.excerpt, terms, { maxLength: 120 }),
      topic: fact.topic && !fact.topic.archivedAt ? { slug: fact.topic.slug, title: fact.topic.title } : null,
      notePath: fact.note.path,
      line: fact.line,
      score: score.score,
    });
  }

  const suggestions = ranked.length === 0 && query.terms.length > 1 ? await suggestSingleTerms(db, query, provider, archived) : [];
  return { query, topics, facts, total: ranked.length, suggestions, truncated: candidates.length >= CANDIDATE_LIMIT };
}

interface CandidateRow {
  id: string;
  kind: string;
  refId: string;
  topicId: string;
  title: string;
  body: string;
  keywords: string;
}

const FIELDS = ["title", "body", "keywords"] as const;

async function fetchCandidates(db: Db, terms: readonly QueryTerm[], provider: DatabaseProvider): Promise<CandidateRow[]> {
  // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs ILIKE (mode).
  const contains = (pattern: string) => (provider === "postgresql" ? { contains: pattern, mode: "insensitive" } : { contains: pattern });
  const where = {
    AND: terms.map((term) => ({
      OR: sqlPatternsFor(term).flatMap((pattern) => FIELDS.map((field) => ({ [field]: contains(pattern) }))),
    })),
  };
  return db.searchDocument.findMany({
    // The SQLite client's types have no `mode`; the PostgreSQL client accepts it.
    where: where as never,
    select: { id: true, kind: true, refId: true, topicId: true, title: true, body: true, keywords: true },
    orderBy: { id: "asc" },
    take: CANDIDATE_LIMIT,
  });
}

async function suggestSingleTerms(db: Db, query: ParsedQuery, provider: DatabaseProvider, archived: ReadonlySet<string>) {
  const out: { query: string; count: number }[] = [];
  for (const term of query.terms) {
    const compiled = compileQuery({ ...query, terms: [term] });
    const rows = (await fetchCandidates(db, [term], provider)).filter((doc) => !archived.has(doc.topicId));
    const count = rankDocuments(rows, (doc) => doc, compiled, rows.length).length;
    if (count > 0) out.push({ query: term.raw, count });
  }
  return out.sort((a, b) => b.count - a.count);
}

function parseHeadingPath(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch (error) {
    if (error instanceof SyntaxError) return [];
    throw error;
  }
}
