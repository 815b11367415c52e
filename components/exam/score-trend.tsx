// The scaled score over finished attempts as a small server-rendered SVG (at most 50 points: no
// chart library needed), with the pass line at 720 and a table holding the same numbers for
// screen readers and for anyone who prefers a table.
import { SAA_C03, type ExamAttemptSummary } from "@/lib/core/exam/types";
import { formatExamDate, formatShortDate } from "./labels";

const WIDTH = 400;
const HEIGHT = 200;
const PAD = { top: 12, right: 12, bottom: 26, left: 36 };
const TICKS = [SAA_C03.minScaled, 400, SAA_C03.maxScaled];

export interface TrendPoint {
  id: string;
  at: string;
  title: string;
  scaled: number;
  passed: boolean;
}

/** Finished, scored attempts, oldest first, the last 50. `history` is newest first. */
export function trendPointsOf(history: readonly ExamAttemptSummary[]): TrendPoint[] {
  return history
    .filter((attempt) => attempt.status === "finished" && attempt.scaled != null)
    .map((attempt) => ({ id: attempt.id, at: attempt.finishedAt ?? attempt.startedAt, title: attempt.title, scaled: attempt.scaled ?? 0, passed: attempt.passed ?? false }))
    .reverse()
    .slice(-50);
}

export function ScoreTrend({ points }: { points: readonly TrendPoint[] }) {
  if (points.length === 0) return null;
  const innerWidth = WIDTH - PAD.left - PAD.right;
  const innerHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length === 1 ? innerWidth / 2 : (innerWidth * index) / (points.length - 1));
  const y = (scaled: number) => PAD.top + innerHeight * (1 - (scaled - SAA_C03.minScaled) / (SAA_C03.maxScaled - SAA_C03.minScaled));
  const path = points.map((point, index) => `${index === 0 ? "M" : "L"}${x(index).toFixed(1)},${y(point.scaled).toFixed(1)}`).join(" ");
  const latest = points[points.length - 1]!;
  const best = Math.max(...points.map((point) => point.scaled));
  const summary = `점수 추이: ${points.length}회, 최근 ${latest.scaled}점, 최고 ${best}점, 합격선 ${SAA_C03.passScaled}점`;

  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="trend-title" className="h-auto w-full max-w-2xl text-slate-600 dark:text-slate-400">
        <title id="trend-title">{summary}</title>
        {TICKS.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {tick}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(SAA_C03.passScaled)} y2={y(SAA_C03.passScaled)} className="stroke-amber-500 dark:stroke-amber-400" strokeWidth={1.5} strokeDasharray="5 4" />
        <text x={PAD.left - 6} y={y(SAA_C03.passScaled) + 4} textAnchor="end" fontSize={11} fontWeight={700} className="fill-amber-700 dark:fill-amber-300">
          {SAA_C03.passScaled}
        </text>
        <text x={WIDTH - PAD.right} y={y(SAA_C03.passScaled) - 5} textAnchor="end" fontSize={10} className="fill-amber-700 dark:fill-amber-300">
          합격선
        </text>
        {points.length > 1 ? <path d={path} fill="none" className="stroke-sky-600 dark:stroke-sky-400" strokeWidth={2} strokeLinejoin="round" /> : null}
        {points.map((point, index) => (
          <circle key={point.id} cx={x(index)} cy={y(point.scaled)} r={3.5} className={point.passed ? "fill-emerald-600 dark:fill-emerald-400" : "fill-rose-600 dark:fill-rose-400"}>
            <title>{`${formatShortDate(point.at)} ${point.scaled}점 ${point.passed ? "합격" : "불합격"}`}</title>
          </circle>
        ))}
        <text x={x(0)} y={HEIGHT - 8} textAnchor={points.length === 1 ? "middle" : "start"} fontSize={11} fill="currentColor">
          {formatShortDate(points[0]!.at)}
        </text>
        {points.length > 1 ? (
          <text x={x(points.length - 1)} y={HEIGHT - 8} textAnchor="end" fontSize={11} fill="currentColor">
            {formatShortDate(latest.at)}
          </text>
        ) : null}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">
        {summary}. <span className="text-emerald-700 dark:text-emerald-300">●</span> 합격 <span className="text-rose-700 dark:text-rose-300">●</span> 불합격
      </figcaption>
      <details className="text-sm">
        <summary className="inline-flex min-h-9 cursor-pointer items-center font-medium text-sky-700 dark:text-sky-400">표로 보기</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">회차별 환산 점수</caption>
            <thead>
              <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
                <th scope="col" className="py-1.5 pr-2 font-medium">
                  회차
                </th>
                <th scope="col" className="px-2 py-1.5 font-medium">
                  날짜
                </th>
                <th scope="col" className="px-2 py-1.5 text-right font-medium">
                  점수
                </th>
                <th scope="col" className="py-1.5 pl-2 font-medium">
                  결과
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {points.map((point, index) => (
                <tr key={point.id}>
                  <th scope="row" className="py-1.5 pr-2 text-left font-normal tabular-nums">
                    {index + 1}
                  </th>
                  <td className="px-2 py-1.5">{formatExamDate(point.at)}</td>
                  <td className="px-2 py-1.5 text-right font-semibold tabular-nums">{point.scaled}</td>
                  <td className="py-1.5 pl-2">{point.passed ? "합격" : "불합격"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
