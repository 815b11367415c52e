// The study pages' queries against real database files (SQLite; PostgreSQL when available).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { fetchLibraryOverview, fetchLintReport, fetchNoteView, fetchTopicPage, fetchTopicTree, flattenTree } from "@/lib/server/study";
import { seedStudyLibrary } from "./study-fixtures";

for (const provider of testProviders()) {
  describe(`study queries (${provider})`, () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await createTestDatabase(provider);
    });
    afterAll(async () => {
      await database.cleanup();
    });

    it("describes an empty library without failing", async () => {
      const overview = await fetchLibraryOverview(database.db);
      expect(overview).toMatchObject({ notes: [], topicCount: 0, factCount: 0, lastIngestAt: null, startTopics: [] });
      expect(await fetchTopicTree(database.db)).toEqual([]);
      expect((await fetchLintReport(database.db)).total).toBe(0);
    });

    describe("with a library", () => {
      beforeAll(async () => {
        await seedStudyLibrary(database.db);
      });

      it("counts what is in the library and suggests topics rich in facts", async () => {
        const overview = await fetchLibraryOverview(database.db);
        expect(overview.topicCount).toBe(6); // the archived topic is not counted
        expect(overview.factCount).toBe(3);
        expect(overview.lintCounts).toEqual({ reference: 1, conflict: 1, input: 1 });
        expect(overview.notes.map((n) => [n.path, n.topicCount])).toEqual([
          ["lambda-limits.md", 3],
          ["네트워크/route53.md", 3],
        ]);
        expect(overview.startTopics[0]).toMatchObject({ slug: "aws-lambda-part-1", factCount: 2, categoryName: "서버리스" });
        expect(overview.categories.map((c) => c.key)).toEqual(["containers", "serverless", "networking", "architecture"]);
      });

      it("groups the tree by category in taxonomy order, keeping cross-category context", async () => {
        const groups = await fetchTopicTree(database.db);
        expect(groups.map((g) => [g.category.name, g.topicCount])).toEqual([
          ["컨테이너", 1],
          ["서버리스", 2],
          ["네트워킹과 콘텐츠 전송", 2],
          ["아키텍처 설계", 1],
        ]);
        const serverless = groups[1]!;
        expect(serverless.factCount).toBe(3);
        expect(serverless.roots).toHaveLength(1);
        expect(serverless.roots[0]).toMatchObject({ slug: "aws-lambda-part-1", context: ["Solution Architecture"] });
        expect(serverless.roots[0]!.children.map((c) => c.slug)).toEqual(["lambda-concurrency-and-throttling"]);
        expect(flattenTree(groups).map((n) => n.slug)).toEqual([
          "fargate",
          "aws-lambda-part-1",
          "lambda-concurrency-and-throttling",
          "route53",
          "route53-routing-policy",
          "solution-architecture",
        ]);
      });

      it("assembles a topic page: breadcrumbs, neighbours, children, facts, sources, lint", async () => {
        const page = await fetchTopicPage(database.db, "aws-lambda-part-1");
        expect(page).not.toBeNull();
        // Its heading parent is an architecture topic: in the tree (and so the breadcrumb) it is a
        // root of 서버리스. 이전/다음 follow the note's lines, and cross into the next note at its end.
        expect(page!.ancestors).toEqual([]);
        expect(page!.previous).toEqual({ slug: "solution-architecture", title: "Solution Architecture", noteTitle: null });
        expect(page!.next).toEqual({ slug: "lambda-concurrency-and-throttling", title: "Lambda Concurrency and Throttling", noteTitle: null });
        const last = await fetchTopicPage(database.db, "lambda-concurrency-and-throttling");
        expect(last!.ancestors).toEqual([{ slug: "aws-lambda-part-1", title: "AWS Lambda - Part 1" }]);
        expect(last!.next).toEqual({ slug: "route53", title: "Route53", noteTitle: "Route 53 노트" });
        expect((await fetchTopicPage(database.db, "solution-architecture"))!.previous).toBeNull();
        expect(page!.children).toEqual([{ slug: "lambda-concurrency-and-throttling", title: "Lambda Concurrency and Throttling", factCount: 1 }]);
        expect(page!.facts.map((f) => [f.label, f.valueText, f.notePath, f.line])).toEqual([
          ["Lambda 최대 실행 시간", "15분", "lambda-limits.md", 5],
          ["Lambda 메모리", "10GB", "lambda-limits.md", 6],
        ]);
        expect(page!.sources).toEqual([{ notePath: "lambda-limits.md", noteTitle: "람다 노트", line: 3, endLine: 7, pageRef: "p 175", heading: "AWS Lambda - Part 1" }]);
        expect(page!.lint).toEqual([{ id: "w-ref", kind: "reference", file: "lambda-limits.md", line: 5, message: expect.stringContaining("1MB") }]);
        expect(page!.category).toEqual({ key: "serverless", name: "서버리스" });
        expect(page!.serviceName).toBe("AWS Lambda");
        expect(page!.headingPath).toEqual(["Solution Architecture", "AWS Lambda - Part 1"]);
      });

      it("still opens an archived topic, without neighbours", async () => {
        const page = await fetchTopicPage(database.db, "old-lambda-notes");
        expect(page?.archivedAt).toBeInstanceOf(Date);
        expect(page?.previous).toBeNull();
        expect(page?.next).toBeNull();
        expect(await fetchTopicPage(database.db, "no-such-topic")).toBeNull();
      });

      it("shows a note's original lines with the topics that start on them", async () => {
        const note = await fetchNoteView(database.db, "lambda-limits.md");
        expect(note?.lines).toHaveLength(9);
        expect(note?.lines[6]).toBe("<script>window.__xss = 1</script>");
        expect(note?.topicsByLine[3]).toEqual([{ slug: "aws-lambda-part-1", title: "AWS Lambda - Part 1" }]);
        expect(note?.topicsByLine[1]).toEqual([{ slug: "solution-architecture", title: "Solution Architecture" }]); // the archived one is left out
        expect(note?.lint.map((w) => w.line)).toEqual([5, 9]);
        expect((await fetchNoteView(database.db, "네트워크/route53.md"))?.title).toBe("Route 53 노트");
        expect(await fetchNoteView(database.db, "missing.md")).toBeNull();
      });

      it("groups lint warnings by kind with links to their topics", async () => {
        const report = await fetchLintReport(database.db);
        expect(report.total).toBe(3);
        expect(report.groups.map((g) => [g.kind, g.warnings.length])).toEqual([
          ["reference", 1],
          ["conflict", 1],
          ["input", 1],
        ]);
        expect(report.groups[1]!.warnings[0]!.topic).toEqual({ slug: "lambda-concurrency-and-throttling", title: "Lambda Concurrency and Throttling" });
        expect(report.groups[2]!.warnings[0]).toMatchObject({ topic: null, file: "broken.md", noteExists: false });
        expect(report.groups[0]!.warnings[0]!.noteExists).toBe(true);
      });
    });
  });
}
