// The search acceptance queries against the learner's five notes as the real ingester stores
// them and the question banks as questions:sync stores them (SQLite; PostgreSQL when
// available), so synonyms and ranking are checked on real text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { runIngest } from "@/lib/server/ingest";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { searchLibrary, type SearchResult } from "@/lib/server/search";
import { fetchTopicPage, fetchTopicTree, flattenTree } from "@/lib/server/study";

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
const NOW = new Date("2026-11-20T09:00:00Z");
/** Order of topic hits as comparable data (slug and match kind), for the cross-database check. */
const order = (result: SearchResult) => ({
  topics: result.topics.map((hit) => `${hit.match}:${hit.slug}`),
  facts: result.facts.map((hit) => `${hit.match}:${hit.factId}`),
  questions: result.questions.map((hit) => `${hit.match}:${hit.questionId}`),
});
const ACCEPTANCE_QUERIES = ["오토스케일링 정책", "오토스케일링", "읽기 전용 복제본", "보안 그룹 변경", "람다 타임아웃", "가중치 라우팅", "람다 쿠버네티스"];
const ordersByProvider = new Map<string, unknown>();

for (const provider of testProviders()) {
  describe(`search over the ingested notes (${provider})`, () => {
    let database: TestDatabase;
    const search = (q: string) => searchLibrary(database.db, q);

    beforeAll(async () => {
      database = await createTestDatabase(provider);
      await runIngest(database.db, { notesDir: "content/notes", now: NOW, workers: 0 });
      await syncQuestionBanks(database.db, { questionsDir: "content/questions", now: NOW });
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

    it("오토스케일링 정책: the topic on scaling policies (target tracking, step, scheduled) is in the top 3; partial matches follow, labelled", async () => {
      const result = await search("오토스케일링 정책");
      const rank = result.topics.findIndex((hit) => text(hit.title) === "다양한 자동 확장 전략");
      console.log(`오토스케일링 정책 → '다양한 자동 확장 전략' rank ${rank + 1} of ${result.topics.length}`);
      expect(rank).toBeGreaterThanOrEqual(0);
      expect(rank).toBeLessThan(3);
      // The AutoScaling topic (which says "조정 정책") matches fully too.
      expect(result.topics.some((hit) => text(hit.title) === "AutoScaling" && hit.match === "full")).toBe(true);
      // Topics with only one of the words come after every full match.
      const kinds = result.topics.map((hit) => hit.match);
      expect(kinds).toContain("partial");
      expect(kinds.indexOf("partial")).toBeGreaterThan(kinds.lastIndexOf("full"));
    });

    it("읽기 전용 복제본: the RDS topic on read replicas comes first, and the RDS alias does not return every RDS passage", async () => {
      const result = await search("읽기 전용 복제본");
      console.log(`읽기 전용 복제본 → first '${result.topics[0]?.headingPath.join(" › ")}', ${result.total} hits (${result.topics.length} topics)`);
      expect(result.topics[0]?.headingPath.at(-1)).toBe("RDS");
      expect(text(result.topics[0]!.snippet)).toMatch(/읽기 전용 복제본|read replica/i);
      expect(result.facts[0]?.valueText).toBe("15개"); // Aurora's read replicas
      // Full matches all say "읽기 전용 복제본" (or read replica); mere RDS mentions are few, related, last.
      for (const hit of result.topics.filter((t) => t.match === "full")) expect(text(hit.snippet)).toMatch(/복제본|replica/i);
      const related = result.topics.filter((t) => t.match === "related");
      expect(related.length).toBeLessThanOrEqual(10);
      expect(result.topics.length).toBeLessThanOrEqual(15);
      expect(result.total).toBeLessThanOrEqual(40);
    });

    it("a question is found by a phrase of its stem, without its answer", async () => {
      const question = await database.db.question.findFirstOrThrow({ where: { id: "scaling-asg-cooldown-default", archivedAt: null }, select: { id: true, stem: true } });
      const phrase = "단순 조정 정책 하나를 만들었고";
      expect(question.stem).toContain(phrase);
      const result = await search(phrase);
      const rank = result.questions.findIndex((hit) => hit.questionId === question.id);
      console.log(`'${phrase}' → question ${question.id} rank ${rank + 1}`);
      expect(rank).toBe(0);
      expect(result.questions[0]!.match).toBe("full");
      expect(text(result.questions[0]!.stem)).toContain("단순 조정 정책");
      // Only the stem and option texts: no keys, correct answers or explanations.
      expect(Object.keys(result.questions[0]!).sort()).toEqual(["bankTitle", "domainLabel", "match", "options", "questionId", "score", "stem"]);
      // Any question of the banks: a run of words from the middle of its stem finds it first or nearly.
      const others = await database.db.question.findMany({ where: { archivedAt: null, origin: "curated", type: { in: ["single", "multiple"] } }, orderBy: { id: "asc" }, take: 5, select: { id: true, stem: true } });
      for (const other of others) {
        const words = other.stem.split(/\s+/);
        const middle = words.slice(Math.floor(words.length / 3), Math.floor(words.length / 3) + 4).join(" ");
        const found = await search(middle);
        expect(found.questions.slice(0, 3).map((hit) => hit.questionId), middle).toContain(other.id);
      }
      // A cloze question's blanks are its answers: never matched, never shown.
      const cloze = await database.db.question.findFirstOrThrow({ where: { archivedAt: null, type: "cloze" }, orderBy: { id: "asc" }, select: { id: true, stem: true } });
      const answer = /\{\{([^{}]+)\}\}/.exec(cloze.stem)![1]!;
      for (const hit of (await search(answer)).questions) expect(text(hit.stem)).not.toContain("{{");
    });

    it("a fact the lint flags shows its flag and the AWS value beside it", async () => {
      const result = await search("보안 그룹 변경");
      const fact = result.facts.find((hit) => hit.valueText.includes("변경 불가"));
      expect(fact).toBeDefined();
      expect(fact!.lint).toEqual([
        { kind: "reference", message: expect.stringContaining("AWS 문서"), aws: { text: "실행 중인 인스턴스의 보안 그룹은 언제든 추가·교체할 수 있다", url: expect.stringContaining("docs.aws.amazon.com"), asOf: "2026-11" } },
      ]);
      // A fact the note has right carries no flag.
      const timeout = (await search("람다 타임아웃")).facts.find((hit) => hit.valueText === "15분");
      expect(timeout?.lint).toEqual([]);
    });

    it("returns the same order as the other database", async () => {
      const orders = [];
      for (const q of ACCEPTANCE_QUERIES) orders.push(order(await search(q)));
      const other = [...ordersByProvider.values()][0];
      if (other) expect(orders).toEqual(other);
      ordersByProvider.set(provider, orders);
    });

    it("a topic in the middle of the tree opens, with neighbours in its note's line order", async () => {
      const order = flattenTree(await fetchTopicTree(database.db));
      expect(order.length).toBeGreaterThan(100);
      const middle = order[Math.floor(order.length / 2)]!;
      const page = await fetchTopicPage(database.db, middle.slug);
      expect(page?.sources.length).toBeGreaterThan(0);
      const here = page!.sources[0]!;
      // tests/integration/study-reading.test.ts checks the reading order itself.
      for (const [link, before] of [[page!.previous, true], [page!.next, false]] as const) {
        if (!link || link.noteTitle !== null) continue;
        const neighbour = (await fetchTopicPage(database.db, link.slug))!.sources.find((s) => s.notePath === here.notePath)!;
        expect(before ? neighbour.line <= here.line : neighbour.line >= here.line).toBe(true);
      }
    });
  });
}
