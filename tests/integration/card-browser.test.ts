// The card browser against real databases (SQLite and PostgreSQL): every operation is one
// transaction, schedule changes leave a manual review log, undo restores each card exactly and
// is refused once the card changed, and the review queue honours suspension and burial.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { parseCardFilters } from "@/lib/core/srs/card-filters";
import type { CardOperation } from "@/lib/core/srs/card-operations";
import { addQuestionToReview, applyCardOperation, listCards, undoCardOperation } from "@/lib/server/card-browser";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { answerCard, buildTodayQueue, ensureCards, fetchCramSession, fetchReviewSession, NO_SCOPE } from "@/lib/server/review";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedReviewQuestions, type SeededQuestion } from "./review-seed";

const learnerId = DEFAULT_LEARNER_ID;
// 2026-03-10 10:00 KST; the learner's next day starts 2026-03-11 04:00 KST = 03-10 19:00 UTC.
const t0 = new Date("2026-03-10T01:00:00Z");
const nextDayStart = new Date("2026-03-10T19:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

/** Every column but the version (undo increases it so a stale tab cannot act twice). */
async function cardState(test: TestDatabase, cardId: string) {
  const { version, ...rest } = await test.db.card.findUniqueOrThrow({ where: { id: cardId } });
  return { rest, version };
}

for (const provider of testProviders()) {
  describe(`card browser on ${provider}`, () => {
    let test: TestDatabase;
    let questions: SeededQuestion[];
    const cardOf = (index: number) => `${learnerId}:${questions[index]!.id}`;

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
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 20, desiredRetention: 0.9, dailyReviewLimit: 200 } });
      questions = await seedReviewQuestions(test.db, 12);
      await ensureCards(test.db, learnerId, t0);
    });

    /** Answers card `index` with Good at `now` (the review screen's write), so it has a history. */
    async function review(index: number, now: Date) {
      const card = await test.db.card.findUniqueOrThrow({ where: { id: cardOf(index) } });
      const question = questions[index]!;
      const selected = question.type === "single" || question.type === "multiple" ? question.correct : [];
      return answerCard(test.db, { learnerId, now, input: { cardId: card.id, version: card.version, rating: 3, selected, durationMs: 5_000, upcoming: [] } });
    }

    const operations: [string, CardOperation, (card: Awaited<ReturnType<typeof cardState>>["rest"]) => void][] = [
      ["suspend", { kind: "suspend" }, (card) => expect(card.suspended).toBe(true)],
      ["bury", { kind: "bury" }, (card) => expect(card.buriedUntil).toEqual(nextDayStart)],
      ["flag", { kind: "flag", flag: 2 }, (card) => expect(card.flag).toBe(2)],
      ["reset", { kind: "reset" }, (card) => expect(card).toMatchObject({ state: 0, reps: 0, lapses: 0, stability: 0, firstReview: null, lastReview: null })],
      ["reschedule", { kind: "reschedule" }, (card) => expect(card.due).toEqual(at(30))],
    ];

    for (const [name, operation, check] of operations) {
      it(`${name}: one transaction, logged when the schedule changes, undone exactly`, async () => {
        await review(0, t0);
        await review(1, t0);
        const before = await Promise.all([cardState(test, cardOf(0)), cardState(test, cardOf(1))]);
        const logsBefore = await test.db.reviewLog.count();
        const result = await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(0), cardOf(1)], operation, now: at(30) });
        expect(result).toMatchObject({ changed: 2, selected: 2 });
        for (const index of [0, 1]) {
          const after = await cardState(test, cardOf(index));
          check(after.rest);
          expect(after.version).toBe(before[index]!.version + 1);
        }
        const schedule = name === "reset" || name === "reschedule";
        const manual = await test.db.reviewLog.findMany({ where: { origin: "browser" } });
        expect(await test.db.reviewLog.count()).toBe(logsBefore + (schedule ? 2 : 0));
        if (schedule) expect(manual.every((log) => log.rating === 0 && log.review.getTime() === at(30).getTime())).toBe(true);

        const undone = await undoCardOperation(test.db, { learnerId, token: result.undoToken! });
        expect(undone.restored).toBe(2);
        for (const index of [0, 1]) {
          const restored = await cardState(test, cardOf(index));
          expect(restored.rest).toEqual(before[index]!.rest);
          expect(restored.version).toBe(before[index]!.version + 2);
        }
        expect(await test.db.reviewLog.count({ where: { origin: "browser" } })).toBe(0);
        // The token is spent: the cards moved on, so a second undo is refused and writes nothing.
        await expect(undoCardOperation(test.db, { learnerId, token: result.undoToken! })).rejects.toBeInstanceOf(ConflictError);
        expect((await cardState(test, cardOf(0))).rest).toEqual(before[0]!.rest);
      });
    }

    it("unsuspend and unbury are undoable too, and leave cards already in that state alone", async () => {
      const suspended = await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(2)], operation: { kind: "suspend" }, now: t0 });
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(2)], operation: { kind: "bury" }, now: t0 });
      const before = await cardState(test, cardOf(2));
      const unsuspend = await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(2), cardOf(3)], operation: { kind: "unsuspend" }, now: t0 });
      expect(unsuspend).toMatchObject({ changed: 1, selected: 2 });
      const afterUnsuspend = await cardState(test, cardOf(2));
      const unbury = await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(2)], operation: { kind: "unbury" }, now: t0 });
      expect((await cardState(test, cardOf(2))).rest).toMatchObject({ suspended: false, buriedUntil: null });
      // Only the latest change can be undone: undoing it moves the version on, so an earlier
      // token is refused (the page offers the latest one only).
      await undoCardOperation(test.db, { learnerId, token: unbury.undoToken! });
      expect((await cardState(test, cardOf(2))).rest).toEqual(afterUnsuspend.rest);
      await expect(undoCardOperation(test.db, { learnerId, token: unsuspend.undoToken! })).rejects.toBeInstanceOf(ConflictError);
      const again = await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(2)], operation: { kind: "suspend" }, now: t0 });
      expect((await cardState(test, cardOf(2))).rest).toEqual(before.rest);
      await undoCardOperation(test.db, { learnerId, token: again.undoToken! });
      expect((await cardState(test, cardOf(2))).rest).toEqual(afterUnsuspend.rest);
      expect(suspended.undoToken).not.toBeNull();
      const nothing = await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(3)], operation: { kind: "unsuspend" }, now: t0 });
      expect(nothing).toMatchObject({ changed: 0, undoToken: null });
    });

    it("refuses an undo once a card was answered since, and an operation on a card that is not the learner's", async () => {
      await review(0, t0);
      const result = await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(0)], operation: { kind: "reschedule" }, now: at(30) });
      await review(0, at(31));
      const before = await cardState(test, cardOf(0));
      await expect(undoCardOperation(test.db, { learnerId, token: result.undoToken! })).rejects.toThrow(/그 뒤에 바뀐 카드가 있어/);
      expect(await cardState(test, cardOf(0))).toEqual(before);
      expect(await test.db.reviewLog.count({ where: { origin: "browser" } })).toBe(1);
      await expect(applyCardOperation(test.db, { learnerId, cardIds: ["someone:else"], operation: { kind: "suspend" }, now: t0 })).rejects.toBeInstanceOf(NotFoundError);
      await expect(applyCardOperation(test.db, { learnerId, cardIds: [], operation: { kind: "suspend" }, now: t0 })).rejects.toBeInstanceOf(ValidationError);
      await expect(undoCardOperation(test.db, { learnerId, token: "{" })).rejects.toBeInstanceOf(ValidationError);
    });

    it("the review queue never shows a suspended or buried card; the review screen's U does not undo browser changes", async () => {
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(0)], operation: { kind: "suspend" }, now: t0 });
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(1)], operation: { kind: "bury" }, now: t0 });
      const { queue } = await buildTodayQueue(test.db, { learnerId, scope: NO_SCOPE, now: t0 });
      const ids = queue.items.map((item) => item.cardId);
      expect(ids).toHaveLength(10);
      expect(ids).not.toContain(cardOf(0));
      expect(ids).not.toContain(cardOf(1));
      const cram = await fetchCramSession(test.db, { learnerId, scope: NO_SCOPE, now: t0 });
      expect(cram.cards.map((card) => card.cardId)).not.toContain(cardOf(1));
      // The next learner day: the burial has ended, the suspension has not.
      const tomorrow = await buildTodayQueue(test.db, { learnerId, scope: NO_SCOPE, now: new Date(nextDayStart.getTime() + 60_000) });
      expect(tomorrow.queue.items.map((item) => item.cardId)).toContain(cardOf(1));
      expect(tomorrow.queue.items.map((item) => item.cardId)).not.toContain(cardOf(0));
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(2)], operation: { kind: "reset" }, now: t0 });
      expect((await fetchReviewSession(test.db, { learnerId, scope: NO_SCOPE, now: t0 })).undoLogId).toBeNull();
    });

    it("reschedule to today brings a review card due later into today's queue", async () => {
      await review(0, t0);
      await review(0, at(11));
      const card = await test.db.card.findUniqueOrThrow({ where: { id: cardOf(0) } });
      expect(card.state).toBe(2);
      expect(card.due.getTime()).toBeGreaterThan(nextDayStart.getTime());
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(0)], operation: { kind: "reschedule" }, now: at(30) });
      const { queue } = await buildTodayQueue(test.db, { learnerId, scope: NO_SCOPE, now: at(31) });
      expect(queue.items.find((item) => item.cardId === cardOf(0))?.kind).toBe("review");
    });

    it("searches stems and filters by state, due, lapses, topic, origin, flag and status, a page at a time", async () => {
      await review(0, t0);
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(1)], operation: { kind: "flag", flag: 4 }, now: t0 });
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(2)], operation: { kind: "suspend" }, now: t0 });
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(3)], operation: { kind: "bury" }, now: t0 });
      const list = (params: Record<string, string>) => listCards(test.db, { learnerId, filters: parseCardFilters(params).filters, now: at(1) });
      expect((await list({})).total).toBe(12);
      expect((await list({ q: "문제 3:" })).cards.map((card) => card.questionId)).toEqual([questions[3]!.id]);
      // ASCII case does not matter on either database.
      expect((await list({ q: "LAMBDA 동기" })).total).toBe((await list({ q: "Lambda 동기" })).total);
      expect((await list({ state: "learning" })).cards.map((card) => card.cardId)).toEqual([cardOf(0)]);
      expect((await list({ state: "new" })).total).toBe(11);
      expect((await list({ due: "today" })).cards.map((card) => card.cardId)).toEqual([cardOf(0)]);
      expect((await list({ lapses: "1" })).total).toBe(0);
      expect((await list({ topic: questions[0]!.topic })).cards.every((card) => card.topics.includes(questions[0]!.topic))).toBe(true);
      expect((await list({ origin: "imported" })).total).toBe(0);
      expect((await list({ flag: "4" })).cards.map((card) => card.cardId)).toEqual([cardOf(1)]);
      expect((await list({ status: "suspended" })).cards.map((card) => card.cardId)).toEqual([cardOf(2)]);
      expect((await list({ status: "buried" })).cards).toMatchObject([{ cardId: cardOf(3), buried: true }]);
      expect((await list({ status: "active" })).total).toBe(10);
      const page = await list({ page: "9" });
      expect(page).toMatchObject({ page: 1, pageCount: 1 });
    });

    it("복습에 추가 unsuspends and unburies the card and makes a new card due now", async () => {
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(4)], operation: { kind: "suspend" }, now: t0 });
      await applyCardOperation(test.db, { learnerId, cardIds: [cardOf(4)], operation: { kind: "bury" }, now: t0 });
      const added = await addQuestionToReview(test.db, { learnerId, questionId: questions[4]!.id, now: at(5) });
      expect(added.cardId).toBe(cardOf(4));
      expect((await cardState(test, cardOf(4))).rest).toMatchObject({ suspended: false, buriedUntil: null, due: at(5), state: 0 });
      await expect(addQuestionToReview(test.db, { learnerId, questionId: "missing", now: t0 })).rejects.toBeInstanceOf(NotFoundError);
    });
  });
}
