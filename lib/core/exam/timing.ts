// The exam clock. The server owns it: the deadline is fixed when the attempt starts and every
// check takes the request's `now`, so a client clock set wrong changes nothing.
import { ValidationError } from "@/lib/core/errors";
import { EXAM_WARNING_MS, SAA_C03, type ExamConfig } from "./types";

const MINUTE_MS = 60_000;

/** null = no time limit. "시간 연장 +30분" adds SAA_C03.extensionMinutes, and only to an exam that has a limit. */
export function examDeadline(startedAt: Date, config: Pick<ExamConfig, "timeLimitMinutes" | "extraTime">): Date | null {
  const { timeLimitMinutes } = config;
  if (timeLimitMinutes === null) return null;
  if (!Number.isFinite(timeLimitMinutes) || timeLimitMinutes <= 0) {
    throw new ValidationError(`제한 시간은 0보다 커야 합니다 (받은 값: ${String(timeLimitMinutes)}분).`);
  }
  const minutes = timeLimitMinutes + (config.extraTime ? SAA_C03.extensionMinutes : 0);
  return new Date(startedAt.getTime() + minutes * MINUTE_MS);
}

/** Time left, never negative; null when there is no limit. */
export function remainingMs(deadline: Date | null, now: Date): number | null {
  if (deadline === null) return null;
  return Math.max(0, deadline.getTime() - now.getTime());
}

/** An answer that arrives exactly at the deadline still counts; one millisecond later it does not. */
export function isPastDeadline(deadline: Date | null, now: Date): boolean {
  return deadline !== null && now.getTime() > deadline.getTime();
}

/** The 5-minute warning: shown while time is running out, not once it has run out. */
export function shouldWarn(remaining: number | null): boolean {
  return remaining !== null && remaining > 0 && remaining <= EXAM_WARNING_MS;
}

/**
 * Time the learner had the exam open: from the start to when it ended, but never beyond the
 * deadline (an attempt finalised late by the sweep did not give the learner more time).
 */
export function timeUsedMs(startedAt: Date, endedAt: Date, deadline: Date | null): number {
  const end = deadline !== null && endedAt.getTime() > deadline.getTime() ? deadline : endedAt;
  return Math.max(0, end.getTime() - startedAt.getTime());
}
