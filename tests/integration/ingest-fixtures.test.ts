// Fixture folders for every note construct: tests/fixtures/notes/<case>/ holds the notes
// (every *.md file, usually just input.md; other files are assets such as images) and
// expected.json, the topics (with their rendered HTML), facts and warnings the production path
// plans for them: the folder read, the stages and the plan runIngest runs (lib/server/ingest/
// plan.ts), on an empty database snapshot — everything but the write transaction. Regenerate
// after an intended change with UPDATE_FIXTURES=1, then read the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sortWarnings } from "@/lib/core/ingest/lint";
import { loadPipelineInputs } from "@/lib/server/ingest";
import { analyseChanges, EMPTY_STORED_STATE, findChanges, noteIdOf, planIngest, type PlannedIngest } from "@/lib/server/ingest/plan";
import { readNotesFolder } from "@/lib/server/ingest/read-notes";

const root = path.join(process.cwd(), "tests/fixtures/notes");
const update = process.env.UPDATE_FIXTURES === "1";

/** The production path up to the write, for one fixture folder. */
export async function planFixture(dir: string): Promise<PlannedIngest> {
  const read = readNotesFolder(dir);
  const folder = { ...read, assets: read.assets.filter((asset) => asset !== "expected.json") };
  const input = { now: new Date("2026-12-01T00:00:00Z"), folder, pipeline: loadPipelineInputs({}, folder.assets), scope: null, stored: EMPTY_STORED_STATE };
  const changes = findChanges(input);
  const result = await analyseChanges(input, changes, { workers: 0, taskTimeoutMs: 20_000, assets: folder.assets }, () => {});
  return planIngest(input, changes, result, 0);
}

function project(planned: PlannedIngest, notePaths: readonly string[]) {
  const { plan } = planned;
  const pathOfNote = new Map(notePaths.map((notePath) => [noteIdOf(notePath), notePath]));
  const rows = [...plan.topics.values()];
  const titles = new Map(rows.map((topic) => [topic.id, (JSON.parse(topic.headingPath) as string[]).join(" > ")]));
  const sourcesOf = new Map<string, typeof plan.sources>();
  for (const source of plan.sources) sourcesOf.set(source.topicId, [...(sourcesOf.get(source.topicId) ?? []), source]);
  const noteOf = (noteId: string) => pathOfNote.get(noteId) ?? noteId;
  const bySource = (a: { noteId: string; line: number }, b: { noteId: string; line: number }) =>
    noteOf(a.noteId) < noteOf(b.noteId) ? -1 : noteOf(a.noteId) > noteOf(b.noteId) ? 1 : a.line - b.line;
  for (const list of sourcesOf.values()) list.sort(bySource);
  const topics = rows.sort((a, b) => {
    const noteA = noteOf(sourcesOf.get(a.id)![0]!.noteId);
    const noteB = noteOf(sourcesOf.get(b.id)![0]!.noteId);
    return noteA < noteB ? -1 : noteA > noteB ? 1 : a.sortOrder - b.sortOrder;
  });
  return {
    topics: topics.map((topic) => ({
      path: titles.get(topic.id)!,
      slug: topic.slug,
      service: topic.serviceKey,
      category: topic.categoryKey,
      depth: topic.depth,
      parent: topic.parentId ? (titles.get(topic.parentId) ?? "(missing)") : null,
      sources: sourcesOf.get(topic.id)!.map((source) => ({
        note: noteOf(source.noteId),
        line: source.line,
        endLine: source.endLine,
        pageRef: source.pageRef,
        heading: source.heading,
      })),
      html: topic.html,
    })),
    facts: plan.facts.map((fact) => ({
      note: noteOf(fact.noteId),
      line: fact.line,
      topic: fact.topicId ? titles.get(fact.topicId) : undefined,
      service: fact.serviceKey,
      attribute: fact.attribute,
      valueText: fact.valueText,
      value: fact.value,
      valueMax: fact.valueMax,
      unit: fact.unit,
    })),
    warnings: sortWarnings(planned.warnings.map((warning) => ({ kind: warning.kind, file: warning.file, line: warning.line, message: warning.message }))),
  };
}

const cases = readdirSync(root, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("note fixtures", () => {
  it("has fixture folders", () => {
    expect(cases.length).toBeGreaterThan(10);
  });

  for (const name of cases) {
    it(name, async () => {
      const dir = path.join(root, name);
      const planned = await planFixture(dir);
      const actual = project(planned, [...readNotesFolder(dir).allNotePaths]);
      const expectedFile = path.join(dir, "expected.json");
      if (update || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) throw new Error(`${name}/expected.json 이 없어 새로 만들었습니다. 내용을 확인하세요.`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
    });
  }
});
