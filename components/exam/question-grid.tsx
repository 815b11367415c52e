// Navigation over every question: answered (filled), flagged (amber mark), current (ring). Each
// cell says all three in its accessible name, so the grid reads the same without colour.
import type { ExamQuestionView } from "@/lib/core/exam/types";

export type AnswerState = "answered" | "partial" | "unanswered";

export function answerStateOf(question: Pick<ExamQuestionView, "selected" | "selectCount">): AnswerState {
  if (question.selected.length === 0) return "unanswered";
  return question.selected.length < question.selectCount ? "partial" : "answered";
}

export function cellLabel(question: ExamQuestionView, number: number, current: boolean): string {
  const state = answerStateOf(question);
  const parts = [`문제 ${number}`, state === "answered" ? "답함" : state === "partial" ? `${question.selectCount}개 중 ${question.selected.length}개 고름` : "답하지 않음"];
  if (question.feedback) parts.push(question.feedback.correct ? "정답 확인함: 맞음" : "정답 확인함: 틀림");
  if (question.flagged) parts.push("검토 표시");
  if (current) parts.push("현재 문제");
  return parts.join(", ");
}

export function QuestionGrid({
  questions,
  currentIndex,
  onSelect,
  disabled,
}: {
  questions: readonly ExamQuestionView[];
  currentIndex: number;
  onSelect: (index: number) => void;
  disabled?: boolean;
}) {
  return (
    <nav aria-label="문제 목록">
      <ol className="grid grid-cols-8 gap-1.5 sm:grid-cols-10 lg:grid-cols-6">
        {questions.map((question, index) => {
          const state = answerStateOf(question);
          const current = index === currentIndex;
          return (
            <li key={question.position}>
              <button
                type="button"
                onClick={() => onSelect(index)}
                disabled={disabled}
                aria-label={cellLabel(question, index + 1, current)}
                aria-current={current ? "step" : undefined}
                data-grid-cell={index + 1}
                data-answered={state}
                data-flagged={question.flagged || undefined}
                className={`relative flex h-10 w-full min-w-9 items-center justify-center rounded-md border text-sm font-semibold tabular-nums transition-colors disabled:opacity-60 ${
                  state === "answered"
                    ? "border-sky-700 bg-sky-700 text-white dark:border-sky-500 dark:bg-sky-700"
                    : state === "partial"
                      ? "border-sky-500 bg-sky-100 text-sky-900 dark:border-sky-500 dark:bg-sky-950 dark:text-sky-100"
                      : "border-slate-300 bg-white text-slate-700 hover:border-sky-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
                } ${current ? "ring-2 ring-amber-500 ring-offset-2 ring-offset-white dark:ring-amber-400 dark:ring-offset-slate-950" : ""}`}
              >
                <span aria-hidden="true">{index + 1}</span>
                {question.flagged ? (
                  <span aria-hidden="true" className="absolute -top-1 -right-1 h-3 w-3 rounded-full border-2 border-white bg-amber-500 dark:border-slate-950 dark:bg-amber-400" />
                ) : null}
                {question.feedback ? (
                  <span aria-hidden="true" className={`absolute bottom-0.5 left-1/2 h-1 w-4 -translate-x-1/2 rounded-full ${question.feedback.correct ? "bg-emerald-400" : "bg-rose-400"}`} />
                ) : null}
              </button>
            </li>
          );
        })}
      </ol>
      <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-slate-600 dark:text-slate-400" aria-hidden="true">
        <span className="inline-flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm bg-sky-700 dark:bg-sky-700" /> 답함
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm border border-slate-400" /> 안 함
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="h-3 w-3 rounded-full bg-amber-500" /> 검토 표시
        </span>
        <span className="inline-flex items-center gap-1">
          <span className="h-3 w-3 rounded-sm ring-2 ring-amber-500" /> 현재
        </span>
      </p>
    </nav>
  );
}
