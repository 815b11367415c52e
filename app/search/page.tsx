import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { LibraryEmpty } from "@/components/study/library-empty";
import { EXAMPLE_QUERIES, searchHref } from "@/components/study/links";
import { SearchForm } from "@/components/study/search-form";
import { ExampleQueries, SearchResults } from "@/components/study/search-results";
import { EmptyState } from "@/components/ui/empty-state";
import { getDb } from "@/lib/server/db";
import { searchLibrary } from "@/lib/server/search";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Anything odd in ?q= (an array, a huge string) becomes a plain, bounded string.
const querySchema = z.preprocess((value) => (Array.isArray(value) ? value[0] : value), z.string().catch("").default("")).transform((q) => q.trim().slice(0, 200));

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = querySchema.parse((await searchParams).q);
  return { title: q ? `검색: ${q}` : "검색" };
}

export default async function SearchPage({ searchParams }: Props) {
  const q = querySchema.parse((await searchParams).q);
  const db = getDb();

  if (!q) {
    const topicCount = await db.topic.count({ where: { archivedAt: null } });
    return (
      <>
        <SearchHeader q={q} autoFocus />
        {topicCount === 0 ? (
          <LibraryEmpty />
        ) : (
          <div className="space-y-4 rounded-xl border border-slate-200 bg-white p-5 dark:border-slate-800 dark:bg-slate-900">
            <ExampleQueries queries={EXAMPLE_QUERIES} />
            <ul className="list-disc space-y-1 pl-5 text-sm text-slate-600 dark:text-slate-400">
              <li>한글과 영어 이름 모두 찾습니다: 람다 = Lambda, 다이나모DB = DynamoDB, 타임아웃 = timeout = 제한 시간.</li>
              <li>제목과 검색어 그대로 들어 있는 글이 먼저 나옵니다. 여러 낱말 가운데 일부만 들어 있는 글은 아래에 ‘일부 단어만 일치’로 보여 줍니다.</li>
              <li>주제와 수치뿐 아니라 문제 은행의 문제(지문과 보기)도 찾습니다.</li>
              <li>
                낱말을 그대로 찾으려면 따옴표로 묶으세요: <code className="font-mono">&quot;실행 시간&quot;</code>
              </li>
              <li>
                어느 화면에서든 <kbd className="rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">/</kbd> 키를 누르면 검색창으로 갑니다.
              </li>
            </ul>
          </div>
        )}
      </>
    );
  }

  const result = await searchLibrary(db, q);
  const found = result.topics.length + result.facts.length + result.questions.length > 0;
  return (
    <>
      <SearchHeader q={q} />
      {result.query.dropped.length ? (
        <p className="mb-4 text-sm text-amber-800 dark:text-amber-300">검색어가 많아 다음 낱말은 빼고 찾았습니다: {result.query.dropped.join(", ")}</p>
      ) : null}
      {result.truncated ? (
        <p className="mb-4 text-sm text-amber-800 dark:text-amber-300">찾은 글이 너무 많아 일부만 순위를 매겼습니다. 낱말을 더 넣어 좁혀 보세요.</p>
      ) : null}
      {found ? (
        <SearchResults topics={result.topics} facts={result.facts} questions={result.questions} total={result.total} />
      ) : (
        <EmptyState title={`‘${q}’에 맞는 주제나 문제가 없습니다`} icon="search">
          <div className="space-y-4 text-left">
            {result.suggestions.length ? (
              <div>
                <p className="font-medium text-slate-700 dark:text-slate-300">낱말 하나씩 찾으면 결과가 있습니다</p>
                <ul className="mt-2 flex flex-wrap gap-2">
                  {result.suggestions.map((suggestion) => (
                    <li key={suggestion.query}>
                      <Link href={searchHref(suggestion.query)} className="inline-block rounded-full border border-sky-300 bg-sky-50 px-3 py-1 text-sky-800 hover:border-sky-500 dark:border-sky-800 dark:bg-sky-950/50 dark:text-sky-300">
                        {suggestion.query} <span className="text-xs tabular-nums">({suggestion.count})</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ) : null}
            <ul className="list-disc space-y-1 pl-5">
              <li>낱말을 줄이거나 더 일반적인 말로 바꿔 보세요 (예: ‘람다 함수 실행 제한’ → ‘람다 제한’).</li>
              <li>서비스 이름은 한글·영어 모두 됩니다 (람다, Lambda).</li>
              <li>
                <Link href="/topics" className="text-sky-700 underline underline-offset-2 dark:text-sky-400">
                  주제 목록
                </Link>
                에서 분류별로 찾아볼 수도 있습니다.
              </li>
            </ul>
            <ExampleQueries queries={EXAMPLE_QUERIES} label="다른 검색 예" />
          </div>
        </EmptyState>
      )}
    </>
  );
}

function SearchHeader({ q, autoFocus = false }: { q: string; autoFocus?: boolean }) {
  return (
    <header className="mb-6">
      <h1 className="mb-3 text-2xl font-bold tracking-tight">검색</h1>
      <SearchForm defaultValue={q} autoFocus={autoFocus} />
    </header>
  );
}
