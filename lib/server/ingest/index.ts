// `runIngest`: the learner's notes folder → topics, facts, search documents and the note lint,
// in one transaction. Data flows one way: read (the folder, then one snapshot of the database)
// → the core pipeline over the notes that changed and those sharing a topic with them → a plan
// of every row (plan.ts) → one write transaction (persist.ts). Only notes whose content (or the
// pipeline: taxonomy, fact table, image files, INGEST_VERSION) changed are parsed; unchanged
// notes cost a file read and a hash.
import { readFileSync } from "node:fs";
import path from "node:path";
import { sortWarnings } from "@/lib/core/ingest/lint";
import { createTaxonomy, type Taxonomy } from "@/lib/core/ingest/taxonomy";
import type { FactValue, LintWarningDraft } from "@/lib/core/ingest/types";
import { parseReferenceFacts } from "@/lib/core/reference/aws-facts";
import { providerOfDb, sqliteConnectionInTransaction, withTransaction, type Db } from "@/lib/server/db";
import { applyPlan, chunks, createGarbageCollector, prismaInserter, sqliteInserter } from "./persist";
import { analyseChanges, createProfiler, findChanges, pipelineKeyOf, planIngest, type IngestInput, type PipelineInputs, type Profiler, type StoredState } from "./plan";
import { readNotesFolder, type NotesFolder } from "./read-notes";

export { noteIdOf } from "./plan";

/** Changed text past which a run collects garbage between its stages (the 100× corpus is 12 MB). */
const LARGE_RUN_CHARS = 2_000_000;

export interface IngestSummary {
  notes: number;
  topics: number;
  facts: number;
  changed: number;
  warnings: { file: string; line: number; message: string }[];
}

export interface IngestOptions {
  notesDir: string;
  now: Date;
  /** Only (re)ingest these files (relative to notesDir); other notes keep their state. */
  onlyFiles?: string[];
  /** Parse workers: a number (0 = in-process) or "auto" (default). */
  workers?: number | "auto";
  /** Time box per parse task (a note, or a ~48 KB piece of a large note). Default 20 s. */
  taskTimeoutMs?: number;
  /** Defaults: content/taxonomy/aws-services.json and content/reference/aws-facts.json under the working directory. */
  taxonomyFile?: string;
  referenceFile?: string;
  /** Write every row through Prisma even on SQLite (tests compare both paths). */
  viaPrisma?: boolean;
  /** Runs inside the transaction after every write, before commit (tests inject failures here). */
  beforeCommit?: () => void | Promise<void>;
}

/** The taxonomy, the reference facts and the pipeline key, from the content files. */
export function loadPipelineInputs(options: Pick<IngestOptions, "taxonomyFile" | "referenceFile">, assets: readonly string[]): PipelineInputs {
  const taxonomyText = readFileSync(options.taxonomyFile ?? path.join(process.cwd(), "content/taxonomy/aws-services.json"), "utf8");
  const referenceText = readFileSync(options.referenceFile ?? path.join(process.cwd(), "content/reference/aws-facts.json"), "utf8");
  let taxonomy: Taxonomy | null = null;
  return {
    // Validated and compiled on first use: an unchanged re-ingest never needs it (~15 ms).
    get taxonomy() {
      taxonomy ??= createTaxonomy(JSON.parse(taxonomyText));
      return taxonomy;
    },
    references: parseReferenceFacts(JSON.parse(referenceText)),
    pipelineKey: pipelineKeyOf(taxonomyText, assets),
  };
}

/**
 * The read phase's database part. Raw SQL where it runs on every ingest: Prisma plans each query
 * shape on first use (~10 ms each, much of a ~50 ms unchanged re-ingest of five notes). Sources
 * and topics are read only when the notes table says something changed.
 */
async function readStoredState(db: Db, input: Omit<IngestInput, "stored">): Promise<StoredState> {
  const notes = await db.note.findMany({ select: { id: true, path: true, contentHash: true, archivedAt: true } });
  const stored: StoredState = { notes, sources: [], topics: [], storedText: new Map(), facts: [], activeWarnings: [] };
  const { changed, removed } = findChanges({ ...input, stored });
  if ((changed.length > 0 || removed.length > 0) && notes.length > 0) {
    stored.sources = await db.$queryRaw<{ topicId: string; noteId: string }[]>`SELECT "topicId", "noteId" FROM "TopicSource"`;
    const topics = await db.$queryRaw<{ id: string; slug: string; title: string; headingPath: string; depth: number | bigint; sortOrder: number | bigint; archivedAt: unknown }[]>`
      SELECT "id", "slug", "title", "headingPath", "depth", "sortOrder", "archivedAt" FROM "Topic"`;
    stored.topics = topics.map((row) => ({ ...row, depth: Number(row.depth), sortOrder: Number(row.sortOrder), archived: row.archivedAt !== null }));
    // Notes whose text the folder read does not have: outside `onlyFiles`, or unreadable now.
    const inFolder = new Set(input.folder.notes.map((note) => note.path));
    const missing = notes.filter((note) => note.archivedAt === null && !inFolder.has(note.path)).map((note) => note.id);
    for (const part of chunks(missing)) {
      for (const row of await db.note.findMany({ where: { id: { in: part } }, select: { path: true, content: true } })) stored.storedText.set(row.path, row.content);
    }
  }
  stored.facts = await db.$queryRaw<(FactValue & { noteId: string; topicId: string | null })[]>`
    SELECT "id", "noteId", "topicId", "line", "serviceKey", "attribute", "label", "valueText", "value", "valueMax", "unit" FROM "Fact" WHERE "archivedAt" IS NULL`;
  stored.activeWarnings = await db.$queryRaw<StoredState["activeWarnings"]>`
    SELECT "id", "kind", "file", "line", "topicId", "factKey", "message" FROM "LintWarning" WHERE "archivedAt" IS NULL`;
  return stored;
}

async function summarise(db: Db, changed: number, warnings: LintWarningDraft[]): Promise<IngestSummary> {
  // One statement instead of three `count()` calls: Prisma plans each new query shape on first
  // use, and the three cost ~20 ms of a ~90 ms unchanged re-ingest (bench:ingest).
  const [counts] = await db.$queryRaw<{ notes: number | bigint; topics: number | bigint; facts: number | bigint }[]>`
    SELECT (SELECT COUNT(*) FROM "Note" WHERE "archivedAt" IS NULL) AS "notes",
           (SELECT COUNT(*) FROM "Topic" WHERE "archivedAt" IS NULL) AS "topics",
           (SELECT COUNT(*) FROM "Fact" WHERE "archivedAt" IS NULL) AS "facts"`;
  return {
    notes: Number(counts?.notes ?? 0),
    topics: Number(counts?.topics ?? 0),
    facts: Number(counts?.facts ?? 0),
    changed,
    warnings: sortWarnings(warnings.map(({ file, line, message }) => ({ file, line, message }))),
  };
}

export async function runIngest(db: Db, options: IngestOptions): Promise<IngestSummary> {
  const startedClock = performance.now();
  const profile: Profiler = createProfiler(process.env.INGEST_PROFILE === "1");
  profile("start");

  // 1. Read: the folder, the content files, then the database.
  const folder: NotesFolder = readNotesFolder(options.notesDir, options.onlyFiles);
  const scope = options.onlyFiles ? new Set(options.onlyFiles.map((file) => file.split(path.sep).join("/").replace(/^\.\//, ""))) : null;
  const base = { now: options.now, folder, pipeline: loadPipelineInputs(options, folder.assets), scope };
  profile("read notes folder");
  const input: IngestInput = { ...base, stored: await readStoredState(db, base) };
  const changes = findChanges(input);
  profile("read database, compare hashes");

  // 2. The core pipeline over what changed. 3. The plan of every row.
  const parseOptions = { workers: options.workers ?? "auto", taskTimeoutMs: options.taskTimeoutMs ?? 20_000, assets: folder.assets } as const;
  // The parse and the plan leave their intermediate objects behind, and V8 grows the heap rather
  // than collect them: on a large run, collect before the plan and again before the writes, so
  // each starts from the live size (the 1,000-note hostile run: ~200 MB less at its peak).
  const changedChars = changes.changed.reduce((sum, note) => sum + note.text.length, 0);
  const garbage = changedChars > LARGE_RUN_CHARS || changes.changed.length > 1_000 ? createGarbageCollector() : null;
  let result: Awaited<ReturnType<typeof analyseChanges>> | null = await analyseChanges(input, changes, parseOptions, profile, garbage);
  garbage?.collectNow();
  const planned = planIngest(input, changes, result, startedClock);
  result = null; // the plan holds every row; the parsed notes and their analysis can go before the writes
  profile("slugs, rows, lint");
  if (planned.nothingToWrite) {
    profile("nothing to write");
    return summarise(db, 0, planned.warnings);
  }

  // 4. One transaction.
  const { plan } = planned;
  plan.profile = profile;
  // The analysis is unreachable now: start the writes from a clean heap so they reuse that space
  // instead of growing the process. Prisma's raw-SQL path also leaves a lot of garbage per row
  // (persist.ts) and collects as it goes.
  const viaPrisma = options.viaPrisma === true || providerOfDb(db) !== "sqlite";
  garbage?.collectNow();
  const changedRows = await withTransaction(
    db,
    async (tx) => {
      const connection = viaPrisma ? null : sqliteConnectionInTransaction(db);
      const count = await applyPlan(tx, plan, connection ? sqliteInserter(connection) : prismaInserter(tx, viaPrisma ? garbage : null));
      await options.beforeCommit?.();
      return count;
    },
    { timeoutMs: 600_000 },
  );
  profile(`transaction (${changedRows} rows)`);
  return summarise(db, changedRows, planned.warnings);
}
