// `runIngest`: the learner's notes folder → topics, facts, search documents and the note lint,
// in one transaction. Only notes whose content (or the pipeline: taxonomy, fact table, image
// files, INGEST_VERSION) changed are parsed, plus the unchanged notes that share a topic with
// them (a topic built from two notes needs both). Unchanged notes cost a file read and a hash.
import { createHash, randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { FACT_PATTERNS } from "@/lib/core/ingest/fact-patterns";
import type { FactDraft } from "@/lib/core/ingest/facts";
import { inputWarning, sortWarnings, type LintFact } from "@/lib/core/ingest/lint";
import { alwaysCheckedReference, analyseNote, combineAnalyses, lintFacts, type Analysis } from "@/lib/core/ingest/pipeline";
import { createTaxonomy, type Taxonomy } from "@/lib/core/ingest/taxonomy";
import { assignSlugs, type TopicDraft } from "@/lib/core/ingest/topics";
import type { FactValue, IngestWarning, LintWarningDraft, ParsedNote } from "@/lib/core/ingest/types";
import { INGEST_VERSION } from "@/lib/core/ingest/version";
import { createWikiResolver, type WikiTopic } from "@/lib/core/ingest/wiki-resolve";
import { parseReferenceFacts, type ReferenceFact } from "@/lib/core/reference/aws-facts";
import { providerOfDb, sqliteConnectionInTransaction, withTransaction, type Db } from "@/lib/server/db";
import { applyPlan, chunks, collectGarbageNow, prismaInserter, sqliteInserter, type IngestPlan, type SearchRow, type TopicRow, type WarningRow } from "./persist";
import { factRowOf, factSearchOf, sourceRowOf, topicRowOf, topicSearchOf } from "./rows";
import { parseNotes } from "./parse-notes";
import { readNotesFolder, type NoteFile } from "./read-notes";

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

// INGEST_PROFILE=1 prints how long each phase took (stderr), for the benchmark.
let phaseStart = 0;
let phaseCpu = process.cpuUsage();
function profile(phase: string): void {
  if (process.env.INGEST_PROFILE !== "1") return;
  const now = performance.now();
  const cpu = process.cpuUsage(phaseCpu);
  phaseCpu = process.cpuUsage();
  const memory = process.memoryUsage();
  const mb = (bytes: number) => Math.round(bytes / 1048576);
  if (phaseStart) {
    process.stderr.write(
      `[ingest] ${phase}: ${(now - phaseStart).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (rss ${mb(memory.rss)} MB, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, heap ${mb(memory.heapUsed)}/${mb(memory.heapTotal)} MB)\n`,
    );
  }
  phaseStart = now;
}

function sha256(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex");
}

export function noteIdOf(notePath: string): string {
  return sha256(notePath).slice(0, 24);
}

interface Context {
  taxonomy: Taxonomy;
  references: ReferenceFact[];
  pipelineKey: string;
}

function loadContext(options: IngestOptions, assets: readonly string[]): Context {
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
    // The reference table is not part of the key: the lint is recomputed on every run anyway.
    pipelineKey: sha256(INGEST_VERSION, taxonomyText, JSON.stringify(FACT_PATTERNS), assets.join("\n")),
  };
}

function toLintFact(fact: FactDraft): LintFact {
  return { ...fact };
}

function warningRow(warning: LintWarningDraft): WarningRow {
  return { ...warning, detail: warning.detail ? JSON.stringify(warning.detail) : null };
}

async function loadWikiTopics(db: Db, exclude: ReadonlySet<string>): Promise<WikiTopic[]> {
  const rows = await db.topic.findMany({
    where: { archivedAt: null },
    select: { id: true, slug: true, title: true, headingPath: true, depth: true, sortOrder: true, sources: { select: { note: { select: { path: true } } } } },
  });
  return rows
    .filter((row) => !exclude.has(row.id))
    .map((row) => ({
      slug: row.slug,
      title: row.title,
      headingPath: JSON.parse(row.headingPath) as string[],
      depth: row.depth,
      sortOrder: row.sortOrder,
      notePaths: row.sources.map((source) => source.note.path),
    }));
}

interface WarningInputs {
  inputWarnings: IngestWarning[];
  /** Files whose input warnings this run recomputed. */
  freshFiles: Set<string>;
  goodOnDisk: Set<string>;
  scope: Set<string> | null;
  lintInput: LintFact[];
}

/**
 * Every warning that is true after this run (input problems, carried ones, and the lint), and
 * the ids of the warnings active before it.
 */
async function collectWarnings(db: Db, context: Context, inputs: WarningInputs): Promise<{ warnings: LintWarningDraft[]; activeIds: Set<string> }> {
  const active = await db.$queryRaw<{ id: string; kind: string; file: string; line: number; topicId: string | null; factKey: string | null; message: string }[]>`
    SELECT "id", "kind", "file", "line", "topicId", "factKey", "message" FROM "LintWarning" WHERE "archivedAt" IS NULL`;
  const carried = active.filter((warning) => warning.kind === "input");
  const { freshFiles, goodOnDisk, scope } = inputs;
  const drafts: LintWarningDraft[] = [
    ...inputs.inputWarnings.map((warning) => inputWarning(warning.file, warning.line, warning.message)),
    // Input warnings of notes not looked at this run stay as they were.
    ...carried
      .filter((warning) => !freshFiles.has(warning.file) && (scope ? !scope.has(warning.file) || goodOnDisk.has(warning.file) : goodOnDisk.has(warning.file)))
      .map((warning) => ({ ...warning, kind: "input" as const, detail: null })),
    ...lintFacts(inputs.lintInput, context.references),
  ];
  return { warnings: [...new Map(drafts.map((warning) => [warning.id, warning])).values()], activeIds: new Set(active.map((warning) => warning.id)) };
}

function runRecord(now: Date, startedClock: number, notes: number, topics: number, facts: number, warnings: LintWarningDraft[]) {
  return {
    id: randomUUID(),
    startedAt: now,
    finishedAt: new Date(now.getTime() + Math.round(performance.now() - startedClock)),
    notes,
    topics,
    facts,
    warnings: JSON.stringify(warnings.map(({ file, line, message }) => ({ file, line, message }))),
  };
}

function wikiTopicsOf(drafts: readonly TopicDraft[], slugs: ReadonlyMap<string, string>): WikiTopic[] {
  return drafts.map((topic) => ({
    slug: slugs.get(topic.id)!,
    title: topic.title,
    headingPath: topic.headingPath,
    depth: topic.depth,
    sortOrder: topic.sortOrder,
    notePaths: topic.occurrences.map((occurrence) => occurrence.notePath),
  }));
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
  phaseStart = 0;
  profile("start");
  const { now } = options;
  const folder = readNotesFolder(options.notesDir, options.onlyFiles);
  const context = loadContext(options, folder.assets);
  profile("read notes folder");
  const hashOf = (note: NoteFile) => sha256(context.pipelineKey, note.sha256);
  const scope = options.onlyFiles ? new Set(options.onlyFiles.map((file) => file.split(path.sep).join("/").replace(/^\.\//, ""))) : null;

  const existingNotes = await db.note.findMany({ select: { id: true, path: true, contentHash: true, archivedAt: true } });
  const existingByPath = new Map(existingNotes.map((note) => [note.path, note]));
  const onDisk = new Set([...folder.notes.map((note) => note.path), ...folder.unreadable]);
  const changed = folder.notes.filter((note) => {
    const existing = existingByPath.get(note.path);
    return !existing || existing.archivedAt !== null || existing.contentHash !== hashOf(note);
  });
  const removed = existingNotes.filter((note) => note.archivedAt === null && !onDisk.has(note.path) && (!scope || scope.has(note.path)));
  const parseOptions = { workers: options.workers ?? "auto", taskTimeoutMs: options.taskTimeoutMs ?? 20_000, assets: folder.assets } as const;
  const inputWarnings: IngestWarning[] = [...folder.warnings];
  const goodOnDisk = new Set(folder.notes.map((note) => note.path));
  const noteRowOf = (note: ParsedNote) => {
    const file = folder.notes.find((candidate) => candidate.path === note.path)!;
    return { id: noteIdOf(note.path), path: note.path, title: note.title, contentHash: hashOf(file), content: file.text, byteSize: file.byteSize };
  };
  profile("compare hashes");

  let analysis: Analysis = { occurrences: [], topics: [], facts: [] };
  let parsedNotes: ParsedNote[] = [];
  const affectedTopicIds = new Set<string>();

  if (changed.length > 0 || removed.length > 0) {
    const analyse = (note: ParsedNote) => analyseNote(note, context);
    const parsedChanged = await parseNotes(changed, parseOptions, analyse);
    profile(`parse ${changed.length} changed notes`);
    inputWarnings.push(...parsedChanged.failures);

    // Topics these notes had, and have now; then every other note with a section in them.
    const ownIds = new Set([...parsedChanged.notes.map((note) => noteIdOf(note.path)), ...removed.map((note) => note.id)]);
    const allSources = existingNotes.length > 0 ? await db.topicSource.findMany({ select: { topicId: true, noteId: true } }) : [];
    for (const source of allSources) if (ownIds.has(source.noteId)) affectedTopicIds.add(source.topicId);
    const changedAnalysis = combineAnalyses(parsedChanged.results, context);
    for (const topic of changedAnalysis.topics) affectedTopicIds.add(topic.id);
    const sharingIds = new Set<string>();
    for (const source of allSources) if (!ownIds.has(source.noteId) && affectedTopicIds.has(source.topicId)) sharingIds.add(source.noteId);
    const sharing: { path: string; content: string }[] = [];
    for (const part of chunks([...sharingIds])) {
      sharing.push(...(await db.note.findMany({ where: { id: { in: part }, archivedAt: null }, select: { path: true, content: true } })));
    }
    const parsedSharing = await parseNotes(
      sharing.map((row) => ({ path: row.path, text: row.content })),
      parseOptions,
      analyse,
    );
    inputWarnings.push(...parsedSharing.failures);
    parsedNotes = [...parsedChanged.notes, ...parsedSharing.notes];
    analysis = parsedSharing.notes.length > 0 ? combineAnalyses([...parsedChanged.results, ...parsedSharing.results], context) : changedAnalysis;
    for (const note of parsedNotes) inputWarnings.push(...note.warnings);
    profile(`parse ${sharing.length} notes sharing topics, combine`);
  }

  // Slugs: existing topics keep theirs.
  let affectedDrafts = analysis.topics.filter((topic) => affectedTopicIds.has(topic.id));
  const slugRows = affectedDrafts.length > 0 ? await db.topic.findMany({ select: { id: true, slug: true } }) : [];
  const slugs = assignSlugs(affectedDrafts, new Map(slugRows.map((row) => [row.id, row.slug])), new Set(slugRows.map((row) => row.slug)));
  const resolve = affectedDrafts.some((topic) => topic.wikiTargets.length > 0)
    ? createWikiResolver([...(await loadWikiTopics(db, affectedTopicIds)), ...wikiTopicsOf(affectedDrafts, slugs)])
    : null;

  const topics = new Map<string, TopicRow>(affectedDrafts.map((draft) => [draft.id, topicRowOf(draft, slugs.get(draft.id)!, resolve)]));
  const topicSearch = new Map<string, SearchRow>(affectedDrafts.map((draft) => [draft.id, topicSearchOf(draft, context.taxonomy)]));
  const noteIds = new Map(parsedNotes.map((note) => [note.path, noteIdOf(note.path)]));
  const sources = analysis.occurrences.map((occurrence) => sourceRowOf(occurrence, noteIds.get(occurrence.notePath)!));
  const facts = analysis.facts.map((fact) => factRowOf(fact, noteIds.get(fact.notePath)!));
  const factSearch = new Map<string, SearchRow>(analysis.facts.map((fact) => [fact.id, factSearchOf(fact)]));

  // The lint sees every fact: this run's, and the stored ones of notes it did not parse.
  const ownedNoteIds = [...noteIds.values(), ...removed.map((note) => note.id)];
  const owned = new Set(ownedNoteIds);
  // Raw SQL, with note paths from the notes already loaded: these reads run on every ingest,
  // and Prisma plans each query shape on first use (~10 ms each, much of a ~50 ms unchanged
  // re-ingest of five notes).
  const pathOfNote = new Map(existingNotes.map((note) => [note.id, note.path]));
  const storedFacts = (
    await db.$queryRaw<(FactValue & { noteId: string; topicId: string | null })[]>`
      SELECT "id", "noteId", "topicId", "line", "serviceKey", "attribute", "label", "valueText", "value", "valueMax", "unit" FROM "Fact" WHERE "archivedAt" IS NULL`
  ).filter((fact) => !owned.has(fact.noteId));
  const { warnings, activeIds } = await collectWarnings(db, context, {
    inputWarnings,
    freshFiles: new Set([...parsedNotes.map((note) => note.path), ...folder.unreadable, ...removed.map((note) => note.path), ...inputWarnings.map((warning) => warning.file)]),
    goodOnDisk,
    scope,
    lintInput: [
      ...storedFacts.map(({ noteId, ...fact }) => ({ ...fact, notePath: pathOfNote.get(noteId) ?? "", reference: alwaysCheckedReference(fact.serviceKey, fact.attribute) })),
      ...analysis.facts.map(toLintFact),
    ],
  });
  profile("slugs, rows, lint");

  const plan: IngestPlan = {
    now,
    notes: parsedNotes.filter((note) => changed.some((file) => file.path === note.path)).map(noteRowOf),
    archiveNoteIds: removed.map((note) => note.id),
    affectedTopicIds,
    topics,
    topicSearch,
    ownedNoteIds,
    sources,
    facts,
    factSearch,
    warnings: warnings.map(warningRow),
    run: null,
    profile,
  };

  // Nothing parsed, nothing removed, the same warnings: no write transaction at all.
  if (plan.notes.length === 0 && plan.archiveNoteIds.length === 0 && plan.ownedNoteIds.length === 0) {
    const wanted = new Set(warnings.map((warning) => warning.id));
    if (activeIds.size === wanted.size && [...activeIds].every((id) => wanted.has(id))) {
      profile("nothing to write");
      return summarise(db, 0, warnings);
    }
  }

  // The plan holds every row; the parsed notes and their analysis can go before the writes.
  parsedNotes = [];
  analysis = { occurrences: [], topics: [], facts: [] };
  affectedDrafts = [];
  // Prisma's raw-SQL path leaves a lot of garbage per row (persist.ts); start it from a clean heap.
  const viaPrisma = options.viaPrisma === true || providerOfDb(db) !== "sqlite";
  if (viaPrisma && plan.notes.length + topics.size > 1_000) collectGarbageNow();
  const changedRows = await withTransaction(
    db,
    async (tx) => {
      const connection = viaPrisma ? null : sqliteConnectionInTransaction(db);
      const count = await applyPlan(
        tx,
        { ...plan, run: runRecord(now, startedClock, plan.notes.length, topics.size, facts.length, warnings) },
        connection ? sqliteInserter(connection) : prismaInserter(tx),
      );
      await options.beforeCommit?.();
      return count;
    },
    { timeoutMs: 600_000 },
  );
  profile(`transaction (${changedRows} rows)`);
  return summarise(db, changedRows, warnings);
}
