// The last 12 months of answers by study day (weeks as columns, Sunday on top), scrollable
// sideways on a phone. The table alternative sums months.
import { labelOfDay, longDayText, type Heatmap } from "@/lib/core/progress/calendar";
import { ChartTable } from "./chart-table";
import { count } from "./format";

const CELL = 11;
const GAP = 2;
const TOP = 16;
const LEFT = 22;
const LEVEL_CLASSES = [
  "fill-slate-100 dark:fill-slate-800",
  "fill-sky-200 dark:fill-sky-900",
  "fill-sky-400 dark:fill-sky-700",
  "fill-sky-600 dark:fill-sky-500",
  "fill-sky-800 dark:fill-sky-300",
] as const;

export function HeatmapChart({ heatmap }: { heatmap: Heatmap }) {
  const width = LEFT + heatmap.weeks.length * (CELL + GAP);
  const height = TOP + 7 * (CELL + GAP);
  const months = new Map<string, { label: string; answers: number; days: number }>();
  const monthLabels: { x: number; text: string }[] = [];
  heatmap.weeks.forEach((week, column) => {
    for (const cell of week) {
      if (!cell) continue;
      const label = labelOfDay(cell.day);
      const key = `${label.year}-${label.month}`;
      const entry = months.get(key) ?? { label: `${label.year}년 ${label.month}월`, answers: 0, days: 0 };
      entry.answers += cell.answers;
      if (cell.answers > 0) entry.days += 1;
      months.set(key, entry);
      if (label.day === 1) monthLabels.push({ x: LEFT + column * (CELL + GAP), text: `${label.month}월` });
    }
  });
  const title = "최근 12개월 복습 히트맵";
  const description = `최근 365일 중 ${heatmap.activeDays}일 동안 ${count(heatmap.totalAnswers)}번 답했습니다. 칸이 진할수록 그날 많이 답했습니다.`;
  return (
    <figure className="space-y-2">
      {/* row-reverse: on a narrow screen the scroll starts at the right end, today. */}
      <div className="relative flex flex-row-reverse overflow-x-auto md:flex-row">
        <svg viewBox={`0 0 ${width} ${height}`} width={width} height={height} role="img" aria-labelledby="heatmap-title heatmap-desc" className="shrink-0 text-slate-600 dark:text-slate-400">
          <title id="heatmap-title">{title}</title>
          <desc id="heatmap-desc">{description}</desc>
          {monthLabels.map((month) => (
            <text key={month.x} x={month.x} y={10} fontSize={10} fill="currentColor">
              {month.text}
            </text>
          ))}
          {["일", "화", "목", "토"].map((weekday, index) => (
            <text key={weekday} x={0} y={TOP + index * 2 * (CELL + GAP) + CELL - 2} fontSize={9} fill="currentColor">
              {weekday}
            </text>
          ))}
          {heatmap.weeks.map((week, column) =>
            week.map((cell, row) =>
              cell ? (
                <rect key={cell.day} x={LEFT + column * (CELL + GAP)} y={TOP + row * (CELL + GAP)} width={CELL} height={CELL} rx={2} className={LEVEL_CLASSES[cell.level]}>
                  <title>{`${longDayText(cell.day)}: ${cell.answers}번`}</title>
                </rect>
              ) : null,
            ),
          )}
        </svg>
      </div>
      <figcaption className="flex flex-wrap items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
        <span>{description}</span>
        <span aria-hidden="true" className="inline-flex items-center gap-1 text-xs">
          적음
          {LEVEL_CLASSES.map((classes) => (
            <svg key={classes} width={11} height={11}>
              <rect width={11} height={11} rx={2} className={classes} />
            </svg>
          ))}
          많음
        </span>
      </figcaption>
      <ChartTable caption="월별 답한 수와 공부한 날" columns={["월", "답한 수", "공부한 날"]} rows={[...months.values()].map((month) => [month.label, count(month.answers), `${month.days}일`])} />
    </figure>
  );
}
