// Fixture folders for every note construct: tests/fixtures/notes/<case>/ holds the notes
// (every *.md file, usually just input.md; other files are assets such as images) and
// expected.json, the topics (with their rendered HTML), facts and warnings the pure pipeline
// produces. Regenerate after an intended change with UPDATE_FIXTURES=1, then read the diff.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ingestInMemory, type InMemoryResult } from "@/lib/core/ingest/pipeline";
import { createTaxonomy } from "@/lib/core/ingest/taxonomy";
import { parseReferenceFacts } from "@/lib/core/reference/aws-facts";

const root = path.join(process.cwd(), "tests/fixtures/notes");
const taxonomy = createTaxonomy(JSON.parse(readFileSync("content/taxonomy/aws-services.json", "utf8")));
const references = parseReferenceFacts(JSON.parse(readFileSync("content/reference/aws-facts.json", "utf8")));
const update = process.env.UPDATE_FIXTURES === "1";

function project(result: InMemoryResult) {
  const titles = new Map(result.topics.map((topic) => [topic.id, topic.headingPath.join(" > ")]));
  const topics = [...result.topics].sort((a, b) => {
    const noteA = a.occurrences[0]!.notePath;
    const noteB = b.occurrences[0]!.notePath;
    return noteA < noteB ? -1 : noteA > noteB ? 1 : a.sortOrder - b.sortOrder;
  });
  return {
    topics: topics.map((topic) => ({
      path: topic.headingPath.join(" > "),
      slug: topic.slug,
      service: topic.serviceKey,
      category: topic.categoryKey,
      depth: topic.depth,
      parent: topic.parentId ? (titles.get(topic.parentId) ?? "(missing)") : null,
      sources: topic.occurrences.map((occurrence) => ({
        note: occurrence.notePath,
        line: occurrence.line,
        endLine: occurrence.endLine,
        pageRef: occurrence.pageRef,
        heading: occurrence.headingAsWritten,
      })),
      html: topic.html,
    })),
    facts: result.facts.map((fact) => ({
      note: fact.notePath,
      line: fact.line,
      topic: titles.get(fact.topicId),
      service: fact.serviceKey,
      attribute: fact.attribute,
      valueText: fact.valueText,
      value: fact.value,
      valueMax: fact.valueMax,
      unit: fact.unit,
    })),
    warnings: result.warnings.map((warning) => ({ kind: warning.kind, file: warning.file, line: warning.line, message: warning.message })),
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
    it(name, () => {
      const dir = path.join(root, name);
      const files = readdirSync(dir).sort();
      const notes = files.filter((file) => file.endsWith(".md")).map((file) => ({ path: file, text: readFileSync(path.join(dir, file), "utf8") }));
      const assets = files.filter((file) => !file.endsWith(".md") && file !== "expected.json");
      const actual = project(ingestInMemory(notes, { taxonomy, references, assets }));
      const expectedFile = path.join(dir, "expected.json");
      if (update || !existsSync(expectedFile)) {
        writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
        if (!update) throw new Error(`${name}/expected.json 이 없어 새로 만들었습니다. 내용을 확인하세요.`);
      }
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, "utf8")));
    });
  }
});
