// Korean labels for the fixed question vocabularies. Domain names come from lib/core so the
// exam and progress pages say the same thing.
import { DOMAIN_LABELS, type Domain, type QuestionOrigin, type QuestionType } from "@/lib/core/questions/types";
import { formatDateTime as formatKoreanDateTime } from "@/lib/core/format/datetime";

export const TYPE_LABELS: Record<QuestionType, string> = {
  single: "단일 선택",
  multiple: "복수 선택",
  flashcard: "플래시카드",
  cloze: "빈칸 채우기",
};

export const ORIGIN_LABELS: Record<QuestionOrigin, string> = {
  curated: "엄선 문제",
  generated: "노트에서 생성",
  imported: "가져온 문제",
};

/** Short domain names for badges; the full names are in DOMAIN_LABELS. */
export const DOMAIN_SHORT_LABELS: Record<Domain, string> = {
  secure: "보안",
  resilient: "복원력",
  performant: "고성능",
  cost: "비용 최적화",
};

export function domainLabel(domain: Domain): string {
  return DOMAIN_LABELS[domain];
}

export const DIFFICULTY_LABELS: Record<number, string> = { 1: "기본", 2: "보통", 3: "어려움" };

/** Dates are shown in the learner's study time zone (settings default, Asia/Seoul), in lib/core/format/datetime's Korean format. */
export function formatDateTime(date: Date): string {
  return formatKoreanDateTime(date);
}
