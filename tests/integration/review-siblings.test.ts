// Sibling burying and scopes against real databases: once one question of a generator family
// (or one note fact) was answered today, its siblings leave today's queue and cram until the
// next learner day; an undo lifts the burial. Topic slugs resolve to their service; an unknown
// topic or bank is reported.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { answerCard, buildTodayQueue, ensureCards, fetchCramSession, fetchReviewSession, NO_SCOPE, undoAnswer } from "@/lib/server/review";
import { resolveReviewScope } from "@/lib/server/review/scope";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedReviewQuestions } from "./review-seed";

const learnerId = DEFAULT_LEARNER_ID;
const t0 = new Date("2026-03-10T01:00:00Z");
const nextDay = new Date("2026-03-10T19:01:00Z");
const SIZES = ["512KB", "2MB", "5MB", "8MB"];
const family = SIZES.map((size) => `gen-payload-${size}`);
const fact = ["fact-card-flashcard-lambda-timeout", "fact-card-cloze-lambda-timeout"];

async function seedFamilies(test: TestDatabase) {
  await test.db.questionBank.upsert({ where: { id: "generated-test" }, create: { id: "generated-test", title: "생성 문제", origin: "generated" }, update: {} });
  const base = { bankId: "generated-test", domain: "performant", difficulty: 2, sources: "[]", references: "[]", origin: "generated", contentHash: "h", explanations: "{}", chooseCount: null };
  for (const [index, size] of SIZES.entries()) {
    const id = family[index]!;
    await test.db.question.create({
      data: { id, ...base, type: "single", generator: "limits/api-gateway-payload", factIds: "[]", stem: `모바일 앱이 API Gateway 로 ${size} 를 보냅니다. 어떻게 합니까?`, options: JSON.stringify(["A", "B"].map((key) => ({ key, text: key }))), correct: '["A"]', answer: null },
    });
  }
  await test.db.question.create({ data: { id: fact[0]!, ...base, type: "flashcard", generator: "fact-card/flashcard", factIds: '["lambda-timeout"]', stem: "Lambda 최대 실행 시간은?", options: "[]", correct: "[]", answer: "900초" } });
  await test.db.question.create({ data: { id: fact[1]!, ...base, type: "cloze", generator: "fact-card/cloze", factIds: '["lambda-timeout"]', stem: "Lambda 최대 실행 시간은 {{900초}} 입니다.", options: "[]", correct: "[]", answer: "900초" } });
  for (const id of [...family, ...fact]) await test.db.questionTopic.create({ data: { questionId: id, topicKey: id.startsWith("fact") ? "lambda" : "api-gateway" } });
}

for (const provider of testProviders()) {
  describe(`sibling burying and scopes on ${provider}`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
    });
    afterAll(async () => {
      await test?.cleanup();
    });
    beforeEach(async () => {
      await test.db.reviewLog.deleteMany({});
      await test.db.card.deleteMany({});
      await test.db.questionTopic.deleteMany({});
      await test.db.question.deleteMany({});
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 20, dailyReviewLimit: 200 } });
      await seedReviewQuestions(test.db, 4);
      await seedFamilies(test);
      await ensureCards(test.db, learnerId, t0);
    });

    const queueIds = async (now: Date) => (await buildTodayQueue(test.db, { learnerId, scope: NO_SCOPE, now })).queue.items.map((item) => item.questionId);

    async function answer(questionId: string, now: Date) {
      const card = await test.db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId, questionId } } });
      const question = await test.db.question.findUniqueOrThrow({ where: { id: questionId } });
      const selected = question.type === "single" ? ["A"] : [];
      return answerCard(test.db, { learnerId, now, input: { cardId: card.id, version: card.version, rating: 3, selected, durationMs: 4_000, upcoming: [] } });
    }

    it("shows one card per family before anything is answered, and counts the family once", async () => {
      const ids = await queueIds(t0);
      expect(ids.filter((id) => family.includes(id))).toHaveLength(1);
      expect(ids.filter((id) => fact.includes(id))).toHaveLength(1);
      expect((await fetchReviewSession(test.db, { learnerId, scope: NO_SCOPE, now: t0 })).counts.new).toBe(4 + 1 + 1);
      const cram = await fetchCramSession(test.db, { learnerId, scope: NO_SCOPE, now: t0 });
      expect(cram.cards.filter((card) => family.includes(card.questionId))).toHaveLength(1);
      expect(cram.total).toBe(6);
    });

    it("buries the siblings of an answered question for the rest of the day, not the answered card", async () => {
      await answer(family[1]!, t0);
      await answer(fact[1]!, t0);
      const later = new Date(t0.getTime() + 15 * 60_000);
      const ids = await queueIds(later);
      // The answered cards' learning steps are due again; their siblings are not shown.
      expect(ids).toEqual(expect.arrayContaining([family[1], fact[1]]));
      for (const sibling of [family[0], family[2], family[3], fact[0]]) expect(ids).not.toContain(sibling);
      const cram = await fetchCramSession(test.db, { learnerId, scope: NO_SCOPE, now: later });
      expect(cram.cards.map((card) => card.questionId).filter((id) => family.includes(id) || fact.includes(id)).sort()).toEqual([fact[1], family[1]].sort());
      // The next learner day starts: the family may show again (one of it).
      const tomorrow = await queueIds(nextDay);
      expect(tomorrow.filter((id) => family.includes(id))).toHaveLength(1);
    });

    it("an undo of the answer lifts the burial", async () => {
      const result = await answer(family[0]!, t0);
      expect(await queueIds(t0)).not.toContain(family[1]);
      await undoAnswer(test.db, { learnerId, now: t0, input: { logId: result.logId } });
      expect((await queueIds(t0)).filter((id) => family.includes(id))).toHaveLength(1);
    });

    it("the next card after an answer is never a sibling", async () => {
      const session = await fetchReviewSession(test.db, { learnerId, scope: { topic: "api-gateway", domain: null }, now: t0 });
      expect(family).toContain(session.card?.questionId);
      const card = session.card!;
      const result = await answerCard(test.db, { learnerId, now: t0, input: { cardId: card.cardId, version: card.version, rating: 3, selected: ["A"], durationMs: 4_000, upcoming: family.map((id) => `${learnerId}:${id}`), topic: "api-gateway" } });
      // Nothing else is left in this scope but the answered card's own step (learn ahead).
      expect(result.card?.questionId ?? card.questionId).toBe(card.questionId);
    });

    it("holds review cards to the daily review limit, counting today's review-state answers", async () => {
      const curated = (await test.db.card.findMany({ where: { question: { origin: "curated" } }, orderBy: { id: "asc" } })).slice(0, 4);
      const yesterday = new Date(t0.getTime() - 3 * 86_400_000);
      for (const card of curated) {
        await test.db.card.update({ where: { id: card.id }, data: { state: 2, stability: 3, difficulty: 5, reps: 3, lastReview: yesterday, firstReview: yesterday, due: new Date(t0.getTime() - 60_000) } });
      }
      const reviewCount = async () => (await buildTodayQueue(test.db, { learnerId, scope: NO_SCOPE, now: t0 })).queue.counts.review;
      expect(await reviewCount()).toBe(4);
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyReviewLimit: 3 } });
      expect(await reviewCount()).toBe(3);
      // One review answered today leaves room for two more.
      const answered = curated[0]!;
      const fresh = await test.db.card.findUniqueOrThrow({ where: { id: answered.id }, include: { question: true } });
      const selected = fresh.question.type === "single" || fresh.question.type === "multiple" ? (JSON.parse(fresh.question.correct) as string[]) : [];
      const result = await answerCard(test.db, { learnerId, now: t0, input: { cardId: fresh.id, version: fresh.version, rating: 3, selected, durationMs: 4_000, upcoming: [] } });
      expect(result.logId).toBeTruthy();
      expect(await reviewCount()).toBe(2);
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyReviewLimit: 200 } });
    });

    it("resolves topic slugs to their service and reports unknown topics and banks in Korean", async () => {
      await test.db.topic.deleteMany({});
      await test.db.topic.create({ data: { id: "t1", slug: "lambda-제약사항", title: "Lambda 제약사항", headingPath: "[]", serviceKey: "lambda", categoryKey: "compute", depth: 1, sortOrder: 1, html: "", contentHash: "h" } });
      expect(await resolveReviewScope(test.db, learnerId, { topic: "lambda-제약사항", mode: "review" })).toMatchObject({ ok: true, scope: { topic: "lambda" } });
      expect(await resolveReviewScope(test.db, learnerId, { topic: "lambda", mode: "review" })).toMatchObject({ ok: true, scope: { topic: "lambda" } });
      expect(await resolveReviewScope(test.db, learnerId, { topic: "없는-주제", mode: "review" })).toEqual({ ok: false, message: '주제 "없는-주제" 를 찾을 수 없습니다. 주제 목록에서 골라 주세요.' });
      expect(await resolveReviewScope(test.db, learnerId, { bank: "nope", mode: "review" })).toMatchObject({ ok: false, message: expect.stringContaining('문제 은행 "nope" 를 찾을 수 없습니다') });
      expect(await resolveReviewScope(test.db, learnerId, { origin: "generated", bank: "generated-test", mode: "cram" })).toMatchObject({ ok: true, scope: { origin: "generated", bank: "generated-test" }, label: "출처: 노트에서 생성 · 은행: 생성 문제" });
      const one = await resolveReviewScope(test.db, learnerId, { question: fact[0], mode: "cram" });
      expect(one.ok).toBe(true);
      if (!one.ok) return;
      const cram = await fetchCramSession(test.db, { learnerId, scope: one.scope, now: t0 });
      expect(cram.cards.map((card) => card.questionId)).toEqual([fact[0]]);
      await test.db.topic.deleteMany({});
    });
  });
}
