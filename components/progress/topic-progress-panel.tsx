// A topic page's own progress: mastery, coverage, 30-day accuracy (review / exam apart), what
// is due this week, and a review of just this topic.
import Link from "next/link";
import { reviewHref } from "@/lib/core/hrefs";
import { formatShortDate } from "@/lib/core/format/datetime";
import { shortDayText } from "@/lib/core/progress/calendar";
import type { TopicProgress } from "@/lib/core/progress/views";
import { buttonClasses } from "@/components/ui/button-link";
import { percent } from "./format";

export function TopicProgressPanel({ progress }: { progress: TopicProgress }) {
  const { overall } = progress;
  const dueWeek = progress.due.reduce((sum, day) => sum + day.cards, 0);
  return (
    <div className="space-y-3 text-sm" data-topic-progress={progress.topicKey}>
      <dl className="grid grid-cols-2 gap-2">
        <Item label="숙달도" value={percent(overall.mastery)} />
        <Item label="학습 범위" value={`${overall.seen}/${overall.cards}장`} />
        <Item label="복습 정답률 (30일)" value={percent(overall.reviewAccuracy)} />
        <Item label="모의고사 정답률" value={percent(overall.examAccuracy)} />
        <Item label="오늘 복습" value={`${overall.dueToday}장`} />
        <Item label="마지막 학습" value={overall.lastReview ? formatShortDate(overall.lastReview, progress.timeZone) : "—"} />
      </dl>
      {progress.domains.length > 1 ? (
        <ul className="space-y-1" aria-label="영역별 숙달도">
          {progress.domains.map((domain) => (
            <li key={domain.key} className="flex justify-between gap-2">
              <span className="text-slate-600 dark:text-slate-400">{domain.label}</span>
              <span className="tabular-nums">{percent(domain.mastery)}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <p className="text-slate-600 dark:text-slate-400">
        7일 동안 복습할 카드 {dueWeek}장
        {dueWeek ? ` (${progress.due.filter((day) => day.cards > 0).map((day) => `${day.offset === 0 ? "오늘" : shortDayText(day.day)} ${day.cards}`).join(", ")})` : ""}
      </p>
      <p className="text-xs text-slate-500 dark:text-slate-400">숙달도는 카드마다 지금 기억할 확률(FSRS)의 평균이며, 아직 보지 않은 카드는 0으로 칩니다.</p>
      <div className="flex flex-wrap gap-2">
        <Link href={reviewHref({ topic: progress.topicKey })} className={buttonClasses("primary")}>
          지금 복습
        </Link>
        <Link href="/progress" className={buttonClasses("secondary")}>
          전체 진도
        </Link>
      </div>
    </div>
  );
}

function Item({ label, value }: { label: string; value: string }) {
  return (
    <div className="rounded-lg bg-slate-50 px-2 py-1.5 dark:bg-slate-800/60">
      <dt className="text-xs text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="font-semibold tabular-nums">{value}</dd>
    </div>
  );
}
