import Link from "next/link";
import { HighlightedText, type TextSegment } from "./highlighted-text";
import { noteHref, searchHref, topicHref } from "./links";

export interface TopicHitView {
  topicId: string;
  slug: string;
  title: readonly TextSegment[];
  headingPath: readonly string[];
  categoryName: string;
  snippet: readonly TextSegment[];
}

export interface FactHitView {
  factId: string;
  label: readonly TextSegment[];
  valueText: string;
  excerpt: readonly TextSegment[];
  topic: { slug: string; title: string } | null;
  notePath: string;
  line: number;
}

export function SearchResults({ topics, facts, total }: { topics: readonly TopicHitView[]; facts: readonly FactHitView[]; total: number }) {
  return (
    <div className="space-y-8">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        검색 결과 {total}건{total > topics.length + facts.length ? ` 중 ${topics.length + facts.length}건 표시` : ""}
      </p>
      {facts.length > 0 ? (
        <section aria-labelledby="fact-hits">
          <h2 id="fact-hits" className="mb-3 text-base font-semibold">
            수치·한도 <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{facts.length}</span>
          </h2>
          <FactCards facts={facts.slice(0, FACTS_SHOWN)} />
          {facts.length > FACTS_SHOWN ? (
            <details className="mt-3">
              <summary className="cursor-pointer text-sm font-medium text-sky-700 dark:text-sky-400">수치 {facts.length - FACTS_SHOWN}개 더 보기</summary>
              <div className="mt-3">
                <FactCards facts={facts.slice(FACTS_SHOWN)} />
              </div>
            </details>
          ) : null}
        </section>
      ) : null}
      {topics.length > 0 ? (
        <section aria-labelledby="topic-hits">
          <h2 id="topic-hits" className="mb-3 text-base font-semibold">
            주제 <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{topics.length}</span>
          </h2>
          <ol className="space-y-3">
            {topics.map((hit) => (
              <li key={hit.topicId}>
                <Link
                  href={topicHref(hit.slug)}
                  className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-sky-400 focus-visible:border-sky-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-sky-600"
                >
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {hit.categoryName}
                    {hit.headingPath.length > 1 ? ` · ${hit.headingPath.slice(0, -1).join(" › ")}` : ""}
                  </span>
                  <span className="mt-0.5 block text-lg font-semibold text-sky-800 dark:text-sky-300">
                    <HighlightedText segments={hit.title} />
                  </span>
                  {hit.snippet.length ? (
                    <span className="mt-1 block text-sm leading-relaxed text-slate-700 dark:text-slate-300">
                      <HighlightedText segments={hit.snippet} />
                    </span>
                  ) : null}
                </Link>
              </li>
            ))}
          </ol>
        </section>
      ) : null}
    </div>
  );
}

export function ExampleQueries({ queries, label = "이렇게 검색해 보세요" }: { queries: readonly string[]; label?: string }) {
  return (
    <div>
      <p className="text-sm font-medium text-slate-700 dark:text-slate-300">{label}</p>
      <ul className="mt-2 flex flex-wrap gap-2">
        {queries.map((query) => (
          <li key={query}>
            <Link href={searchHref(query)} className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-sm text-slate-700 hover:border-sky-500 hover:text-sky-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300 dark:hover:text-sky-300">
              {query}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}

// The best few facts answer most searches ("15분"); the rest wait behind a disclosure so the
// topic results are not pushed off a phone screen.
const FACTS_SHOWN = 4;

function FactCards({ facts }: { facts: readonly FactHitView[] }) {
  return (
    <ul className="grid gap-3 sm:grid-cols-2">
      {facts.map((fact) => (
        <li key={fact.factId} className="rounded-xl border border-emerald-200 bg-emerald-50/60 p-4 dark:border-emerald-900 dark:bg-emerald-950/30">
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <HighlightedText segments={fact.label} />
          </p>
          <p className="mt-1 text-2xl font-bold tabular-nums text-emerald-800 dark:text-emerald-300">{fact.valueText}</p>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
            <HighlightedText segments={fact.excerpt} />
          </p>
          <p className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs">
            {fact.topic ? (
              // A plain link so the fact's row is the :target on arrival (see noteHref).
              <a href={topicHref(fact.topic.slug, `fact-${fact.factId}`)} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                {fact.topic.title}
              </a>
            ) : null}
            <a href={noteHref(fact.notePath, fact.line)} className="text-slate-600 underline-offset-2 hover:underline dark:text-slate-400">
              {fact.notePath}:{fact.line}
            </a>
          </p>
        </li>
      ))}
    </ul>
  );
}
