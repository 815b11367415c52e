import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Breadcrumbs } from "@/components/study/breadcrumbs";
import { ChildTopics } from "@/components/study/child-topics";
import { FactTable } from "@/components/study/fact-table";
import { formatDateTime } from "@/components/study/format";
import { LintNotice } from "@/components/study/lint-notice";
import { categoryAnchor, topicHref } from "@/components/study/links";
import { PrevNext } from "@/components/study/prev-next";
import { SourceList } from "@/components/study/source-list";
import { TopicContent } from "@/components/study/topic-content";
import { TopicQuestions } from "@/components/study/topic-questions";
import { Badge } from "@/components/ui/badge";
import { Card, SectionTitle } from "@/components/ui/card";
import { getDb } from "@/lib/server/db";
import { fetchTopicPage } from "@/lib/server/study";
import { SearchHotkey } from "@/components/study/search-hotkey";
import Link from "next/link";
import { reviewHref } from "@/lib/core/hrefs";
import { TopicProgress } from "@/app/progress/_panels/topic-progress";

type Props = { params: Promise<{ slug: string }> };

const slugSchema = z.string().min(1).max(300);

// Metadata and page ask for the same topic; cache() makes that one query per request.
const findTopic = cache(async (slug: string) => {
  const parsed = slugSchema.safeParse(slug);
  return parsed.success ? fetchTopicPage(getDb(), decodeSlug(parsed.data)) : null;
});

// Next passes dynamic segments percent-encoded when they hold non-ASCII characters (Korean
// headings make Korean slugs); a literal "%" that is not an escape is kept as it is.
function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug);
  } catch (error) {
    if (error instanceof URIError) return slug;
    throw error;
  }
}

// The page decides the 404 (notFound()); metadata only falls back to a neutral title.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await findTopic((await params).slug);
  return { title: topic?.title ?? "주제를 찾을 수 없음" };
}

export default async function TopicPage({ params }: Props) {
  const topic = await findTopic((await params).slug);
  if (!topic) notFound();
  const flaggedLines = new Set(topic.lint.map((warning) => `${warning.file}:${warning.line}`));

  return (
    <article aria-labelledby="topic-title">
      <SearchHotkey />
      <Breadcrumbs
        items={[
          { href: "/topics", label: "주제" },
          { href: `/topics#${categoryAnchor(topic.category.key)}`, label: topic.category.name },
          ...topic.ancestors.map((ancestor) => ({ href: topicHref(ancestor.slug), label: ancestor.title })),
          { label: topic.title },
        ]}
      />

      {topic.archivedAt ? (
        <div role="note" className="mb-4 rounded-xl border border-slate-300 bg-slate-100 px-4 py-3 text-sm text-slate-800 dark:border-slate-700 dark:bg-slate-800/60 dark:text-slate-200">
          <span className="font-semibold">보관됨</span> — 이 절은 {formatDateTime(topic.archivedAt)}에 노트에서 사라져 보관되었습니다. 기록과 링크를 위해 남겨 둔 내용이며 주제 목록과 검색에는 나오지 않습니다.
        </div>
      ) : null}

      <header className="mb-6">
        <h1 id="topic-title" className="text-2xl font-bold tracking-tight sm:text-3xl">
          {topic.title}
        </h1>
        <div className="mt-2 flex flex-wrap gap-2">
          <Badge tone="sky">{topic.category.name}</Badge>
          {topic.serviceName ? <Badge>{topic.serviceName}</Badge> : null}
          {topic.facts.length ? <Badge tone="emerald">수치 {topic.facts.length}개</Badge> : null}
          {topic.archivedAt ? <Badge tone="amber">보관됨</Badge> : null}
          {topic.serviceName && !topic.archivedAt ? <Link href={reviewHref({ topic: topic.slug })} className="inline-flex min-h-8 items-center rounded-full border border-sky-300 px-3 text-sm font-semibold text-sky-800 hover:bg-sky-50 dark:border-sky-700 dark:text-sky-300 dark:hover:bg-sky-950/40">이 주제 복습</Link> : null}
        </div>
      </header>

      {/* One lint notice, placed by the grid: before the passage on a phone, beside it on a wide screen. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_18rem] lg:grid-rows-[auto_1fr]">
        {topic.lint.length ? (
          <div className="lg:col-start-2 lg:row-start-1">
            <LintNotice warnings={topic.lint} />
          </div>
        ) : null}

        <div className="min-w-0 space-y-8 lg:col-start-1 lg:row-span-2 lg:row-start-1">
          <Card as="section" labelledBy="content-title" className="sm:p-6">
            <h2 id="content-title" className="sr-only">
              본문
            </h2>
            <TopicContent html={topic.html} />
          </Card>

          {topic.facts.length ? (
            <section aria-labelledby="facts-title">
              <SectionTitle id="facts-title" className="mb-2">
                노트에서 뽑은 수치
              </SectionTitle>
              <FactTable facts={topic.facts} flaggedLines={flaggedLines} />
            </section>
          ) : null}
        </div>

        <aside aria-label="주제 정보" className={`space-y-4 lg:col-start-2 ${topic.lint.length ? "lg:row-start-2" : "lg:row-span-2 lg:row-start-1"}`}>
          <TopicProgress serviceKey={topic.serviceKey} />
          <Card as="section" labelledBy="sources-title">
            <SectionTitle id="sources-title" className="mb-2 text-sm">
              출처
            </SectionTitle>
            <SourceList sources={topic.sources} />
          </Card>
          <TopicQuestions total={topic.questions.total} service={topic.questions.service} first={topic.questions.first} />
          {topic.children.length ? (
            <Card as="section" labelledBy="children-title">
              <SectionTitle id="children-title" className="mb-2 text-sm">
                하위 주제 {topic.children.length}개
              </SectionTitle>
              <ChildTopics items={topic.children} />
            </Card>
          ) : null}
        </aside>
      </div>

      <PrevNext previous={topic.previous} next={topic.next} />
    </article>
  );
}
