// The home page's readiness panel, placed right below the primary action (which already says
// what is due today): the estimated score with its band and the days to the exam. Self-contained
// so the home page can move it freely.
import Link from "next/link";
import type { ReadinessView } from "@/lib/core/progress/views";
import { Card, SectionTitle } from "@/components/ui/card";
import { ReadinessPanel } from "./readiness-panel";

export function HomeProgressPanel({ readiness }: { readiness: ReadinessView }) {
  const { forecast } = readiness;
  return (
    <Card as="section" labelledBy="home-progress-title" className="space-y-2 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <SectionTitle id="home-progress-title">시험 준비도</SectionTitle>
        <span className="text-sm text-slate-600 dark:text-slate-400" data-home-due={readiness.dueToday}>
          오늘 복습 {readiness.dueToday}장{forecast ? ` · 시험까지 ${forecast.daysLeft}일 · 지금 속도면 ${forecast.paceScaled}점` : ""}
        </span>
      </div>
      <ReadinessPanel readiness={readiness} compact />
      <Link href="/progress" className="inline-block text-sm font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
        진도와 다음에 할 일 보기 →
      </Link>
    </Card>
  );
}
