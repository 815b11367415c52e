// Review against real databases (SQLite file and PostgreSQL): answering is one transaction with
// a version check, undo restores exactly, archived questions leave the queue, settings validate.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { answerInputSchema, parseInput } from "@/lib/core/srs/inputs";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import {
  answerCard,
  buildTodayQueue,
  checkAnswer,
  fetchCramSession,
  fetchReviewSession,
  listLeeches,
  NO_SCOPE,
  saveSettings,
  suspendArchivedQuestionCards,
  undoAnswer,
} from "@/lib/server/review";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedReviewQuestions, type SeededQuestion } from "./review-seed";

const learnerId = DEFAULT_LEARNER_ID;
// 2026-03-10 10:00 KST, well inside one study day.
const t0 = new Date("2026-03-10T01:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const context = (now: Date, scope = NO_SCOPE) => ({ learnerId, scope, now });

for (const provider of testProviders()) {
  describe(`review on ${provider}`, () => {
    let test: TestDatabase;
    let questions: SeededQuestion[];

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
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 20, desiredRetention: 0.9, leechThreshold: 8, fsrsParameters: null } });
      questions = await seedReviewQuestions(test.db, 24);
    });

    const correctFor = (questionId: string) => questions.find((question) => question.id === questionId)?.correct ?? [];

    async function answerHead(now: Date, rating: 1 | 2 | 3 | 4 = 3) {
      const session = await fetchReviewSession(test.db, context(now));
      const card = session.card;
      if (!card) throw new Error("no card");
      const selected = card.selectCount > 0 ? correctFor(card.questionId) : [];
      const result = await answerCard(test.db, { learnerId, now, input: parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating, selected, durationMs: 5_000 }) });
      return { card, result };
    }

    it("starts with new cards up to the daily limit, interleaved across topics, without answers", async () => {
      const session = await fetchReviewSession(test.db, context(t0));
      expect(session.counts).toEqual({ new: 20, learning: 0, review: 0 });
      expect(await test.db.card.count()).toBe(24);
      const { queue } = await buildTodayQueue(test.db, context(t0));
      const topics = queue.items.slice(0, 5).map((item) => item.topicKey);
      expect(new Set(topics).size).toBe(5);
      const card = session.card;
      expect(card).not.toBeNull();
      expect(JSON.stringify(card)).not.toMatch(/정답|오답|"correct"|900초/);
    });

    it("grades on the server, proposes a rating and shows every interval", async () => {
      const session = await fetchReviewSession(test.db, context(t0));
      const card = session.card!;
      expect(card.type).toBe("single");
      const wrong = await checkAnswer(test.db, { learnerId, now: t0, input: { cardId: card.cardId, selected: ["A"], durationMs: 3_000 } });
      expect(wrong.correct).toBe(false);
      expect(wrong.proposedRating).toBe(1);
      expect(wrong.options.find((option) => option.key === "B")).toMatchObject({ correct: true, explanation: "정답: B 설명" });
      const quick = await checkAnswer(test.db, { learnerId, now: t0, input: { cardId: card.cardId, selected: ["B"], durationMs: 3_000 } });
      expect(quick).toMatchObject({ correct: true, proposedRating: 4 });
      expect(quick.intervals).toEqual({ 1: "1분", 2: "6분", 3: "10분", 4: expect.stringMatching(/일$/) });
      const slow = await checkAnswer(test.db, { learnerId, now: t0, input: { cardId: card.cardId, selected: ["B"], durationMs: 60_000 } });
      expect(slow.proposedRating).toBe(3);
      expect(await test.db.reviewLog.count()).toBe(0);
    });

    it("answers in one transaction and resumes after a reload with the same next card", async () => {
      const { queue } = await buildTodayQueue(test.db, context(t0));
      const expectedOrder = queue.items.map((item) => item.cardId);
      const seen: string[] = [];
      for (let step = 0; step < 6; step += 1) {
        const now = at(step);
        const { card, result } = await answerHead(now);
        seen.push(card.cardId);
        // The next card from the answer equals the head of a fresh page load (a reload).
        const reloaded = await fetchReviewSession(test.db, context(now));
        expect(reloaded.card?.cardId).toBe(result.session.card?.cardId);
        expect(reloaded.counts).toEqual(result.session.counts);
        expect(reloaded.undoLogId).toBe(result.logId);
      }
      expect(seen).toEqual(expectedOrder.slice(0, 6));
      expect(await test.db.reviewLog.count()).toBe(6);
      const log = await test.db.reviewLog.findFirst({ where: { cardId: seen[0] } });
      expect(log).toMatchObject({ rating: 3, correct: true, cardVersion: 1, durationMs: 5_000 });
    });

    it("rejects a double submission and writes no second log", async () => {
      const session = await fetchReviewSession(test.db, context(t0));
      const card = session.card!;
      const input = parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating: 3, selected: correctFor(card.questionId), durationMs: 4_000 });
      await answerCard(test.db, { learnerId, now: t0, input });
      await expect(answerCard(test.db, { learnerId, now: at(0.1), input })).rejects.toBeInstanceOf(ConflictError);
      expect(await test.db.reviewLog.count({ where: { cardId: card.cardId } })).toBe(1);
      expect((await test.db.card.findUnique({ where: { id: card.cardId } }))?.version).toBe(1);
    });

    it("accepts exactly one of two simultaneous submissions (double click)", async () => {
      const card = (await fetchReviewSession(test.db, context(t0))).card!;
      const input = parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating: 4, selected: correctFor(card.questionId), durationMs: 1_000 });
      const outcomes = await Promise.allSettled([answerCard(test.db, { learnerId, now: t0, input }), answerCard(test.db, { learnerId, now: t0, input: { ...input, rating: 1 } })]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.find((outcome) => outcome.status === "rejected");
      expect(rejected && rejected.status === "rejected" ? rejected.reason : null).toBeInstanceOf(ConflictError);
      expect(await test.db.reviewLog.count({ where: { cardId: card.cardId } })).toBe(1);
    });

    it("rejects the second of two tabs showing the same card", async () => {
      const tabA = await fetchReviewSession(test.db, context(t0));
      const tabB = await fetchReviewSession(test.db, context(t0));
      expect(tabB.card?.cardId).toBe(tabA.card?.cardId);
      const card = tabA.card!;
      const selected = correctFor(card.questionId);
      await answerCard(test.db, { learnerId, now: at(1), input: parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating: 3, selected, durationMs: 2_000 }) });
      const stale = answerCard(test.db, { learnerId, now: at(2), input: parseInput(answerInputSchema, { cardId: card.cardId, version: tabB.card!.version, rating: 1, selected, durationMs: 2_000 }) });
      await expect(stale).rejects.toThrow(/이미 답이 기록되었습니다/);
      const row = await test.db.card.findUnique({ where: { id: card.cardId } });
      expect(row?.version).toBe(1);
      expect(await test.db.reviewLog.count()).toBe(1);
      // Tab B reloads and continues with the next card.
      expect((await fetchReviewSession(test.db, context(at(2)))).card?.cardId).not.toBe(card.cardId);
    });

    it("undo restores the card exactly and removes its log; a second undo is refused", async () => {
      const first = await answerHead(t0);
      const before = await test.db.card.findUniqueOrThrow({ where: { id: (await fetchReviewSession(test.db, context(at(1)))).card!.cardId } });
      const second = await answerHead(at(1), 1);
      expect(second.card.cardId).toBe(before.id);
      const undone = await undoAnswer(test.db, { learnerId, now: at(2), input: { logId: second.result.logId } });
      const after = await test.db.card.findUniqueOrThrow({ where: { id: before.id } });
      const { version: versionBefore, ...restBefore } = before;
      const { version: versionAfter, ...restAfter } = after;
      expect(restAfter).toEqual(restBefore);
      expect(versionAfter).toBe(versionBefore + 2);
      expect(await test.db.reviewLog.findUnique({ where: { id: second.result.logId } })).toBeNull();
      // The restored card is shown again, with its new version; U next undoes the answer before.
      expect(undone.session.card).toMatchObject({ cardId: before.id, version: versionAfter });
      expect(undone.session.undoLogId).toBe(first.result.logId);
      await expect(undoAnswer(test.db, { learnerId, now: at(3), input: { logId: second.result.logId } })).rejects.toBeInstanceOf(ConflictError);
      // The tab still holding the pre-undo version cannot answer twice.
      const replay = parseInput(answerInputSchema, { cardId: before.id, version: versionBefore, rating: 3, selected: correctFor(before.questionId), durationMs: 1 });
      await expect(answerCard(test.db, { learnerId, now: at(3), input: replay })).rejects.toBeInstanceOf(ConflictError);
    });

    it("refuses to undo an answer once the card was answered again", async () => {
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 1 } });
      const first = await answerHead(t0, 1); // Again: due again in one minute
      const again = await answerHead(at(2), 3);
      expect(again.card.cardId).toBe(first.card.cardId);
      await expect(undoAnswer(test.db, { learnerId, now: at(3), input: { logId: first.result.logId } })).rejects.toThrow(/다시 답해서/);
      expect(await test.db.reviewLog.count()).toBe(2);
    });

    it("suspends cards of archived questions, keeps their history and resumes them when restored", async () => {
      const { card } = await answerHead(t0);
      await test.db.question.update({ where: { id: card.questionId }, data: { archivedAt: at(1) } });
      expect(await suspendArchivedQuestionCards(test.db)).toEqual({ suspended: 1, resumed: 0 });
      const row = await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } });
      expect(row.suspended).toBe(true);
      expect(await test.db.reviewLog.count({ where: { cardId: card.cardId } })).toBe(1);
      const later = new Date(t0.getTime() + 3 * 86_400_000);
      const { queue } = await buildTodayQueue(test.db, context(later));
      expect(queue.items.map((item) => item.cardId)).not.toContain(card.cardId);
      await expect(
        answerCard(test.db, { learnerId, now: later, input: parseInput(answerInputSchema, { cardId: card.cardId, version: row.version, rating: 3, selected: correctFor(card.questionId), durationMs: 1 }) }),
      ).rejects.toThrow(/보관/);
      // Guarded in the queue even before the sync runs.
      const other = questions.find((question) => question.id !== card.questionId)!;
      await test.db.question.update({ where: { id: other.id }, data: { archivedAt: at(1) } });
      const guarded = await buildTodayQueue(test.db, context(later));
      expect(guarded.queue.items.map((item) => item.questionId)).not.toContain(other.id);
      await test.db.question.updateMany({ data: { archivedAt: null } });
      expect(await suspendArchivedQuestionCards(test.db)).toEqual({ suspended: 0, resumed: 1 });
    });

    it("counts the daily new limit from cards first reviewed since the day start", async () => {
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 2 } });
      await answerHead(t0);
      const { result } = await answerHead(at(1));
      expect(result.session.counts).toEqual({ new: 0, learning: 0, review: 0 });
      // Nothing is due: the first learning step (10 minutes) is shown early, as Anki's learn-ahead.
      expect(result.session.card?.kind).toBe("learning");
      const afterLearnAhead = await fetchReviewSession(test.db, context(at(1)));
      expect(afterLearnAhead.card?.kind).toBe("learning");
      // Next study day (after 04:00 KST) the limit is fresh again.
      const tomorrow = new Date("2026-03-10T19:30:00Z");
      expect((await fetchReviewSession(test.db, context(tomorrow))).counts.new).toBe(2);
    });

    it("scopes a session to a topic or a domain", async () => {
      const session = await fetchReviewSession(test.db, context(t0, { topic: "lambda", domain: null }));
      expect(session.counts.new).toBe(questions.filter((question) => question.topic === "lambda").length);
      expect(session.card?.topics.map((topic) => topic.key)).toEqual(["lambda"]);
      const secure = await fetchReviewSession(test.db, context(t0, { topic: null, domain: "secure" }));
      expect(secure.counts.new).toBe(6);
    });

    it("crams without touching the schedule", async () => {
      await answerHead(t0);
      const before = await test.db.card.findMany({ orderBy: { id: "asc" } });
      const cram = await fetchCramSession(test.db, context(at(5)));
      expect(cram.cards.length).toBe(24);
      await checkAnswer(test.db, { learnerId, now: at(5), input: { cardId: cram.cards[0]!.cardId, selected: cram.cards[0]!.selectCount ? ["A", "B"].slice(0, cram.cards[0]!.selectCount) : [], durationMs: 1 } });
      expect(await test.db.card.findMany({ orderBy: { id: "asc" } })).toEqual(before);
      expect(await test.db.reviewLog.count()).toBe(1);
    });

    it("gives clear errors for unknown cards and bad ratings", async () => {
      await expect(
        answerCard(test.db, { learnerId, now: t0, input: parseInput(answerInputSchema, { cardId: "nope", version: 0, rating: 3, selected: [], durationMs: 1 }) }),
      ).rejects.toThrow(new NotFoundError('카드 "nope" 를 찾을 수 없습니다.'));
      expect(() => parseInput(answerInputSchema, { cardId: "x", version: 0, rating: 9 })).toThrow(ValidationError);
      const card = (await fetchReviewSession(test.db, context(t0))).card!;
      await expect(
        answerCard(test.db, { learnerId, now: t0, input: parseInput(answerInputSchema, { cardId: card.cardId, version: 0, rating: 3, selected: ["Z"], durationMs: 1 }) }),
      ).rejects.toThrow(/"Z"/);
      expect(await test.db.reviewLog.count()).toBe(0);
    });

    it("marks a leech after the configured number of lapses", async () => {
      await test.db.learnerSettings.update({ where: { learnerId }, data: { leechThreshold: 2, dailyNewLimit: 1 } });
      let now = t0;
      let cardId = "";
      for (let step = 0; step < 30; step += 1) {
        const session = await fetchReviewSession(test.db, context(now));
        const card = session.card;
        if (!card) {
          now = new Date(now.getTime() + 86_400_000);
          continue;
        }
        cardId = card.cardId;
        const row = await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } });
        const rating = row.state === 2 ? 1 : 3;
        const result = await answerCard(test.db, {
          learnerId,
          now,
          input: parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating, selected: card.selectCount ? correctFor(card.questionId) : [], durationMs: 1 }),
        });
        if (result.becameLeech) break;
        now = new Date(Math.max(now.getTime() + 60_000, (await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } })).due.getTime()));
      }
      const { leeches } = await listLeeches(test.db, learnerId);
      expect(leeches.map((leech) => leech.cardId)).toEqual([cardId]);
      expect(leeches[0]).toMatchObject({ lapses: 2 });
      expect(leeches[0]?.topics[0]?.href).toMatch(/^\/topics/);
    });

    it("validates settings with Korean field errors and saves valid ones", async () => {
      const bad = await saveSettings(test.db, learnerId, { desiredRetention: "0.99", dailyNewLimit: "-1", maximumIntervalDays: "36500", dayStartHour: "4", timeZone: "Asia/Seoul", leechThreshold: "8", optimizeMinReviews: "400" });
      expect(bad).toEqual({ ok: false, fieldErrors: { desiredRetention: "목표 기억 유지율: 0.97 이하여야 합니다.", dailyNewLimit: "하루 새 카드 수: 0장 이상이어야 합니다." } });
      expect((await test.db.learnerSettings.findUniqueOrThrow({ where: { learnerId } })).desiredRetention).toBe(0.9);
      const good = await saveSettings(test.db, learnerId, { desiredRetention: "0.85", dailyNewLimit: "5", maximumIntervalDays: "365", dayStartHour: "6", timeZone: "Europe/Berlin", leechThreshold: "6", optimizeMinReviews: "300" });
      expect(good).toEqual({ ok: true });
      expect(await test.db.learnerSettings.findUniqueOrThrow({ where: { learnerId } })).toMatchObject({ desiredRetention: 0.85, dailyNewLimit: 5, maximumIntervalDays: 365, dayStartHour: 6, timeZone: "Europe/Berlin", leechThreshold: 6, optimizeMinReviews: 300 });
      expect((await fetchReviewSession(test.db, context(t0))).counts.new).toBe(5);
    });
  });
}
