// Actual retention per month (review-state answers not rated 다시) against the desired
// retention in settings, as a line chart (d3-shape); months without such answers leave a gap.
import { scaleLinear, scalePoint } from "d3-scale";
import { line } from "d3-shape";
import type { RetentionMonth } from "@/lib/core/progress/calendar";
import { ChartTable } from "./chart-table";
import { count, percent } from "./format";

const WIDTH = 400;
const HEIGHT = 200;
const PAD = { top: 14, right: 8, bottom: 24, left: 36 };

export function RetentionChart({ months, desired }: { months: readonly RetentionMonth[]; desired: number }) {
  const values = months.flatMap((month) => (month.actual == null ? [] : [month.actual]));
  const low = Math.min(0.5, desired - 0.1, ...values);
  const x = scalePoint<string>()
    .domain(months.map((month) => month.key))
    .range([PAD.left, WIDTH - PAD.right])
    .padding(0.3);
  const y = scaleLinear().domain([Math.floor(low * 10) / 10, 1]).range([HEIGHT - PAD.bottom, PAD.top]);
  const path = line<RetentionMonth>()
    .defined((month) => month.actual != null)
    .x((month) => x(month.key) ?? 0)
    .y((month) => y(month.actual ?? 0))(months as RetentionMonth[]);
  const latest = [...months].reverse().find((month) => month.actual != null);
  const description = latest
    ? `목표 기억 유지율 ${percent(desired)} 대비 실제 유지율: ${latest.label} ${percent(latest.actual, 1)} (${count(latest.answers)}번 중). 실제 유지율은 복습 단계 카드의 답 중 '다시'가 아닌 비율입니다.`
    : `아직 복습 단계 카드의 답이 없습니다. 목표 기억 유지율은 ${percent(desired)}입니다.`;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby="retention-title retention-desc" className="h-auto w-full max-w-2xl text-slate-600 dark:text-slate-400">
        <title id="retention-title">월별 실제 기억 유지율과 목표</title>
        <desc id="retention-desc">{description}</desc>
        {y.ticks(4).map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-slate-200 dark:stroke-slate-800" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {percent(tick)}
            </text>
          </g>
        ))}
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(desired)} y2={y(desired)} strokeDasharray="5 4" strokeWidth={1.5} className="stroke-amber-500 dark:stroke-amber-400" />
        <text x={WIDTH - PAD.right} y={y(desired) - 5} textAnchor="end" fontSize={11} className="fill-amber-700 dark:fill-amber-300">
          목표 {percent(desired)}
        </text>
        {path ? <path d={path} fill="none" strokeWidth={2} className="stroke-sky-600 dark:stroke-sky-400" /> : null}
        {months.map((month, index) => (
          <g key={month.key}>
            {month.actual != null ? (
              <circle cx={x(month.key)} cy={y(month.actual)} r={3.5} className="fill-sky-600 dark:fill-sky-400">
                <title>{`${month.label}: ${percent(month.actual, 1)} (${count(month.answers)}번)`}</title>
              </circle>
            ) : null}
            {index % 2 === 1 ? (
              <text x={x(month.key)} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill="currentColor">
                {month.label.replace(/^\d+년 /, "")}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">{description}</figcaption>
      <ChartTable caption="월별 실제 기억 유지율" columns={["월", "실제 유지율", "복습 답 수", "목표"]} rows={months.map((month) => [month.label, percent(month.actual, 1), count(month.answers), percent(desired)])} />
    </figure>
  );
}
