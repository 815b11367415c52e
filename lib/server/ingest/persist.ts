// Writing one ingest: every row that differs from the database, and nothing else, inside the
// one transaction runIngest opens. Rows are compared by content hash (topics) or by their
// fields (sources, facts, warnings), so re-running on unchanged notes writes nothing. Rows that
// disappear from the notes are archived (topics, facts, notes, warnings), never deleted;
// topic sources and search documents are derived data and are replaced.
import type { Database as SqliteConnection } from "better-sqlite3";
import { Prisma } from "@/generated/prisma-sqlite/client";
import type { Tx } from "@/lib/server/db";
import type { FactValue } from "@/lib/core/ingest/types";
import { exposedGc } from "./expose-gc";

export interface NoteRow {
  id: string;
  path: string;
  title: string;
  contentHash: string;
  content: string;
  byteSize: number;
}

export interface TopicRow {
  id: string;
  slug: string;
  title: string;
  headingPath: string;
  serviceKey: string | null;
  categoryKey: string;
  parentId: string | null;
  depth: number;
  sortOrder: number;
  html: string;
  contentHash: string;
}

export interface SourceRow {
  topicId: string;
  noteId: string;
  line: number;
  endLine: number;
  pageRef: string | null;
  heading: string;
}

export interface FactRow extends FactValue {
  topicId: string | null;
  noteId: string;
  excerpt: string;
}

export interface SearchRow {
  id: string;
  kind: string;
  refId: string;
  topicId: string;
  title: string;
  body: string;
  keywords: string;
}

export interface WarningRow {
  id: string;
  kind: string;
  file: string;
  line: number;
  topicId: string | null;
  factKey: string | null;
  message: string;
  detail: string | null;
}

export interface IngestPlan {
  now: Date;
  notes: NoteRow[];
  archiveNoteIds: string[];
  /** Every topic id whose rows this run owns: present in `topics` → written if changed; absent → archived. */
  affectedTopicIds: Set<string>;
  topics: Map<string, TopicRow>;
  topicSearch: Map<string, SearchRow>;
  /** Notes whose sources and facts are replaced by `sources` / `facts` (parsed or removed notes). */
  ownedNoteIds: string[];
  sources: SourceRow[];
  facts: FactRow[];
  factSearch: Map<string, SearchRow>;
  warnings: WarningRow[];
  run: { id: string; startedAt: Date; finishedAt: Date; notes: number; topics: number; facts: number; warnings: string } | null;
  /** Called after each table is written (INGEST_PROFILE). */
  profile?: (phase: string) => void;
}

const CHUNK = 400;
// SQLite allows 32,766 bound parameters per statement, PostgreSQL 65,535.
const MAX_PARAMETERS = 30_000;
const MAX_STATEMENT_CHARS = 64_000;

/**
 * Prisma serialises every statement's parameters several times over; writing a 12 MB corpus
 * produced ~300 MB of short-lived strings, and V8 grew the heap rather than collect them,
 * taking peak memory past 650 MB. A full collection every few MB written keeps the heap near
 * its live size (~200 MB there) for ~0.1 s each. One collector per run (no module state); it
 * exists only on a large run (runIngest), and `gc` is obtained when it is created (expose-gc.ts).
 * Where that fails, nothing changes but memory.
 */
export interface GarbageCollector {
  /** A full collection now (before the writes start: the parse left a lot of garbage behind). */
  collectNow(): void;
  /** Counts characters written or analysed; collects every few MB. */
  addWork(chars: number): void;
}

const COLLECT_EVERY_CHARS = 6_000_000;

export function createGarbageCollector(): GarbageCollector | null {
  const collect = exposedGc();
  if (!collect) return null;
  let charsSinceCollection = 0;
  return {
    collectNow() {
      charsSinceCollection = 0;
      collect();
    },
    addWork(chars) {
      charsSinceCollection += chars;
      if (charsSinceCollection >= COLLECT_EVERY_CHARS) {
        charsSinceCollection = 0;
        collect();
      }
    },
  };
}

/** Inserts rows into a table (columns must match it exactly); returns how many were inserted. */
export type RowInserter = <T extends object>(table: string, rows: readonly T[], columns: readonly (keyof T & string)[]) => Promise<number>;

/**
 * Multi-row INSERT through Prisma's raw SQL (placeholders are still bound, never spliced):
 * Prisma's createMany costs ~0.5 ms per row here, which made a 12 MB corpus spend 40 s writing;
 * one statement per ~2,000 rows brings that under 3 s. Used on PostgreSQL.
 */
export function prismaInserter(tx: Tx, garbage: GarbageCollector | null = null): RowInserter {
  return async (table, rows, columns) => {
    if (rows.length === 0) return 0;
    const maxRows = Math.max(1, Math.min(500, Math.floor(MAX_PARAMETERS / columns.length)));
    const head = Prisma.raw(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES `);
    let inserted = 0;
    let part: Prisma.Sql[] = [];
    let bytes = 0;
    const flush = async () => {
      if (part.length === 0) return;
      inserted += await tx.$executeRaw(Prisma.sql`${head}${Prisma.join(part)}`);
      garbage?.addWork(bytes);
      part = [];
      bytes = 0;
    };
    for (const row of rows) {
      const values = columns.map((column) => row[column] as unknown);
      for (const value of values) if (typeof value === "string") bytes += value.length;
      part.push(Prisma.sql`(${Prisma.join(values)})`);
      // Statements of a few hundred KB: the driver copies parameters more than once, and large
      // statements pushed peak memory of the 12 MB benchmark past 700 MB.
      if (part.length >= maxRows || bytes >= MAX_STATEMENT_CHARS) await flush();
    }
    await flush();
    return inserted;
  };
}

/** A value as the better-sqlite3 adapter binds it (DateTime as ISO-8601 text with `+00:00`, booleans as 0/1). */
function sqliteValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString().replace("Z", "+00:00");
  if (typeof value === "boolean") return value ? 1 : 0;
  return value ?? null;
}

/**
 * One prepared INSERT per table, run once per row, on the SQLite connection inside the
 * transaction Prisma opened (db.ts, sqliteConnectionInTransaction): on the 12 MB benchmark this
 * writes ~80,000 rows in about a third of the time of the raw-SQL path, with no garbage to speak
 * of. Values are bound exactly as the Prisma adapter binds them (a test compares the rows).
 */
export function sqliteInserter(connection: SqliteConnection): RowInserter {
  return async (table, rows, columns) => {
    if (rows.length === 0) return 0;
    if (!connection.inTransaction) throw new Error("sqliteInserter: the connection is not inside a transaction");
    const statement = connection.prepare(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`);
    let inserted = 0;
    const values: unknown[] = new Array(columns.length);
    for (const row of rows) {
      for (let i = 0; i < columns.length; i++) values[i] = sqliteValue(row[columns[i]!]);
      inserted += statement.run(values).changes;
    }
    return inserted;
  };
}

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function sameFact(a: FactRow, b: FactRow & { archivedAt: Date | null }): boolean {
  return (
    b.archivedAt === null &&
    a.topicId === b.topicId &&
    a.noteId === b.noteId &&
    a.line === b.line &&
    a.serviceKey === b.serviceKey &&
    a.attribute === b.attribute &&
    a.label === b.label &&
    a.valueText === b.valueText &&
    a.value === b.value &&
    a.valueMax === b.valueMax &&
    a.unit === b.unit &&
    a.excerpt === b.excerpt
  );
}

async function replaceSearchDocuments(tx: Tx, insertRows: RowInserter, upserts: SearchRow[], deletes: string[]): Promise<number> {
  let changed = 0;
  const ids = [...upserts.map((row) => row.id), ...deletes];
  for (const part of chunks(ids)) changed += (await tx.searchDocument.deleteMany({ where: { id: { in: part } } })).count;
  changed += await insertRows("SearchDocument", upserts, ["id", "kind", "refId", "topicId", "title", "body", "keywords"]);
  return changed;
}

/** Lint warnings: `warnings` is every warning that is true now; the rest are archived. */
export async function syncWarnings(tx: Tx, insertRows: RowInserter, warnings: readonly WarningRow[], now: Date): Promise<number> {
  let changed = 0;
  const existingWarnings = new Map((await tx.lintWarning.findMany({ select: { id: true, archivedAt: true } })).map((row) => [row.id, row.archivedAt]));
  const wantedWarnings = new Set(warnings.map((warning) => warning.id));
  const warningCreates = warnings.filter((warning) => !existingWarnings.has(warning.id));
  changed += await insertRows(
    "LintWarning",
    warningCreates.map((warning) => ({ ...warning, createdAt: now })),
    ["id", "kind", "file", "line", "topicId", "factKey", "message", "detail", "createdAt"],
  );
  const revived = warnings.filter((warning) => existingWarnings.get(warning.id) instanceof Date).map((warning) => warning.id);
  for (const part of chunks(revived)) changed += (await tx.lintWarning.updateMany({ where: { id: { in: part } }, data: { archivedAt: null } })).count;
  const gone = [...existingWarnings].filter(([id, archivedAt]) => archivedAt === null && !wantedWarnings.has(id)).map(([id]) => id);
  for (const part of chunks(gone)) changed += (await tx.lintWarning.updateMany({ where: { id: { in: part } }, data: { archivedAt: now } })).count;
  return changed;
}

/**
 * Applies the plan; returns how many rows it created, updated, archived or deleted. Bulk inserts
 * go through `insertRows` (sqliteInserter on SQLite, prismaInserter elsewhere).
 */
export async function applyPlan(tx: Tx, plan: IngestPlan, insertRows: RowInserter = prismaInserter(tx)): Promise<number> {
  const { now } = plan;
  let changed = 0;

  // Notes first: sources and facts reference them.
  if (plan.notes.length > 0) {
    const existing = new Set<string>();
    for (const part of chunks(plan.notes.map((note) => note.id))) {
      for (const row of await tx.note.findMany({ where: { id: { in: part } }, select: { id: true } })) existing.add(row.id);
    }
    const creates = plan.notes.filter((note) => !existing.has(note.id)).map((note) => ({ ...note, ingestedAt: now }));
    changed += await insertRows("Note", creates, ["id", "path", "title", "contentHash", "content", "byteSize", "ingestedAt"]);
    for (const note of plan.notes.filter((row) => existing.has(row.id))) {
      await tx.note.update({ where: { id: note.id }, data: { ...note, ingestedAt: now, archivedAt: null } });
      changed++;
    }
  }
  for (const part of chunks(plan.archiveNoteIds)) {
    changed += (await tx.note.updateMany({ where: { id: { in: part }, archivedAt: null }, data: { archivedAt: now } })).count;
  }

  plan.profile?.("write notes");
  // Topics.
  const affected = [...plan.affectedTopicIds];
  const existingTopics = new Map<string, { contentHash: string; archivedAt: Date | null }>();
  for (const part of chunks(affected)) {
    for (const row of await tx.topic.findMany({ where: { id: { in: part } }, select: { id: true, contentHash: true, archivedAt: true } })) {
      existingTopics.set(row.id, row);
    }
  }
  const topicCreates: TopicRow[] = [];
  const topicArchives: string[] = [];
  const searchUpserts: SearchRow[] = [];
  const searchDeletes: string[] = [];
  for (const id of affected) {
    const row = plan.topics.get(id);
    const existing = existingTopics.get(id);
    if (row) {
      if (!existing) topicCreates.push(row);
      else if (existing.contentHash !== row.contentHash || existing.archivedAt !== null) {
        await tx.topic.update({ where: { id }, data: { ...row, archivedAt: null } });
        changed++;
      } else continue;
      const search = plan.topicSearch.get(id);
      if (search) searchUpserts.push(search);
    } else if (existing && existing.archivedAt === null) {
      topicArchives.push(id);
      searchDeletes.push(`topic:${id}`);
    }
  }
  changed += await insertRows(
    "Topic",
    topicCreates.map((row) => ({ ...row, createdAt: now, updatedAt: now })),
    ["id", "slug", "title", "headingPath", "serviceKey", "categoryKey", "parentId", "depth", "sortOrder", "html", "contentHash", "createdAt", "updatedAt"],
  );
  for (const part of chunks(topicArchives)) changed += (await tx.topic.updateMany({ where: { id: { in: part } }, data: { archivedAt: now } })).count;

  plan.profile?.("write topics");
  // Topic sources of the notes this run owns: replace the ones that differ.
  const sourceKey = (row: { topicId: string; noteId: string; line: number }) => `${row.topicId}|${row.noteId}|${row.line}`;
  const wantedSources = new Map(plan.sources.map((row) => [sourceKey(row), row]));
  const existingSources = new Map<string, SourceRow>();
  for (const part of chunks(plan.ownedNoteIds)) {
    for (const row of await tx.topicSource.findMany({ where: { noteId: { in: part } } })) existingSources.set(sourceKey(row), row);
  }
  const sourceDeletes: SourceRow[] = [];
  for (const [key, row] of existingSources) {
    const wanted = wantedSources.get(key);
    if (!wanted || wanted.endLine !== row.endLine || wanted.pageRef !== row.pageRef || wanted.heading !== row.heading) sourceDeletes.push(row);
  }
  for (const row of sourceDeletes) {
    await tx.topicSource.delete({ where: { topicId_noteId_line: { topicId: row.topicId, noteId: row.noteId, line: row.line } } });
    changed++;
  }
  const deletedKeys = new Set(sourceDeletes.map(sourceKey));
  const sourceCreates = plan.sources.filter((row) => !existingSources.has(sourceKey(row)) || deletedKeys.has(sourceKey(row)));
  changed += await insertRows("TopicSource", sourceCreates, ["topicId", "noteId", "line", "endLine", "pageRef", "heading"]);

  plan.profile?.("write sources");
  // Facts of the notes this run owns.
  const existingFacts = new Map<string, FactRow & { archivedAt: Date | null }>();
  for (const part of chunks(plan.ownedNoteIds)) {
    for (const row of await tx.fact.findMany({ where: { noteId: { in: part } } })) existingFacts.set(row.id, row);
  }
  const wantedFacts = new Set(plan.facts.map((fact) => fact.id));
  const factCreates: FactRow[] = [];
  for (const fact of plan.facts) {
    const existing = existingFacts.get(fact.id);
    if (existing && sameFact(fact, existing)) continue;
    if (existing) {
      await tx.fact.update({ where: { id: fact.id }, data: { ...fact, archivedAt: null } });
      changed++;
    } else {
      factCreates.push(fact);
    }
    const search = plan.factSearch.get(fact.id);
    if (search) searchUpserts.push(search);
  }
  changed += await insertRows("Fact", factCreates, ["id", "topicId", "noteId", "line", "serviceKey", "attribute", "label", "valueText", "value", "valueMax", "unit", "excerpt"]);
  const factArchives = [...existingFacts.values()].filter((fact) => fact.archivedAt === null && !wantedFacts.has(fact.id)).map((fact) => fact.id);
  for (const part of chunks(factArchives)) changed += (await tx.fact.updateMany({ where: { id: { in: part } }, data: { archivedAt: now } })).count;
  searchDeletes.push(...factArchives.map((id) => `fact:${id}`));

  plan.profile?.("write facts");
  changed += await replaceSearchDocuments(tx, insertRows, searchUpserts, searchDeletes);

  plan.profile?.("write search documents");
  changed += await syncWarnings(tx, insertRows, plan.warnings, now);

  if (changed > 0 && plan.run) {
    await tx.ingestRun.create({ data: { ...plan.run, changed } });
  }
  return changed;
}
