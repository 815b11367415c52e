// The stages of one ingest between the reads and the write transaction. runIngest (index.ts)
// reads everything first (the notes folder, then one snapshot of what the database holds),
// hands it here — parse and analyse the notes that changed and those sharing a topic with them
// (the core pipeline, lib/core/ingest/pipeline.ts), then plan every row — and writes the plan
// in one transaction (persist.ts). Nothing here touches the database, so the fixture tests
// (tests/integration/ingest-fixtures.test.ts) run exactly these functions on an empty snapshot.
import { createHash, randomUUID } from "node:crypto";
import { FACT_PATTERNS } from "@/lib/core/ingest/fact-patterns";
import { inputWarning } from "@/lib/core/ingest/lint";
import { alwaysCheckedReference, analyseNote, combineAnalyses, lintFacts, type Analysis, type NoteAnalysis } from "@/lib/core/ingest/pipeline";
import type { Taxonomy } from "@/lib/core/ingest/taxonomy";
import { assignSlugs, conceptFolderOf, parentConceptFolderOf, type TopicDraft } from "@/lib/core/ingest/topics";
import type { FactValue, IngestWarning, LintWarningDraft, ParsedNote } from "@/lib/core/ingest/types";
import { INGEST_VERSION } from "@/lib/core/ingest/version";
import { createWikiResolver, type WikiTopic } from "@/lib/core/ingest/wiki-resolve";
import type { ReferenceFact } from "@/lib/core/reference/aws-facts";
import type { GarbageCollector, IngestPlan, NoteRow, SearchRow, TopicRow, WarningRow } from "./persist";
import { parseNotes, type ParseOptions } from "./parse-notes";
import type { NoteFile, NotesFolder } from "./read-notes";
import { factRowOf, factSearchOf, sourceRowOf, topicKeywords, topicRowOf, topicSearchOf } from "./rows";

/** Prints how long each phase took (INGEST_PROFILE=1, for the benchmark); one per run, no shared state. */
export type Profiler = (phase: string) => void;

export function createProfiler(enabled: boolean, write: (line: string) => void = (line) => process.stderr.write(line)): Profiler {
  if (!enabled) return () => {};
  let phaseStart = 0;
  let phaseCpu = process.cpuUsage();
  return (phase) => {
    const now = performance.now();
    const cpu = process.cpuUsage(phaseCpu);
    phaseCpu = process.cpuUsage();
    const memory = process.memoryUsage();
    const mb = (bytes: number) => Math.round(bytes / 1048576);
    if (phaseStart) {
      write(
        `[ingest] ${phase}: ${(now - phaseStart).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms (rss ${mb(memory.rss)} MB, peak ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, heap ${mb(memory.heapUsed)}/${mb(memory.heapTotal)} MB)\n`,
      );
    }
    phaseStart = now;
  };
}

export function sha256(...parts: string[]): string {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\u0000");
  return hash.digest("hex");
}

export function noteIdOf(notePath: string): string {
  return sha256(notePath).slice(0, 24);
}

export interface PipelineInputs {
  taxonomy: Taxonomy;
  references: ReferenceFact[];
  /** INGEST_VERSION, the taxonomy, the fact table and the image files: part of every note's hash. */
  pipelineKey: string;
}

export function pipelineKeyOf(taxonomyText: string, assets: readonly string[]): string {
  // The reference table is not part of the key: the lint is recomputed on every run anyway.
  return sha256(INGEST_VERSION, taxonomyText, JSON.stringify(FACT_PATTERNS), assets.join("\n"));
}

/** What the database holds, read once before the pipeline (runIngest's read phase). */
export interface StoredState {
  notes: { id: string; path: string; contentHash: string; archivedAt: Date | null }[];
  /** Read only when something changed (else empty): which notes hold which topics. */
  sources: { topicId: string; noteId: string }[];
  /** Read only when something changed (else empty): slugs (archived topics keep theirs) and the wiki-link index. */
  topics: { id: string; slug: string; title: string; headingPath: string; depth: number; sortOrder: number; archived: boolean }[];
  /** Stored text of notes the folder read cannot give (outside `onlyFiles`, unreadable now). */
  storedText: Map<string, string>;
  facts: (FactValue & { noteId: string; topicId: string | null })[];
  activeWarnings: { id: string; kind: string; file: string; line: number; topicId: string | null; factKey: string | null; message: string }[];
}

export const EMPTY_STORED_STATE: StoredState = { notes: [], sources: [], topics: [], storedText: new Map(), facts: [], activeWarnings: [] };

export interface IngestInput {
  now: Date;
  folder: NotesFolder;
  pipeline: PipelineInputs;
  /** `onlyFiles`, normalised; null: the whole folder. */
  scope: Set<string> | null;
  stored: StoredState;
}

/**
 * A note's hash: its text, the pipeline, and whether a folder note has a parent folder note
 * (the parent of its title topic, decided from the folder listing, not from the note).
 */
export function noteHashOf(input: Pick<IngestInput, "folder" | "pipeline">, note: Pick<NoteFile, "path" | "sha256">): string {
  const folder = conceptFolderOf(note.path);
  const parent = folder ? parentConceptFolderOf(folder, input.folder.allNotePaths) : null;
  return parent === null ? sha256(input.pipeline.pipelineKey, note.sha256) : sha256(input.pipeline.pipelineKey, note.sha256, parent);
}

export interface ChangeSet {
  changed: NoteFile[];
  removed: { id: string; path: string }[];
}

/** Notes whose hash differs from the stored one, and stored notes gone from the folder. */
export function findChanges(input: IngestInput): ChangeSet {
  const existingByPath = new Map(input.stored.notes.map((note) => [note.path, note]));
  const onDisk = new Set([...input.folder.notes.map((note) => note.path), ...input.folder.unreadable]);
  const { scope } = input;
  return {
    changed: input.folder.notes.filter((note) => {
      const existing = existingByPath.get(note.path);
      return !existing || existing.archivedAt !== null || existing.contentHash !== noteHashOf(input, note);
    }),
    removed: input.stored.notes
      .filter((note) => note.archivedAt === null && !onDisk.has(note.path) && (!scope || scope.has(note.path)))
      .map((note) => ({ id: note.id, path: note.path })),
  };
}

export interface ChangeAnalysis {
  parsedNotes: ParsedNote[];
  analysis: Analysis;
  /** Every topic whose rows this run owns. */
  affectedTopicIds: Set<string>;
  inputWarnings: IngestWarning[];
}

/**
 * Parses and analyses the changed notes, then the unchanged notes that share a topic with them
 * (a topic built from two notes needs both; their text comes from the folder read, which holds
 * the same text the database does since their hash is unchanged, or from `stored.storedText`).
 */
export async function analyseChanges(
  input: IngestInput,
  changes: ChangeSet,
  parseOptions: ParseOptions,
  profile: Profiler,
  /** On a large run: collects every few MB of notes analysed (see runIngest). */
  garbage: Pick<GarbageCollector, "addWork"> | null = null,
): Promise<ChangeAnalysis> {
  const inputWarnings: IngestWarning[] = [...input.folder.warnings];
  const affectedTopicIds = new Set<string>();
  if (changes.changed.length === 0 && changes.removed.length === 0) {
    return { parsedNotes: [], analysis: { occurrences: [], topics: [], facts: [] }, affectedTopicIds, inputWarnings };
  }
  const context = { taxonomy: input.pipeline.taxonomy, references: input.pipeline.references, notePaths: input.folder.allNotePaths };
  const analyse = (note: ParsedNote): NoteAnalysis => {
    const analysis = analyseNote(note, context);
    garbage?.addWork(note.sections.reduce((sum, section) => sum + section.html.length, 0));
    return analysis;
  };
  const parsedChanged = await parseNotes(changes.changed, parseOptions, analyse);
  profile(`parse ${changes.changed.length} changed notes`);
  inputWarnings.push(...parsedChanged.failures);

  // Topics these notes had, and have now; then every other note with a section in them.
  const ownIds = new Set([...parsedChanged.notes.map((note) => noteIdOf(note.path)), ...changes.removed.map((note) => note.id)]);
  for (const source of input.stored.sources) if (ownIds.has(source.noteId)) affectedTopicIds.add(source.topicId);
  const changedAnalysis = combineAnalyses(parsedChanged.results, context);
  for (const topic of changedAnalysis.topics) affectedTopicIds.add(topic.id);
  const sharingIds = new Set<string>();
  for (const source of input.stored.sources) if (!ownIds.has(source.noteId) && affectedTopicIds.has(source.topicId)) sharingIds.add(source.noteId);
  const folderText = new Map(input.folder.notes.map((note) => [note.path, note.text]));
  const sharing: { path: string; text: string }[] = [];
  for (const note of input.stored.notes) {
    if (note.archivedAt !== null || !sharingIds.has(note.id)) continue;
    const text = input.stored.storedText.get(note.path) ?? folderText.get(note.path);
    if (text !== undefined) sharing.push({ path: note.path, text });
  }
  const parsedSharing = await parseNotes(sharing, parseOptions, analyse);
  inputWarnings.push(...parsedSharing.failures);
  const parsedNotes = [...parsedChanged.notes, ...parsedSharing.notes];
  const results = [...parsedChanged.results, ...parsedSharing.results];
  const analysis = parsedSharing.notes.length > 0 ? combineAnalyses(results, context) : changedAnalysis;
  // The topics hold what the rows need of the sections' text (a section alone in its topic
  // shares its strings; merged ones were copied into the topic): the occurrences keep only
  // their places, for the source rows. On a 1,000-note run this was ~100 MB held to the write.
  for (const occurrence of analysis.occurrences) {
    occurrence.html = "";
    occurrence.plainText = "";
  }
  for (const note of parsedNotes) inputWarnings.push(...note.warnings);
  for (const result of results) inputWarnings.push(...result.notices);
  profile(`parse ${sharing.length} notes sharing topics, combine`);
  return { parsedNotes, analysis, affectedTopicIds, inputWarnings };
}

function warningRow(warning: LintWarningDraft): WarningRow {
  return { ...warning, detail: warning.detail ? JSON.stringify(warning.detail) : null };
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

export interface PlannedIngest {
  plan: IngestPlan;
  /** Every warning that is true after this run. */
  warnings: LintWarningDraft[];
  /** Nothing parsed, nothing removed, the same warnings: no write transaction at all. */
  nothingToWrite: boolean;
}

/**
 * Every row of the run: slugs (existing topics keep theirs), topic, source, fact and search
 * rows, and the warnings — input problems, carried ones of notes not looked at, and the lint
 * over every fact (this run's and the stored ones of notes it did not parse).
 */
export function planIngest(input: IngestInput, changes: ChangeSet, result: ChangeAnalysis, startedClock: number): PlannedIngest {
  const { stored, folder, scope, now } = input;
  const { analysis, parsedNotes, affectedTopicIds, inputWarnings } = result;
  const affectedDrafts = analysis.topics.filter((topic) => affectedTopicIds.has(topic.id));
  const slugs = assignSlugs(affectedDrafts, new Map(stored.topics.map((row) => [row.id, row.slug])), new Set(stored.topics.map((row) => row.slug)));
  let resolve: ((reference: string) => string | null) | null = null;
  if (affectedDrafts.some((topic) => topic.wikiTargets.length > 0)) {
    const pathOfNote = new Map(stored.notes.map((note) => [note.id, note.path]));
    const notePathsOf = new Map<string, string[]>();
    for (const source of stored.sources) {
      const list = notePathsOf.get(source.topicId);
      const notePath = pathOfNote.get(source.noteId) ?? "";
      if (list) list.push(notePath);
      else notePathsOf.set(source.topicId, [notePath]);
    }
    const storedWiki: WikiTopic[] = stored.topics
      .filter((row) => !row.archived && !affectedTopicIds.has(row.id))
      .map((row) => ({ slug: row.slug, title: row.title, headingPath: JSON.parse(row.headingPath) as string[], depth: row.depth, sortOrder: row.sortOrder, notePaths: notePathsOf.get(row.id) ?? [] }));
    resolve = createWikiResolver([...storedWiki, ...wikiTopicsOf(affectedDrafts, slugs)]);
  }

  const topics = new Map<string, TopicRow>(affectedDrafts.map((draft) => [draft.id, topicRowOf(draft, slugs.get(draft.id)!, resolve)]));
  const keywords = topicKeywords(input.pipeline.taxonomy);
  const topicSearch = new Map<string, SearchRow>(affectedDrafts.map((draft) => [draft.id, topicSearchOf(draft, keywords)]));
  const noteIds = new Map(parsedNotes.map((note) => [note.path, noteIdOf(note.path)]));
  const sources = analysis.occurrences.map((occurrence) => sourceRowOf(occurrence, noteIds.get(occurrence.notePath)!));
  const facts = analysis.facts.map((fact) => factRowOf(fact, noteIds.get(fact.notePath)!));
  const factSearch = new Map<string, SearchRow>(analysis.facts.map((fact) => [fact.id, factSearchOf(fact)]));

  const ownedNoteIds = [...noteIds.values(), ...changes.removed.map((note) => note.id)];
  const owned = new Set(ownedNoteIds);
  const pathOfNote = new Map(stored.notes.map((note) => [note.id, note.path]));
  const storedFacts = stored.facts.filter((fact) => !owned.has(fact.noteId));
  const freshFiles = new Set([...parsedNotes.map((note) => note.path), ...folder.unreadable, ...changes.removed.map((note) => note.path), ...inputWarnings.map((warning) => warning.file)]);
  const goodOnDisk = new Set(folder.notes.map((note) => note.path));
  const drafts: LintWarningDraft[] = [
    ...inputWarnings.map((warning) => inputWarning(warning.file, warning.line, warning.message)),
    // Input warnings of notes not looked at this run stay as they were.
    ...stored.activeWarnings
      .filter((warning) => warning.kind === "input")
      .filter((warning) => !freshFiles.has(warning.file) && (scope ? !scope.has(warning.file) || goodOnDisk.has(warning.file) : goodOnDisk.has(warning.file)))
      .map((warning) => ({ ...warning, kind: "input" as const, detail: null })),
    ...lintFacts(
      [
        ...storedFacts.map(({ noteId, ...fact }) => ({ ...fact, notePath: pathOfNote.get(noteId) ?? "", reference: alwaysCheckedReference(fact.serviceKey, fact.attribute) })),
        ...analysis.facts,
      ],
      input.pipeline.references,
    ),
  ];
  const warnings = [...new Map(drafts.map((warning) => [warning.id, warning])).values()];

  const textOf = new Map(folder.notes.map((note) => [note.path, note]));
  const changedPaths = new Set(changes.changed.map((note) => note.path));
  const noteRows: NoteRow[] = parsedNotes
    .filter((note) => changedPaths.has(note.path))
    .map((note) => {
      const file = textOf.get(note.path)!;
      return { id: noteIdOf(note.path), path: note.path, title: note.title, contentHash: noteHashOf(input, file), content: file.text, byteSize: file.byteSize };
    });
  const plan: IngestPlan = {
    now,
    notes: noteRows,
    archiveNoteIds: changes.removed.map((note) => note.id),
    affectedTopicIds,
    topics,
    topicSearch,
    ownedNoteIds,
    sources,
    facts,
    factSearch,
    warnings: warnings.map(warningRow),
    run: {
      id: randomUUID(),
      startedAt: now,
      finishedAt: new Date(now.getTime() + Math.round(performance.now() - startedClock)),
      notes: noteRows.length,
      topics: topics.size,
      facts: facts.length,
      warnings: JSON.stringify(warnings.map(({ file, line, message }) => ({ file, line, message }))),
    },
  };
  const activeIds = new Set(stored.activeWarnings.map((warning) => warning.id));
  const wanted = new Set(warnings.map((warning) => warning.id));
  const nothingToWrite =
    plan.notes.length === 0 && plan.archiveNoteIds.length === 0 && plan.ownedNoteIds.length === 0 && activeIds.size === wanted.size && [...activeIds].every((id) => wanted.has(id));
  return { plan, warnings, nothingToWrite };
}
