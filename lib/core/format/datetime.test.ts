import { describe, expect, it } from "vitest";
import { calendarParts, formatDate, formatDateTime, formatRelative, formatShortDate, formatShortDateTime, formatTime } from "./datetime";

// 2026-12-06 (Sunday) 15:58 in Seoul.
const AFTERNOON = new Date("2026-12-06T06:58:00Z");

describe("Korean date and time", () => {
  it("formats in Asia/Seoul by default, with 오전/오후 and the weekday", () => {
    expect(formatDateTime(AFTERNOON)).toBe("2026년 12월 6일 (일) 오후 3:58");
    expect(formatShortDateTime(AFTERNOON)).toBe("12월 6일 오후 3:58");
    expect(formatDate(AFTERNOON)).toBe("2026년 12월 6일 (일)");
    expect(formatShortDate(AFTERNOON)).toBe("12월 6일");
    expect(formatTime(AFTERNOON)).toBe("오후 3:58");
  });

  it("uses the time zone passed in", () => {
    expect(formatDateTime(AFTERNOON, "UTC")).toBe("2026년 12월 6일 (일) 오전 6:58");
    expect(formatDateTime(AFTERNOON, "America/Los_Angeles")).toBe("2026년 12월 5일 (토) 오후 10:58");
  });

  it("reads midnight and noon as 오전 12시 and 오후 12시, and pads minutes", () => {
    expect(formatTime(new Date("2026-12-06T15:00:00Z"))).toBe("오전 12:00"); // 00:00 KST
    expect(formatTime(new Date("2026-12-06T03:05:00Z"))).toBe("오후 12:05");
    expect(formatTime(new Date("2026-12-06T00:09:00Z"))).toBe("오전 9:09");
    expect(calendarParts(new Date("2026-12-06T15:00:00Z"))).toEqual({ year: 2026, month: 12, day: 7, weekday: "월", hour: 0, minute: 0 });
  });

  it("says how far a moment is from now", () => {
    expect(formatRelative(new Date(AFTERNOON.getTime() - 20_000), AFTERNOON)).toBe("방금");
    expect(formatRelative(new Date(AFTERNOON.getTime() + 20_000), AFTERNOON)).toBe("곧");
    expect(formatRelative(new Date(AFTERNOON.getTime() - 5 * 60_000), AFTERNOON)).toBe("5분 전");
    expect(formatRelative(new Date(AFTERNOON.getTime() + 3 * 3_600_000), AFTERNOON)).toBe("3시간 후");
    expect(formatRelative(new Date(AFTERNOON.getTime() - 2 * 86_400_000), AFTERNOON)).toBe("2일 전");
  });
});
