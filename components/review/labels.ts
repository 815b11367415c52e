import type { QueueKind } from "@/lib/core/srs/queue";
import type { QuestionType } from "@/lib/core/questions/types";

export const KIND_LABELS: Record<QueueKind, string> = { new: "새 카드", learning: "학습 중", review: "복습" };

export const TYPE_LABELS: Record<QuestionType, string> = {
  single: "단일 선택",
  multiple: "복수 선택",
  flashcard: "플래시카드",
  cloze: "빈칸 채우기",
};

export const OPTION_KEYS = ["A", "B", "C", "D", "E", "F"];

/** "약 8분 후" for the next learning card. */
export function formatWait(iso: string, now: number): string {
  const minutes = Math.max(1, Math.round((new Date(iso).getTime() - now) / 60_000));
  if (minutes < 60) return `약 ${minutes}분 후`;
  const hours = Math.round(minutes / 6) / 10;
  return `약 ${hours}시간 후`;
}
