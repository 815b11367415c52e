import { describe, expect, it } from "vitest";
import { applyAnswer, parseCardSnapshot, progressOf, snapshotCard } from "./answer";
import { forgetting_curve } from "ts-fsrs";
import { createNewCardMemory, createScheduler } from "./scheduler";
import type { CardProgress, RatingValue } from "./types";

const scheduler = createScheduler({ desiredRetention: 0.9, maximumIntervalDays: 36500, fsrsParameters: null });
const start = new Date("2026-03-10T01:00:00Z");

function freshCard(): CardProgress {
  return { ...createNewCardMemory(start), firstReview: null, leech: false };
}

describe("applyAnswer and the undo snapshot", () => {
  it("round-trips: restoring the snapshot gives the card exactly as before each answer", () => {
    let card = freshCard();
    let now = start;
    const ratings: RatingValue[] = [3, 3, 1, 2, 4, 3];
    for (const rating of ratings) {
      const before = card;
      const snapshot = snapshotCard(before);
      const applied = applyAnswer({ card, rating, now, scheduler, leechThreshold: 8 });
      expect(applied.progress).not.toEqual(before);
      expect(parseCardSnapshot(snapshot)).toEqual(progressOf(before));
      card = applied.progress;
      now = new Date(Math.max(card.due.getTime(), now.getTime() + 60_000));
    }
  });

  it("records the first review once and keeps it", () => {
    const first = applyAnswer({ card: freshCard(), rating: 3, now: start, scheduler, leechThreshold: 8 });
    expect(first.progress.firstReview).toEqual(start);
    const later = new Date(first.progress.due.getTime() + 1000);
    const second = applyAnswer({ card: first.progress, rating: 3, now: later, scheduler, leechThreshold: 8 });
    expect(second.progress.firstReview).toEqual(start);
    expect(second.log.review).toEqual(later);
  });

  it("marks a leech when lapses reach the threshold", () => {
    let card = freshCard();
    let now = start;
    let marked = -1;
    for (let answer = 0; answer < 40 && marked < 0; answer += 1) {
      // Good until the card is in review, then Again: each Again from review is one lapse.
      const rating: RatingValue = card.state === 2 ? 1 : 3;
      const applied = applyAnswer({ card, rating, now, scheduler, leechThreshold: 3 });
      if (applied.becameLeech) marked = applied.progress.lapses;
      card = applied.progress;
      now = new Date(card.due.getTime() + 1000);
    }
    expect(marked).toBe(3);
    expect(card.leech).toBe(true);
  });
});

describe("retrievability", () => {
  it("matches ts-fsrs' forgetting curve", () => {
    const card = { state: 2 as const, stability: 12.5, lastReview: new Date("2026-03-01T00:00:00Z") };
    for (const days of [0, 1, 7.5, 30, 400]) {
      const now = new Date(card.lastReview.getTime() + days * 86_400_000);
      expect(scheduler.retrievability(card, now)).toBeCloseTo(forgetting_curve([...scheduler.parameters], days, card.stability), 7);
    }
    expect(scheduler.retrievability({ state: 0, stability: 0, lastReview: null }, start)).toBe(0);
  });
});
