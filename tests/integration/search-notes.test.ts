// The search acceptance queries against the learner's five notes as the real ingester stores
// them (SQLite; PostgreSQL when available), so synonyms and ranking are checked on real text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { runIngest } from "@/lib/server/ingest";
import { searchLibrary } from "@/lib/server/search";
import { fetchTopicPage, fetchTopicTree, flattenTree } from "@/lib/server/study";

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");

for (const provider of testProviders()) {
  describe(`search over the ingested notes (${provider})`, () => {
    let database: TestDatabase;
    const search = (q: string) => searchLibrary(database.db, q, { provider });

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      await runIngest(database.db, { notesDir: "content/notes", now: new Date("2026-11-20T09:00:00Z"), workers: 0 });
    }, 180_000);
    afterAll(async () => {
      await database.cleanup();
    });

    it("람다 타임아웃: the Lambda limits come first and the 15분 fact is there", async () => {
      const result = await search("람다 타임아웃");
      const top = result.topics.slice(0, 3);
      expect(top.some((hit) => /Lambda/.test(text(hit.title)) && text(hit.snippet).includes("15분"))).toBe(true);
      expect(result.facts.some((fact) => fact.valueText === "15분" && fact.topic !== null)).toBe(true);
      // Every hit is about Lambda and a time limit, not merely about Lambda.
      for (const hit of result.topics) expect(hit.snippet.some((s) => s.highlight)).toBe(true);
    });

    it("가중치 라우팅 finds the Route 53 weighted routing policy", async () => {
      const result = await search("가중치 라우팅");
      const first = result.topics[0]!;
      expect(text(first.snippet)).toContain("가중치 라우팅");
      const page = await fetchTopicPage(database.db, first.slug);
      expect(page?.serviceName).toBe("Amazon Route 53");
    });

    it("Fargate (and 파게이트) find Fargate topics first", async () => {
      for (const q of ["Fargate", "파게이트", "fargate"]) {
        const result = await search(q);
        expect(result.topics.length, q).toBeGreaterThan(3);
        expect(text(result.topics[0]!.title), q).toMatch(/Fargate/i);
      }
    });

    it("two-syllable words alone still match", async () => {
      for (const q of ["람다", "최대", "서브넷"]) expect((await search(q)).total, q).toBeGreaterThan(0);
    });

    it("every topic in the tree opens, with neighbours that form one reading order", async () => {
      const order = flattenTree(await fetchTopicTree(database.db));
      expect(order.length).toBeGreaterThan(100);
      const middle = order[Math.floor(order.length / 2)]!;
      const page = await fetchTopicPage(database.db, middle.slug);
      expect(page?.previous?.slug).toBe(order[Math.floor(order.length / 2) - 1]!.slug);
      expect(page?.next?.slug).toBe(order[Math.floor(order.length / 2) + 1]!.slug);
      expect(page?.sources.length).toBeGreaterThan(0);
    });
  });
}
