// /exams: the attempts still in progress (resume or abandon) and the finished ones, with the
// score trend. Server-rendered; only the abandon confirmation runs in the browser.
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button-link";
import { Card, SectionTitle } from "@/components/ui/card";
import type { ExamAttemptSummary } from "@/lib/core/exam/types";
import { examHref, examResultsHref } from "@/lib/core/hrefs";
import { AbandonExamForm } from "./abandon-form";
import type { AbandonExamFormState } from "./form-state";
import { FEEDBACK_LABELS, formatDuration, formatExamDate, MODE_LABELS } from "./labels";
import { ScoreTrend, trendPointsOf } from "./score-trend";

type AbandonAction = (previous: AbandonExamFormState, formData: FormData) => Promise<AbandonExamFormState>;

/** `now` is the request's clock (requestContext), so "남은 시간" agrees with the server. */
export function InProgressAttempts({ attempts, now, abandonAction }: { attempts: readonly ExamAttemptSummary[]; now: Date; abandonAction: AbandonAction }) {
  if (attempts.length === 0) return null;
  return (
    <Card as="section" labelledBy="in-progress-title" className="border-sky-300 dark:border-sky-800">
      <SectionTitle id="in-progress-title">진행 중인 시험 {attempts.length}개</SectionTitle>
      <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
        {attempts.map((attempt) => {
          const left = attempt.deadline ? new Date(attempt.deadline).getTime() - now.getTime() : null;
          return (
            <li key={attempt.id} data-attempt-id={attempt.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
              <div className="min-w-0 flex-1">
                <p className="font-semibold">{attempt.title}</p>
                <p className="text-sm text-slate-600 dark:text-slate-400">
                  {MODE_LABELS[attempt.mode]} · {FEEDBACK_LABELS[attempt.feedback]} · {formatExamDate(attempt.startedAt)} 시작 · 답함 {attempt.answered}/{attempt.questionCount}
                  {left == null ? " · 시간 제한 없음" : left > 0 ? ` · 남은 시간 약 ${formatDuration(left)}` : " · 시간 종료 (다시 열면 채점됩니다)"}
                </p>
              </div>
              <div className="flex flex-wrap items-center gap-2">
                <Link href={examHref(attempt.id)} className={`${buttonClasses("primary")} min-h-11`}>
                  {left != null && left <= 0 ? "결과 보기" : "이어서 풀기"}
                </Link>
                <AbandonExamForm attemptId={attempt.id} title={attempt.title} action={abandonAction} />
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}

function verdictOf(attempt: ExamAttemptSummary) {
  if (attempt.status === "abandoned") return <Badge>포기</Badge>;
  if (attempt.passed == null) return <Badge>–</Badge>;
  return attempt.passed ? <Badge tone="emerald">합격</Badge> : <Badge tone="rose">불합격</Badge>;
}

export function ExamHistory({ history }: { history: readonly ExamAttemptSummary[] }) {
  const points = trendPointsOf(history);
  return (
    <Card as="section" labelledBy="history-title">
      <SectionTitle id="history-title">지난 시험</SectionTitle>
      {history.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">아직 마친 시험이 없습니다. 위에서 첫 시험을 시작하세요.</p>
      ) : (
        <div className="mt-3 space-y-5">
          {points.length > 0 ? <ScoreTrend points={points} /> : null}
          <div className="overflow-x-auto">
            <table className="w-full min-w-[36rem] text-sm">
              <caption className="sr-only">지난 시험 목록 (최근 순)</caption>
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
                  <th scope="col" className="py-2 pr-2 font-medium">
                    날짜
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    시험
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    정답
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    환산 점수
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    결과
                  </th>
                  <th scope="col" className="py-2 pl-2 font-medium">
                    <span className="sr-only">자세히</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {history.map((attempt) => (
                  <tr key={attempt.id} data-attempt-id={attempt.id}>
                    <td className="py-2 pr-2 whitespace-nowrap">{formatExamDate(attempt.finishedAt ?? attempt.startedAt)}</td>
                    <th scope="row" className="px-2 py-2 text-left font-medium">
                      {attempt.title}
                      <span className="block text-xs font-normal text-slate-500 dark:text-slate-400">
                        {MODE_LABELS[attempt.mode]} · {FEEDBACK_LABELS[attempt.feedback]}
                      </span>
                    </th>
                    <td className="px-2 py-2 text-right tabular-nums">{attempt.correct == null ? "–" : `${attempt.correct}/${attempt.questionCount}`}</td>
                    <td className="px-2 py-2 text-right font-semibold tabular-nums">{attempt.scaled ?? "–"}</td>
                    <td className="px-2 py-2">{verdictOf(attempt)}</td>
                    <td className="py-2 pl-2 text-right">
                      {attempt.status === "finished" ? (
                        <Link href={examResultsHref(attempt.id)} className="inline-flex min-h-9 items-center whitespace-nowrap text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                          결과 보기<span className="sr-only">: {attempt.title}</span>
                        </Link>
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </Card>
  );
}
