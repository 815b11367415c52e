// A vertical bar chart as server-rendered SVG (d3-scale for the axes; no chart JavaScript is
// shipped). A 400-unit viewBox (as components/exam/score-trend.tsx) keeps 11-unit labels about
// 10 px on a 390 px phone; labels are thinned to every `labelEvery`-th bar.
import { scaleBand, scaleLinear } from "d3-scale";
import { ChartTable } from "./chart-table";

export interface Bar {
  key: string;
  label: string;
  value: number;
  /** the value as the table and tooltip say it */
  text: string;
  highlight?: boolean;
}

const WIDTH = 400;
const HEIGHT = 200;
const PAD = { top: 14, right: 6, bottom: 24, left: 40 };

export function BarChart({ id, title, description, bars, unit, columns, labelEvery = 5 }: { id: string; title: string; description: string; bars: readonly Bar[]; unit: string; columns: readonly [string, string]; labelEvery?: number }) {
  const max = Math.max(1, ...bars.map((bar) => bar.value));
  const x = scaleBand<string>()
    .domain(bars.map((bar) => bar.key))
    .range([PAD.left, WIDTH - PAD.right])
    .padding(0.2);
  const y = scaleLinear().domain([0, max]).nice(4).range([HEIGHT - PAD.bottom, PAD.top]);
  const ticks = y.ticks(4);
  return (
    <figure className="space-y-2">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="h-auto w-full max-w-2xl text-slate-600 dark:text-slate-400">
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{description}</desc>
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-slate-200 dark:stroke-slate-800" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" fontSize={11} fill="currentColor">
              {tick}
            </text>
          </g>
        ))}
        <text x={4} y={PAD.top - 2} fontSize={11} fill="currentColor">
          {unit}
        </text>
        {bars.map((bar, index) => (
          <g key={bar.key}>
            <rect
              x={x(bar.key)}
              y={y(bar.value)}
              width={x.bandwidth()}
              height={Math.max(0, y(0) - y(bar.value))}
              rx={1.5}
              className={bar.highlight ? "fill-amber-500 dark:fill-amber-400" : "fill-sky-600 dark:fill-sky-400"}
            >
              <title>{`${bar.label}: ${bar.text}`}</title>
            </rect>
            {index % labelEvery === 0 ? (
              <text x={(x(bar.key) ?? 0) + x.bandwidth() / 2} y={HEIGHT - 8} textAnchor="middle" fontSize={11} fill="currentColor">
                {bar.label}
              </text>
            ) : null}
          </g>
        ))}
      </svg>
      <figcaption className="text-sm text-slate-600 dark:text-slate-400">{description}</figcaption>
      <ChartTable caption={title} columns={columns} rows={bars.map((bar) => [bar.label, bar.text])} />
    </figure>
  );
}
