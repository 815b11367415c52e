// Read-only queries behind the study pages. Rows are reshaped into plain view objects here so
// pages and components never see Prisma shapes (STYLE.md: convert at the edges, once).
import "server-only";
import type { Db } from "@/lib/server/db";
import { questionHref, questionsHref } from "@/lib/core/hrefs";
import { buildDisplayTitles, isGenericTitle } from "./display-title";
import { buildCategoryTree, treeAncestorsOf, type CategoryGroup, type TreeTopicRow } from "./topic-tree";
import { describeCategory, serviceName } from "./taxonomy";

export type LintKind = "reference" | "conflict" | "input";
export const LINT_KINDS: readonly LintKind[] = ["reference", "conflict", "input"];

export interface LibraryOverview {
  notes: { path: string; title: string; topicCount: number; byteSize: number }[];
  topicCount: number;
  factCount: number;
  questionCount: number;
  lintCounts: Record<LintKind, number>;
  lastIngestAt: Date | null;
  categories: { key: string; name: string; topicCount: number }[];
  /** Topics with the most extracted facts: a concrete place to start. */
  startTopics: { slug: string; title: string; categoryName: string; factCount: number }[];
}

export async function fetchLibraryOverview(db: Db): Promise<LibraryOverview> {
  const [notes, topicCount, factCount, questionCount, lintGroups, lastRun, categoryGroups, factGroups] = await Promise.all([
    db.note.findMany({
      where: { archivedAt: null },
      orderBy: { path: "asc" },
      select: { path: true, title: true, byteSize: true, sources: { where: { topic: { archivedAt: null } }, select: { topicId: true } } },
    }),
    db.topic.count({ where: { archivedAt: null } }),
    db.fact.count({ where: { archivedAt: null } }),
    db.question.count({ where: { archivedAt: null } }),
    db.lintWarning.groupBy({ by: ["kind"], where: { archivedAt: null }, _count: { _all: true } }),
    db.ingestRun.findFirst({ orderBy: { finishedAt: "desc" }, select: { finishedAt: true } }),
    db.topic.groupBy({ by: ["categoryKey"], where: { archivedAt: null }, _count: { _all: true } }),
    db.fact.groupBy({ by: ["topicId"], where: { archivedAt: null, topicId: { not: null } }, _count: { _all: true } }),
  ]);

  const topFactTopics = factGroups
    .filter((group): group is typeof group & { topicId: string } => group.topicId !== null)
    .sort((a, b) => b._count._all - a._count._all)
    .slice(0, 12);
  const startRows = topFactTopics.length
    ? await db.topic.findMany({ where: { id: { in: topFactTopics.map((g) => g.topicId) }, archivedAt: null }, select: { id: true, slug: true, title: true, categoryKey: true } })
    : [];
  const startById = new Map(startRows.map((row) => [row.id, row]));
  const titles = startRows.some((row) => isGenericTitle(row.title)) ? await fetchDisplayTitles(db) : new Map<string, string>();

  const lintCounts: Record<LintKind, number> = { reference: 0, conflict: 0, input: 0 };
  for (const group of lintGroups) if (isLintKind(group.kind)) lintCounts[group.kind] = group._count._all;

  return {
    notes: notes.map((note) => ({ path: note.path, title: note.title, byteSize: note.byteSize, topicCount: new Set(note.sources.map((s) => s.topicId)).size })),
    topicCount,
    factCount,
    questionCount,
    lintCounts,
    lastIngestAt: lastRun?.finishedAt ?? null,
    categories: categoryGroups
      .map((group) => ({ category: describeCategory(group.categoryKey), topicCount: group._count._all }))
      .sort((a, b) => a.category.order - b.category.order)
      .map(({ category, topicCount: count }) => ({ key: category.key, name: category.name, topicCount: count })),
    startTopics: topFactTopics
      .map((group) => {
        const row = startById.get(group.topicId);
        return row ? { slug: row.slug, title: titles.get(row.id) ?? row.title, categoryName: describeCategory(row.categoryKey).name, factCount: group._count._all } : null;
      })
      .filter((topic): topic is NonNullable<typeof topic> => topic !== null)
      .slice(0, 6),
  };
}

/** Display titles of every live topic (display-title.ts), for pages that show a few of them. */
async function fetchDisplayTitles(db: Db): Promise<Map<string, string>> {
  return buildDisplayTitles(await db.topic.findMany({ where: { archivedAt: null }, select: { id: true, title: true, parentId: true } }));
}

async function loadTreeRows(db: Db): Promise<TreeTopicRow[]> {
  const rows = await db.topic.findMany({
    where: { archivedAt: null },
    select: {
      id: true,
      slug: true,
      title: true,
      parentId: true,
      categoryKey: true,
      serviceKey: true,
      depth: true,
      sortOrder: true,
      _count: { select: { facts: { where: { archivedAt: null } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, factCount: _count.facts }));
}

export async function fetchTopicTree(db: Db): Promise<CategoryGroup[]> {
  return buildCategoryTree(await loadTreeRows(db));
}

export interface TopicLink {
  slug: string;
  title: string;
}

/** A 이전/다음 link: `noteTitle` is set when reading crosses into the previous or next note. */
export interface ReadingLink extends TopicLink {
  noteTitle: string | null;
}

export interface TopicQuestionsView {
  /** live questions that test this topic: tagged with its service, or citing its heading */
  total: number;
  /** the service's questions (what the /questions filter lists); null without a service */
  service: { key: string; name: string; count: number; href: string } | null;
  /** a few of them, the ones citing this very section first */
  first: { id: string; stem: string; href: string }[];
}

export interface TopicPage {
  id: string;
  slug: string;
  /** display title: a generic heading ("요약") carries its parent's ("Amazon ECR · 요약") */
  title: string;
  /** the heading as written in the note */
  heading: string;
  html: string;
  headingPath: string[];
  category: { key: string; name: string };
  serviceKey: string | null;
  serviceName: string | null;
  archivedAt: Date | null;
  updatedAt: Date;
  /** tree ancestors (same category, parentId chain), root first */
  ancestors: TopicLink[];
  children: (TopicLink & { factCount: number })[];
  /** the neighbouring sections of the note, in the note's own line order */
  previous: ReadingLink | null;
  next: ReadingLink | null;
  sources: { notePath: string; noteTitle: string; line: number; endLine: number; pageRef: string | null; heading: string }[];
  facts: { id: string; label: string; valueText: string; value: number; valueMax: number | null; unit: string; attribute: string; excerpt: string; notePath: string; line: number }[];
  lint: { id: string; kind: LintKind; file: string; line: number; message: string }[];
  questions: TopicQuestionsView;
}

/** How many questions a topic page lists by name (the rest are one link away). */
export const TOPIC_QUESTION_PREVIEW = 5;

export async function fetchTopicPage(db: Db, slug: string): Promise<TopicPage | null> {
  const topic = await db.topic.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      title: true,
      html: true,
      headingPath: true,
      categoryKey: true,
      serviceKey: true,
      parentId: true,
      depth: true,
      sortOrder: true,
      archivedAt: true,
      updatedAt: true,
      sources: { orderBy: [{ note: { path: "asc" } }, { line: "asc" }], select: { line: true, endLine: true, pageRef: true, heading: true, note: { select: { id: true, path: true, title: true } } } },
      facts: {
        where: { archivedAt: null },
        orderBy: [{ line: "asc" }, { attribute: "asc" }],
        select: { id: true, label: true, valueText: true, value: true, valueMax: true, unit: true, attribute: true, excerpt: true, line: true, note: { select: { path: true } } },
      },
    },
  });
  if (!topic) return null;

  const sources = topic.sources.map((source) => ({ noteId: source.note.id, notePath: source.note.path, noteTitle: source.note.title, line: source.line, heading: source.heading }));
  const [children, lint, treeRows, questions] = await Promise.all([
    db.topic.findMany({
      where: { parentId: topic.id, archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { id: true, slug: true, title: true, _count: { select: { facts: { where: { archivedAt: null } } } } },
    }),
    db.lintWarning.findMany({ where: { topicId: topic.id, archivedAt: null }, orderBy: [{ file: "asc" }, { line: "asc" }], select: { id: true, kind: true, file: true, line: true, message: true } }),
    loadTreeRows(db),
    fetchTopicQuestions(db, { serviceKey: topic.serviceKey, sources }),
  ]);

  // Display titles and the tree come from every live topic; an archived topic is added so its
  // own title and live ancestors still resolve.
  const rows: TreeTopicRow[] = topic.archivedAt ? [...treeRows, { ...topic, factCount: topic.facts.length }] : treeRows;
  const byId = new Map(rows.map((row) => [row.id, row]));
  const titles = buildDisplayTitles(rows);
  const titleOf = (row: { id: string; title: string }) => titles.get(row.id) ?? row.title;
  const self = byId.get(topic.id)!;
  const reading = topic.archivedAt ? { previous: null, next: null } : await fetchReadingNeighbours(db, topic.id, sources[0] ?? null, titleOf);

  return {
    id: topic.id,
    slug: topic.slug,
    title: titleOf(topic),
    heading: topic.title,
    html: topic.html,
    headingPath: parseHeadingPath(topic.headingPath),
    category: { key: topic.categoryKey, name: describeCategory(topic.categoryKey).name },
    serviceKey: topic.serviceKey,
    serviceName: serviceName(topic.serviceKey),
    archivedAt: topic.archivedAt,
    updatedAt: topic.updatedAt,
    ancestors: treeAncestorsOf(self, byId).map((row) => ({ slug: row.slug, title: titleOf(row) })),
    children: children.map((child) => ({ slug: child.slug, title: titleOf(child), factCount: child._count.facts })),
    previous: reading.previous,
    next: reading.next,
    sources: topic.sources.map((source) => ({ notePath: source.note.path, noteTitle: source.note.title, line: source.line, endLine: source.endLine, pageRef: source.pageRef, heading: source.heading })),
    facts: topic.facts.map(({ note, ...fact }) => ({ ...fact, notePath: note.path })),
    lint: lint.map((warning) => ({ ...warning, kind: toLintKind(warning.kind) })),
    questions,
  };
}

interface SourceRef {
  noteId: string;
  notePath: string;
  noteTitle: string;
  line: number;
  heading: string;
}

/**
 * 이전/다음 in the note's own order: the live sections of the topic's first note (by path),
 * sorted by the line they start on; a heading on the same line as another sorts by depth. At
 * the first or last section, reading continues with the previous or next note (path order).
 */
async function fetchReadingNeighbours(
  db: Db,
  topicId: string,
  source: SourceRef | null,
  titleOf: (row: { id: string; title: string }) => string,
): Promise<{ previous: ReadingLink | null; next: ReadingLink | null }> {
  if (!source) return { previous: null, next: null };
  const sections = await listNoteSections(db, source.noteId);
  const index = sections.findIndex((section) => section.topicId === topicId && section.line === source.line);
  const step = (offset: -1 | 1): ReadingLink | null => {
    for (let i = index + offset; i >= 0 && i < sections.length; i += offset) {
      const section = sections[i]!;
      if (section.topicId !== topicId) return { slug: section.slug, title: titleOf({ id: section.topicId, title: section.title }), noteTitle: null };
    }
    return null;
  };
  const [previous, next] = await Promise.all(
    ([-1, 1] as const).map(async (offset) => {
      const inNote = index >= 0 ? step(offset) : null;
      if (inNote) return inNote;
      const note = await db.note.findFirst({
        where: { archivedAt: null, path: offset < 0 ? { lt: source.notePath } : { gt: source.notePath }, sources: { some: { topic: { archivedAt: null } } } },
        orderBy: { path: offset < 0 ? "desc" : "asc" },
        select: { id: true, title: true },
      });
      if (!note) return null;
      const other = await listNoteSections(db, note.id);
      const edge = offset < 0 ? other[other.length - 1] : other[0];
      return edge && edge.topicId !== topicId ? { slug: edge.slug, title: titleOf({ id: edge.topicId, title: edge.title }), noteTitle: note.title } : null;
    }),
  );
  return { previous: previous ?? null, next: next ?? null };
}

async function listNoteSections(db: Db, noteId: string) {
  const rows = await db.topicSource.findMany({
    where: { noteId, topic: { archivedAt: null } },
    select: { line: true, topicId: true, topic: { select: { slug: true, title: true, depth: true } } },
  });
  return rows
    .map((row) => ({ line: row.line, topicId: row.topicId, slug: row.topic.slug, title: row.topic.title, depth: row.topic.depth }))
    .sort((a, b) => a.line - b.line || a.depth - b.depth || a.slug.localeCompare(b.slug));
}

/**
 * Questions that test a topic: tagged with its service (QuestionTopic.topicKey), or citing one
 * of its sections (a source whose file and heading are a TopicSource of the topic). The cited
 * heading is found in the sources JSON with a substring match, then confirmed on the parsed
 * value, so "요약" in another note does not count.
 */
export async function fetchTopicQuestions(db: Db, topic: { serviceKey: string | null; sources: readonly Pick<SourceRef, "notePath" | "heading">[] }): Promise<TopicQuestionsView> {
  const live = { archivedAt: null };
  const headings = [...new Set(topic.sources.map((source) => source.heading))];
  const cites = new Set(topic.sources.map((source) => `${source.notePath}\n${normaliseHeading(source.heading)}`));
  const [citing, serviceCount, serviceFirst] = await Promise.all([
    headings.length
      ? db.question.findMany({
          where: { ...live, OR: headings.map((heading) => ({ sources: { contains: withoutNumbering(heading) } })) },
          orderBy: { id: "asc" },
          select: { id: true, stem: true, sources: true, topics: { select: { topicKey: true } } },
        })
      : Promise.resolve([]),
    topic.serviceKey ? db.question.count({ where: { ...live, topics: { some: { topicKey: topic.serviceKey } } } }) : Promise.resolve(0),
    topic.serviceKey
      ? db.question.findMany({
          where: { ...live, topics: { some: { topicKey: topic.serviceKey } } },
          // the list page's order: curated before generated before imported
          orderBy: [{ origin: "asc" }, { bankId: "asc" }, { id: "asc" }],
          take: TOPIC_QUESTION_PREVIEW,
          select: { id: true, stem: true },
        })
      : Promise.resolve([]),
  ]);
  const cited = citing.filter((question) => parseSources(question.sources).some((source) => cites.has(`${source.file}\n${normaliseHeading(source.heading)}`)));
  const citedOutsideService = cited.filter((question) => !topic.serviceKey || !question.topics.some((t) => t.topicKey === topic.serviceKey)).length;
  const first = [...cited, ...serviceFirst].filter((question, i, all) => all.findIndex((other) => other.id === question.id) === i).slice(0, TOPIC_QUESTION_PREVIEW);
  const name = serviceName(topic.serviceKey);
  return {
    total: serviceCount + citedOutsideService,
    service: topic.serviceKey && name ? { key: topic.serviceKey, name, count: serviceCount, href: questionsHref({ topic: topic.serviceKey }) } : null,
    first: first.map((question) => ({ id: question.id, stem: question.stem, href: questionHref(question.id) })),
  };
}

/** A heading's section number ("4. ", "2-1. ", "VIII. ") is not part of its name. */
function withoutNumbering(heading: string): string {
  return heading.trim().replace(/^[\divxlc]+(?:[-.]\d+)*[.)]\s*/i, "");
}

/** As the question pages compare headings (without markup, case or spacing), numbering dropped too. */
function normaliseHeading(heading: string): string {
  return withoutNumbering(heading)
    .replace(/[*_`~#]/g, "")
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();
}

function parseSources(json: string): { file: string; heading: string }[] {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return [];
    return value.flatMap((entry: unknown) => {
      if (typeof entry !== "object" || entry === null) return [];
      const { file, heading } = entry as { file?: unknown; heading?: unknown };
      return typeof file === "string" && typeof heading === "string" ? [{ file, heading }] : [];
    });
  } catch (error) {
    if (error instanceof SyntaxError) return [];
    throw error;
  }
}

export interface NoteView {
  path: string;
  title: string;
  lines: string[];
  ingestedAt: Date;
  archivedAt: Date | null;
  /** Topics whose section starts at a line, keyed by line number. */
  topicsByLine: Record<number, TopicLink[]>;
  lint: { id: string; kind: LintKind; line: number; message: string }[];
}

export async function fetchNoteView(db: Db, path: string): Promise<NoteView | null> {
  const note = await db.note.findUnique({
    where: { path },
    select: {
      path: true,
      title: true,
      content: true,
      ingestedAt: true,
      archivedAt: true,
      sources: { select: { line: true, topic: { select: { id: true, slug: true, title: true, archivedAt: true } } } },
    },
  });
  if (!note) return null;
  const [lint, titles] = await Promise.all([
    db.lintWarning.findMany({ where: { file: note.path, archivedAt: null }, orderBy: { line: "asc" }, select: { id: true, kind: true, line: true, message: true } }),
    note.sources.some((source) => isGenericTitle(source.topic.title)) ? fetchDisplayTitles(db) : Promise.resolve(new Map<string, string>()),
  ]);
  const topicsByLine: Record<number, TopicLink[]> = {};
  for (const source of note.sources) {
    if (source.topic.archivedAt) continue;
    (topicsByLine[source.line] ??= []).push({ slug: source.topic.slug, title: titles.get(source.topic.id) ?? source.topic.title });
  }
  return {
    path: note.path,
    title: note.title,
    lines: note.content.replace(/\r\n?/g, "\n").split("\n"),
    ingestedAt: note.ingestedAt,
    archivedAt: note.archivedAt,
    topicsByLine,
    lint: lint.map((warning) => ({ ...warning, kind: toLintKind(warning.kind) })),
  };
}

export interface LintReport {
  groups: { kind: LintKind; warnings: { id: string; file: string; line: number; message: string; topic: TopicLink | null; noteExists: boolean }[] }[];
  total: number;
}

export async function fetchLintReport(db: Db): Promise<LintReport> {
  const warnings = await db.lintWarning.findMany({
    where: { archivedAt: null },
    orderBy: [{ file: "asc" }, { line: "asc" }, { id: "asc" }],
    select: { id: true, kind: true, file: true, line: true, message: true, topicId: true },
  });
  const topicIds = [...new Set(warnings.map((w) => w.topicId).filter((id): id is string => id !== null))];
  const files = [...new Set(warnings.map((w) => w.file))];
  const [topics, notes] = await Promise.all([
    topicIds.length ? db.topic.findMany({ where: { id: { in: topicIds } }, select: { id: true, slug: true, title: true } }) : [],
    // A file that could not be read (binary, not UTF-8) has no Note row, so no page to link to.
    files.length ? db.note.findMany({ where: { path: { in: files } }, select: { path: true } }) : [],
  ]);
  const noteExists = new Set(notes.map((note) => note.path));
  const topicById = new Map(topics.map((topic) => [topic.id, { slug: topic.slug, title: topic.title }]));
  return {
    total: warnings.length,
    groups: LINT_KINDS.map((kind) => ({
      kind,
      warnings: warnings
        .filter((warning) => toLintKind(warning.kind) === kind)
        .map((warning) => ({ id: warning.id, file: warning.file, line: warning.line, message: warning.message, topic: warning.topicId ? (topicById.get(warning.topicId) ?? null) : null, noteExists: noteExists.has(warning.file) })),
    })),
  };
}

function isLintKind(kind: string): kind is LintKind {
  return (LINT_KINDS as readonly string[]).includes(kind);
}

/** An unknown kind (a newer ingester) is shown with the input problems rather than lost. */
function toLintKind(kind: string): LintKind {
  return isLintKind(kind) ? kind : "input";
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
