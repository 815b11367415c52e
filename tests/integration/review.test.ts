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
import { findCardWithQuestion } from "@/lib/server/cards";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { ReviewTab } from "./review-client";
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

    const correctOf = (questionId: string) => questions.find((question) => question.id === questionId)?.correct ?? [];
    const tab = (scope = NO_SCOPE) => new ReviewTab(test.db, learnerId, correctOf, scope);

    it("starts with new cards up to the daily limit, interleaved across topics, without answers", async () => {
      expect(await test.db.card.count()).toBe(0);
      const session = await fetchReviewSession(test.db, context(t0));
      expect(session.counts).toEqual({ new: 20, learning: 0, review: 0 });
      expect(session.upcoming).toHaveLength(19);
      // Card rows are created for every question on the first page load.
      expect(await test.db.card.count()).toBe(24);
      const { queue } = await buildTodayQueue(test.db, context(t0));
      const topics = queue.items.slice(0, 5).map((item) => item.topicKey);
      expect(new Set(topics).size).toBe(5);
      expect(session.card).not.toBeNull();
      expect(JSON.stringify(session)).not.toMatch(/정답|오답|"correct"|900초|6MB/);
    });

    it("reads a card with its question in one query exactly as Prisma's include does", async () => {
      const browser = await tab().load(t0);
      await browser.answer(t0);
      for (const cardId of [browser.card!.cardId, (await test.db.reviewLog.findFirstOrThrow()).cardId]) {
        // (the card's copies of its question's facets are the progress dashboard's, not the reviewer's)
        const viaPrisma = await test.db.card.findUniqueOrThrow({ where: { id: cardId }, omit: { domain: true, topicKey: true, questionArchived: true }, include: { question: { include: { topics: { orderBy: { topicKey: "asc" } } } } } });
        expect(await findCardWithQuestion(test.db, cardId)).toEqual(viaPrisma);
      }
      expect(await findCardWithQuestion(test.db, "missing")).toBeNull();
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
      // A new card answered right, however quickly, proposes Good (Easy would give it days).
      expect(quick).toMatchObject({ correct: true, proposedRating: 3, guessed: false });
      expect(quick.intervals).toEqual({ 1: "1분", 2: "6분", 3: "10분", 4: expect.stringMatching(/일$/) });
      const slow = await checkAnswer(test.db, { learnerId, now: t0, input: { cardId: card.cardId, selected: ["B"], durationMs: 60_000 } });
      expect(slow.proposedRating).toBe(3);
      const guessed = await checkAnswer(test.db, { learnerId, now: t0, input: { cardId: card.cardId, selected: ["B"], durationMs: 3_000, guessed: true } });
      expect(guessed).toMatchObject({ correct: true, proposedRating: 1, guessed: true });
      expect(await test.db.reviewLog.count()).toBe(0);
    });

    it("answers in one transaction and resumes after a reload on the same card with the same counts", async () => {
      const browser = await tab().load(t0);
      const { queue } = await buildTodayQueue(test.db, context(t0));
      const expectedOrder = queue.items.map((item) => item.cardId);
      const seen: string[] = [];
      for (let step = 0; step < 8; step += 1) {
        const now = at(step * 0.5);
        seen.push(browser.card!.cardId);
        const result = await browser.answer(now, step % 3 === 0 ? 4 : 3);
        // A reload in the middle rebuilds the queue from the database: same card, same counts.
        const reloaded = await tab().load(now);
        expect(reloaded.card?.cardId).toBe(result.card?.cardId);
        expect(reloaded.counts).toEqual(browser.counts);
        expect(reloaded.undoLogId).toBe(result.logId);
        expect(reloaded.upcoming.slice(0, 5)).toEqual(browser.upcoming.slice(0, 5));
      }
      expect(seen).toEqual(expectedOrder.slice(0, 8));
      expect(await test.db.reviewLog.count()).toBe(8);
      const log = await test.db.reviewLog.findFirst({ where: { cardId: seen[0] } });
      expect(log).toMatchObject({ rating: 4, correct: true, cardVersion: 1, durationMs: 5_000 });
    });

    it("brings learning steps back when due, before the remaining new cards", async () => {
      const browser = await tab().load(t0);
      const first = browser.card!.cardId;
      await browser.answer(t0, 1); // Again: the step is due in one minute
      expect(browser.counts.learning).toBe(0);
      await browser.answer(at(2), 3);
      expect(browser.card?.cardId).toBe(first);
      expect(browser.card?.kind).toBe("learning");
      expect(browser.counts.learning).toBe(1);
      const reloaded = await tab().load(at(2));
      expect(reloaded.card?.cardId).toBe(first);
      expect(reloaded.counts).toEqual(browser.counts);
    });

    it("rejects a double submission and writes no second log", async () => {
      const session = await fetchReviewSession(test.db, context(t0));
      const card = session.card!;
      const input = parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating: 3, selected: correctOf(card.questionId), durationMs: 4_000, upcoming: session.upcoming.slice(0, 8) });
      await answerCard(test.db, { learnerId, now: t0, input });
      await expect(answerCard(test.db, { learnerId, now: at(0.1), input })).rejects.toBeInstanceOf(ConflictError);
      expect(await test.db.reviewLog.count({ where: { cardId: card.cardId } })).toBe(1);
      expect((await test.db.card.findUnique({ where: { id: card.cardId } }))?.version).toBe(1);
    });

    it("accepts exactly one of two simultaneous submissions (double click)", async () => {
      const card = (await fetchReviewSession(test.db, context(t0))).card!;
      const input = parseInput(answerInputSchema, { cardId: card.cardId, version: card.version, rating: 4, selected: correctOf(card.questionId), durationMs: 1_000 });
      const outcomes = await Promise.allSettled([answerCard(test.db, { learnerId, now: t0, input }), answerCard(test.db, { learnerId, now: t0, input: { ...input, rating: 1 } })]);
      expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
      const rejected = outcomes.find((outcome) => outcome.status === "rejected");
      expect(rejected && rejected.status === "rejected" ? rejected.reason : null).toBeInstanceOf(ConflictError);
      expect(await test.db.reviewLog.count({ where: { cardId: card.cardId } })).toBe(1);
    });

    it("rejects the second of two tabs showing the same card, and each tab skips what the other answered", async () => {
      const tabA = await tab().load(t0);
      const tabB = await tab().load(t0);
      expect(tabB.card?.cardId).toBe(tabA.card?.cardId);
      const shared = tabA.card!.cardId;
      await tabA.answer(at(1));
      const afterA = tabA.card!.cardId;
      await expect(tabB.answer(at(2), 1)).rejects.toThrow(/이미 답이 기록되었습니다/);
      expect((await test.db.card.findUnique({ where: { id: shared } }))?.version).toBe(1);
      expect(await test.db.reviewLog.count()).toBe(1);
      // Tab B reloads and continues; tab A answers its card, so tab B's next card must skip it.
      await tabB.load(at(2));
      expect(tabB.card?.cardId).toBe(afterA);
      await tabA.answer(at(3));
      const result = await tabB.answer(at(3)).catch((error: unknown) => error);
      expect(result).toBeInstanceOf(ConflictError);
      await tabB.load(at(3));
      expect(tabB.card?.cardId).toBe(tabA.card?.cardId);
      expect(await test.db.reviewLog.count()).toBe(2);
    });

    it("undo restores the card exactly and removes its log; a second undo is refused", async () => {
      const browser = await tab().load(t0);
      const first = await browser.answer(t0);
      const before = await test.db.card.findUniqueOrThrow({ where: { id: browser.card!.cardId } });
      const countsBefore = { ...browser.counts };
      const second = await browser.answer(at(1), 1);
      const shownAfterSecond = browser.card!.cardId;
      const undone = await browser.undo(at(2));
      const after = await test.db.card.findUniqueOrThrow({ where: { id: before.id } });
      const { version: versionBefore, ...restBefore } = before;
      const { version: versionAfter, ...restAfter } = after;
      expect(restAfter).toEqual(restBefore);
      expect(versionAfter).toBe(versionBefore + 2);
      expect(await test.db.reviewLog.findUnique({ where: { id: second.logId } })).toBeNull();
      // The restored card is shown again with its new version, the counts are as before, and the
      // card that was on screen comes right after it. U next undoes the answer before.
      expect(undone.card).toMatchObject({ cardId: before.id, version: versionAfter, kind: "new" });
      expect(browser.counts).toEqual(countsBefore);
      expect(browser.upcoming[0]).toBe(shownAfterSecond);
      expect(undone.undoLogId).toBe(first.logId);
      await expect(undoAnswer(test.db, { learnerId, now: at(3), input: { logId: second.logId } })).rejects.toBeInstanceOf(ConflictError);
      // The tab still holding the pre-undo version cannot answer twice.
      const replay = parseInput(answerInputSchema, { cardId: before.id, version: versionBefore, rating: 3, selected: correctOf(before.questionId), durationMs: 1 });
      await expect(answerCard(test.db, { learnerId, now: at(3), input: replay })).rejects.toBeInstanceOf(ConflictError);
      // A reload agrees with the tab.
      const reloaded = await tab().load(at(3));
      expect(reloaded.card?.cardId).toBe(before.id);
      expect(reloaded.counts).toEqual(browser.counts);
    });

    it("refuses to undo an answer once the card was answered again", async () => {
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 1 } });
      const browser = await tab().load(t0);
      const first = await browser.answer(t0, 1); // Again: due again in one minute
      const againCard = browser.card!.cardId; // learn-ahead shows it again at once
      await browser.answer(at(2), 3);
      expect(againCard).toBe((await test.db.reviewLog.findUniqueOrThrow({ where: { id: first.logId } })).cardId);
      await expect(undoAnswer(test.db, { learnerId, now: at(3), input: { logId: first.logId } })).rejects.toThrow(/다시 답해서/);
      expect(await test.db.reviewLog.count()).toBe(2);
    });

    it("suspends cards of archived questions, keeps their history and resumes them when restored", async () => {
      const browser = await tab().load(t0);
      const card = browser.card!;
      await browser.answer(t0);
      await test.db.question.update({ where: { id: card.questionId }, data: { archivedAt: at(1) } });
      expect(await suspendArchivedQuestionCards(test.db)).toEqual({ suspended: 1, resumed: 0 });
      const row = await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } });
      expect(row.suspended).toBe(true);
      expect(await test.db.reviewLog.count({ where: { cardId: card.cardId } })).toBe(1);
      const later = new Date(t0.getTime() + 3 * 86_400_000);
      const { queue } = await buildTodayQueue(test.db, context(later));
      expect(queue.items.map((item) => item.cardId)).not.toContain(card.cardId);
      await expect(
        answerCard(test.db, { learnerId, now: later, input: parseInput(answerInputSchema, { cardId: card.cardId, version: row.version, rating: 3, selected: correctOf(card.questionId), durationMs: 1 }) }),
      ).rejects.toThrow(/보관/);
      // Guarded in the queue and in the next-card window even before the sync runs.
      const next = browser.card!;
      await test.db.question.update({ where: { id: next.questionId }, data: { archivedAt: at(1) } });
      const guarded = await buildTodayQueue(test.db, context(later));
      expect(guarded.queue.items.map((item) => item.questionId)).not.toContain(next.questionId);
      const skipping = await tab().load(at(2));
      const upcomingArchived = skipping.upcoming[0]!;
      const archivedQuestion = (await test.db.card.findUniqueOrThrow({ where: { id: upcomingArchived } })).questionId;
      await test.db.question.update({ where: { id: archivedQuestion }, data: { archivedAt: at(2) } });
      const result = await skipping.answer(at(3));
      expect(result.card?.cardId).not.toBe(upcomingArchived);
      expect(result.dropped).toContain(upcomingArchived);
      await test.db.question.updateMany({ data: { archivedAt: null } });
      expect(await suspendArchivedQuestionCards(test.db)).toEqual({ suspended: 0, resumed: 1 });
    });

    it("counts the daily new limit from cards first reviewed since the day start", async () => {
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyNewLimit: 2 } });
      const browser = await tab().load(t0);
      await browser.answer(t0);
      await browser.answer(at(1));
      expect(browser.counts).toEqual({ new: 0, learning: 0, review: 0 });
      // Nothing is due: the first learning step (10 minutes) is shown early, as Anki's learn-ahead.
      expect(browser.card?.kind).toBe("learning");
      expect((await tab().load(at(1))).card?.kind).toBe("learning");
      // After both steps are done for today, nothing is left until a step comes due.
      await browser.answer(at(2), 4);
      await browser.answer(at(3), 4);
      expect(browser.card).toBeNull();
      // Next study day (after 04:00 KST) the limit is fresh again.
      const tomorrow = new Date("2026-03-10T19:30:00Z");
      expect((await tab().load(tomorrow)).counts.new).toBe(2);
    });

    it("scopes a session to a topic or a domain", async () => {
      const secure = await fetchReviewSession(test.db, context(t0, { topic: null, domain: "secure" }));
      expect(secure.counts.new).toBe(6);
      const lambda = await tab({ topic: "lambda", domain: null }).load(t0);
      expect(lambda.counts.new).toBe(questions.filter((question) => question.topic === "lambda").length);
      for (let step = 0; step < 3; step += 1) {
        expect(lambda.card?.topics.map((topic) => topic.key)).toEqual(["lambda"]);
        await lambda.answer(at(step));
      }
    });

    it("crams without touching the schedule", async () => {
      await (await tab().load(t0)).answer(t0);
      const before = await test.db.card.findMany({ orderBy: { id: "asc" } });
      const cram = await fetchCramSession(test.db, context(at(5)));
      expect(cram.cards.length).toBe(24);
      const first = cram.cards[0]!;
      await checkAnswer(test.db, { learnerId, now: at(5), input: { cardId: first.cardId, selected: first.selectCount ? ["A", "B"].slice(0, first.selectCount) : [], durationMs: 1 } });
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

    it("marks a leech after the configured number of lapses and lists it with its topic", async () => {
      await test.db.learnerSettings.update({ where: { learnerId }, data: { leechThreshold: 2, dailyNewLimit: 1 } });
      let now = t0;
      let leechId = "";
      for (let step = 0; step < 40 && !leechId; step += 1) {
        const browser = await tab().load(now);
        const card = browser.card;
        if (!card) {
          now = new Date(now.getTime() + 86_400_000);
          continue;
        }
        const row = await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } });
        const result = await browser.answer(now, row.state === 2 ? 1 : 3, { wrong: row.state === 2 });
        if (result.becameLeech) leechId = card.cardId;
        now = new Date(Math.max(now.getTime() + 60_000, (await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } })).due.getTime()));
      }
      const { leeches } = await listLeeches(test.db, learnerId);
      expect(leeches.map((leech) => leech.cardId)).toEqual([leechId]);
      expect(leeches[0]).toMatchObject({ lapses: 2 });
      expect(leeches[0]?.topics[0]?.href).toMatch(/^\/topics/);
      expect((await fetchReviewSession(test.db, context(now))).leechCount).toBe(1);
    });

    it("validates settings with Korean field errors and saves valid ones", async () => {
      const bad = await saveSettings(test.db, learnerId, { desiredRetention: "0.99", dailyNewLimit: "-1", maximumIntervalDays: "36500", dayStartHour: "4", timeZone: "Asia/Seoul", leechThreshold: "8", optimizeMinReviews: "400" });
      expect(bad).toEqual({ ok: false, fieldErrors: { desiredRetention: "목표 기억 유지율: 97% 이하여야 합니다.", dailyNewLimit: "하루 새 카드 수: 0장 이상이어야 합니다." } });
      expect((await test.db.learnerSettings.findUniqueOrThrow({ where: { learnerId } })).desiredRetention).toBe(0.9);
      const good = await saveSettings(test.db, learnerId, { desiredRetention: "0.85", dailyNewLimit: "5", maximumIntervalDays: "365", dayStartHour: "6", timeZone: "Europe/Berlin", leechThreshold: "6", optimizeMinReviews: "300" });
      expect(good).toEqual({ ok: true });
      expect(await test.db.learnerSettings.findUniqueOrThrow({ where: { learnerId } })).toMatchObject({ desiredRetention: 0.85, dailyNewLimit: 5, maximumIntervalDays: 365, dayStartHour: 6, timeZone: "Europe/Berlin", leechThreshold: 6, optimizeMinReviews: 300 });
      expect((await fetchReviewSession(test.db, context(t0))).counts.new).toBe(5);
      // The form speaks of percentages: 90 is 90 %; steps and the review limit are saved too.
      const percent = await saveSettings(test.db, learnerId, { desiredRetention: "90", dailyNewLimit: "5", maximumIntervalDays: "365", dayStartHour: "6", timeZone: "Europe/Berlin", leechThreshold: "6", optimizeMinReviews: "300", dailyReviewLimit: "50", learningSteps: "2m 15m", relearningSteps: "5m" });
      expect(percent).toEqual({ ok: true });
      expect(await test.db.learnerSettings.findUniqueOrThrow({ where: { learnerId } })).toMatchObject({ desiredRetention: 0.9, dailyReviewLimit: 50, learningSteps: "2m 15m", relearningSteps: "5m" });
      await test.db.learnerSettings.update({ where: { learnerId }, data: { dailyReviewLimit: 200, learningSteps: "1m 10m", relearningSteps: "10m" } });
    });
  });
}
