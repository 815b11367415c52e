// Read-only queries behind the study pages. Rows are reshaped into plain view objects here so
// pages and components never see Prisma shapes (STYLE.md: convert at the edges, once).
import type { Db } from "@/lib/server/db";
import { buildCategoryTree, flattenTree, type CategoryGroup, type TreeTopicRow } from "./topic-tree";
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
        return row ? { slug: row.slug, title: row.title, categoryName: describeCategory(row.categoryKey).name, factCount: group._count._all } : null;
      })
      .filter((topic): topic is NonNullable<typeof topic> => topic !== null)
      .slice(0, 6),
  };
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

export interface TopicPage {
  id: string;
  slug: string;
  title: string;
  html: string;
  headingPath: string[];
  category: { key: string; name: string };
  serviceName: string | null;
  archivedAt: Date | null;
  updatedAt: Date;
  ancestors: TopicLink[];
  children: (TopicLink & { factCount: number })[];
  previous: TopicLink | null;
  next: TopicLink | null;
  sources: { notePath: string; noteTitle: string; line: number; endLine: number; pageRef: string | null; heading: string }[];
  facts: { id: string; label: string; valueText: string; value: number; valueMax: number | null; unit: string; attribute: string; excerpt: string; notePath: string; line: number }[];
  lint: { id: string; kind: LintKind; file: string; line: number; message: string }[];
}

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
      archivedAt: true,
      updatedAt: true,
      sources: { orderBy: [{ note: { path: "asc" } }, { line: "asc" }], select: { line: true, endLine: true, pageRef: true, heading: true, note: { select: { path: true, title: true } } } },
      facts: {
        where: { archivedAt: null },
        orderBy: [{ line: "asc" }, { attribute: "asc" }],
        select: { id: true, label: true, valueText: true, value: true, valueMax: true, unit: true, attribute: true, excerpt: true, line: true, note: { select: { path: true } } },
      },
    },
  });
  if (!topic) return null;

  const [children, lint, treeRows, ancestors] = await Promise.all([
    db.topic.findMany({
      where: { parentId: topic.id, archivedAt: null },
      orderBy: { sortOrder: "asc" },
      select: { slug: true, title: true, _count: { select: { facts: { where: { archivedAt: null } } } } },
    }),
    db.lintWarning.findMany({ where: { topicId: topic.id, archivedAt: null }, orderBy: [{ file: "asc" }, { line: "asc" }], select: { id: true, kind: true, file: true, line: true, message: true } }),
    topic.archivedAt ? Promise.resolve([]) : loadTreeRows(db),
    loadAncestors(db, topic.parentId),
  ]);

  const reading = flattenTree(buildCategoryTree(treeRows));
  const position = reading.findIndex((node) => node.id === topic.id);
  const neighbour = (offset: number): TopicLink | null => {
    const node = position >= 0 ? reading[position + offset] : undefined;
    return node ? { slug: node.slug, title: node.title } : null;
  };

  return {
    id: topic.id,
    slug: topic.slug,
    title: topic.title,
    html: topic.html,
    headingPath: parseHeadingPath(topic.headingPath),
    category: { key: topic.categoryKey, name: describeCategory(topic.categoryKey).name },
    serviceName: serviceName(topic.serviceKey),
    archivedAt: topic.archivedAt,
    updatedAt: topic.updatedAt,
    ancestors,
    children: children.map((child) => ({ slug: child.slug, title: child.title, factCount: child._count.facts })),
    previous: neighbour(-1),
    next: neighbour(1),
    sources: topic.sources.map((source) => ({ notePath: source.note.path, noteTitle: source.note.title, line: source.line, endLine: source.endLine, pageRef: source.pageRef, heading: source.heading })),
    facts: topic.facts.map(({ note, ...fact }) => ({ ...fact, notePath: note.path })),
    lint: lint.map((warning) => ({ ...warning, kind: toLintKind(warning.kind) })),
  };
}

async function loadAncestors(db: Db, parentId: string | null): Promise<TopicLink[]> {
  const ancestors: TopicLink[] = [];
  const seen = new Set<string>();
  let id = parentId;
  // Heading depth is at most six, so this is a handful of primary-key lookups.
  while (id && !seen.has(id) && ancestors.length < 12) {
    seen.add(id);
    const parent = await db.topic.findUnique({ where: { id }, select: { slug: true, title: true, parentId: true } });
    if (!parent) break;
    ancestors.unshift({ slug: parent.slug, title: parent.title });
    id = parent.parentId;
  }
  return ancestors;
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
      sources: { select: { line: true, topic: { select: { slug: true, title: true, archivedAt: true } } } },
    },
  });
  if (!note) return null;
  const lint = await db.lintWarning.findMany({ where: { file: note.path, archivedAt: null }, orderBy: { line: "asc" }, select: { id: true, kind: true, line: true, message: true } });
  const topicsByLine: Record<number, TopicLink[]> = {};
  for (const source of note.sources) {
    if (source.topic.archivedAt) continue;
    (topicsByLine[source.line] ??= []).push({ slug: source.topic.slug, title: source.topic.title });
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
