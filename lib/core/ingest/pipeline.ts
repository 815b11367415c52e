// The pure pipeline end to end. The server runs the same steps, with the parse stage spread
// over worker threads and only the notes that changed; fixtures and unit tests run it here.
import type { ReferenceFact } from "../reference/aws-facts";
import { FACT_PATTERNS, type FactPattern } from "./fact-patterns";
import { assignFactIds, extractFacts, type FactDraft } from "./facts";
import { inputWarning, lintNoteFacts, sortWarnings, type LintFact } from "./lint";
import { parseTask } from "./parse-segments";
import { createImageResolver } from "./plugins/images";
import { groupTasks, scanNote } from "./scan";
import type { Taxonomy } from "./taxonomy";
import { assembleNote, assignSlugs, buildTopics, outlineNote, type Occurrence, type TopicDraft } from "./topics";
import { detectQuizNote } from "./quiz-notes";
import type { IngestWarning, LintWarningDraft, ParsedNote } from "./types";
import { createWikiResolver, resolveWikiLinks } from "./wiki-resolve";

export interface PipelineContext {
  taxonomy: Taxonomy;
  references: readonly ReferenceFact[];
  patterns?: readonly FactPattern[];
  /** Every note path of the library (folder-per-concept notes nest under their parent folder's note). */
  notePaths?: ReadonlySet<string>;
}

export interface Analysis {
  occurrences: Occurrence[];
  topics: TopicDraft[];
  facts: FactDraft[];
}

/** One note's sections and facts; everything that does not need the other notes. */
export interface NoteAnalysis {
  path: string;
  occurrences: Occurrence[];
  facts: FactDraft[];
  /** Things the learner should know about the note that are not lint ("this is a quiz note"). */
  notices: IngestWarning[];
}

/**
 * The most facts one note contributes. The notes we have seen state at most a few dozen limits
 * each (26 in the seed notes, 14 in the corpus); a note past this is generated or pasted data
 * (a 6,000-row table of "람다 타임아웃 N분"), whose facts would only be thousands of conflict
 * warnings and most of a large ingest's memory. The first ones, in line order, are kept (their
 * ids do not change when the rest is cut), and the note gets a warning at the first left out.
 */
export const MAX_FACTS_PER_NOTE = 500;

export function analyseNote(note: ParsedNote, context: PipelineContext): NoteAnalysis {
  // A question collection makes no topics and no facts (quiz-notes.ts): it is reported instead.
  const quiz = detectQuizNote(note);
  if (quiz) return { path: note.path, occurrences: [], facts: [], notices: [quiz.notice] };
  const occurrences = outlineNote(note, context.taxonomy, { notePaths: context.notePaths });
  // Ids rank a fact among its own note's facts (assignFactIds), so they are final here.
  const drafts = occurrences.flatMap((occurrence) => extractFacts(occurrence, context.taxonomy, context.patterns ?? FACT_PATTERNS));
  const notices: IngestWarning[] = [];
  if (drafts.length > MAX_FACTS_PER_NOTE) {
    drafts.sort((a, b) => a.line - b.line);
    notices.push({
      file: note.path,
      line: drafts[MAX_FACTS_PER_NOTE]!.line,
      message: `이 노트에서 찾은 사실이 ${drafts.length.toLocaleString("en-US")}개로 한 노트의 한도(${MAX_FACTS_PER_NOTE}개)를 넘어, 이 줄부터 나머지 ${(drafts.length - MAX_FACTS_PER_NOTE).toLocaleString("en-US")}개는 사실로 읽지 않았습니다 (본문은 그대로 가져옵니다)`,
    });
    drafts.length = MAX_FACTS_PER_NOTE;
  }
  const facts = assignFactIds(drafts);
  // The lines and lists were read for facts only; a 1,000-note ingest holds every occurrence
  // until its rows are written, and these were a large share of its memory.
  for (const occurrence of occurrences) {
    occurrence.factLines = [];
    occurrence.lists = [];
  }
  return { path: note.path, occurrences, facts, notices };
}

/** Merges per-note analyses (any order; notes are taken in path order) into topics and facts. */
export function combineAnalyses(notes: readonly NoteAnalysis[], context: PipelineContext): Analysis {
  const sorted = [...notes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const occurrences = sorted.flatMap((note) => note.occurrences);
  return { occurrences, topics: buildTopics(occurrences, context.taxonomy), facts: sorted.flatMap((note) => note.facts) };
}

/** Topics and facts of parsed notes (any order; notes are taken in path order). */
export function analyseNotes(notes: readonly ParsedNote[], context: PipelineContext): Analysis {
  return combineAnalyses(
    notes.map((note) => analyseNote(note, context)),
    context,
  );
}

const referenceOfAttribute = new Map<string, string>();
for (const pattern of FACT_PATTERNS) {
  const reference = pattern.kind === "claim" ? pattern.reference : pattern.kind === "quantity" ? pattern.staleAgainst : undefined;
  if (reference) referenceOfAttribute.set(`${pattern.service}:${pattern.attribute}`, reference);
}

/** The reference fact a stored fact is always checked against (claims, stale counts), from the pattern table. */
export function alwaysCheckedReference(serviceKey: string, attribute: string): string | null {
  return referenceOfAttribute.get(`${serviceKey}:${attribute}`) ?? null;
}

export function lintFacts(facts: readonly LintFact[], references: readonly ReferenceFact[]): LintWarningDraft[] {
  return lintNoteFacts(facts, references);
}

export interface InMemoryResult {
  notes: ParsedNote[];
  topics: (TopicDraft & { slug: string })[];
  facts: FactDraft[];
  warnings: LintWarningDraft[];
}

/**
 * Whole pipeline on in-memory notes, for quick scripts and unit tests. `assets` are the non-note
 * files next to the notes. The server and the fixture tests run lib/server/ingest/plan.ts (the
 * same core steps, plus slugs against the database and the carried warnings).
 */
export function ingestInMemory(inputs: readonly { path: string; text: string }[], context: PipelineContext & { assets?: readonly string[] }): InMemoryResult {
  const assets = new Set(context.assets ?? []);
  const assetsByName = new Map([...assets].map((asset) => [asset.replace(/^.*\//, ""), asset]));
  const notes = inputs.map((input) => {
    const scanned = scanNote(input.path, input.text);
    const resolveImage = createImageResolver(input.path, assets, assetsByName);
    const sections = groupTasks(scanned, 64_000).flatMap((task) => parseTask(task, { resolveImage }));
    return assembleNote(scanned, sections);
  });
  const analyses = notes.map((note) => analyseNote(note, { ...context, notePaths: context.notePaths ?? new Set(inputs.map((input) => input.path)) }));
  const analysis = combineAnalyses(analyses, context);
  const slugs = assignSlugs(analysis.topics, new Map(), new Set());
  const resolve = createWikiResolver(
    analysis.topics.map((topic) => ({
      slug: slugs.get(topic.id)!,
      title: topic.title,
      headingPath: topic.headingPath,
      notePaths: topic.occurrences.map((occurrence) => occurrence.notePath),
      depth: topic.depth,
      sortOrder: topic.sortOrder,
    })),
  );
  const topics = analysis.topics.map((topic) => ({ ...topic, slug: slugs.get(topic.id)!, html: resolveWikiLinks(topic.html, resolve) }));
  const warnings = sortWarnings([
    ...notes.flatMap((note) => note.warnings.map((warning) => inputWarning(warning.file, warning.line, warning.message))),
    ...analyses.flatMap((note) => note.notices.map((warning) => inputWarning(warning.file, warning.line, warning.message))),
    ...lintFacts(analysis.facts, context.references),
  ]);
  return { notes, topics, facts: analysis.facts, warnings };
}
