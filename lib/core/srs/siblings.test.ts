import { describe, expect, it } from "vitest";
import { questionFamily } from "@/lib/core/questions/family";
import { buriedSiblingIds, countFamilies, firstOfEachFamily } from "./siblings";
import { buildCramQueue, buildReviewQueue, type QueueCandidate } from "./queue";

// The API Gateway payload family of the issue: one template, only the size changes.
const payload = (size: string) => ({ id: `gen-apigw-payload-${size}`, origin: "generated" as const, generator: "limits/api-gateway-payload", type: "single" as const, factIds: [] });
const factFlashcard = { id: "fact-card-flashcard-lambda-timeout", origin: "generated" as const, generator: "fact-card/flashcard", type: "flashcard" as const, factIds: ["lambda-timeout"] };
const factCloze = { id: "fact-card-cloze-lambda-timeout", origin: "generated" as const, generator: "fact-card/cloze", type: "cloze" as const, factIds: ["lambda-timeout"] };
const curated = (id: string) => ({ id, origin: "curated" as const, generator: null, type: "single" as const, factIds: [] });
const member = (question: Parameters<typeof questionFamily>[0]) => ({ questionId: question.id, family: questionFamily(question) });

const now = new Date("2026-03-10T01:00:00Z");
const dayEnd = new Date("2026-03-10T19:00:00Z");

function candidate(id: string, family: string | null, state: 0 | 2 = 0, topicKey = "lambda"): QueueCandidate {
  return { cardId: `default:${id}`, questionId: id, topicKey, family, state, due: new Date(now.getTime() - 60_000), stability: 3, lastReview: state === 0 ? null : new Date("2026-03-01T00:00:00Z") };
}

describe("buriedSiblingIds", () => {
  const members = ["512KB", "2MB", "5MB", "8MB"].map((size) => member(payload(size)));

  it("buries the other members of a family answered today, not the answered card itself", () => {
    const buried = buriedSiblingIds([member(payload("2MB"))], [...members, member(curated("c1"))]);
    expect([...buried].sort()).toEqual(["gen-apigw-payload-512KB", "gen-apigw-payload-5MB", "gen-apigw-payload-8MB"]);
  });

  it("treats the flashcard and the cloze of one fact as one family", () => {
    expect([...buriedSiblingIds([member(factCloze)], [member(factFlashcard), member(factCloze)])]).toEqual([factFlashcard.id]);
  });

  it("never buries a hand-written question (each is its own family) and nothing when nothing was answered", () => {
    expect(buriedSiblingIds([member(curated("c1"))], [member(curated("c1")), member(curated("c2"))]).size).toBe(0);
    expect(buriedSiblingIds([], members).size).toBe(0);
  });

  it("keeps two siblings that were both answered today (both may have learning steps due)", () => {
    expect(buriedSiblingIds([member(payload("2MB")), member(payload("5MB"))], members)).toEqual(new Set(["gen-apigw-payload-512KB", "gen-apigw-payload-8MB"]));
  });
});

describe("firstOfEachFamily and countFamilies", () => {
  it("keeps the first of each family in order; unknown families stand alone", () => {
    const items = [{ id: "a", f: "x" }, { id: "b", f: null }, { id: "c", f: "x" }, { id: "d", f: "y" }, { id: "e", f: null }];
    expect(firstOfEachFamily(items, (item) => item.f).map((item) => item.id)).toEqual(["a", "b", "d", "e"]);
  });

  it("counts a family once", () => {
    expect(countFamilies(["512KB", "2MB", "5MB"].map((size) => questionFamily(payload(size))).concat(["c1", "c2"]))).toBe(3);
  });
});

describe("the queues show one card per family", () => {
  it("today's queue keeps the first sibling, and its counts count the family once", () => {
    const family = questionFamily(payload("2MB"));
    const queue = buildReviewQueue({
      now,
      dayEnd,
      reviewed: [candidate("r1", family, 2), candidate("r2", "r2", 2, "sqs")],
      fresh: [candidate("n1", family), candidate("n2", "n2", 0, "sqs"), candidate("n3", family, 0, "alb")],
      newLimitRemaining: 20,
      retrievability: () => 0.5,
    });
    expect(queue.items.map((item) => item.questionId).sort()).toEqual(["n2", "r1", "r2"]);
    expect(queue.counts).toEqual({ new: 1, learning: 0, review: 2 });
  });

  it("cram shows a family once (the issue's Lambda cram showed the same stem as card 5)", () => {
    const family = questionFamily(payload("2MB"));
    const cards = [candidate("a", family), candidate("b", "b", 0, "sqs"), candidate("c", family, 0, "alb"), candidate("d", family, 2)];
    expect(buildCramQueue(cards, () => 0.5, 10).map((card) => card.questionId).sort()).toEqual(["b", "d"]);
  });
});

describe("the daily review limit", () => {
  it("holds back review cards beyond the limit but never learning steps", () => {
    const learning = { ...candidate("l1", null, 2), state: 1 as const };
    const queue = buildReviewQueue({
      now,
      dayEnd,
      reviewed: [candidate("r1", null, 2), candidate("r2", null, 2, "sqs"), candidate("r3", null, 2, "alb"), learning],
      fresh: [],
      newLimitRemaining: 0,
      reviewLimitRemaining: 1,
      retrievability: () => 0.5,
    });
    expect(queue.counts).toEqual({ new: 0, learning: 1, review: 1 });
  });
});
