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
  facts: Omit<FactDraft, "id">[];
  /** Things the learner should know about the note that are not lint ("this is a quiz note"). */
  notices: IngestWarning[];
}

export function analyseNote(note: ParsedNote, context: PipelineContext): NoteAnalysis {
  // A question collection makes no topics and no facts (quiz-notes.ts): it is reported instead.
  const quiz = detectQuizNote(note);
  if (quiz) return { path: note.path, occurrences: [], facts: [], notices: [quiz.notice] };
  const occurrences = outlineNote(note, context.taxonomy, { notePaths: context.notePaths });
  const facts = occurrences.flatMap((occurrence) => extractFacts(occurrence, context.taxonomy, context.patterns ?? FACT_PATTERNS));
  return { path: note.path, occurrences, facts, notices: [] };
}

/** Merges per-note analyses (any order; notes are taken in path order) into topics and facts. */
export function combineAnalyses(notes: readonly NoteAnalysis[], context: PipelineContext): Analysis {
  const sorted = [...notes].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const occurrences = sorted.flatMap((note) => note.occurrences);
  return { occurrences, topics: buildTopics(occurrences, context.taxonomy), facts: assignFactIds(sorted.flatMap((note) => note.facts)) };
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
