// Fact and lint scores of the ingester against the hand labels of the corpus
// (tests/fixtures/corpus/<style>/facts.labels.json, issue 10). Shared by
// tests/integration/corpus-facts.test.ts and `npm run bench:ingest`.
//
// A fact matches a label when note, line, service, attribute and value (and range top) agree;
// the unit is the fact table's, so "15분" is labelled 900 s. Facts and labels are matched as
// multisets: one line may state several values of one attribute. A warning matches a label by
// note, kind, line and fact key. Notes without a labels entry are left out of every count and
// listed, so a new note cannot silently lower or raise the numbers.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const CORPUS_DIR = "tests/fixtures/corpus";

export interface LabelledFact {
  line: number;
  service: string;
  attribute: string;
  value: number;
  valueMax?: number;
  unit: string;
  note?: string;
}

export interface LabelledWarning {
  kind: "reference" | "conflict";
  line: number;
  factKey: string;
  note?: string;
}

export interface ExtractedFact {
  notePath: string;
  line: number;
  serviceKey: string;
  attribute: string;
  value: number;
  valueMax: number | null;
  valueText: string;
}

export interface EmittedWarning {
  kind: string;
  file: string;
  line: number;
  factKey: string | null;
  message: string;
}

export interface Score {
  matched: number;
  extracted: number;
  labelled: number;
  precision: number;
  recall: number;
  /** Extracted but not labelled: "note:line key=value". */
  falsePositives: string[];
  /** Labelled but not extracted. */
  misses: string[];
}

export interface CorpusScore {
  notes: number;
  unlabelledNotes: string[];
  facts: Score;
  lint: Score;
}

interface LabelsFile {
  notes: Record<string, { facts: LabelledFact[]; warnings: LabelledWarning[] }>;
}

function markdownFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith(".md")) out.push(path.relative(dir, full).split(path.sep).join("/"));
    }
  };
  walk(dir);
  return out.sort();
}

/** Every labelled note of the corpus, keyed by its path relative to the corpus folder. */
export function readCorpusLabels(corpusDir = CORPUS_DIR): { labels: Map<string, LabelsFile["notes"][string]>; unlabelled: string[]; notes: number } {
  const labels = new Map<string, LabelsFile["notes"][string]>();
  const all = markdownFiles(corpusDir);
  for (const style of readdirSync(corpusDir, { withFileTypes: true })) {
    if (!style.isDirectory()) continue;
    const file = path.join(corpusDir, style.name, "facts.labels.json");
    if (!existsSync(file)) continue;
    const parsed = JSON.parse(readFileSync(file, "utf8")) as LabelsFile;
    for (const [note, entry] of Object.entries(parsed.notes)) labels.set(`${style.name}/${note}`, entry);
  }
  return { labels, unlabelled: all.filter((note) => !labels.has(note)), notes: all.length };
}

const round = (value: number) => Number(value.toPrecision(10));

function factKey(note: string, line: number, service: string, attribute: string, value: number, valueMax: number | null | undefined): string {
  return `${note}:${line} ${service}:${attribute}=${round(value)}${valueMax === null || valueMax === undefined ? "" : `~${round(valueMax)}`}`;
}

function score(extracted: string[], labelled: string[]): Score {
  const remaining = new Map<string, number>();
  for (const key of labelled) remaining.set(key, (remaining.get(key) ?? 0) + 1);
  const falsePositives: string[] = [];
  let matched = 0;
  for (const key of extracted) {
    const left = remaining.get(key) ?? 0;
    if (left > 0) {
      matched++;
      remaining.set(key, left - 1);
    } else falsePositives.push(key);
  }
  const misses = [...remaining].flatMap(([key, count]) => Array.from({ length: count }, () => key));
  return {
    matched,
    extracted: extracted.length,
    labelled: labelled.length,
    precision: extracted.length === 0 ? 1 : matched / extracted.length,
    recall: labelled.length === 0 ? 1 : matched / labelled.length,
    falsePositives,
    misses,
  };
}

/** Scores what an ingest of the corpus stored (fact rows, lint rows) against the labels. */
export function scoreCorpus(facts: readonly ExtractedFact[], warnings: readonly EmittedWarning[], corpusDir = CORPUS_DIR): CorpusScore {
  const { labels, unlabelled, notes } = readCorpusLabels(corpusDir);
  const extractedFacts = facts.filter((fact) => labels.has(fact.notePath)).map((fact) => factKey(fact.notePath, fact.line, fact.serviceKey, fact.attribute, fact.value, fact.valueMax));
  const labelledFacts = [...labels].flatMap(([note, entry]) => entry.facts.map((fact) => factKey(note, fact.line, fact.service, fact.attribute, fact.value, fact.valueMax)));
  const lintKinds = new Set(["reference", "conflict"]);
  const extractedWarnings = warnings.filter((warning) => lintKinds.has(warning.kind) && labels.has(warning.file)).map((warning) => `${warning.file}:${warning.line} ${warning.kind} ${warning.factKey ?? ""}`);
  const labelledWarnings = [...labels].flatMap(([note, entry]) => entry.warnings.map((warning) => `${note}:${warning.line} ${warning.kind} ${warning.factKey}`));
  return { notes, unlabelledNotes: unlabelled, facts: score(extractedFacts, labelledFacts), lint: score(extractedWarnings, labelledWarnings) };
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`;

/** The lines the test and the benchmark print. */
export function formatCorpusScore(result: CorpusScore): string[] {
  const lines = [
    `corpus: ${result.notes} notes (${result.unlabelledNotes.length} without fact labels)`,
    `facts: precision ${percent(result.facts.precision)} (${result.facts.matched}/${result.facts.extracted}), recall ${percent(result.facts.recall)} (${result.facts.matched}/${result.facts.labelled})`,
    `lint: precision ${percent(result.lint.precision)} (${result.lint.matched}/${result.lint.extracted}), recall ${percent(result.lint.recall)} (${result.lint.matched}/${result.lint.labelled})`,
  ];
  for (const key of result.facts.falsePositives) lines.push(`  fact not labelled: ${key}`);
  for (const key of result.facts.misses) lines.push(`  fact missed: ${key}`);
  for (const key of result.lint.falsePositives) lines.push(`  warning not labelled: ${key}`);
  for (const key of result.lint.misses) lines.push(`  warning missed: ${key}`);
  for (const note of result.unlabelledNotes) lines.push(`  no fact labels: ${note}`);
  return lines;
}
