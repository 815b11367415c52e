// Korean full-text search over SearchDocument rows (topics and facts) and the question bank.
// SQL narrows the rows with LIKE/ILIKE '%…%'; lib/core/search then matches exactly, ranks and
// builds snippets, so SQLite and PostgreSQL return the same order (rows are ranked in id order,
// compared in JavaScript, not in the database's collation). Plain substring matching is what
// makes two-syllable Korean words (람다, 타임) work: SQLite's FTS5 trigram tokenizer never
// matches them (RECIPES.md).
//
// Two pre-filters: documents that may match every term (full matches), and — for a query of
// several words — documents that may match any word (partial matches, shown below the full
// ones and capped, so a query whose words do not all match still finds the best passages).
import "server-only";
import {
  buildSnippet,
  buildSynonymIndex,
  collectSynonymGroups,
  compileQuery,
  highlightText,
  parseSearchQuery,
  rankDocuments,
  sqlPatternsFor,
  type CompiledQuery,
  type MatchKind,
  type ParsedQuery,
  type QueryTerm,
  type RankedItem,
  type SnippetSegment,
  type SynonymIndex,
} from "@/lib/core/search";
import { maskCloze } from "@/lib/core/questions/grading";
import { DOMAIN_LABELS, type Domain } from "@/lib/core/questions/types";
import synonyms from "@/content/taxonomy/search-synonyms.json";
import { providerOfDb, type Db } from "@/lib/server/db";
import type { DatabaseProvider } from "@/lib/server/env";
import { describeCategory, taxonomyData } from "@/lib/server/study/taxonomy";
import { flagsForFacts, type FactLintFlag } from "./fact-lint";

export type { FactLintFlag } from "./fact-lint";

export interface SearchOptions {
  /** Topic hits returned (facts: at most 20, questions: at most 10). */
  limit?: number;
}

export interface TopicSearchHit {
  topicId: string;
  slug: string;
  title: SnippetSegment[];
  headingPath: string[];
  categoryName: string;
  snippet: SnippetSegment[];
  match: MatchKind;
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
  /** Lint warnings on this fact (AWS value beside it); empty when the note agrees. */
  lint: FactLintFlag[];
  match: MatchKind;
  score: number;
}

/** A question's stem and options only: never its answer, correct keys or explanations. */
export interface QuestionSearchHit {
  questionId: string;
  stem: SnippetSegment[];
  /** Options whose text matched, highlighted. */
  options: SnippetSegment[][];
  domainLabel: string;
  bankTitle: string;
  match: MatchKind;
  score: number;
}

export interface SearchResult {
  query: ParsedQuery;
  topics: TopicSearchHit[];
  facts: FactSearchHit[];
  questions: QuestionSearchHit[];
  /** Hits of every kind before the limits. */
  total: number;
  /** When nothing matched: how many documents each term finds on its own. */
  suggestions: { query: string; count: number }[];
  /** The query was so broad that only the first CANDIDATE_LIMIT rows were ranked. */
  truncated: boolean;
}

// Pre-filter cap per query. Ranking is in memory; past this many candidates the query is too
// broad to be useful anyway and the learner is better served by refining it.
const CANDIDATE_LIMIT = 3000;
const FACT_LIMIT = 20;
const QUESTION_LIMIT = 10;
/** Partial and related hits shown at most, per kind (topics; facts and questions fewer). */
const TOPIC_FALLBACK_LIMIT = 10;
const FACT_FALLBACK_LIMIT = 4;
const QUESTION_FALLBACK_LIMIT = 3;

let cachedIndex: SynonymIndex | undefined;
export function searchSynonymIndex(): SynonymIndex {
  cachedIndex ??= buildSynonymIndex(collectSynonymGroups(taxonomyData(), synonyms));
  return cachedIndex;
}

export function parseQuery(input: string): ParsedQuery {
  return parseSearchQuery(input, searchSynonymIndex());
}

export async function searchLibrary(db: Db, input: string, options: SearchOptions = {}): Promise<SearchResult> {
  const provider = providerOfDb(db);
  const limit = options.limit ?? 50;
  const query = parseQuery(input);
  if (query.terms.length === 0) return { query, topics: [], facts: [], questions: [], total: 0, suggestions: [], truncated: false };

  const compiled = compileQuery(query);
  const [candidates, archivedTopics, questionRows] = await Promise.all([
    fetchCandidates(db, query.terms, provider),
    db.topic.findMany({ where: { archivedAt: { not: null } }, select: { id: true } }),
    fetchQuestionCandidates(db, query.terms, provider),
  ]);
  const archived = new Set(archivedTopics.map((topic) => topic.id));
  const live = candidates.rows.filter((doc) => !archived.has(doc.topicId));
  const topicRanks = rankDocuments(live.filter((doc) => doc.kind === "topic"), (doc) => doc, compiled, { limit: Number.POSITIVE_INFINITY, fallbackLimit: TOPIC_FALLBACK_LIMIT });
  const factRanks = rankDocuments(live.filter((doc) => doc.kind === "fact"), (doc) => doc, compiled, { limit: FACT_LIMIT, fallbackLimit: FACT_FALLBACK_LIMIT });
  const questionRanks = rankDocuments(questionRows.rows, questionText, compiled, { limit: QUESTION_LIMIT, fallbackLimit: QUESTION_FALLBACK_LIMIT });

  const [topics, facts] = await Promise.all([loadTopicHits(db, topicRanks.slice(0, limit), compiled), loadFactHits(db, factRanks, compiled)]);
  const questions = questionRanks.map(({ item, score }) => questionHit(item, score.match, score.score, compiled));

  const total = topicRanks.length + factRanks.length + questionRanks.length;
  const suggestions = total === 0 && query.terms.length > 1 ? await suggestSingleTerms(db, query, provider, archived) : [];
  return { query, topics, facts, questions, total, suggestions, truncated: candidates.truncated || questionRows.truncated };
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

type Contains = (pattern: string) => object;

function containsFor(provider: DatabaseProvider): Contains {
  // SQLite's LIKE is case-insensitive for ASCII already; PostgreSQL needs ILIKE (mode).
  return (pattern) => (provider === "postgresql" ? { contains: pattern, mode: "insensitive" } : { contains: pattern });
}

/** Every word a partial match may consist of: a phrase term's parts, else the term itself. */
function queryUnits(terms: readonly QueryTerm[]): QueryTerm[] {
  return terms.flatMap((term) => (term.parts?.length ? [term, ...term.parts] : [term]));
}

function anyPattern(term: QueryTerm, fields: readonly string[], contains: Contains) {
  return { OR: sqlPatternsFor(term).flatMap((pattern) => fields.map((field) => ({ [field]: contains(pattern) }))) };
}

/**
 * The full-match pre-filter (every term), and for queries of several words the partial one
 * (any word); rows merged by id and ordered by id in JavaScript so both databases rank the
 * same rows in the same order.
 */
async function fetchFiltered<T extends { id: string }>(
  terms: readonly QueryTerm[],
  fields: readonly string[],
  contains: Contains,
  find: (where: object) => Promise<T[]>,
): Promise<{ rows: T[]; truncated: boolean }> {
  const every = { AND: terms.map((term) => anyPattern(term, fields, contains)) };
  const units = queryUnits(terms);
  const [full, partial] = await Promise.all([find(every), units.length > 1 ? find({ OR: units.map((unit) => anyPattern(unit, fields, contains)) }) : Promise.resolve([])]);
  const byId = new Map<string, T>();
  for (const row of [...full, ...partial]) byId.set(row.id, row);
  const rows = [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { rows, truncated: full.length >= CANDIDATE_LIMIT || partial.length >= CANDIDATE_LIMIT };
}

function fetchCandidates(db: Db, terms: readonly QueryTerm[], provider: DatabaseProvider) {
  return fetchFiltered<CandidateRow>(terms, FIELDS, containsFor(provider), (where) =>
    db.searchDocument.findMany({
      // The SQLite client's types have no `mode`; the PostgreSQL client accepts it.
      where: where as never,
      select: { id: true, kind: true, refId: true, topicId: true, title: true, body: true, keywords: true },
      orderBy: { id: "asc" },
      take: CANDIDATE_LIMIT,
    }),
  );
}

interface QuestionRow {
  id: string;
  stem: string;
  options: string;
  domain: string;
  bank: { title: string };
  /** The stem as the learner may see it before answering (cloze blanks hidden). */
  shownStem: string;
  /** Option texts, parsed once. */
  optionTexts: string[];
}

function fetchQuestionCandidates(db: Db, terms: readonly QueryTerm[], provider: DatabaseProvider) {
  // `options` is JSON text: the LIKE may also hit its keys ("text"); the exact match runs on
  // the parsed option texts.
  return fetchFiltered<QuestionRow>(terms, ["stem", "options"], containsFor(provider), async (where) => {
    const rows = await db.question.findMany({
      where: { AND: [{ archivedAt: null }, where as never] },
      select: { id: true, type: true, stem: true, options: true, domain: true, bank: { select: { title: true } } },
      orderBy: { id: "asc" },
      take: CANDIDATE_LIMIT,
    });
    // A cloze stem holds its answers ({{6MB}}): they are neither matched nor shown.
    return rows.map((row) => ({ ...row, shownStem: row.type === "cloze" ? maskCloze(row.stem) : row.stem, optionTexts: parseOptionTexts(row.options) }));
  });
}

function questionText(row: QuestionRow) {
  return { title: row.shownStem, body: row.optionTexts.join("\n"), keywords: "" };
}

function questionHit(row: QuestionRow, match: MatchKind, score: number, compiled: CompiledQuery): QuestionSearchHit {
  const options = row.optionTexts.map((text) => highlightText(text, compiled.highlights)).filter((segments) => segments.some((s) => s.highlight));
  return {
    questionId: row.id,
    stem: buildSnippet(row.shownStem, compiled.highlights, { maxLength: 200 }),
    options: options.slice(0, 2),
    domainLabel: DOMAIN_LABELS[row.domain as Domain] ?? row.domain,
    bankTitle: row.bank.title,
    match,
    score,
  };
}

async function loadTopicHits(db: Db, ranks: readonly RankedItem<CandidateRow>[], compiled: CompiledQuery): Promise<TopicSearchHit[]> {
  if (ranks.length === 0) return [];
  const rows = await db.topic.findMany({
    where: { id: { in: ranks.map((r) => r.item.refId) }, archivedAt: null },
    select: { id: true, slug: true, title: true, headingPath: true, categoryKey: true },
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ranks.flatMap(({ item, score }) => {
    const topic = byId.get(item.refId);
    if (!topic) return [];
    return [
      {
        topicId: topic.id,
        slug: topic.slug,
        title: highlightText(topic.title, compiled.highlights),
        headingPath: parseStringArray(topic.headingPath),
        categoryName: describeCategory(topic.categoryKey).name,
        snippet: buildSnippet(item.body, compiled.highlights),
        match: score.match,
        score: score.score,
      },
    ];
  });
}

async function loadFactHits(db: Db, ranks: readonly RankedItem<CandidateRow>[], compiled: CompiledQuery): Promise<FactSearchHit[]> {
  if (ranks.length === 0) return [];
  const rows = await db.fact.findMany({
    where: { id: { in: ranks.map((r) => r.item.refId) }, archivedAt: null },
    select: {
      id: true,
      label: true,
      valueText: true,
      excerpt: true,
      line: true,
      serviceKey: true,
      attribute: true,
      note: { select: { path: true } },
      topic: { select: { slug: true, title: true, archivedAt: true } },
    },
  });
  // At most FACT_LIMIT facts, so at most that many (file, line) pairs.
  const warnings = await db.lintWarning.findMany({
    where: { archivedAt: null, kind: { in: ["reference", "conflict"] }, OR: rows.map((row) => ({ file: row.note.path, line: row.line })) },
    orderBy: { id: "asc" },
    select: { kind: true, file: true, line: true, factKey: true, message: true, detail: true },
  });
  const flags = flagsForFacts(
    rows.map((row) => ({ id: row.id, serviceKey: row.serviceKey, attribute: row.attribute, notePath: row.note.path, line: row.line })),
    warnings,
  );
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ranks.flatMap(({ item, score }) => {
    const fact = byId.get(item.refId);
    if (!fact) return [];
    return [
      {
        factId: fact.id,
        label: highlightText(fact.label, compiled.highlights),
        valueText: fact.valueText,
        excerpt: buildSnippet(fact.excerpt, compiled.highlights, { maxLength: 120 }),
        topic: fact.topic && !fact.topic.archivedAt ? { slug: fact.topic.slug, title: fact.topic.title } : null,
        notePath: fact.note.path,
        line: fact.line,
        lint: flags.get(fact.id) ?? [],
        match: score.match,
        score: score.score,
      },
    ];
  });
}

async function suggestSingleTerms(db: Db, query: ParsedQuery, provider: DatabaseProvider, archived: ReadonlySet<string>) {
  const out: { query: string; count: number }[] = [];
  for (const term of query.terms) {
    const single = compileQuery({ ...query, terms: [term] });
    const rows = (await fetchCandidates(db, [term], provider)).rows.filter((doc) => !archived.has(doc.topicId));
    const count = rankDocuments(rows, (doc) => doc, single, { limit: rows.length }).length;
    if (count > 0) out.push({ query: term.raw, count });
  }
  return out.sort((a, b) => b.count - a.count);
}

function parseOptionTexts(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.map((option) => (typeof option === "object" && option !== null && typeof (option as { text?: unknown }).text === "string" ? (option as { text: string }).text : ""));
  } catch (error) {
    if (error instanceof SyntaxError) return [];
    throw error;
  }
}

function parseStringArray(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch (error) {
    if (error instanceof SyntaxError) return [];
    throw error;
  }
}
