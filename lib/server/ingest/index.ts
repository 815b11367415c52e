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
import { assignSlugs } from "@/lib/core/ingest/topics";
import { hashParts } from "@/lib/core/ingest/hash";
import type { IngestWarning, LintWarningDraft, ParsedNote } from "@/lib/core/ingest/types";
import { INGEST_VERSION } from "@/lib/core/ingest/version";
import { createWikiResolver, resolveWikiLinks, type WikiTopic } from "@/lib/core/ingest/wiki-resolve";
import { parseReferenceFacts, type ReferenceFact } from "@/lib/core/reference/aws-facts";
import { withTransaction, type Db } from "@/lib/server/db";
import { applyPlan, type FactRow, type IngestPlan, type SearchRow, type SourceRow, type TopicRow, type WarningRow } from "./persist";
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
  /** Time box per parse task (a note, or a ~128 KB piece of a large note). Default 20 s. */
  taskTimeoutMs?: number;
  /** Defaults: content/taxonomy/aws-services.json and content/reference/aws-facts.json under the working directory. */
  taxonomyFile?: string;
  referenceFile?: string;
  /** Runs inside the transaction after every write, before commit (tests inject failures here). */
  beforeCommit?: () => void | Promise<void>;
}

const MAX_SEARCH_BODY = 200_000;

function chunks<T>(items: readonly T[], size = 400): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// INGEST_PROFILE=1 prints how long each phase took (stderr), for the benchmark.
let phaseStart = 0;
let phaseCpu = process.cpuUsage();
function profile(phase: string): void {
  if (process.env.INGEST_PROFILE !== "1") return;
  const now = performance.now();
  const cpu = process.cpuUsage(phaseCpu);
  phaseCpu = process.cpuUsage();
  (globalThis as { gc?: () => void }).gc?.();
  const heap = process.memoryUsage();
  if (phaseStart) process.stderr.write(`[ingest] ${phase}: ${(now - phaseStart).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (rss ${Math.round(heap.rss / 1048576)} MB, heap ${Math.round(heap.heapUsed / 1048576)}/${Math.round(heap.heapTotal / 1048576)} MB, external ${Math.round(heap.external / 1048576)} MB, buffers ${Math.round(heap.arrayBuffers / 1048576)} MB)\n`);
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
  return {
    taxonomy: createTaxonomy(JSON.parse(taxonomyText)),
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
  let analysis: Analysis = { occurrences: [], topics: [], facts: [] };
  let parsedNotes: ParsedNote[] = [];
  let changedOk: NoteFile[] = [];
  const affectedTopicIds = new Set<string>();

  if (changed.length > 0 || removed.length > 0) {
    profile("compare hashes");
    const analyse = (note: ParsedNote) => analyseNote(note, context);
    const parsedChanged = await parseNotes(changed, parseOptions, analyse);
    profile(`parse ${changed.length} changed notes`);
    inputWarnings.push(...parsedChanged.failures);
    const parsedPaths = new Set(parsedChanged.notes.map((note) => note.path));
    changedOk = changed.filter((note) => parsedPaths.has(note.path));

    // Topics these notes had, and have now; then every other note with a section in them.
    const ownIds = new Set([...changedOk.map((note) => noteIdOf(note.path)), ...removed.map((note) => note.id)]);
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
    profile("find notes sharing topics");
    const parsedSharing = await parseNotes(
      sharing.map((row) => ({ path: row.path, text: row.content })),
      parseOptions,
      analyse,
    );
    inputWarnings.push(...parsedSharing.failures);
    parsedNotes = [...parsedChanged.notes, ...parsedSharing.notes];
    profile(`parse ${sharing.length} sharing notes`);
    analysis = parsedSharing.notes.length > 0 ? combineAnalyses([...parsedChanged.results, ...parsedSharing.results], context) : changedAnalysis;
    for (const note of parsedNotes) inputWarnings.push(...note.warnings);
    profile("topics and facts");
  }

  // Slugs: existing topics keep theirs.
  const affectedDrafts = analysis.topics.filter((topic) => affectedTopicIds.has(topic.id));
  const slugRows = affectedDrafts.length > 0 ? await db.topic.findMany({ select: { id: true, slug: true } }) : [];
  const slugs = assignSlugs(affectedDrafts, new Map(slugRows.map((row) => [row.id, row.slug])), new Set(slugRows.map((row) => row.slug)));

  const needsWiki = affectedDrafts.some((topic) => topic.wikiTargets.length > 0);
  const resolve = needsWiki
    ? createWikiResolver([
        ...(await loadWikiTopics(db, affectedTopicIds)),
        ...affectedDrafts.map((topic) => ({
          slug: slugs.get(topic.id)!,
          title: topic.title,
          headingPath: topic.headingPath,
          depth: topic.depth,
          sortOrder: topic.sortOrder,
          notePaths: topic.occurrences.map((occurrence) => occurrence.notePath),
        })),
      ])
    : () => null;

  const topics = new Map<string, TopicRow>();
  const topicSearch = new Map<string, SearchRow>();
  for (const draft of affectedDrafts) {
    const row = {
      id: draft.id,
      slug: slugs.get(draft.id)!,
      title: draft.title,
      headingPath: JSON.stringify(draft.headingPath),
      serviceKey: draft.serviceKey,
      categoryKey: draft.categoryKey,
      parentId: draft.parentId,
      depth: draft.depth,
      sortOrder: draft.sortOrder,
      markdown: draft.markdown,
      html: resolveWikiLinks(draft.html, resolve),
    };
    topics.set(draft.id, { ...row, contentHash: hashParts(...Object.values(row).map((value) => (value === null ? null : String(value)))) });
    topicSearch.set(draft.id, {
      id: `topic:${draft.id}`,
      kind: "topic",
      refId: draft.id,
      topicId: draft.id,
      title: draft.title,
      body: draft.plainText.slice(0, MAX_SEARCH_BODY),
      keywords: [context.taxonomy.keywordsOf(draft.serviceKey), context.taxonomy.categories.get(draft.categoryKey)?.name ?? ""].join(" ").trim(),
    });
  }

  const noteIds = new Map(parsedNotes.map((note) => [note.path, noteIdOf(note.path)]));
  const sources: SourceRow[] = analysis.occurrences.map((occurrence) => ({
    topicId: occurrence.topicId,
    noteId: noteIds.get(occurrence.notePath)!,
    line: occurrence.line,
    endLine: occurrence.endLine,
    pageRef: occurrence.pageRef,
    heading: occurrence.headingAsWritten,
  }));
  const facts: FactRow[] = analysis.facts.map((fact) => ({
    id: fact.id,
    topicId: fact.topicId,
    noteId: noteIds.get(fact.notePath)!,
    line: fact.line,
    serviceKey: fact.serviceKey,
    attribute: fact.attribute,
    label: fact.label,
    valueText: fact.valueText,
    value: fact.value,
    valueMax: fact.valueMax,
    unit: fact.unit,
    excerpt: fact.excerpt,
  }));
  const factSearch = new Map<string, SearchRow>(
    analysis.facts.map((fact) => [
      fact.id,
      { id: `fact:${fact.id}`, kind: "fact", refId: fact.id, topicId: fact.topicId, title: fact.label, body: `${fact.label}: ${fact.valueText}\n${fact.excerpt}`, keywords: fact.keywords },
    ]),
  );

  // The lint sees every fact: this run's, and the stored ones of notes it did not parse.
  const ownedNoteIds = [...noteIds.values(), ...removed.map((note) => note.id)];
  const owned = new Set(ownedNoteIds);
  const storedFacts = (
    await db.fact.findMany({
      where: { archivedAt: null },
      select: { id: true, noteId: true, topicId: true, line: true, serviceKey: true, attribute: true, label: true, valueText: true, value: true, valueMax: true, unit: true, note: { select: { path: true } } },
    })
  ).filter((fact) => !owned.has(fact.noteId));
  const lintInput: LintFact[] = [
    ...storedFacts.map(({ note, noteId: _noteId, ...fact }) => ({ ...fact, notePath: note.path, reference: alwaysCheckedReference(fact.serviceKey, fact.attribute) })),
    ...analysis.facts.map(toLintFact),
  ];

  // Input warnings of notes not looked at this run stay as they were.
  const freshFiles = new Set([...parsedNotes.map((note) => note.path), ...folder.unreadable, ...removed.map((note) => note.path), ...inputWarnings.map((warning) => warning.file)]);
  const goodOnDisk = new Set(folder.notes.map((note) => note.path));
  const carried = await db.lintWarning.findMany({ where: { kind: "input", archivedAt: null } });
  const warningDrafts: LintWarningDraft[] = [
    ...inputWarnings.map((warning) => inputWarning(warning.file, warning.line, warning.message)),
    ...carried
      .filter((warning) => !freshFiles.has(warning.file) && (scope ? !scope.has(warning.file) || goodOnDisk.has(warning.file) : goodOnDisk.has(warning.file)))
      .map((warning) => ({ ...warning, kind: "input" as const, detail: null })),
    ...lintFacts(lintInput, context.references),
  ];
  const uniqueWarnings = [...new Map(warningDrafts.map((warning) => [warning.id, warning])).values()];

  profile("slugs, rows, lint");
  const plan: IngestPlan = {
    now,
    notes: changedOk.map((note) => {
      const parsed = parsedNotes.find((candidate) => candidate.path === note.path)!;
      return { id: noteIdOf(note.path), path: note.path, title: parsed.title, contentHash: hashOf(note), content: note.text, byteSize: note.byteSize };
    }),
    archiveNoteIds: removed.map((note) => note.id),
    affectedTopicIds,
    topics,
    topicSearch,
    ownedNoteIds,
    sources,
    facts,
    factSearch,
    warnings: uniqueWarnings.map(warningRow),
    run: null,
    profile,
  };

  const changedRows = await withTransaction(
    db,
    async (tx) => {
      const count = await applyPlan(tx, {
        ...plan,
        run: {
          id: randomUUID(),
          startedAt: now,
          finishedAt: new Date(now.getTime() + Math.round(performance.now() - startedClock)),
          notes: plan.notes.length,
          topics: topics.size,
          facts: facts.length,
          warnings: JSON.stringify(uniqueWarnings.map(({ file, line, message }) => ({ file, line, message }))),
        },
      });
      await options.beforeCommit?.();
      return count;
    },
    { timeoutMs: 600_000 },
  );

  profile(`transaction (${changedRows} rows)`);
  const [noteCount, topicCount, factCount] = await Promise.all([
    db.note.count({ where: { archivedAt: null } }),
    db.topic.count({ where: { archivedAt: null } }),
    db.fact.count({ where: { archivedAt: null } }),
  ]);
  return {
    notes: noteCount,
    topics: topicCount,
    facts: factCount,
    changed: changedRows,
    warnings: sortWarnings(uniqueWarnings.map(({ file, line, message }) => ({ file, line, message }))),
  };
}
