import { describe, expect, it } from "vitest";
import { buildCramQueue, buildReviewQueue, interleaveByTopic, nextQueueItem, roundRobinByTopic, type QueueCandidate } from "./queue";
import { createScheduler } from "./scheduler";
import { nextLearnerDayStart } from "./day-boundary";
import type { CardStateValue } from "./types";

const DAY = 86_400_000;
// 2026-03-10 10:00 KST; the study day ends 2026-03-11 04:00 KST = 2026-03-10T19:00Z.
const now = new Date("2026-03-10T01:00:00Z");
const dayEnd = nextLearnerDayStart(now, "Asia/Seoul", 4);
const scheduler = createScheduler({ desiredRetention: 0.9, maximumIntervalDays: 36500, fsrsParameters: null });
const retrievability = (card: QueueCandidate) => scheduler.retrievability(card, now);

function card(id: string, topicKey: string | null, state: CardStateValue, due: Date, stability = 0, lastReview: Date | null = null): QueueCandidate {
  return { cardId: id, questionId: `q-${id}`, topicKey, state, due, stability, lastReview };
}
const fresh = (id: string, topic: string) => card(id, topic, 0, now);
const review = (id: string, topic: string, dueInMs: number, stability: number, reviewedDaysAgo: number) =>
  card(id, topic, 2, new Date(now.getTime() + dueInMs), stability, new Date(now.getTime() - reviewedDaysAgo * DAY));

describe("buildReviewQueue with a fixed now", () => {
  it("puts due cards first, weakest memory first, then new cards up to the limit", () => {
    const queue = buildReviewQueue({
      now,
      dayEnd,
      retrievability,
      newLimitRemaining: 2,
      reviewed: [
        review("strong", "s3", -DAY, 30, 31), // R ≈ 0.90
        review("weak", "ec2", -DAY, 2, 10), // long overdue for its stability: lowest R
        review("later-today", "vpc", 8 * 3_600_000, 10, 5), // due 18:00 KST, before the 04:00 boundary; R ≈ 0.95
        review("tomorrow", "iam", dayEnd.getTime() - now.getTime(), 10, 9), // due exactly at the boundary: not today
      ],
      fresh: [fresh("n1", "lambda"), fresh("n2", "lambda"), fresh("n3", "lambda")],
    });
    expect(queue.items.map((item) => item.cardId)).toEqual(["weak", "strong", "later-today", "n1", "n2"]);
    expect(queue.counts).toEqual({ new: 2, learning: 0, review: 3 });
    const [first, second] = queue.items;
    expect(first?.retrievability).toBeLessThan(second?.retrievability ?? 0);
  });

  it("shows learning steps when due and holds later ones back for learn-ahead", () => {
    const queue = buildReviewQueue({
      now,
      dayEnd,
      retrievability,
      newLimitRemaining: 0,
      reviewed: [
        card("step-due", "sqs", 1, new Date(now.getTime() - 60_000), 2.3, new Date(now.getTime() - 600_000)),
        card("step-soon", "sqs", 1, new Date(now.getTime() + 5 * 60_000), 2.3, new Date(now.getTime() - 300_000)),
        card("step-later", "sqs", 3, new Date(now.getTime() + 60 * 60_000), 1, new Date(now.getTime() - 60_000)),
      ],
      fresh: [fresh("n1", "lambda")],
    });
    expect(queue.items.map((item) => item.cardId)).toEqual(["step-due"]);
    expect(queue.counts).toEqual({ new: 0, learning: 1, review: 0 });
    expect(queue.learnAhead.map((item) => item.cardId)).toEqual(["step-soon"]);
    expect(queue.nextDueAt?.toISOString()).toBe(new Date(now.getTime() + 60 * 60_000).toISOString());
  });

  it("falls back to learn-ahead only when nothing else is left", () => {
    const queue = buildReviewQueue({
      now,
      dayEnd,
      retrievability,
      newLimitRemaining: 5,
      reviewed: [card("soon", "sqs", 1, new Date(now.getTime() + 60_000), 2.3, now)],
      fresh: [],
    });
    expect(queue.items).toEqual([]);
    expect(nextQueueItem(queue)?.cardId).toBe("soon");
  });

  it("interleaves new cards across topics and resumes the same order after each answer", () => {
    const pool = [fresh("a1", "alb"), fresh("a2", "alb"), fresh("a3", "alb"), fresh("d1", "dynamodb"), fresh("l1", "lambda"), fresh("l2", "lambda")];
    const build = (cards: QueueCandidate[], previousTopic: string | null) =>
      buildReviewQueue({ now, dayEnd, retrievability, newLimitRemaining: 10, reviewed: [], fresh: cards, previousTopic }).items.map((item) => item.cardId);
    const full = build(pool, null);
    expect(full).toEqual(["a1", "d1", "l1", "a2", "l2", "a3"]);

    // Answer the head, rebuild from what is left (as a reload does): the rest keeps its order.
    let remaining = [...pool];
    let previous: string | null = null;
    const sequence: string[] = [];
    while (remaining.length > 0) {
      const head = build(remaining, previous)[0] as string;
      sequence.push(head);
      previous = pool.find((c) => c.cardId === head)?.topicKey ?? null;
      remaining = remaining.filter((c) => c.cardId !== head);
    }
    expect(sequence).toEqual(full);
  });

  it("does not count suspended-looking new states among due cards and respects a zero limit", () => {
    const queue = buildReviewQueue({ now, dayEnd, retrievability, newLimitRemaining: 0, reviewed: [], fresh: [fresh("n", "x")] });
    expect(queue.items).toEqual([]);
    expect(queue.counts.new).toBe(0);
  });
});

describe("interleaving helpers", () => {
  it("avoids a repeated topic by looking a few cards ahead only", () => {
    const items = ["a", "a", "b", "a", "a", "a", "a", "c"].map((topicKey, index) => ({ id: index, topicKey }));
    expect(interleaveByTopic(items, null, 3).map((item) => `${item.topicKey}${item.id}`)).toEqual(["a0", "b2", "a1", "a3", "c7", "a4", "a5", "a6"]);
    expect(interleaveByTopic(items, null, 0).map((item) => item.id)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(interleaveByTopic(items, null, 1).map((item) => `${item.topicKey}${item.id}`)).toEqual(["a0", "b2", "a1", "a3", "a4", "a5", "c7", "a6"]);
  });

  it("cycles topics in key order starting after the previous topic", () => {
    const items = [
      { id: 1, topicKey: "a" },
      { id: 2, topicKey: "b" },
      { id: 3, topicKey: "c" },
      { id: 4, topicKey: "a" },
    ];
    expect(roundRobinByTopic(items, "b", 10).map((item) => item.id)).toEqual([3, 1, 2, 4]);
    expect(roundRobinByTopic(items, "zzz", 2).map((item) => item.id)).toEqual([1, 2]);
  });

  it("crams weakest first, then unseen cards, without a limit on due dates", () => {
    const cards = [fresh("n1", "a"), review("ok", "b", 10 * DAY, 50, 1), review("weak", "c", 5 * DAY, 1, 6)];
    expect(buildCramQueue(cards, retrievability, 10).map((c) => c.cardId)).toEqual(["weak", "ok", "n1"]);
  });
});
