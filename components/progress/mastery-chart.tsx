// Mastery per topic or domain as horizontal bars, weakest first, with coverage drawn behind
// each bar (the share of cards seen): a topic can be well recalled but barely started.
import { scaleLinear } from "d3-scale";
import type { ProgressRow } from "@/lib/core/progress/mastery";
import { ChartTable } from "./chart-table";
import { percent } from "./format";

const WIDTH = 400;
const ROW = 26;
const LABEL = 140;
const PAD_RIGHT = 40;

export function MasteryChart({ id, title, rows }: { id: string; title: string; rows: readonly ProgressRow[] }) {
  const shown = rows.filter((row) => row.cards > 0);
  if (shown.length === 0) return null;
  const height = shown.length * ROW + 24;
  const x = scaleLinear().domain([0, 1]).range([LABEL, WIDTH - PAD_RIGHT]);
  const weakest = shown[0]!;
  const description = `${shown.length}개 항목의 숙달도(지금 기억하고 있을 확률의 평균, 보지 않은 카드는 0). 옅은 막대는 학습 범위(본 카드 비율). 가장 약한 항목: ${weakest.label} ${percent(weakest.mastery)}.`;
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-2xl text-slate-700 dark:text-slate-300">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {[0, 0.5, 0.72, 1].map((tick) => (
          <g key={tick}>
            <line x1={x(tick)} x2={x(tick)} y1={0} y2={height - 18} className={tick === 0.72 ? "stroke-amber-500 dark:stroke-amber-400" : "stroke-slate-200 dark:stroke-slate-800"} strokeDasharray={tick === 0.72 ? "4 3" : undefined} />
            <text x={x(tick)} y={height - 4} textAnchor="middle" fontSize={11} fill="currentColor">
              {tick === 0.72 ? "72%" : percent(tick)}
            </text>
          </g>
        ))}
        {shown.map((row, index) => {
          const top = index * ROW + 4;
          return (
            <g key={row.key}>
              <text x={LABEL - 8} y={top + 15} textAnchor="end" fontSize={12} fill="currentColor">
                {row.label.length > 17 ? `${row.label.slice(0, 16)}…` : row.label}
              </text>
              <rect x={x(0)} y={top + 2} width={x(row.coverage ?? 0) - x(0)} height={ROW - 8} rx={2} className="fill-sky-100 dark:fill-sky-950" />
              <rect x={x(0)} y={top + 6} width={x(row.mastery ?? 0) - x(0)} height={ROW - 16} rx={2} className={(row.mastery ?? 0) >= 0.72 ? "fill-emerald-600 dark:fill-emerald-400" : "fill-sky-600 dark:fill-sky-400"}>
                <title>{`${row.label}: 숙달도 ${percent(row.mastery)}, 학습 범위 ${percent(row.coverage)}`}</title>
              </rect>
              <text x={WIDTH - PAD_RIGHT + 6} y={top + 15} fontSize={11} fill="currentColor" className="tabular-nums">
                {percent(row.mastery)}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">{description}</figcaption>
      <ChartTable caption={title} columns={["항목", "숙달도", "학습 범위"]} rows={shown.map((row) => [row.label, percent(row.mastery), percent(row.coverage)])} />
    </figure>
  );
}
