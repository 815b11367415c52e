// runIngest against real databases (SQLite and PostgreSQL): idempotence, edits, archiving,
// rollback, shared sections, bad input, the reference lint and search documents.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, unlinkSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { runInNewContext } from "node:vm";
import { runIngest, type IngestOptions } from "@/lib/server/ingest";
import { ParsePool } from "@/lib/server/ingest/worker-pool";
import { sqliteConnectionInTransaction } from "@/lib/server/db";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";

const LAMBDA = `# AWS Lambda

## Lambda 제약사항
- 실행 시간 15분
- 비동기 호출 페이로드 256KB
- 메모리 128MB ~ 10GB

## Lambda 네트워킹
VPC 안의 람다는 NAT 게이트웨이로 인터넷에 나갑니다.
`;

const SHARED = `# 공통 장

## 같은 절
두 노트에 똑같이 있는 본문
`;

const DYNAMO = `# DynamoDB

## 기본
- 아이템 크기 400KB

${SHARED}`;

const CONTAINERS = `# 컨테이너

## ECS
태스크와 서비스

${SHARED}`;

function writeNotes(dir: string, files: Record<string, string | Buffer>) {
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
}

async function topicSnapshot(test: TestDatabase) {
  const rows = await test.db.topic.findMany({ orderBy: { id: "asc" }, select: { id: true, slug: true, updatedAt: true, archivedAt: true, contentHash: true } });
  return rows.map((row) => ({ ...row, updatedAt: row.updatedAt.toISOString(), archivedAt: row.archivedAt?.toISOString() ?? null }));
}

async function counts(test: TestDatabase) {
  const db = test.db;
  return {
    notes: await db.note.count(),
    topics: await db.topic.count(),
    activeTopics: await db.topic.count({ where: { archivedAt: null } }),
    sources: await db.topicSource.count(),
    facts: await db.fact.count(),
    search: await db.searchDocument.count(),
    warnings: await db.lintWarning.count(),
    runs: await db.ingestRun.count(),
  };
}

describe("importing the ingest", () => {
  it("does not turn on --expose-gc (persist.ts obtains a collector only for a large write through Prisma)", () => {
    // With the flag set, every new context would see `gc`.
    if (!process.execArgv.includes("--expose-gc")) expect(runInNewContext("typeof gc")).toBe("undefined");
  });
});

for (const provider of testProviders()) {
  describe(`runIngest (${provider})`, () => {
    let test: TestDatabase;
    let dir: string;
    let clock = Date.parse("2026-11-22T09:00:00Z");
    const ingest = (extra: Partial<IngestOptions> = {}) => {
      clock += 60_000;
      return runIngest(test.db, { notesDir: dir, now: new Date(clock), workers: 0, ...extra });
    };

    beforeAll(async () => {
      test = await createTestDatabase(provider);
      dir = mkdtempSync(path.join(os.tmpdir(), "gureum-notes-"));
      writeNotes(dir, { "lambda.md": LAMBDA, "dynamo.md": DYNAMO, "containers.md": CONTAINERS });
    });
    afterAll(async () => {
      await test?.cleanup();
      rmSync(dir, { recursive: true, force: true });
    });

    it("ingests notes into topics, sources, facts, search documents and the lint", async () => {
      const summary = await ingest();
      expect(summary.notes).toBe(3);
      expect(summary.changed).toBeGreaterThan(0);
      const topics = await test.db.topic.findMany({ where: { archivedAt: null } });
      expect(summary.topics).toBe(topics.length);
      const limits = topics.find((topic) => topic.title === "Lambda 제약사항")!;
      expect(limits.serviceKey).toBe("lambda");
      expect(limits.categoryKey).toBe("serverless");
      expect(JSON.parse(limits.headingPath)).toEqual(["AWS Lambda", "Lambda 제약사항"]);
      expect(limits.parentId).toBe(topics.find((topic) => topic.title === "AWS Lambda")!.id);
      expect(limits.html).toContain("<li>실행 시간 15분</li>");

      const timeout = await test.db.fact.findFirstOrThrow({ where: { attribute: "timeout.max" } });
      expect(timeout).toMatchObject({ serviceKey: "lambda", value: 900, unit: "s", valueText: "15분", topicId: limits.id, line: 4 });
      const memory = await test.db.fact.findFirstOrThrow({ where: { attribute: "memory" } });
      expect(memory).toMatchObject({ value: 128, valueMax: 10240, unit: "MB" });

      const reference = await test.db.lintWarning.findFirstOrThrow({ where: { kind: "reference", factKey: "lambda:payload.async" } });
      expect(reference.topicId).toBe(limits.id);
      expect(reference).toMatchObject({ file: "lambda.md", line: 5 });
      expect(reference.message).toContain("256KB");
      expect(reference.message).toContain("1MB");
      expect(reference.message).toMatch(/AWS 문서\(\d{4}-\d{2} 기준\)/);
      expect(JSON.parse(reference.detail!)).toMatchObject({ referenceId: "lambda-payload-async", noteValue: "256KB" });

      const topicDoc = await test.db.searchDocument.findUniqueOrThrow({ where: { id: `topic:${limits.id}` } });
      expect(topicDoc.body).toContain("실행 시간 15분");
      expect(topicDoc.keywords).toContain("람다");
      const factDoc = await test.db.searchDocument.findUniqueOrThrow({ where: { id: `fact:${timeout.id}` } });
      expect(factDoc).toMatchObject({ kind: "fact", topicId: limits.id });
      expect(factDoc.body).toContain("15분");
      expect(factDoc.keywords).toContain("타임아웃");
      expect(await test.db.searchDocument.count()).toBe(topics.length + (await test.db.fact.count()));
      expect(await test.db.ingestRun.count()).toBe(1);
    });

    it("makes the same section in two notes one topic with two sources", async () => {
      const shared = await test.db.topic.findFirstOrThrow({ where: { title: "같은 절" }, include: { sources: { include: { note: true } } } });
      expect(shared.sources.map((source) => source.note.path).sort()).toEqual(["containers.md", "dynamo.md"]);
      expect(await test.db.topic.count({ where: { title: "같은 절" } })).toBe(1);
    });

    it("writes nothing when re-run on unchanged notes", async () => {
      const before = await topicSnapshot(test);
      const countsBefore = await counts(test);
      const summary = await ingest();
      expect(summary.changed).toBe(0);
      expect(await topicSnapshot(test)).toEqual(before);
      expect(await counts(test)).toEqual(countsBefore);
    });

    it("updates only what changed when one note is edited", async () => {
      const before = await topicSnapshot(test);
      const notesBefore = await test.db.note.findMany({ orderBy: { path: "asc" } });
      const timeoutBefore = await test.db.fact.findFirstOrThrow({ where: { attribute: "timeout.max" } });
      writeNotes(dir, { "lambda.md": LAMBDA.replace("실행 시간 15분", "실행 시간 10분") });
      const summary = await ingest();
      expect(summary.changed).toBeGreaterThan(0);
      const after = await topicSnapshot(test);
      const changedTopics = after.filter((row, i) => row.updatedAt !== before[i]!.updatedAt);
      const limits = await test.db.topic.findFirstOrThrow({ where: { title: "Lambda 제약사항" } });
      expect(changedTopics.map((row) => row.id)).toEqual([limits.id]);
      expect(limits.html).toContain("10분");
      const notesAfter = await test.db.note.findMany({ orderBy: { path: "asc" } });
      for (const note of notesAfter) {
        const previous = notesBefore.find((row) => row.path === note.path)!;
        if (note.path === "lambda.md") expect(note.ingestedAt.getTime()).toBeGreaterThan(previous.ingestedAt.getTime());
        else expect(note).toEqual(previous);
      }
      // The fact keeps its id (questions generated from it keep theirs) and takes the new value.
      const timeout = await test.db.fact.findUniqueOrThrow({ where: { id: timeoutBefore.id } });
      expect(timeout).toMatchObject({ value: 600, valueText: "10분", archivedAt: null });
    });

    it("archives a removed section and brings it back under the same id and slug", async () => {
      const networking = await test.db.topic.findFirstOrThrow({ where: { title: "Lambda 네트워킹" } });
      writeNotes(dir, { "lambda.md": LAMBDA.replace(/## Lambda 네트워킹[\s\S]*$/, "") });
      await ingest();
      const archived = await test.db.topic.findUniqueOrThrow({ where: { id: networking.id } });
      expect(archived.archivedAt).not.toBeNull();
      expect(await test.db.searchDocument.findUnique({ where: { id: `topic:${networking.id}` } })).toBeNull();
      expect(await test.db.topicSource.count({ where: { topicId: networking.id } })).toBe(0);

      writeNotes(dir, { "lambda.md": LAMBDA });
      await ingest();
      const back = await test.db.topic.findUniqueOrThrow({ where: { id: networking.id } });
      expect(back.archivedAt).toBeNull();
      expect(back.slug).toBe(networking.slug);
      expect(await test.db.searchDocument.findUnique({ where: { id: `topic:${networking.id}` } })).not.toBeNull();
    });

    it("archives a deleted note with its topics and facts, keeping shared topics alive", async () => {
      unlinkSync(path.join(dir, "dynamo.md"));
      const summary = await ingest();
      expect(summary.notes).toBe(2);
      const note = await test.db.note.findUniqueOrThrow({ where: { path: "dynamo.md" } });
      expect(note.archivedAt).not.toBeNull();
      const item = await test.db.fact.findFirstOrThrow({ where: { attribute: "item.size" } });
      expect(item.archivedAt).not.toBeNull();
      expect((await test.db.topic.findFirstOrThrow({ where: { title: "DynamoDB" } })).archivedAt).not.toBeNull();
      const shared = await test.db.topic.findFirstOrThrow({ where: { title: "같은 절" }, include: { sources: true } });
      expect(shared.archivedAt).toBeNull();
      expect(shared.sources).toHaveLength(1);
      writeNotes(dir, { "dynamo.md": DYNAMO });
      await ingest();
      expect((await test.db.note.findUniqueOrThrow({ where: { path: "dynamo.md" } })).archivedAt).toBeNull();
    });

    it("touches only the listed files with onlyFiles", async () => {
      writeNotes(dir, { "lambda.md": LAMBDA.replace("실행 시간 15분", "실행 시간 5분"), "containers.md": CONTAINERS.replace("태스크와 서비스", "태스크") });
      await ingest({ onlyFiles: ["lambda.md"] });
      expect((await test.db.fact.findFirstOrThrow({ where: { attribute: "timeout.max" } })).value).toBe(300);
      const ecs = await test.db.topic.findFirstOrThrow({ where: { title: "ECS" } });
      expect(ecs.html).toContain("태스크와 서비스");
      await ingest();
      expect((await test.db.topic.findFirstOrThrow({ where: { title: "ECS" } })).html).not.toContain("서비스");
      writeNotes(dir, { "lambda.md": LAMBDA, "containers.md": CONTAINERS });
      await ingest();
    });

    it("leaves the previous state intact when the transaction fails", async () => {
      const before = await topicSnapshot(test);
      const countsBefore = await counts(test);
      const notesBefore = await test.db.note.findMany({ orderBy: { path: "asc" } });
      writeNotes(dir, { "lambda.md": LAMBDA.replace("# AWS Lambda", "# AWS Lambda 한도").replace("256KB", "1MB") });
      await expect(
        ingest({
          beforeCommit: () => {
            throw new Error("injected failure");
          },
        }),
      ).rejects.toThrow("injected failure");
      expect(await topicSnapshot(test)).toEqual(before);
      expect(await counts(test)).toEqual(countsBefore);
      expect(await test.db.note.findMany({ orderBy: { path: "asc" } })).toEqual(notesBefore);
      const summary = await ingest();
      expect(summary.changed).toBeGreaterThan(0);
      expect(await test.db.topic.count({ where: { title: "AWS Lambda 한도", archivedAt: null } })).toBe(1);
      expect(await test.db.lintWarning.count({ where: { factKey: "lambda:payload.async", archivedAt: null } })).toBe(0);
      writeNotes(dir, { "lambda.md": LAMBDA });
      await ingest();
    });

    it("reports bad files as warnings and still ingests the others", async () => {
      const bad = mkdtempSync(path.join(os.tmpdir(), "gureum-bad-"));
      try {
        writeNotes(bad, {
          "good.md": LAMBDA,
          "binary.md": Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00]),
          "latin1.md": Buffer.concat([Buffer.from("# 제목\n\n둘째 줄\n"), Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a])]),
          "empty.md": "",
          "blank.md": "\n\n   \n",
          "front.md": "---\ntitle: [broken\n---\n# 본문\n내용\n",
          "huge.md": Buffer.alloc(5 * 1024 * 1024 + 10, 0x61),
        });
        const db = await createTestDatabase(provider);
        try {
          const summary = await runIngest(db.db, { notesDir: bad, now: new Date("2026-11-22T10:00:00Z"), workers: 0 });
          expect(summary.notes).toBe(2); // good.md, and front.md (its body is fine)
          const byFile = new Map(summary.warnings.map((warning) => [warning.file, warning]));
          expect(byFile.get("binary.md")?.message).toContain("바이너리");
          expect(byFile.get("latin1.md")).toMatchObject({ line: 4 });
          expect(byFile.get("latin1.md")?.message).toContain("UTF-8");
          expect(byFile.get("empty.md")?.message).toContain("빈 파일");
          expect(byFile.get("blank.md")?.message).toContain("빈 파일");
          expect(byFile.get("huge.md")?.message).toContain("너무 큽니다");
          expect(byFile.get("front.md")).toMatchObject({ line: 2 });
          expect(byFile.get("front.md")?.message).toContain("front matter");
          expect(await db.db.lintWarning.count({ where: { kind: "input", archivedAt: null } })).toBe(6);
          // Unchanged on a second run, including the front-matter warning of the unparsed note.
          const again = await runIngest(db.db, { notesDir: bad, now: new Date("2026-11-22T10:05:00Z"), workers: 0 });
          expect(again.changed).toBe(0);
          expect(again.warnings).toEqual(summary.warnings);
        } finally {
          await db.cleanup();
        }
      } finally {
        rmSync(bad, { recursive: true, force: true });
      }
    });
  });
}

describe("runIngest parse stage (sqlite)", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "gureum-workers-"));
    writeNotes(dir, { "lambda.md": LAMBDA, "dynamo.md": DYNAMO, "containers.md": CONTAINERS });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const bundle of [true, false]) {
    it(`starts real worker threads here, ${bundle ? "running the esbuild bundle" : "running the sources through tsx"} (no silent in-process fallback)`, async () => {
      const pool = await ParsePool.start({ size: 2, taskTimeoutMs: 20_000, assets: [], bundle });
      expect(pool).not.toBeNull();
      try {
        if (bundle) expect(pool!.bundle?.pathname).toMatch(/node_modules\/\.cache\/gureum\/parse-worker-[0-9a-f]{16}\.mjs$/);
        else expect(pool!.bundle).toBeNull();
        const sections = await pool!.run({ path: "x.md", definitions: "", segments: [{ startLine: 1, text: "# 제목\n본문 <font color=red>빨강</font> https://aws.amazon.com", continuation: false }] });
        expect(sections).toHaveLength(1);
        expect(sections[0]!.heading).toMatchObject({ depth: 1, text: "제목", line: 1 });
        expect(sections[0]!.html).toBe('<p>본문 빨강 <a href="https://aws.amazon.com">https://aws.amazon.com</a></p>');
      } finally {
        await pool!.close();
      }
    });
  }

  it("writes the same rows through the SQLite connection as through Prisma", async () => {
    const direct = await createTestDatabase("sqlite");
    const viaPrisma = await createTestDatabase("sqlite");
    try {
      expect(sqliteConnectionInTransaction(direct.db)).toBeNull();
      await direct.db.$transaction(async () => expect(sqliteConnectionInTransaction(direct.db)?.inTransaction).toBe(true));
      const now = new Date("2026-11-22T11:30:00Z");
      const a = await runIngest(direct.db, { notesDir: "content/notes", now, workers: 0 });
      const b = await runIngest(viaPrisma.db, { notesDir: "content/notes", now, workers: 0, viaPrisma: true });
      expect(a).toEqual(b);
      expect(a.topics).toBeGreaterThan(100);
      const tables = async (test: TestDatabase) => ({
        notes: await test.db.note.findMany({ orderBy: { id: "asc" } }),
        topics: await test.db.topic.findMany({ orderBy: { id: "asc" } }),
        sources: await test.db.topicSource.findMany({ orderBy: [{ topicId: "asc" }, { noteId: "asc" }, { line: "asc" }] }),
        facts: await test.db.fact.findMany({ orderBy: { id: "asc" } }),
        search: await test.db.searchDocument.findMany({ orderBy: { id: "asc" } }),
        warnings: await test.db.lintWarning.findMany({ orderBy: { id: "asc" } }),
        runs: (await test.db.ingestRun.findMany()).map(({ id: _id, finishedAt: _finishedAt, ...run }) => run),
      });
      const [fromDirect, fromPrisma] = [await tables(direct), await tables(viaPrisma)];
      expect(fromDirect.facts.length).toBeGreaterThan(10);
      expect(fromDirect).toEqual(fromPrisma);
      // Dates read back as the same instants, and unchanged notes still write nothing.
      expect(fromDirect.topics[0]!.createdAt.toISOString()).toBe(now.toISOString());
      expect((await runIngest(direct.db, { notesDir: "content/notes", now, workers: 0 })).changed).toBe(0);
    } finally {
      await direct.cleanup();
      await viaPrisma.cleanup();
    }
  });

  it("gives the same rows with worker threads as in-process", async () => {
    const inProcess = await createTestDatabase("sqlite");
    const workers = await createTestDatabase("sqlite");
    try {
      const now = new Date("2026-11-22T11:00:00Z");
      const a = await runIngest(inProcess.db, { notesDir: dir, now, workers: 0 });
      const b = await runIngest(workers.db, { notesDir: dir, now, workers: 2 });
      expect(b).toEqual(a);
      const rows = (test: TestDatabase) =>
        test.db.topic.findMany({ orderBy: { id: "asc" }, select: { id: true, slug: true, html: true, contentHash: true, parentId: true, serviceKey: true } });
      expect(await rows(workers)).toEqual(await rows(inProcess));
    } finally {
      await inProcess.cleanup();
      await workers.cleanup();
    }
  });

  it("names a missing notes folder in Korean", async () => {
    const test = await createTestDatabase("sqlite");
    try {
      await expect(runIngest(test.db, { notesDir: path.join(dir, "없는-폴더"), now: new Date() })).rejects.toThrow("노트 폴더가 없습니다");
    } finally {
      await test.cleanup();
    }
  });

  it("time-boxes parsing: an overrunning note becomes a warning, never a stall", async () => {
    const test = await createTestDatabase("sqlite");
    try {
      const started = Date.now();
      const summary = await runIngest(test.db, { notesDir: dir, now: new Date("2026-11-22T12:00:00Z"), workers: 1, taskTimeoutMs: 1 });
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(summary.notes).toBe(0);
      expect(summary.warnings).toHaveLength(3);
      for (const warning of summary.warnings) expect(warning.message).toContain("처리 시간이");
    } finally {
      await test.cleanup();
    }
  });
});

describe("npm run ingest (scripts/ingest.ts)", () => {
  const run = promisify(execFile);
  it("prints the JSON summary as the last line, and fails only when nothing could be ingested", async () => {
    const test = await createTestDatabase("sqlite");
    const notes = mkdtempSync(path.join(os.tmpdir(), "gureum-cli-"));
    try {
      writeNotes(notes, { "lambda.md": LAMBDA, "empty.md": "" });
      const env = { ...process.env, DATABASE_URL: test.url, NOTES_DIR: notes };
      const { stdout } = await run("npx", ["tsx", "--conditions=react-server", "scripts/ingest.ts", "--json"], { env });
      const lines = stdout.trim().split("\n");
      const summary = JSON.parse(lines[lines.length - 1]!);
      expect(Object.keys(summary)).toEqual(["notes", "topics", "facts", "warnings"]);
      expect(summary).toMatchObject({ notes: 1, topics: 3 });
      expect(summary.warnings).toContainEqual({ file: "empty.md", line: 1, message: "빈 파일입니다" });
      expect(stdout).toContain("노트 1개");

      const emptyDir = mkdtempSync(path.join(os.tmpdir(), "gureum-cli-empty-"));
      writeNotes(emptyDir, { "empty.md": "" });
      const other = await createTestDatabase("sqlite");
      try {
        const failure = await run("npx", ["tsx", "--conditions=react-server", "scripts/ingest.ts", "--json"], { env: { ...env, DATABASE_URL: other.url, NOTES_DIR: emptyDir } }).then(
          () => null,
          (error: { code: number; stdout: string }) => error,
        );
        expect(failure?.code).toBe(1);
        expect(JSON.parse(failure!.stdout.trim().split("\n").pop()!)).toMatchObject({ notes: 0 });
      } finally {
        await other.cleanup();
        rmSync(emptyDir, { recursive: true, force: true });
      }
    } finally {
      await test.cleanup();
      rmSync(notes, { recursive: true, force: true });
    }
  });
});

describe("runIngest: note identity and folder trees (sqlite)", () => {
  it("keeps generic sections of two notes apart, nests folder notes, re-parents when a parent README appears, and reports quiz notes", async () => {
    const test = await createTestDatabase("sqlite");
    const notes = mkdtempSync(path.join(os.tmpdir(), "gureum-identity-"));
    let clock = Date.parse("2026-12-06T09:00:00Z");
    const ingest = () => runIngest(test.db, { notesDir: notes, now: new Date((clock += 60_000)), workers: 0 });
    const write = (file: string, text: string) => {
      mkdirSync(path.dirname(path.join(notes, file)), { recursive: true });
      writeFileSync(path.join(notes, file), text);
    };
    const topic = (title: string) => test.db.topic.findMany({ where: { title, archivedAt: null }, select: { id: true, parentId: true, sources: { select: { note: { select: { path: true } } } } } });
    try {
      write("a.md", "# AWS Lambda\n\n## Lambda 제약사항\n\n15분\n\n## 실습\n\n콘솔\n");
      write("b.md", "# AWS Lambda\n\n## Lambda 제약사항\n\n15분\n\n## 실습\n\nSAM\n");
      write("9-1. ECS/9-1-2. IAM Roles/README.md", "역할 두 가지.\n\n## Task Role\n\n앱의 역할\n");
      write("dump.md", `# 덤프\n\n${[1, 2, 3].map((n) => `## Q${n}. A company needs a service for workload ${n}. Which one?\n\n- A. SQS\n- B. SNS\n- C. S3\n- D. EC2\n\n**Answer:** A\n`).join("\n")}`);
      const first = await ingest();
      expect((await topic("실습")).length).toBe(2);
      expect((await topic("Lambda 제약사항"))[0]!.sources.length).toBe(2);
      expect((await topic("IAM Roles"))[0]!.parentId).toBeNull();
      expect(first.warnings).toContainEqual(expect.objectContaining({ file: "dump.md", message: expect.stringContaining("문제 모음으로 보입니다") }));
      expect(await test.db.topicSource.count({ where: { note: { path: "dump.md" } } })).toBe(0);

      // Editing one note's generic section leaves the other note's topic alone.
      const before = await topic("실습");
      write("a.md", "# AWS Lambda\n\n## Lambda 제약사항\n\n15분\n\n## 실습\n\n콘솔에서 다시\n");
      await ingest();
      const after = await topic("실습");
      expect(after.map((row) => row.id).sort()).toEqual(before.map((row) => row.id).sort());

      // A parent folder note appears: the unchanged child nests under it.
      write("9-1. ECS/README.md", "# <img src=\"ecs.png\"> AWS ECS\n\n컨테이너 오케스트레이션\n");
      await ingest();
      const [ecs] = await topic("AWS ECS");
      expect((await topic("IAM Roles"))[0]!.parentId).toBe(ecs!.id);
      expect((await ingest()).changed).toBe(0);
    } finally {
      await test.cleanup();
      rmSync(notes, { recursive: true, force: true });
    }
  });
});
