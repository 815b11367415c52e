import Link from "next/link";
import { LibraryEmpty } from "@/components/study/library-empty";
import { categoryAnchor, EXAMPLE_QUERIES, noteHref, topicHref } from "@/components/study/links";
import { formatBytes, formatCount, formatDateTime } from "@/components/study/format";
import { SearchForm } from "@/components/study/search-form";
import { ExampleQueries } from "@/components/study/search-results";
import { Card, SectionTitle } from "@/components/ui/card";
import { Icon } from "@/components/ui/icons";
import { Stat } from "@/components/ui/stat";
import { HomeProgress } from "@/app/progress/_panels/home-progress";
import { buttonClasses } from "@/components/ui/button-link";
import { reviewHref } from "@/lib/core/hrefs";
import { requestContext } from "@/lib/server/context";
import { fetchLibraryOverview, fetchStudyStart } from "@/lib/server/study";

export default async function HomePage() {
  const context = await requestContext();
  const [overview, start] = await Promise.all([fetchLibraryOverview(context.db), fetchStudyStart(context)]);
  const lintTotal = overview.lintCounts.reference + overview.lintCounts.conflict + overview.lintCounts.input;

  return (
    <div className="space-y-8">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
          내 노트로 공부하는 <span className="text-sky-700 dark:text-sky-400">AWS SAA-C03</span>
        </h1>
        <p className="mt-2 text-slate-600 dark:text-slate-400">노트를 서비스별 주제로 정리했습니다. 주제를 읽고, 검색하고, 원본 노트의 줄까지 따라가 보세요.</p>
        <div className="mt-4 max-w-2xl">
          <SearchForm />
        </div>
      </header>

      {overview.topicCount === 0 ? (
        <LibraryEmpty />
      ) : (
        <>
          {/* What to do first: today's review, then a mock exam. */}
          <section aria-labelledby="today-title" className="rounded-2xl border border-sky-200 bg-sky-50 p-5 sm:p-6 dark:border-sky-900 dark:bg-sky-950/40">
            <h2 id="today-title" className="text-lg font-semibold text-slate-900 dark:text-slate-50">
              오늘 할 일
            </h2>
            {start.due + start.newToday > 0 ? (
              <p className="mt-1 text-slate-700 dark:text-slate-300">
                복습할 카드 <strong className="tabular-nums text-slate-900 dark:text-slate-50">{formatCount(start.due)}장</strong>, 새 카드{" "}
                <strong className="tabular-nums text-slate-900 dark:text-slate-50">{formatCount(start.newToday)}장</strong>이 기다립니다.
              </p>
            ) : (
              <p className="mt-1 text-slate-700 dark:text-slate-300">오늘 복습할 카드와 새 카드를 모두 마쳤습니다. 주제를 읽거나 모의고사를 풀어 보세요.</p>
            )}
            <div className="mt-4 flex flex-wrap items-center gap-3">
              <Link href={reviewHref()} className={`${buttonClasses("primary")} min-h-12 px-6 text-base`}>
                복습 시작
                <span className="font-normal tabular-nums">
                  {" "}
                  · 복습 {formatCount(start.due)} · 새 카드 {formatCount(start.newToday)}
                </span>
              </Link>
              <Link href="/exams" className={`${buttonClasses("secondary")} min-h-12 px-5 text-base`}>
                모의고사
              </Link>
            </div>
          </section>

          {/* Readiness (components/progress), right below the primary action. */}
          <HomeProgress />

          <section aria-label="서재 현황" className="grid grid-cols-2 gap-3 sm:grid-cols-4">
            <Stat label="노트" value={formatCount(overview.notes.length)} href="#notes" />
            <Stat label="주제" value={formatCount(overview.topicCount)} href="/topics" />
            <Stat label="수치·한도" value={formatCount(overview.factCount)} hint="노트에서 뽑은 값" />
            <Stat label="문제" value={formatCount(overview.questionCount)} href="/questions" hint={overview.questionCount ? undefined : "아직 없음"} />
          </section>

          {lintTotal > 0 ? (
            <Link
              href="/notes/lint"
              className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 hover:border-amber-500 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100"
            >
              <Icon name="warning" className="h-4 w-4 text-amber-700 dark:text-amber-400" />
              <span className="font-semibold">노트 점검 {lintTotal}건</span>
              <span>
                AWS 문서와 다름 {overview.lintCounts.reference} · 노트끼리 다름 {overview.lintCounts.conflict} · 입력 문제 {overview.lintCounts.input}
              </span>
              <span className="ml-auto font-medium underline underline-offset-2">확인하기 →</span>
            </Link>
          ) : null}

          <div className="grid gap-6 lg:grid-cols-3">
            <Card as="section" labelledBy="start-title" className="lg:col-span-2">
              <SectionTitle id="start-title">어디서 시작할까요?</SectionTitle>
              <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">수치와 한도가 많이 정리된 주제부터 읽으면 시험에 자주 나오는 값을 빨리 익힐 수 있습니다.</p>
              {overview.startTopics.length ? (
                <ul className="mt-3 grid gap-2 sm:grid-cols-2">
                  {overview.startTopics.map((topic) => (
                    <li key={topic.slug}>
                      <Link href={topicHref(topic.slug)} className="block h-full rounded-lg border border-slate-200 px-3 py-2 hover:border-sky-400 hover:bg-sky-50/50 dark:border-slate-700 dark:hover:border-sky-600 dark:hover:bg-sky-950/30">
                        <span className="block text-xs text-slate-500 dark:text-slate-400">
                          {topic.categoryName} · 수치 {topic.factCount}개
                        </span>
                        <span className="font-medium text-slate-900 dark:text-slate-100">{topic.title}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              ) : null}
              <div className="mt-4 flex flex-wrap gap-x-4 gap-y-2 text-sm">
                <Link href="/topics" className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                  전체 주제 보기 →
                </Link>
              </div>
              <div className="mt-5 border-t border-slate-100 pt-4 dark:border-slate-800">
                <ExampleQueries queries={EXAMPLE_QUERIES} />
              </div>
            </Card>

            <Card as="section" labelledBy="categories-title">
              <SectionTitle id="categories-title">분류별 주제</SectionTitle>
              <ul className="mt-2 divide-y divide-slate-100 text-sm dark:divide-slate-800">
                {overview.categories.map((category) => (
                  <li key={category.key}>
                    <Link href={`/topics#${categoryAnchor(category.key)}`} className="flex justify-between gap-2 py-1.5 hover:text-sky-700 dark:hover:text-sky-400">
                      <span>{category.name}</span>
                      <span className="tabular-nums text-slate-500 dark:text-slate-400">{category.topicCount}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </Card>
          </div>

          <Card as="section" id="notes" labelledBy="notes-title" className="scroll-mt-4">
            <SectionTitle id="notes-title">노트 {overview.notes.length}개</SectionTitle>
            <ul className="mt-2 divide-y divide-slate-100 dark:divide-slate-800">
              {overview.notes.map((note) => (
                <li key={note.path} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5 py-2">
                  <a href={noteHref(note.path)} className="min-w-0 text-sm font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                    {note.title}
                    <span className="ml-2 font-mono text-xs font-normal text-slate-500 dark:text-slate-400">{note.path}</span>
                  </a>
                  <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">
                    주제 {note.topicCount} · {formatBytes(note.byteSize)}
                  </span>
                </li>
              ))}
            </ul>
            {overview.lastIngestAt ? <p className="mt-3 text-xs text-slate-500 dark:text-slate-400">마지막으로 불러온 시각: {formatDateTime(overview.lastIngestAt)}</p> : null}
          </Card>
        </>
      )}
    </div>
  );
}
