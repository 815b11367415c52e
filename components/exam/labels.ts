// Korean labels and number formats shared by the exam screens.
import type { ExamFeedback, ExamMode, ExamStatus } from "@/lib/core/exam/types";
import { formatDateTime as formatKoreanDateTime, formatShortDate as formatKoreanShortDate } from "@/lib/core/format/datetime";

export const MODE_LABELS: Record<ExamMode, string> = { full: "실전 모의고사", custom: "맞춤 시험", weak: "약점 집중" };
export const FEEDBACK_LABELS: Record<ExamFeedback, string> = { exam: "시험 모드", practice: "연습 모드" };
export const STATUS_LABELS: Record<ExamStatus, string> = { in_progress: "진행 중", finished: "완료", abandoned: "포기" };

/** "1:05:09" or "05:09" for a countdown; never negative. */
export function formatClock(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const mm = String(minutes).padStart(2, "0");
  const ss = String(seconds).padStart(2, "0");
  return hours > 0 ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** "1시간 5분", "12분 30초", "45초" for durations a person reads. */
export function formatDuration(ms: number): string {
  const total = Math.max(0, Math.round(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  if (hours > 0) return minutes > 0 ? `${hours}시간 ${minutes}분` : `${hours}시간`;
  if (minutes > 0) return seconds > 0 && minutes < 10 ? `${minutes}분 ${seconds}초` : `${minutes}분`;
  return `${seconds}초`;
}

/** The remaining time read out to a screen reader: "남은 시간 4분 59초". */
export function spokenRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const minutes = Math.floor(total / 60);
  const seconds = total % 60;
  return `남은 시간 ${minutes > 0 ? `${minutes}분 ` : ""}${seconds}초`;
}

export function formatPercent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}


export function formatExamDate(iso: string): string {
  return formatKoreanDateTime(new Date(iso));
}

export function formatShortDate(iso: string): string {
  return formatKoreanShortDate(new Date(iso));
}
