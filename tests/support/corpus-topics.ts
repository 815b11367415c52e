// Topic metrics of the labelled corpus (tests/fixtures/corpus/<style>/labels.json), measured on
// what an ingest wrote to the database: shared by tests/integration/corpus-topics.test.ts and
// `npm run bench:ingest`.
// - Service precision: of the topics given a service, the share whose service is one the labels
//   accept ("unmapped" is preferred to a wrong service, so an unmapped topic is not counted).
//   Only topics whose labelled service exists in the taxonomy are measured: a service the
//   taxonomy does not have yet cannot be assigned, and those topics are counted apart.
// - Unrelated text: every topic with sources in several notes must be labelled as shared by
//   each of those notes (sharedWith), else it holds text from notes that do not belong together.
// - Quiz notes make no topics and each is reported with a warning naming the file.
// - Structure: every produced topic is labelled (title and parent title in its note) and every
//   labelled topic is produced.
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Db } from "@/lib/server/db";

export const CORPUS_DIR = path.join(process.cwd(), "tests/fixtures/corpus");

interface TopicLabel {
  title: string;
  parent: string | null;
  service: string | string[];
  sharedWith?: string[];
}

interface NoteLabels {
  quiz: boolean;
  topics: TopicLabel[];
}

/** Style folders that carry topic labels (other folders, e.g. facts-*, belong to the facts labelling). */
export function labelledStyles(corpusDir = CORPUS_DIR): string[] {
  return readdirSync(corpusDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(corpusDir, entry.name, "labels.json")))
    .map((entry) => entry.name)
    .sort();
}

/** A temporary notes folder with the labelled style folders only. */
export function copyLabelledCorpus(corpusDir = CORPUS_DIR): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "gureum-corpus-"));
  for (const style of labelledStyles(corpusDir)) cpSync(path.join(corpusDir, style), path.join(dir, style), { recursive: true });
  return dir;
}

function readLabels(corpusDir: string): Map<string, NoteLabels> {
  const labels = new Map<string, NoteLabels>();
  for (const style of labelledStyles(corpusDir)) {
    const file = JSON.parse(readFileSync(path.join(corpusDir, style, "labels.json"), "utf8")) as { notes: Record<string, NoteLabels> };
    for (const [note, entry] of Object.entries(file.notes)) labels.set(`${style}/${note}`, entry);
  }
  return labels;
}

export interface CorpusTopicMetrics {
  notes: number;
  quizNotes: number;
  topics: number;
  labelledTopics: number;
  /** Topics given a service whose labelled service is in the taxonomy. */
  measured: number;
  correct: number;
  precision: number;
  /** Topics left unmapped (not counted in precision). */
  unmapped: number;
  /** Topics given a service although their labelled service is not in the taxonomy yet. */
  notMeasured: { topic: string; service: string | null; labelled: string[] }[];
  /** Labelled services the taxonomy lacks. */
  missingServices: string[];
  wrongService: { topic: string; service: string; labelled: string[] }[];
  /** Topics whose sources come from notes the labels do not say share it. */
  mixed: { topic: string; notes: string[] }[];
  unexpected: { note: string; title: string; parent: string | null }[];
  missing: { note: string; title: string; parent: string | null }[];
  quizWithTopics: string[];
  quizNotReported: string[];
}

export async function measureCorpusTopics(db: Db, taxonomyKeys: ReadonlySet<string>, corpusDir = CORPUS_DIR): Promise<CorpusTopicMetrics> {
  const labels = readLabels(corpusDir);
  const topics = await db.topic.findMany({
    where: { archivedAt: null },
    select: { id: true, title: true, serviceKey: true, parentId: true, sources: { select: { note: { select: { path: true } } } } },
  });
  const warnings = await db.lintWarning.findMany({ where: { archivedAt: null, kind: "input" }, select: { file: true, message: true } });
  const titleOf = new Map(topics.map((topic) => [topic.id, topic.title]));
  const found = new Set<string>();
  const metrics: CorpusTopicMetrics = {
    notes: labels.size,
    quizNotes: [...labels.values()].filter((note) => note.quiz).length,
    topics: topics.length,
    labelledTopics: [...labels.values()].reduce((sum, note) => sum + note.topics.length, 0),
    measured: 0,
    correct: 0,
    precision: 1,
    unmapped: 0,
    notMeasured: [],
    missingServices: [],
    wrongService: [],
    mixed: [],
    unexpected: [],
    missing: [],
    quizWithTopics: [],
    quizNotReported: [],
  };
  const missingServices = new Set<string>();
  for (const topic of topics) {
    const notes = [...new Set(topic.sources.map((source) => source.note.path))].sort();
    const parent = topic.parentId ? (titleOf.get(topic.parentId) ?? null) : null;
    const name = `${notes[0]} › ${topic.title}`;
    const entries: TopicLabel[] = [];
    for (const note of notes) {
      const entry = labels.get(note)?.topics.find((candidate) => candidate.title === topic.title && candidate.parent === parent);
      if (!entry) {
        metrics.unexpected.push({ note, title: topic.title, parent });
        continue;
      }
      found.add(`${note}\u0000${entry.title}\u0000${entry.parent}`);
      entries.push(entry);
      const others = notes.filter((other) => other !== note);
      if (others.some((other) => !(entry.sharedWith ?? []).includes(other))) metrics.mixed.push({ topic: name, notes });
      if (labels.get(note)?.quiz) metrics.quizWithTopics.push(note);
    }
    const entry = entries[0];
    if (!entry) continue;
    const accepted = Array.isArray(entry.service) ? entry.service : [entry.service];
    for (const key of accepted) if (key !== "unmapped" && !taxonomyKeys.has(key)) missingServices.add(key);
    if (!topic.serviceKey) {
      metrics.unmapped++;
      continue;
    }
    const measurable = accepted.some((key) => key === "unmapped" || taxonomyKeys.has(key));
    if (!measurable) {
      metrics.notMeasured.push({ topic: name, service: topic.serviceKey, labelled: accepted });
      continue;
    }
    metrics.measured++;
    if (accepted.includes(topic.serviceKey)) metrics.correct++;
    else metrics.wrongService.push({ topic: name, service: topic.serviceKey, labelled: accepted });
  }
  for (const [note, entry] of labels) {
    for (const topic of entry.topics) if (!found.has(`${note}\u0000${topic.title}\u0000${topic.parent}`)) metrics.missing.push({ note, title: topic.title, parent: topic.parent });
    if (entry.quiz && !warnings.some((warning) => warning.file === note && warning.message.includes("문제 모음으로 보입니다"))) metrics.quizNotReported.push(note);
  }
  metrics.mixed = [...new Map(metrics.mixed.map((item) => [item.topic, item])).values()];
  metrics.missingServices = [...missingServices].sort();
  metrics.precision = metrics.measured === 0 ? 1 : metrics.correct / metrics.measured;
  return metrics;
}

export function formatCorpusTopicMetrics(metrics: CorpusTopicMetrics): string[] {
  const percent = (value: number) => `${(value * 100).toFixed(1)}%`;
  return [
    `corpus topics: ${metrics.notes} notes (${metrics.quizNotes} quiz notes) → ${metrics.topics} topics, ${metrics.labelledTopics} labelled; ${metrics.unexpected.length} unlabelled, ${metrics.missing.length} missing`,
    `  service precision: ${percent(metrics.precision)} (${metrics.correct}/${metrics.measured} mapped topics right; ${metrics.unmapped} unmapped; ${metrics.notMeasured.length} mapped topics not measured: labelled with services the taxonomy lacks${metrics.missingServices.length ? ` — ${metrics.missingServices.join(", ")}` : ""}) (target ≥ 95%: ${metrics.precision >= 0.95 ? "OK" : "MISSED"})`,
    `  topics holding text from unrelated notes: ${metrics.mixed.length} (target 0: ${metrics.mixed.length === 0 ? "OK" : "MISSED"}); quiz notes with topics: ${metrics.quizWithTopics.length}, not reported: ${metrics.quizNotReported.length}`,
    ...metrics.wrongService.map((item) => `  wrong service: ${item.topic} → ${item.service} (labelled ${item.labelled.join(" | ")})`),
  ];
}
