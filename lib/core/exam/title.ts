// The attempt's Korean title, shown on the exam page, the results and the history.
import type { ExamConfig } from "./types";

/**
 * "실전 모의고사", "맞춤 시험 · 10문제", "약점 집중 · 20문제", "틀린 문제 다시 풀기 · 7문제",
 * plus " (연습 모드)" in practice mode. Pass the number of questions the attempt really holds
 * as questionCount when the bank gave fewer than asked.
 */
export function examTitle(config: Pick<ExamConfig, "mode" | "feedback" | "questionCount" | "questionIds">): string {
  const base =
    config.questionIds !== null
      ? `틀린 문제 다시 풀기 · ${config.questionIds.length}문제`
      : config.mode === "full"
        ? "실전 모의고사"
        : `${config.mode === "weak" ? "약점 집중" : "맞춤 시험"} · ${config.questionCount}문제`;
  return config.feedback === "practice" ? `${base} (연습 모드)` : base;
}
