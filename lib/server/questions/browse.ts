// Read side of the question pages: the filtered list at /questions, the facets beside it, one
// question with the links it needs (note sections, topic pages, AWS reference facts), and the
// imported banks at /questions/import. Rows are turned into app shapes here, once.
import "server-only";
import { noteHref, topicHref } from "@/lib/core/hrefs";
import type { Prisma } from "@/generated/prisma-sqlite/client";
import { bundledTaxonomy } from "@/lib/server/taxonomy";
import referenceFacts from "@/content/reference/aws-facts.json";
import { DOMAINS, ORIGINS, QUESTION_TYPES, type Domain, type Question, type QuestionOrigin, type QuestionType, type QuestionListItem } from "@/lib/core/questions/types";
import type { Db } from "../db";
import { questionFromRow } from "./map";

export const QUESTIONS_PAGE_SIZE = 20;

export interface QuestionFilters {
  topic?: string;
  domain?: Domain;
  type?: QuestionType;
  origin?: QuestionOrigin;
  /** bank id: the imported-banks page links to one bank's questions */
  bank?: string;
  /** free text; every whitespace-separated term must match */
  q?: string;
  /** 1-based */
  page?: number;
}


export interface QuestionPage {
  items: QuestionListItem[];
  total: number;
  page: number;
  pageCount: number;
  pageSize: number;
}

export interface FacetCount<K extends string = string> {
  key: K;
  count: number;
}

export interface QuestionFacets {
  /** topic facets carry the taxonomy name; the fixed facets are labelled by the UI */
  topics: (FacetCount & { name: string })[];
  domains: FacetCount<Domain>[];
  types: FacetCount<QuestionType>[];
  origins: FacetCount<QuestionOrigin>[];
  total: number;
}

export interface TopicLink {
  key: string;
  name: string;
  /** "/topics/<slug>" when the notes have a topic for this service, otherwise "/topics" */
  href: string;
}

export interface SourceLink {
  file: string;
  heading: string;
  line: number | null;
  noteHref: string;
  topic: { title: string; href: string } | null;
}

export interface ReferenceLink {
  id: string;
  label: string;
  text: string;
  url: string;
  asOf: string;
}

export interface QuestionDetail {
  question: Question;
  bank: { id: string; title: string; origin: string };
  topics: TopicLink[];
  sources: SourceLink[];
  references: ReferenceLink[];
  openReports: number;
}

export interface ImportedBank {
  id: string;
  title: string;
  sourceFile: string | null;
  createdAt: Date;
  questionCount: number;
}

interface TaxonomyService {
  key: string;
  name: string;
  aliases?: string[];
}

const services: TaxonomyService[] = bundledTaxonomy().services;
const serviceByKey = new Map(services.map((service) => [service.key, service]));

/** Korean or English display name of a taxonomy service key; unknown keys show as written. */
export function topicName(key: string): string {
  return serviceByKey.get(key)?.name ?? key;
}

/**
 * Service keys a search term names, by key, name or alias ("람다" → lambda), so a Korean term
 * finds questions whose text only says "Lambda". Terms under two characters would match far
 * too much and are left to the text search.
 */
function serviceKeysNamedBy(term: string): string[] {
  const needle = term.toLowerCase();
  if (needle.length < 2) return [];
  return services
    .filter((service) =>
      [service.key, service.name, ...(service.aliases ?? [])].some((name) => name.toLowerCase() === needle),
    )
    .map((service) => service.key);
}

// PostgreSQL compares LIKE case-sensitively, SQLite does not for ASCII; Prisma's
// `mode: "insensitive"` evens that out but is rejected by the SQLite client, so it is added only
// for PostgreSQL. `Db` is typed as the SQLite client (lib/server/db.ts), hence the cast.
function isPostgres(db: Db): boolean {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql";
}

function textContains(db: Db, term: string): Prisma.StringFilter {
  return (isPostgres(db) ? { contains: term, mode: "insensitive" } : { contains: term }) as Prisma.StringFilter;
}

function whereFor(db: Db, filters: QuestionFilters): Prisma.QuestionWhereInput {
  const and: Prisma.QuestionWhereInput[] = [{ archivedAt: null }];
  if (filters.topic) and.push({ topics: { some: { topicKey: filters.topic } } });
  if (filters.domain) and.push({ domain: filters.domain });
  if (filters.type) and.push({ type: filters.type });
  if (filters.origin) and.push({ origin: filters.origin });
  if (filters.bank) and.push({ bankId: filters.bank });
  const terms = (filters.q ?? "").trim().split(/\s+/).filter(Boolean).slice(0, 8);
  for (const term of terms) {
    const keys = serviceKeysNamedBy(term);
    and.push({
      OR: [
        { id: textContains(db, term) },
        { stem: textContains(db, term) },
        { options: textContains(db, term) },
        { explanations: textContains(db, term) },
        { answer: textContains(db, term) },
        ...(keys.length > 0 ? [{ topics: { some: { topicKey: { in: keys } } } }] : []),
      ],
    });
  }
  return { AND: and };
}

export async function listQuestions(db: Db, filters: QuestionFilters): Promise<QuestionPage> {
  const where = whereFor(db, filters);
  const total = await db.question.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / QUESTIONS_PAGE_SIZE));
  const page = Math.min(Math.max(1, Math.floor(filters.page ?? 1)), pageCount);
  const rows = await db.question.findMany({
    where,
    // origin sorts curated < generated < imported, which is also the order worth studying in
    orderBy: [{ origin: "asc" }, { bankId: "asc" }, { id: "asc" }],
    skip: (page - 1) * QUESTIONS_PAGE_SIZE,
    take: QUESTIONS_PAGE_SIZE,
    select: {
      id: true,
      type: true,
      domain: true,
      origin: true,
      difficulty: true,
      stem: true,
      bank: { select: { title: true } },
      topics: { select: { topicKey: true }, orderBy: { topicKey: "asc" } },
    },
  });
  return {
    items: rows.map((row) => ({
      id: row.id,
      type: row.type as QuestionType,
      domain: row.domain as Domain,
      origin: row.origin as QuestionOrigin,
      difficulty: row.difficulty,
      stem: row.stem,
      topics: row.topics.map((topic) => ({ key: topic.topicKey, name: topicName(topic.topicKey) })),
      bankTitle: row.bank.title,
    })),
    total,
    page,
    pageCount,
    pageSize: QUESTIONS_PAGE_SIZE,
  };
}

/** Counts over every question that is not archived, for the filter controls. */
export async function listQuestionFacets(db: Db): Promise<QuestionFacets> {
  const live = { archivedAt: null };
  const [total, byDomain, byType, byOrigin, byTopic] = await Promise.all([
    db.question.count({ where: live }),
    db.question.groupBy({ by: ["domain"], where: live, _count: { _all: true } }),
    db.question.groupBy({ by: ["type"], where: live, _count: { _all: true } }),
    db.question.groupBy({ by: ["origin"], where: live, _count: { _all: true } }),
    db.questionTopic.groupBy({ by: ["topicKey"], where: { question: live }, _count: { _all: true } }),
  ]);
  const countIn = (groups: { key: string; count: number }[], key: string) =>
    groups.find((group) => group.key === key)?.count ?? 0;
  const domains = byDomain.map((group) => ({ key: group.domain, count: group._count._all }));
  const types = byType.map((group) => ({ key: group.type, count: group._count._all }));
  const origins = byOrigin.map((group) => ({ key: group.origin, count: group._count._all }));
  return {
    total,
    domains: DOMAINS.map((key) => ({ key, count: countIn(domains, key) })),
    types: QUESTION_TYPES.map((key) => ({ key, count: countIn(types, key) })),
    origins: ORIGINS.map((key) => ({ key, count: countIn(origins, key) })),
    topics: byTopic
      .map((group) => ({ key: group.topicKey, name: topicName(group.topicKey), count: group._count._all }))
      .sort((a, b) => a.name.localeCompare(b.name, "ko")),
  };
}

/** Headings are compared without markdown markup, case or spacing differences. */
function normaliseHeading(heading: string): string {
  return heading
    .replace(/[*_`~#]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}


async function linkSources(db: Db, question: Question): Promise<SourceLink[]> {
  if (question.sources.length === 0) return [];
  const headings = new Set(question.sources.map((source) => normaliseHeading(source.heading)));
  // A handful of notes hold at most a few thousand sections; matching in memory keeps the
  // heading normalisation in one place instead of in SQL for two providers.
  const candidates = await db.topicSource.findMany({
    where: { topic: { archivedAt: null } },
    select: {
      heading: true,
      line: true,
      note: { select: { path: true } },
      topic: { select: { slug: true, title: true, depth: true } },
    },
  });
  const matching = candidates.filter((candidate) => headings.has(normaliseHeading(candidate.heading)));
  const titled = await db.topic.findMany({
    where: { archivedAt: null, title: { in: question.sources.map((source) => source.heading) } },
    select: { slug: true, title: true },
  });
  return question.sources.map((source) => {
    const wanted = normaliseHeading(source.heading);
    const sameHeading = matching.filter((candidate) => normaliseHeading(candidate.heading) === wanted);
    // Prefer the section in the cited note; the same section often appears in two notes.
    const inFile = sameHeading.find((candidate) => candidate.note.path === source.file);
    const best = inFile ?? sameHeading[0];
    const line = source.line ?? inFile?.line ?? null;
    const byTitle = titled.find((topic) => normaliseHeading(topic.title) === wanted);
    const topic = best ? best.topic : byTitle;
    return {
      file: source.file,
      heading: source.heading,
      line,
      noteHref: noteHref(source.file, line),
      topic: topic ? { title: topic.title, href: topicHref(topic.slug) } : null,
    };
  });
}

async function linkTopics(db: Db, keys: string[]): Promise<TopicLink[]> {
  if (keys.length === 0) return [];
  const topics = await db.topic.findMany({
    where: { archivedAt: null, serviceKey: { in: keys } },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
    select: { slug: true, serviceKey: true },
  });
  return keys.map((key) => {
    // The shallowest section about a service is its overview page.
    const topic = topics.find((candidate) => candidate.serviceKey === key);
    return { key, name: topicName(key), href: topic ? topicHref(topic.slug) : "/topics" };
  });
}

interface ReferenceFact {
  id: string;
  label: string;
  text: string;
  url: string;
  asOf: string;
}

const referenceById = new Map((referenceFacts.facts as ReferenceFact[]).map((fact) => [fact.id, fact]));

export async function getQuestionDetail(db: Db, id: string): Promise<QuestionDetail | null> {
  const row = await db.question.findUnique({
    where: { id },
    include: { topics: { orderBy: { topicKey: "asc" } }, bank: { select: { id: true, title: true, origin: true } } },
  });
  if (!row) return null;
  const question = questionFromRow(row);
  const [topics, sources, openReports] = await Promise.all([
    linkTopics(db, question.topics),
    linkSources(db, question),
    db.questionReport.count({ where: { questionId: id, resolvedAt: null } }),
  ]);
  const references = question.references.flatMap((referenceId) => {
    const fact = referenceById.get(referenceId);
    return fact ? [{ id: fact.id, label: fact.label, text: fact.text, url: fact.url, asOf: fact.asOf }] : [];
  });
  return { question, bank: row.bank, topics, sources, references, openReports };
}

export async function listImportedBanks(db: Db): Promise<ImportedBank[]> {
  const banks = await db.questionBank.findMany({
    where: { origin: "imported" },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: { id: true, title: true, sourceFile: true, createdAt: true, _count: { select: { questions: true } } },
  });
  return banks.map((bank) => ({
    id: bank.id,
    title: bank.title,
    sourceFile: bank.sourceFile,
    createdAt: bank.createdAt,
    questionCount: bank._count.questions,
  }));
}

export async function findBank(db: Db, bankId: string): Promise<{ id: string; title: string; origin: string } | null> {
  return db.questionBank.findUnique({ where: { id: bankId }, select: { id: true, title: true, origin: true } });
}

/** An imported bank by id; curated and generated banks are not removable from the app. */
export async function findImportedBank(db: Db, bankId: string): Promise<{ id: string; title: string } | null> {
  return db.questionBank.findFirst({ where: { id: bankId, origin: "imported" }, select: { id: true, title: true } });
}
