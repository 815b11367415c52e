// The home page's first panel: what is due today and the readiness estimate, self-contained so
// the home page can place it wherever its primary action goes.
import Link from "next/link";
import type { ReadinessView } from "@/lib/core/progress/views";
import { Card, SectionTitle } from "@/components/ui/card";
import { buttonClasses } from "@/components/ui/button-link";
import { ReadinessPanel } from "./readiness-panel";

export function HomeProgressPanel({ readiness }: { readiness: ReadinessView }) {
  return (
    <Card as="section" labelledBy="home-progress-title" className="sm:p-6">
      <div className="grid gap-4 sm:grid-cols-[auto_minmax(0,1fr)] sm:items-start sm:gap-8">
        <div>
          <SectionTitle id="home-progress-title">오늘 할 복습</SectionTitle>
          <p className="mt-1 text-4xl font-bold tabular-nums" data-home-due={readiness.dueToday}>
            {readiness.dueToday}장
          </p>
          <div className="mt-3 flex flex-wrap gap-2">
            <Link href="/review" className={buttonClasses("primary")}>
              복습 시작
            </Link>
            <Link href="/progress" className={buttonClasses("secondary")}>
              진도 보기
            </Link>
          </div>
        </div>
        <ReadinessPanel readiness={readiness} compact />
      </div>
    </Card>
  );
}
