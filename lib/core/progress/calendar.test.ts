import { describe, expect, it } from "vitest";
import { buildHeatmap, computeStreak, dayOf, dueByDay, hourStartOf, longDayText, retentionByMonth, timeByDay, totalsByDay, type HourBucket } from "./calendar";

const seoul = { timeZone: "Asia/Seoul", dayStartHour: 4 };
const newYork = { timeZone: "America/New_York", dayStartHour: 4 };
const bucket = (iso: string, answers = 1, extra: Partial<HourBucket> = {}): HourBucket => ({ hourStart: hourStartOf(new Date(iso)), answers, matureAnswers: 0, maturePassed: 0, durationMs: 0, ...extra });

describe("learner days from hour buckets", () => {
  it("counts 02:00 KST with the previous study day and 04:00 KST with the next", () => {
    const days = totalsByDay([bucket("2026-03-09T17:30:00Z"), bucket("2026-03-09T19:00:00Z")], seoul); // 02:30 and 04:00 KST on 03-10
    expect([...days.keys()].map(longDayText)).toEqual(["2026년 3월 9일 (월)", "2026년 3월 10일 (화)"]);
  });

  it("keeps a streak alive across midnight but not across the day start, in Seoul", () => {
    const now = new Date("2026-03-10T01:00:00Z"); // 10:00 KST 03-10
    const today = dayOf(now, seoul);
    // 03-08 23:00 KST, 03-10 01:30 KST (still 03-09's study day), 03-10 09:00 KST
    const days = totalsByDay([bucket("2026-03-08T14:00:00Z"), bucket("2026-03-09T16:30:00Z"), bucket("2026-03-10T00:00:00Z")], seoul);
    expect(computeStreak(days, today)).toEqual({ current: 3, longest: 3, studiedToday: true });
    // without today's answer the streak still counts up to yesterday
    const yesterdayOnly = totalsByDay([bucket("2026-03-08T14:00:00Z"), bucket("2026-03-09T16:30:00Z")], seoul);
    expect(computeStreak(yesterdayOnly, today)).toEqual({ current: 2, longest: 2, studiedToday: false });
    // a gap of one study day breaks it
    const gap = totalsByDay([bucket("2026-03-07T14:00:00Z"), bucket("2026-03-10T00:00:00Z")], seoul);
    expect(computeStreak(gap, today).current).toBe(1);
  });

  it("follows daylight saving time in New York (clocks jump on 2026-03-08)", () => {
    // 03:30 EST on 03-08 is still the 03-07 study day; 04:30 EDT (08:30Z) is 03-08's.
    const days = totalsByDay([bucket("2026-03-07T15:00:00Z"), bucket("2026-03-08T08:30:00Z"), bucket("2026-03-09T14:00:00Z")], newYork);
    expect([...days.keys()].map(longDayText)).toEqual(["2026년 3월 7일 (토)", "2026년 3월 8일 (일)", "2026년 3월 9일 (월)"]);
    const today = dayOf(new Date("2026-03-09T15:00:00Z"), newYork);
    expect(computeStreak(days, today).current).toBe(3);
    // 03:30 EDT on 03-09 (07:30Z) belongs to 03-08: one day of two answers, streak 2
    const early = totalsByDay([bucket("2026-03-08T08:30:00Z"), bucket("2026-03-09T07:30:00Z")], newYork);
    expect(early.size).toBe(1);
  });

  it("lays out a 12-month heatmap by week with levels", () => {
    const today = dayOf(new Date("2026-03-10T01:00:00Z"), seoul);
    const days = totalsByDay([bucket("2026-03-10T00:00:00Z", 40), bucket("2026-03-09T00:00:00Z", 5), bucket("2025-01-01T00:00:00Z", 9)], seoul);
    const heatmap = buildHeatmap(days, today);
    expect(heatmap.totalAnswers).toBe(45); // 2025-01-01 is outside the 365 days
    expect(heatmap.activeDays).toBe(2);
    const cells = heatmap.weeks.flat().filter((cell) => cell !== null);
    expect(cells).toHaveLength(365);
    expect(cells.at(-1)).toEqual({ day: today, answers: 40, level: 4 });
    expect(heatmap.weeks.every((week) => week.length === 7)).toBe(true);
  });

  it("counts due cards per day with overdue ones today", () => {
    const today = dayOf(new Date("2026-03-10T01:00:00Z"), seoul);
    const due = dueByDay(
      [
        { hourStart: hourStartOf(new Date("2026-03-01T00:00:00Z")), cards: 3 }, // overdue
        { hourStart: hourStartOf(new Date("2026-03-10T18:00:00Z")), cards: 2 }, // 03-11 03:00 KST: still today
        { hourStart: hourStartOf(new Date("2026-03-10T19:00:00Z")), cards: 4 }, // 03-11 04:00 KST: tomorrow
        { hourStart: hourStartOf(new Date("2026-05-01T00:00:00Z")), cards: 9 }, // beyond 30 days
      ],
      today,
      seoul,
    );
    expect(due).toHaveLength(30);
    expect(due[0]!.cards).toBe(5);
    expect(due[1]!.cards).toBe(4);
    expect(due.reduce((sum, day) => sum + day.cards, 0)).toBe(9);
  });

  it("computes retention per month and minutes per day", () => {
    const today = dayOf(new Date("2026-03-10T01:00:00Z"), seoul);
    const days = totalsByDay(
      [
        bucket("2026-02-10T01:00:00Z", 10, { matureAnswers: 10, maturePassed: 8, durationMs: 600_000 }),
        bucket("2026-03-10T00:00:00Z", 4, { matureAnswers: 4, maturePassed: 4, durationMs: 90_000 }),
      ],
      seoul,
    );
    const months = retentionByMonth(days, today);
    expect(months).toHaveLength(12);
    expect(months.at(-1)).toMatchObject({ key: "2026-03", label: "2026년 3월", actual: 1 });
    expect(months.at(-2)).toMatchObject({ key: "2026-02", actual: 0.8 });
    expect(months[0]!.key).toBe("2025-04");
    const time = timeByDay(days, today);
    expect(time).toHaveLength(30);
    expect(time.at(-1)).toEqual({ day: today, minutes: 1.5, answers: 4 });
  });
});
