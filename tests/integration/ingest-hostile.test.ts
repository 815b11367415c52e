// Hostile notes (issue 10): a generated set plus the five real notes ingest into a real SQLite
// file without throwing; every hostile file is ingested or named by a warning with its line,
// and the real notes' topics are unchanged. Also: the ingest CLI on a fresh clone.
import { execFile } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { runIngest } from "@/lib/server/ingest";
import { createTestDatabase } from "../support/databases";
import { generateHostileNotes, HOSTILE_KINDS } from "../support/hostile-notes";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe("hostile notes (sqlite)", () => {
  it("never stop the ingest, and every one is ingested or a warning with file:line", async () => {
    const notes = generateHostileNotes(60, 10);
    expect(generateHostileNotes(60, 10).map((note) => note.bytes.toString("hex"))).toEqual(notes.map((note) => note.bytes.toString("hex")));
    expect(new Set(notes.map((note) => note.kind.split(":")[0]))).toEqual(new Set([...HOSTILE_KINDS, "mix", "deepFolder"]));
    const dir = mkdtempSync(path.join(os.tmpdir(), "gureum-hostile-"));
    dirs.push(dir);
    cpSync("content/notes", path.join(dir, "real"), { recursive: true });
    for (const note of notes) {
      mkdirSync(path.dirname(path.join(dir, note.path)), { recursive: true });
      writeFileSync(path.join(dir, note.path), note.bytes);
    }
    const alone = await createTestDatabase("sqlite");
    const test = await createTestDatabase("sqlite");
    try {
      const real = await runIngest(alone.db, { notesDir: "content/notes", now: new Date("2026-12-06T09:00:00Z"), workers: 0 });
      const started = performance.now();
      const summary = await runIngest(test.db, { notesDir: dir, now: new Date("2026-12-06T09:00:00Z"), workers: 2 });
      const seconds = (performance.now() - started) / 1000;
      console.log(`hostile: ${notes.length} files + 5 notes → ${summary.notes} notes, ${summary.topics} topics, ${summary.warnings.length} warnings, ${seconds.toFixed(1)} s`);
      const ingested = new Set((await test.db.note.findMany({ where: { archivedAt: null }, select: { path: true } })).map((note) => note.path));
      for (const note of notes) {
        const warned = summary.warnings.filter((warning) => warning.file === note.path);
        expect(ingested.has(note.path) || warned.length > 0, `${note.path} (${note.kind})`).toBe(true);
        for (const warning of warned) expect(warning.line, `${note.path}: ${warning.message}`).toBeGreaterThan(0);
      }
      const byKind = (kind: string) => summary.warnings.filter((warning) => warning.file.includes(`/${kind}-`));
      expect(byKind("aliasBomb")[0]).toMatchObject({ line: 3 });
      expect(byKind("dashes")[0]).toMatchObject({ line: 3 });
      expect(byKind("lateFrontMatter")).toEqual([]);
      expect(summary.warnings.find((warning) => warning.file.endsWith("deep.md"))?.message).toContain("폴더가 너무 깊습니다");
      expect(ingested.has(notes.find((note) => note.kind === "deepFolder")!.path)).toBe(false);
      // Hand-written placeholder links stay ordinary links.
      const wiki = await test.db.topic.findFirstOrThrow({ where: { title: "링크" } });
      expect(wiki.html).not.toContain("gureum-wiki:");
      expect(wiki.html).not.toContain("wikilink");
      // The real notes keep their topics.
      for (const file of readdirSync("content/notes")) expect(ingested.has(`real/${file}`)).toBe(true);
      const realTopics = await test.db.topicSource.findMany({ where: { note: { path: { startsWith: "real/" } } }, select: { topicId: true }, distinct: ["topicId"] });
      expect(realTopics.length).toBe(real.topics);
      // The same warnings on every run: the bounds do not depend on the machine's speed.
      const again = await runIngest(alone.db, { notesDir: dir, now: new Date("2026-12-06T09:05:00Z"), workers: 0 });
      expect(again.warnings.filter((warning) => !warning.message.includes("노트마다"))).toEqual(summary.warnings.filter((warning) => !warning.message.includes("노트마다")));
    } finally {
      await test.cleanup();
      await alone.cleanup();
    }
  }, 300_000);
});

describe("npm run ingest on a fresh clone", () => {
  it("creates the data directory, migrates and ingests", async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), "gureum-fresh-"));
    dirs.push(root);
    const file = path.join(root, "data", "nested", "gureum.db");
    const env = { ...process.env, DATABASE_URL: `file:${file}`, NOTES_DIR: "content/notes" };
    const { stdout } = await promisify(execFile)("npx", ["tsx", "--conditions=react-server", "scripts/ingest.ts", "--json"], { env });
    expect(existsSync(file)).toBe(true);
    expect(JSON.parse(stdout.trim().split("\n").pop()!)).toMatchObject({ notes: 5 });
  }, 120_000);
});
