// Practice exams against real databases (a SQLite file and PostgreSQL): the server's clock and
// version decide every save, finishing happens once, wrong answers reach the review schedule,
// tampered requests change nothing, and a restart loses no saved answer.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import { examStartSchema } from "@/lib/core/exam/inputs";
import { CARD_STATES } from "@/lib/core/srs/types";
import { createDb, DEFAULT_LEARNER_ID, type Db } from "@/lib/server/db";
import {
  abandonExam,
  fetchExamAttemptView,
  fetchExamResultView,
  fetchExamStartView,
  finalizeExpiredExams,
  saveExamAnswer,
  saveExamFlag,
  startExam,
  submitExam,
} from "@/lib/server/exams";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedExamQuestions, type SeededExamQuestion } from "./exam-seed";

const learnerId = DEFAULT_LEARNER_ID;
const t0 = new Date("2026-03-10T01:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const MINUTE = 60_000;

const config = (fields: Record<string, unknown>) => examStartSchema.parse(fields);
const customExam = (count: number, minutes: number | null, extra: Record<string, unknown> = {}) =>
  config({ mode: "custom", questionCount: count, timeLimitMinutes: minutes, ...extra });

async function viewOf(db: Db, attemptId: string, now: Date) {
  const page = await fetchExamAttemptView(db, { learnerId, attemptId, now });
  if (page?.kind !== "in_progress") throw new Error(`attempt ${attemptId} is not in progress`);
  return page.view;
}

/** Everything a save may touch, to prove a refused request changed nothing. */
async function snapshot(db: Db, attemptId: string) {
  const [attempt, items, logs, cards] = await Promise.all([
    db.examAttempt.findUnique({ where: { id: attemptId } }),
    db.examItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } }),
    db.reviewLog.count(),
    db.card.findMany({ orderBy: { id: "asc" } }),
  ]);
  return JSON.stringify({ attempt, items, logs, cards });
}

for (const provider of testProviders()) {
  describe(`exams on ${provider}`, () => {
    let test: TestDatabase;
    let bank: SeededExamQuestion[];
    const correctOf = (questionId: string) => bank.find((question) => question.id === questionId)?.correct ?? [];
    const wrongOf = (questionId: string) => (correctOf(questionId).includes("A") ? ["B", "D"].slice(0, correctOf(questionId).length) : ["A"]);

    beforeAll(async () => {
      test = await createTestDatabase(provider);
      bank = await seedExamQuestions(test.db, { count: 160, familyEvery: 10, familySize: 3, importedEvery: 7 });
      await test.db.learner.upsert({ where: { id: "someone-else" }, create: { id: "someone-else", displayName: "다른 학습자" }, update: {} });
    });
    afterAll(async () => {
      await test?.cleanup();
    });
    beforeEach(async () => {
      await test.db.examAttempt.deleteMany({});
      await test.db.reviewLog.deleteMany({});
      await test.db.card.deleteMany({});
    });

    it("assembles 실전 모의고사: 65 questions, 130 minutes, the domain mix, one per family, no imported ones unless chosen", async () => {
      const started = await startExam(test.db, { learnerId, now: t0, config: config({ mode: "full" }), seed: "seed-1" });
      const attempt = await test.db.examAttempt.findUniqueOrThrow({ where: { id: started.id } });
      expect(attempt.deadline?.getTime()).toBe(t0.getTime() + 130 * MINUTE);
      const items = await test.db.examItem.findMany({ where: { attemptId: started.id } });
      expect(items).toHaveLength(65);
      const domains = items.map((item) => item.domain);
      expect(["secure", "resilient", "performant", "cost"].map((domain) => domains.filter((d) => d === domain).length)).toEqual([19, 17, 16, 13]);
      const chosen = items.map((item) => bank.find((question) => question.id === item.questionId)!);
      expect(chosen.some((question) => question.origin === "imported")).toBe(false);
      const families = chosen.filter((question) => question.generator).map((question) => question.generator);
      expect(new Set(families).size).toBe(families.length);
      // The same seed and the same history give the same exam.
      const order = (await test.db.examItem.findMany({ where: { attemptId: started.id }, orderBy: { position: "asc" } })).map((item) => item.questionId);
      await test.db.examAttempt.delete({ where: { id: started.id } });
      const again = await startExam(test.db, { learnerId, now: t0, config: config({ mode: "full" }), seed: "seed-1" });
      const againItems = await test.db.examItem.findMany({ where: { attemptId: again.id }, orderBy: { position: "asc" } });
      expect(againItems.map((item) => item.questionId)).toEqual(order);
    });

    it("avoids the questions of recent exams where the bank allows, and +30 minutes moves the deadline", async () => {
      const first = await startExam(test.db, { learnerId, now: t0, config: customExam(20, 30), seed: "a" });
      const second = await startExam(test.db, { learnerId, now: t0, config: customExam(20, 30, { extraTime: "on" }), seed: "b" });
      const ids = async (attemptId: string) => (await test.db.examItem.findMany({ where: { attemptId } })).map((item) => item.questionId);
      const firstIds = new Set(await ids(first.id));
      const overlap = (await ids(second.id)).filter((id) => firstIds.has(id));
      expect(overlap).toEqual([]);
      const attempt = await test.db.examAttempt.findUniqueOrThrow({ where: { id: second.id } });
      expect(attempt.deadline?.getTime()).toBe(t0.getTime() + 60 * MINUTE);
    });

    it("accepts an answer at the deadline and rejects one at the deadline + 1 ms, finalising the exam", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(5, 1), seed: "deadline" });
      const view = await viewOf(test.db, id, t0);
      const deadline = 1 * MINUTE;
      const first = view.questions[0]!;
      const saved = await saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(deadline), input: { position: 0, selected: correctOf(first.questionId), version: view.version, check: false } });
      expect(saved.version).toBe(view.version + 1);
      expect(saved.remainingMs).toBe(0);
      const late = saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(deadline + 1), input: { position: 1, selected: ["A"], version: saved.version, check: false } });
      await expect(late).rejects.toBeInstanceOf(ConflictError);
      await expect(late).rejects.toMatchObject({ code: "exam_expired" });
      const attempt = await test.db.examAttempt.findUniqueOrThrow({ where: { id } });
      expect(attempt.status).toBe("finished");
      expect(attempt.finishReason).toBe("expired");
      expect(attempt.finishedAt?.getTime()).toBe(t0.getTime() + deadline);
      const item1 = await test.db.examItem.findUniqueOrThrow({ where: { attemptId_position: { attemptId: id, position: 1 } } });
      expect(item1.selected).toBe("[]");
      expect(attempt.correctCount).toBe(1);
    });

    it("finalises an exam past its deadline on the next visit and in the start-up sweep", async () => {
      const visited = await startExam(test.db, { learnerId, now: t0, config: customExam(3, 1), seed: "visit" });
      const swept = await startExam(test.db, { learnerId, now: t0, config: customExam(3, 1), seed: "sweep" });
      const page = await fetchExamAttemptView(test.db, { learnerId, attemptId: visited.id, now: at(MINUTE + 5) });
      expect(page).toEqual({ kind: "finished", id: visited.id });
      expect(await finalizeExpiredExams(test.db, at(2 * MINUTE))).toBe(1);
      const rows = await test.db.examAttempt.findMany({ where: { id: { in: [visited.id, swept.id] } } });
      expect(rows.map((row) => row.status)).toEqual(["finished", "finished"]);
      expect(await finalizeExpiredExams(test.db, at(3 * MINUTE))).toBe(0);
    });

    it("rejects a stale save from a second tab and leaves everything as the first tab saved it", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(4, 30), seed: "tabs" });
      const tabA = await viewOf(test.db, id, t0);
      const tabB = await viewOf(test.db, id, t0);
      await saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(1000), input: { position: 0, selected: ["A"], version: tabA.version, check: false } });
      const before = await snapshot(test.db, id);
      const stale = saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(2000), input: { position: 0, selected: ["B"], version: tabB.version, check: false } });
      await expect(stale).rejects.toMatchObject({ code: "stale_exam" });
      await expect(saveExamFlag(test.db, { learnerId, attemptId: id, now: at(2000), input: { position: 1, flagged: true, version: tabB.version } })).rejects.toMatchObject({ code: "stale_exam" });
      expect(await snapshot(test.db, id)).toBe(before);
      // The reloaded page sees the first tab's answer and the current version.
      const reloaded = await viewOf(test.db, id, at(3000));
      expect(reloaded.questions[0]!.selected).toEqual(["A"]);
      expect(reloaded.version).toBe(tabA.version + 1);
    });

    it("turns a double submit into one result and one set of review logs", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(5, 30), seed: "double" });
      const view = await viewOf(test.db, id, t0);
      await saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(1000), input: { position: 0, selected: wrongOf(view.questions[0]!.questionId), version: view.version, check: false } });
      const [one, two] = await Promise.allSettled([
        submitExam(test.db, { learnerId, attemptId: id, now: at(2000), input: { version: view.version + 1 } }),
        submitExam(test.db, { learnerId, attemptId: id, now: at(2001), input: { version: view.version + 1 } }),
      ]);
      const fulfilled = [one, two].filter((result) => result.status === "fulfilled").map((result) => (result as PromiseFulfilledResult<{ href: string; finished: boolean }>).value);
      expect(fulfilled.length).toBeGreaterThanOrEqual(1);
      expect(fulfilled.filter((result) => result.finished)).toHaveLength(1);
      const third = await submitExam(test.db, { learnerId, attemptId: id, now: at(5000), input: { version: 0 } });
      expect(third).toEqual({ href: `/exams/${id}/results`, finished: false });
      // Five wrong or unanswered questions: five Again logs, written once.
      expect(await test.db.reviewLog.count({ where: { examAttemptId: id } })).toBe(5);
    });

    it("refuses tampered requests with a clear error and changes nothing", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(4, 30), seed: "tamper" });
      const view = await viewOf(test.db, id, t0);
      const single = view.questions.find((question) => question.type === "single")!;
      const before = await snapshot(test.db, id);
      const save = (input: Record<string, unknown>, who = learnerId) =>
        saveExamAnswer(test.db, { learnerId: who, attemptId: id, now: at(1000), input: { version: view.version, check: false, selected: ["A"], position: 0, ...input } as never });
      await expect(save({ position: 17 })).rejects.toBeInstanceOf(ValidationError);
      await expect(save({ position: single.position, selected: ["F"] })).rejects.toBeInstanceOf(ValidationError);
      await expect(save({ position: single.position, selected: ["A", "B"] })).rejects.toBeInstanceOf(ValidationError);
      await expect(save({ check: true })).rejects.toMatchObject({ code: "exam_no_feedback" });
      await expect(save({}, "someone-else")).rejects.toBeInstanceOf(NotFoundError);
      await expect(submitExam(test.db, { learnerId: "someone-else", attemptId: id, now: at(1000), input: { version: view.version } })).rejects.toBeInstanceOf(NotFoundError);
      await expect(fetchExamResultView(test.db, { learnerId: "someone-else", attemptId: id, now: at(1000) })).resolves.toBeNull();
      expect(await snapshot(test.db, id)).toBe(before);
      await submitExam(test.db, { learnerId, attemptId: id, now: at(2000), input: { version: view.version } });
      const finished = await snapshot(test.db, id);
      await expect(save({ version: view.version + 1 })).rejects.toMatchObject({ code: "exam_finished" });
      await expect(saveExamFlag(test.db, { learnerId, attemptId: id, now: at(3000), input: { position: 0, flagged: true, version: view.version + 1 } })).rejects.toMatchObject({ code: "exam_finished" });
      await expect(abandonExam(test.db, { learnerId, attemptId: id, now: at(3000) })).rejects.toBeInstanceOf(ConflictError);
      expect(await snapshot(test.db, id)).toBe(finished);
    });

    it("makes the cards of wrong answers due through the review schedule; right answers on new cards leave them new", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(6, 30), seed: "cards" });
      let view = await viewOf(test.db, id, t0);
      let version = view.version;
      const [right, wrong] = view.questions;
      for (const [question, selected] of [[right!, correctOf(right!.questionId)], [wrong!, wrongOf(wrong!.questionId)]] as const) {
        version = (await saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(1000), input: { position: question.position, selected: [...selected], version, check: false } })).version;
      }
      const submitAt = at(10 * MINUTE);
      await submitExam(test.db, { learnerId, attemptId: id, now: submitAt, input: { version } });
      const cardOf = (questionId: string) => test.db.card.findUniqueOrThrow({ where: { learnerId_questionId: { learnerId, questionId } } });
      const wrongCard = await cardOf(wrong!.questionId);
      expect(wrongCard.state).toBe(CARD_STATES.learning);
      expect(wrongCard.due.getTime()).toBeLessThanOrEqual(submitAt.getTime() + 10 * MINUTE);
      const wrongLog = await test.db.reviewLog.findFirstOrThrow({ where: { cardId: wrongCard.id } });
      expect(wrongLog).toMatchObject({ origin: "exam", examAttemptId: id, rating: 1, correct: false });
      const rightCard = await cardOf(right!.questionId);
      expect(rightCard.state).toBe(CARD_STATES.new);
      expect(await test.db.reviewLog.count({ where: { cardId: rightCard.id } })).toBe(0);
      // Unanswered questions count as wrong: four more Again logs.
      expect(await test.db.reviewLog.count({ where: { examAttemptId: id, rating: 1 } })).toBe(5);
      const result = await fetchExamResultView(test.db, { learnerId, attemptId: id, now: at(11 * MINUTE) });
      expect(result?.score).toMatchObject({ correct: 1, total: 6, unanswered: 4 });
      expect(result?.wrongQuestionIds).toHaveLength(5);
      expect(result?.items.find((item) => item.questionId === right!.questionId)?.options.some((option) => option.explanation?.includes("정답 해설"))).toBe(true);
      view = await viewOf(test.db, (await startExam(test.db, { learnerId, now: at(12 * MINUTE), config: config({ mode: "custom", questionIds: result!.wrongQuestionIds, feedback: "practice", timeLimitMinutes: "" }) })).id, at(12 * MINUTE));
      expect(view.questions.map((question) => question.questionId)).toEqual(result!.wrongQuestionIds);
    });

    it("a rated card that was due moves on with Good when the exam answer is right", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(2, null), seed: "due" });
      const view = await viewOf(test.db, id, t0);
      const question = view.questions[0]!;
      // The card was learned long ago and is due now.
      await test.db.card.create({
        data: { id: `${learnerId}:${question.questionId}`, learnerId, questionId: question.questionId, due: at(-MINUTE), stability: 3, difficulty: 5, elapsedDays: 3, scheduledDays: 3, learningSteps: 0, reps: 3, lapses: 0, state: CARD_STATES.review, lastReview: at(-3 * 86_400_000), firstReview: at(-9 * 86_400_000) },
      });
      const saved = await saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(1000), input: { position: question.position, selected: correctOf(question.questionId), version: view.version, check: false } });
      await submitExam(test.db, { learnerId, attemptId: id, now: at(2000), input: { version: saved.version } });
      const card = await test.db.card.findUniqueOrThrow({ where: { id: `${learnerId}:${question.questionId}` } });
      expect(card.state).toBe(CARD_STATES.review);
      expect(card.due.getTime()).toBeGreaterThan(at(86_400_000).getTime());
      expect(await test.db.reviewLog.findFirstOrThrow({ where: { cardId: card.id } })).toMatchObject({ rating: 3, origin: "exam", correct: true });
    });

    it("practice mode checks one answer, shows its explanation and locks it", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(3, null, { feedback: "practice" }), seed: "practice" });
      const view = await viewOf(test.db, id, t0);
      expect(view.deadline).toBeNull();
      const question = view.questions[0]!;
      const checked = await saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(1000), input: { position: question.position, selected: correctOf(question.questionId), version: view.version, check: true } });
      expect(checked.feedback?.correct).toBe(true);
      expect(checked.feedback?.options.filter((option) => option.correct).map((option) => option.key)).toEqual(correctOf(question.questionId));
      await expect(saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(2000), input: { position: question.position, selected: ["D"].slice(0, 1), version: checked.version, check: false } })).rejects.toMatchObject({ code: "exam_locked" });
      const reloaded = await viewOf(test.db, id, at(3000));
      expect(reloaded.questions[0]!.feedback?.correct).toBe(true);
      expect(reloaded.questions[1]!.feedback).toBeNull();
    });

    it("never puts a correct key or an explanation in an in-progress exam's view", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(10, 30), seed: "leak" });
      const view = await viewOf(test.db, id, t0);
      const json = JSON.stringify(view);
      expect(json).not.toMatch(/해설|"correct"|"explanations"/);
      const early = await fetchExamResultView(test.db, { learnerId, attemptId: id, now: at(1000) });
      expect(early?.status).toBe("in_progress");
      expect(JSON.stringify(early)).not.toMatch(/해설/);
    });

    it("loses no saved answer when the server restarts mid-exam", async () => {
      const { id } = await startExam(test.db, { learnerId, now: t0, config: customExam(5, 30), seed: "restart" });
      const view = await viewOf(test.db, id, t0);
      let version = (await saveExamAnswer(test.db, { learnerId, attemptId: id, now: at(1000), input: { position: 0, selected: ["A"], version: view.version, check: false, timeSpentMs: 4000 } })).version;
      version = (await saveExamFlag(test.db, { learnerId, attemptId: id, now: at(2000), input: { position: 2, flagged: true, version } })).version;
      // A new process: a new client on the same database.
      const restarted = createDb(test.url);
      try {
        const resumed = await viewOf(restarted, id, at(60_000));
        expect(resumed.version).toBe(version);
        expect(resumed.questions[0]!.selected).toEqual(["A"]);
        expect(resumed.questions[2]!.flagged).toBe(true);
        expect(resumed.remainingMs).toBe(30 * MINUTE - 60_000);
      } finally {
        await restarted.$disconnect();
      }
    });

    it("fills a short domain from the others and says so on the start screen", async () => {
      const view = await fetchExamStartView(test.db, { learnerId, now: t0 });
      const own = view.fullExamPreview.find((preview) => !preview.includeImported)!;
      expect(Object.values(own.perDomain).reduce((sum, count) => sum + count, 0)).toBe(65);
      expect(view.available.imported).toBeGreaterThan(0);
      expect(view.domains.map((domain) => domain.domain)).toEqual(["secure", "resilient", "performant", "cost"]);
    });
  });
}

describe("exam shortfall", () => {
  it("a bank without cost questions fills the exam from the other domains with a notice", async () => {
    const test = await createTestDatabase("sqlite");
    try {
      await seedExamQuestions(test.db, { count: 90, without: ["cost"] });
      const started = await startExam(test.db, { learnerId, now: t0, config: config({ mode: "full" }), seed: "short" });
      expect(started.notices.some((notice) => notice.kind === "domain_shortfall" && notice.domain === "cost")).toBe(true);
      expect(await test.db.examItem.count({ where: { attemptId: started.id } })).toBe(65);
      const empty = startExam(test.db, { learnerId, now: t0, config: customExam(5, 10, { domains: ["cost"] }) });
      await expect(empty).rejects.toMatchObject({ code: "exam_empty" });
    } finally {
      await test.cleanup();
    }
  });
});
