// Search against real database files: SQLite always, PostgreSQL when the test cluster runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { searchLibrary } from "@/lib/server/search";
import { seedStudyLibrary } from "./study-fixtures";

const plain = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
const marked = (segments: { text: string; highlight: boolean }[]) => segments.filter((s) => s.highlight).map((s) => s.text);

for (const provider of testProviders()) {
  describe(`search (${provider})`, () => {
    let database: TestDatabase;
    const search = (q: string, limit?: number) => searchLibrary(database.db, q, { limit });

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      await seedStudyLibrary(database.db);
    });
    afterAll(async () => {
      await database.cleanup();
    });

    it("람다 타임아웃 reaches the Lambda limits topic and its 15분 fact", async () => {
      const result = await search("람다 타임아웃");
      expect(result.topics[0]?.slug).toBe("aws-lambda-part-1");
      expect(marked(result.topics[0]!.snippet)).toEqual(expect.arrayContaining(["Timeout"]));
      expect(plain(result.topics[0]!.snippet)).toContain("15분");
      expect(result.facts[0]).toMatchObject({ valueText: "15분", topic: { slug: "aws-lambda-part-1" }, notePath: "lambda-limits.md", line: 5 });
      expect(result.truncated).toBe(false);
    });

    it("finds two-character Korean words: 가중치 라우팅 → Route 53 weighted routing", async () => {
      const result = await search("가중치 라우팅");
      expect(result.topics.map((t) => t.slug)).toEqual(["route53-routing-policy"]);
      expect(marked(result.topics[0]!.snippet)).toEqual(["가중치", "라우팅"]);
    });

    it("matches English names case-insensitively and through Korean aliases", async () => {
      for (const q of ["Fargate", "fargate", "FARGATE", "파게이트"]) {
        const result = await search(q);
        expect(result.topics.map((t) => t.slug), q).toEqual(["fargate"]);
      }
      const lambda = await search("lambda");
      expect(lambda.topics.map((t) => t.slug)).toEqual(expect.arrayContaining(["aws-lambda-part-1", "lambda-concurrency-and-throttling"]));
    });

    it("leaves archived topics out", async () => {
      const result = await search("람다 타임아웃");
      expect(result.topics.map((t) => t.slug)).not.toContain("old-lambda-notes");
      const full = [...result.topics, ...result.facts].filter((hit) => hit.match === "full");
      expect(full).toHaveLength(2); // the topic and its fact
    });

    it("shows partial matches when no document has every word, and suggests single words when none has half", async () => {
      expect((await search("   ")).topics).toEqual([]);
      const partial = await search("람다 쿠버네티스");
      expect(partial.topics.length).toBeGreaterThan(0);
      expect(partial.topics.every((t) => t.match === "partial")).toBe(true);
      expect(partial.suggestions).toEqual([]);
      const none = await search("람다 쿠버네티스 파드");
      expect(none.topics).toEqual([]);
      expect(none.suggestions).toEqual([{ query: "람다", count: expect.any(Number) }]);
    });

    it("treats LIKE wildcards and quotes in the query as plain text", async () => {
      expect((await search("%")).topics).toEqual([]);
      expect((await search("_")).topics).toEqual([]);
      expect((await search("'; DROP TABLE \"Topic\"; --")).topics).toEqual([]);
      expect(await database.db.topic.count()).toBeGreaterThan(0);
    });

    it("keeps a script tag in the text as text in snippets", async () => {
      const result = await search("script");
      const snippet = result.topics.find((t) => t.slug === "aws-lambda-part-1")?.snippet ?? [];
      expect(plain(snippet)).toContain("<script>");
      expect(marked(snippet)).toEqual(["script", "script"]);
    });

    it("caps the number of topic hits", async () => {
      const result = await search("lambda", 1);
      expect(result.topics).toHaveLength(1);
      expect(result.total).toBeGreaterThan(1);
    });
  });
}
