// Card."domain", "topicKey" and "questionArchived" are copies of the question's, kept by
// database triggers (migration progress_card_facets) and read by the dashboard's fast path.
// They must follow every change the sync, an import or an archive makes, and the fast path must
// give the same sums as the join it replaces.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgettingCurveOf } from "@/lib/core/progress/mastery";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { aggregateCardsByTopicDomain, aggregateTopicCardsByDomain, type CardWindow } from "@/lib/server/progress/queries";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedExamQuestions, type SeededExamQuestion } from "./exam-seed";

const DAY = 86_400_000;
const now = new Date("2026-03-10T01:00:00Z");
const window: CardWindow = {
  learnerId: DEFAULT_LEARNER_ID,
  now,
  todayEnd: new Date(now.getTime() + DAY),
  weekEnd: new Date(now.getTime() + 7 * DAY),
  examAt: new Date(now.getTime() + 30 * DAY),
  curve: forgettingCurveOf(null),
};

function cardData(questionId: string, index: number) {
  const seen = index % 3 !== 0;
  return {
    id: `${DEFAULT_LEARNER_ID}:${questionId}`,
    learnerId: DEFAULT_LEARNER_ID,
    questionId,
    due: new Date(now.getTime() + (index % 9) * DAY - DAY),
    stability: seen ? 2 + index : 0,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 0,
    learningSteps: 0,
    reps: seen ? 2 : 0,
    lapses: 0,
    state: seen ? 2 : 0,
    lastReview: seen ? new Date(now.getTime() - (index % 5) * DAY) : null,
    suspended: index % 11 === 5,
    leech: index % 7 === 3,
  };
}

for (const provider of testProviders()) {
  describe(`card facets on ${provider}`, () => {
    let test: TestDatabase;
    let questions: SeededExamQuestion[];
    const facets = async (questionId: string) =>
      test.db.card.findUniqueOrThrow({ where: { id: `${DEFAULT_LEARNER_ID}:${questionId}` }, select: { domain: true, topicKey: true, questionArchived: true } });

    beforeAll(async () => {
      test = await createTestDatabase(provider);
      questions = await seedExamQuestions(test.db, { count: 40 });
      await test.db.questionTopic.deleteMany({ where: { questionId: questions[1]!.id } });
      await test.db.question.update({ where: { id: questions[2]!.id }, data: { archivedAt: new Date(now.getTime() - DAY) } });
      for (const [index, question] of questions.entries()) await test.db.card.create({ data: cardData(question.id, index) });
    });
    afterAll(async () => {
      await test?.cleanup();
    });

    it("fills the copies when a card is created, one at a time or in a batch", async () => {
      const first = questions[0]!;
      const link = await test.db.questionTopic.findMany({ where: { questionId: first.id } });
      expect(await facets(first.id)).toEqual({ domain: first.domain, topicKey: link[0]!.topicKey, questionArchived: false });
      expect(await facets(questions[1]!.id)).toEqual({ domain: questions[1]!.domain, topicKey: null, questionArchived: false });
      expect((await facets(questions[2]!.id)).questionArchived).toBe(true);

      const id = questions[3]!.id;
      await test.db.card.delete({ where: { id: `${DEFAULT_LEARNER_ID}:${id}` } });
      // a restored backup row carrying wrong copies is corrected on the way in
      await test.db.card.createMany({ data: [{ ...cardData(id, 3), domain: "cost", topicKey: "zzz", questionArchived: true }] });
      expect(await facets(id)).toEqual({ domain: questions[3]!.domain, topicKey: (await test.db.questionTopic.findFirstOrThrow({ where: { questionId: id } })).topicKey, questionArchived: false });
    });

    it("follows a question's domain, archive and topic links", async () => {
      const question = questions[4]!;
      const other = question.domain === "cost" ? "secure" : "cost";
      await test.db.question.update({ where: { id: question.id }, data: { domain: other } });
      expect((await facets(question.id)).domain).toBe(other);

      await test.db.question.update({ where: { id: question.id }, data: { archivedAt: now } });
      expect((await facets(question.id)).questionArchived).toBe(true);
      await test.db.question.update({ where: { id: question.id }, data: { archivedAt: null } });
      expect((await facets(question.id)).questionArchived).toBe(false);

      // a second topic that sorts first becomes the card's topic; removing it restores the old one
      const before = (await facets(question.id)).topicKey;
      await test.db.questionTopic.create({ data: { questionId: question.id, topicKey: "aaa-first" } });
      expect((await facets(question.id)).topicKey).toBe("aaa-first");
      await test.db.questionTopic.updateMany({ where: { questionId: question.id, topicKey: "aaa-first" }, data: { topicKey: "aab-renamed" } });
      expect((await facets(question.id)).topicKey).toBe("aab-renamed");
      await test.db.questionTopic.deleteMany({ where: { questionId: question.id, topicKey: "aab-renamed" } });
      expect((await facets(question.id)).topicKey).toBe(before);
      await test.db.questionTopic.deleteMany({ where: { questionId: question.id } });
      expect((await facets(question.id)).topicKey).toBeNull();
      await test.db.questionTopic.create({ data: { questionId: question.id, topicKey: before! } });
      expect((await facets(question.id)).topicKey).toBe(before);

      // a write to a copy itself (a hand edit, a buggy import) is put right at once
      await test.db.card.update({ where: { id: `${DEFAULT_LEARNER_ID}:${question.id}` }, data: { domain: "bogus", questionArchived: true, topicKey: "bogus" } });
      expect(await facets(question.id)).toEqual({ domain: other, topicKey: before, questionArchived: false });
    });

    it("gives the same sums from the copies as from the join", async () => {
      const sort = <T extends { topicKey: string | null; domain: string }>(rows: T[]) =>
        [...rows].sort((a, b) => `${a.topicKey}|${a.domain}`.localeCompare(`${b.topicKey}|${b.domain}`));
      const joined = sort(await aggregateCardsByTopicDomain(test.db, window, false));
      const copied = sort(await aggregateCardsByTopicDomain(test.db, window, true));
      expect(joined.length).toBeGreaterThan(6);
      expect(copied.length).toBe(joined.length);
      for (const [index, row] of joined.entries()) {
        const other = copied[index]!;
        expect({ ...other, retrievabilitySum: 0, forecastSum: 0 }).toEqual({ ...row, retrievabilitySum: 0, forecastSum: 0 });
        expect(other.retrievabilitySum).toBeCloseTo(row.retrievabilitySum, 9);
        expect(other.forecastSum).toBeCloseTo(row.forecastSum, 9);
        expect(row.forecastSum).toBeGreaterThanOrEqual(0);
      }
      // suspended cards and archived questions count nowhere
      const total = joined.reduce((sum, row) => sum + row.cards, 0);
      const active = await test.db.card.count({ where: { suspended: false, question: { archivedAt: null } } });
      expect(total).toBe(active);

      const bounds = [1, 3, 7].map((days) => new Date(now.getTime() + days * DAY));
      const topic = joined.find((row) => row.topicKey !== null)!.topicKey!;
      const joinedTopic = sort(await aggregateTopicCardsByDomain(test.db, window, topic, bounds, false));
      const copiedTopic = sort(await aggregateTopicCardsByDomain(test.db, window, topic, bounds, true));
      expect(joinedTopic.length).toBeGreaterThan(0);
      expect(copiedTopic.map((row) => [row.domain, row.cards, row.seen, row.leeches, row.dueBefore])).toEqual(joinedTopic.map((row) => [row.domain, row.cards, row.seen, row.leeches, row.dueBefore]));
    });
  });
}
