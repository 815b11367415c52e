import { describe, expect, it } from "vitest";
import { examDeadline, isPastDeadline, remainingMs, shouldWarn, timeUsedMs } from "./timing";

const START = new Date("2026-11-20T09:00:00.000Z");
const at = (iso: string) => new Date(iso);

describe("exam clock", () => {
  it("sets the deadline from the limit, with +30 minutes on request", () => {
    expect(examDeadline(START, { timeLimitMinutes: 130, extraTime: false })?.toISOString()).toBe("2026-11-20T11:10:00.000Z");
    expect(examDeadline(START, { timeLimitMinutes: 130, extraTime: true })?.toISOString()).toBe("2026-11-20T11:40:00.000Z");
    expect(examDeadline(START, { timeLimitMinutes: 1, extraTime: false })?.toISOString()).toBe("2026-11-20T09:01:00.000Z");
  });

  it("has no deadline without a limit, extension or not", () => {
    expect(examDeadline(START, { timeLimitMinutes: null, extraTime: true })).toBeNull();
    expect(remainingMs(null, START)).toBeNull();
    expect(isPastDeadline(null, at("2100-01-01T00:00:00Z"))).toBe(false);
    expect(shouldWarn(null)).toBe(false);
  });

  it("rejects a zero or negative limit", () => {
    expect(() => examDeadline(START, { timeLimitMinutes: 0, extraTime: false })).toThrow(/0분/);
  });

  it("accepts an answer exactly at the deadline and rejects one a millisecond later", () => {
    const deadline = at("2026-11-20T09:01:00.000Z");
    expect(isPastDeadline(deadline, at("2026-11-20T09:00:59.999Z"))).toBe(false);
    expect(isPastDeadline(deadline, deadline)).toBe(false);
    expect(isPastDeadline(deadline, at("2026-11-20T09:01:00.001Z"))).toBe(true);
  });

  it("counts down to zero and never below", () => {
    const deadline = at("2026-11-20T09:01:00.000Z");
    expect(remainingMs(deadline, START)).toBe(60_000);
    expect(remainingMs(deadline, at("2026-11-20T09:00:59.250Z"))).toBe(750);
    expect(remainingMs(deadline, deadline)).toBe(0);
    expect(remainingMs(deadline, at("2026-11-20T10:00:00.000Z"))).toBe(0);
  });

  it("warns in the last five minutes only while time is left", () => {
    expect(shouldWarn(5 * 60_000 + 1)).toBe(false);
    expect(shouldWarn(5 * 60_000)).toBe(true);
    expect(shouldWarn(1)).toBe(true);
    expect(shouldWarn(0)).toBe(false);
  });

  it("counts time used up to the deadline at most", () => {
    const deadline = at("2026-11-20T09:01:00.000Z");
    expect(timeUsedMs(START, at("2026-11-20T09:00:42.000Z"), deadline)).toBe(42_000);
    expect(timeUsedMs(START, at("2026-11-21T09:00:00.000Z"), deadline)).toBe(60_000);
    expect(timeUsedMs(START, at("2026-11-21T09:00:00.000Z"), null)).toBe(86_400_000);
  });
});
