import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { decodeUndoToken, encodeUndoToken, isBuried, planOperation, type BrowserCard } from "./card-operations";
import { createNewCardMemory, createScheduler } from "./scheduler";

const now = new Date("2026-03-10T01:00:00Z");
const nextDayStart = new Date("2026-03-10T19:00:00Z");
const context = { now, nextDayStart };
const scheduler = createScheduler({ desiredRetention: 0.9, maximumIntervalDays: 36500, fsrsParameters: null });

function reviewCard(): BrowserCard {
  const start = new Date("2026-02-01T01:00:00Z");
  let memory = createNewCardMemory(start);
  memory = scheduler.answer(memory, 3, start).card;
  memory = scheduler.answer(memory, 3, new Date(start.getTime() + 600_000)).card;
  return { suspended: false, buriedUntil: null, flag: 0, progress: { ...memory, firstReview: start, leech: true } };
}

describe("planOperation", () => {
  it("suspends and unsuspends without touching the schedule", () => {
    const card = reviewCard();
    const suspended = planOperation(card, { kind: "suspend" }, context);
    expect(suspended).toMatchObject({ marks: { suspended: true, flag: 0, buriedUntil: null }, schedule: null, changed: true });
    expect(planOperation({ ...card, suspended: true }, { kind: "unsuspend" }, context).marks.suspended).toBe(false);
    expect(planOperation(card, { kind: "unsuspend" }, context).changed).toBe(false);
  });

  it("buries until the learner's next day start", () => {
    const planned = planOperation(reviewCard(), { kind: "bury" }, context);
    expect(planned.marks.buriedUntil).toEqual(nextDayStart);
    expect(isBuried(planned.marks, now)).toBe(true);
    expect(isBuried(planned.marks, nextDayStart)).toBe(false);
    expect(planOperation({ ...reviewCard(), buriedUntil: nextDayStart }, { kind: "unbury" }, context).marks.buriedUntil).toBeNull();
  });

  it("flags 1–4 or none and refuses anything else in Korean", () => {
    expect(planOperation(reviewCard(), { kind: "flag", flag: 3 }, context).marks.flag).toBe(3);
    expect(planOperation({ ...reviewCard(), flag: 2 }, { kind: "flag", flag: 0 }, context).marks.flag).toBe(0);
    expect(() => planOperation(reviewCard(), { kind: "flag", flag: 5 }, context)).toThrow(ValidationError);
    expect(() => planOperation(reviewCard(), { kind: "flag", flag: 5 }, context)).toThrow(/깃발은 0\(없음\)–4/);
  });

  it("resets to a new card with a manual (rating 0) log of the change", () => {
    const card = reviewCard();
    const planned = planOperation(card, { kind: "reset" }, context);
    expect(planned.schedule?.progress).toEqual({ ...createNewCardMemory(now), firstReview: null, leech: false });
    expect(planned.schedule?.log).toMatchObject({ rating: 0, state: 2, due: now, review: now, stability: 0 });
    expect(planned.changed).toBe(true);
    // A card that is already new and untouched is left alone.
    const fresh = { ...card, progress: { ...createNewCardMemory(now), firstReview: null, leech: false } };
    expect(planOperation(fresh, { kind: "reset" }, context)).toMatchObject({ schedule: null, changed: false });
  });

  it("reschedules to today: due now, memory unchanged", () => {
    const card = reviewCard();
    const planned = planOperation(card, { kind: "reschedule" }, context);
    expect(planned.schedule?.progress).toEqual({ ...card.progress, due: now });
    expect(planned.schedule?.log).toMatchObject({ rating: 0, state: 2, due: now, stability: card.progress.stability });
  });
});

describe("undo token", () => {
  it("round-trips and refuses malformed tokens in Korean", () => {
    const token = { operation: "bury" as const, entries: [{ cardId: "default:q1", version: 4, marks: { suspended: false, buriedUntil: nextDayStart, flag: 2 }, logId: null }] };
    expect(decodeUndoToken(encodeUndoToken(token))).toEqual(token);
    expect(() => decodeUndoToken("not json")).toThrow(/되돌리기 정보를 읽을 수 없습니다/);
    expect(() => decodeUndoToken(JSON.stringify({ v: 1, operation: "bury", entries: [] }))).toThrow(/올바르지 않습니다/);
  });
});

describe("parseCardFilters", () => {
  it("reads every filter from URL strings and reports bad ones in Korean without dropping the rest", async () => {
    const { parseCardFilters, filterParams } = await import("./card-filters");
    const good = parseCardFilters({ q: " Lambda ", state: "review", due: "today", lapses: "2", topic: "lambda", origin: "generated", flag: "0", status: "suspended", page: "3" });
    expect(good).toEqual({ filters: { q: "Lambda", state: "review", due: "today", lapses: 2, topic: "lambda", origin: "generated", flag: 0, status: "suspended", page: 3 }, problems: [] });
    expect(filterParams(good.filters, 1).page).toBeNull();
    const bad = parseCardFilters({ state: "done", flag: "7", lapses: "-1", q: "ok" });
    expect(bad.filters).toMatchObject({ q: "ok", state: null, flag: null, lapses: null, page: 1 });
    expect(bad.problems).toEqual(['상태 "done" 는 없습니다.', "잊은 횟수는 0 이상의 정수여야 합니다.", "깃발은 0–4 사이여야 합니다."]);
  });
});
