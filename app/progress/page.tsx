import type { Metadata } from "next";
import { BackupForm } from "@/components/progress/backup-form";
import { BarChart } from "@/components/progress/bar-chart";
import { count, minutes } from "@/components/progress/format";
import { HeatmapChart } from "@/components/progress/heatmap-chart";
import { MasteryChart } from "@/components/progress/mastery-chart";
import { ProgressTable } from "@/components/progress/progress-table";
import { ReadinessPanel } from "@/components/progress/readiness-panel";
import { RetentionChart } from "@/components/progress/retention-chart";
import { Card, SectionTitle } from "@/components/ui/card";
import { Stat } from "@/components/ui/stat";
import { shortDayText } from "@/lib/core/progress/calendar";
import { parseProgressSort } from "@/lib/core/progress/mastery";
import { firstValues } from "@/lib/core/srs/inputs";
import { requestContext } from "@/lib/server/context";
import { fetchProgressDashboard } from "@/lib/server/progress";
import { importProgressAction } from "./actions";
import { BACKUP_UPLOAD_MAX_BYTES } from "./limits";

export const metadata: Metadata = { title: "진도" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ProgressPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const sort = parseProgressSort(firstValues(await searchParams));
  const { db, learnerId, now } = await requestContext();
  const dashboard = await fetchProgressDashboard(db, { learnerId, now }, sort);
  const { readiness, streak } = dashboard;
  const dueTotal = dashboard.due.reduce((sum, day) => sum + day.cards, 0);
  const timeTotal = dashboard.time.reduce((sum, day) => sum + day.minutes, 0);

  return (
    <div className="space-y-6">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">진도</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">주제와 영역마다 얼마나 기억하고 있는지, 시험 준비가 어디까지 왔는지, 다음에 무엇을 하면 좋은지 봅니다.</p>
      </header>

      <section aria-label="요약" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        <Stat label="오늘 복습" value={<span data-stat="due-today">{count(readiness.dueToday)}장</span>} href="/review" />
        <Stat label="연속 학습" value={<span data-stat="streak">{streak.current}일</span>} hint={streak.studiedToday ? `오늘 공부함 · 최장 ${streak.longest}일` : `오늘은 아직 · 최장 ${streak.longest}일`} />
        <Stat label="본 카드" value={<span data-stat="seen">{count(dashboard.totals.seen)}</span>} hint={`전체 ${count(dashboard.totals.cards)}장`} />
        <Stat label="최근 30일 공부 시간" value={minutes(timeTotal)} />
      </section>

      <Card as="section" labelledBy="readiness-title" className="sm:p-6">
        <SectionTitle id="readiness-title" className="mb-3 text-lg">
          시험 준비도
        </SectionTitle>
        <ReadinessPanel readiness={readiness} />
      </Card>

      <Card as="section" id="domains" labelledBy="domains-title" className="scroll-mt-16 space-y-4 sm:p-6">
        <SectionTitle id="domains-title" className="text-lg">
          영역별
        </SectionTitle>
        <MasteryChart id="domain-mastery" title="영역별 숙달도" rows={dashboard.domains} />
        <ProgressTable rows={dashboard.domains} sort={sort} kind="domain" timeZone={dashboard.timeZone} caption="영역별 진도" />
      </Card>

      <Card as="section" id="topics" labelledBy="topics-title" className="scroll-mt-16 space-y-4 sm:p-6">
        <div>
          <SectionTitle id="topics-title" className="text-lg">
            주제별
          </SectionTitle>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            숙달도는 카드마다 지금 기억할 확률(FSRS)의 평균이며 아직 보지 않은 카드는 0으로 칩니다. 정답률은 최근 30일, 복습과 모의고사를 따로 셉니다. 열 제목을 누르면 정렬합니다.
          </p>
        </div>
        {dashboard.topics.length ? (
          <>
            <MasteryChart id="topic-mastery" title="주제별 숙달도 (약한 주제부터)" rows={[...dashboard.topics].sort((a, b) => (a.mastery ?? 0) - (b.mastery ?? 0))} />
            <ProgressTable rows={dashboard.topics} sort={sort} kind="topic" timeZone={dashboard.timeZone} caption="주제별 진도" />
          </>
        ) : (
          <p className="text-sm">아직 카드가 없습니다. 문제 은행을 불러오면 주제별 진도가 나타납니다.</p>
        )}
      </Card>

      {/* min-w-0: a grid item grows to its widest child (the 53-week heatmap) unless told not to. */}
      <div className="grid gap-6 lg:grid-cols-2 [&>*]:min-w-0">
        <Card as="section" labelledBy="heatmap-section-title" className="space-y-2 sm:p-6 lg:col-span-2">
          <SectionTitle id="heatmap-section-title" className="text-lg">
            복습 기록
          </SectionTitle>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            하루는 오전 {dashboard.dayStartHour}시에 시작합니다 ({dashboard.timeZone}). 연속 학습 {streak.current}일, 최장 {streak.longest}일.
          </p>
          <HeatmapChart heatmap={dashboard.heatmap} />
        </Card>

        <Card as="section" labelledBy="due-title" className="space-y-2 sm:p-6">
          <SectionTitle id="due-title" className="text-lg">
            앞으로 30일 복습 예정
          </SectionTitle>
          <BarChart
            id="due-chart"
            title="앞으로 30일 동안 날마다 복습할 카드 수"
            description={`30일 동안 ${count(dueTotal)}장, 오늘 ${count(dashboard.due[0]?.cards ?? 0)}장 (밀린 카드 포함).`}
            unit="장"
            columns={["날짜", "카드"]}
            bars={dashboard.due.map((day) => ({ key: String(day.day), label: day.offset === 0 ? "오늘" : shortDayText(day.day), value: day.cards, text: `${count(day.cards)}장`, highlight: day.offset === 0 }))}
          />
        </Card>

        <Card as="section" labelledBy="time-title" className="space-y-2 sm:p-6">
          <SectionTitle id="time-title" className="text-lg">
            하루 공부 시간 (최근 30일)
          </SectionTitle>
          <BarChart
            id="time-chart"
            title="최근 30일 날마다 답하는 데 쓴 시간"
            description={`30일 동안 ${minutes(timeTotal)}, 하루 평균 ${minutes(timeTotal / 30)}. 카드를 보고 답하기까지 걸린 시간의 합입니다.`}
            unit="분"
            columns={["날짜", "시간"]}
            bars={dashboard.time.map((day, index) => ({ key: String(day.day), label: index === dashboard.time.length - 1 ? "오늘" : shortDayText(day.day), value: Math.round(day.minutes * 10) / 10, text: `${minutes(day.minutes)} (${day.answers}번)`, highlight: index === dashboard.time.length - 1 }))}
          />
        </Card>

        <Card as="section" labelledBy="retention-section-title" className="space-y-2 sm:p-6 lg:col-span-2">
          <SectionTitle id="retention-section-title" className="text-lg">
            실제 기억 유지율과 목표
          </SectionTitle>
          <RetentionChart months={dashboard.retention} desired={readiness.desiredRetention} />
        </Card>
      </div>

      <Card as="section" labelledBy="backup-title" className="sm:p-6">
        <SectionTitle id="backup-title" className="mb-3 text-lg">
          백업
        </SectionTitle>
        <BackupForm action={importProgressAction} maxKilobytes={BACKUP_UPLOAD_MAX_BYTES / 1024} />
      </Card>
    </div>
  );
}
