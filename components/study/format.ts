import { formatDateTime as formatKoreanDateTime } from "@/lib/core/format/datetime";

const number = new Intl.NumberFormat("ko-KR");

/** "2026년 12월 6일 (일) 오후 3:58" in Asia/Seoul (lib/core/format/datetime). */
export function formatDateTime(date: Date): string {
  return formatKoreanDateTime(date);
}

export function formatCount(value: number): string {
  return number.format(value);
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
