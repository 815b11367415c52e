import Link from "next/link";
import { Icon } from "@/components/ui/icons";
import { HighlightedText, type TextSegment } from "./highlighted-text";
import { LINT_KIND_LABELS } from "./lint-kinds";
import { noteHref, searchHref, topicHref } from "./links";

/** full: every word; partial: some words ("일부 단어만 일치"); related: only through a related name. */
export type SearchMatch = "full" | "partial" | "related";

export interface TopicHitView {
  topicId: string;
  slug: string;
  title: readonly TextSegment[];
  headingPath: readonly string[];
  categoryName: string;
  snippet: readonly TextSegment[];
  match: SearchMatch;
}

export interface FactLintView {
  kind: "reference" | "conflict";
  message: string;
  aws: { text: string; url: string; asOf: string } | null;
}

export interface QuestionHitView {
  questionId: string;
  stem: readonly TextSegment[];
  options: readonly (readonly TextSegment[])[];
  domainLabel: string;
  bankTitle: string;
  match: SearchMatch;
}

export interface FactHitView {
  factId: string;
  label: readonly TextSegment[];
  valueText: string;
  excerpt: readonly TextSegment[];
  topic: { slug: string; title: string } | null;
  notePath: string;
  line: number;
  lint: readonly FactLintView[];
  match: SearchMatch;
}

const MATCH_LABELS: Record<Exclude<SearchMatch, "full">, { text: string; title: string }> = {
  partial: { text: "일부 단어만 일치", title: "검색어의 낱말 가운데 일부만 들어 있습니다" },
  related: { text: "관련 서비스로 일치", title: "검색어가 아니라 관련된 서비스 이름으로 찾았습니다" },
};

function MatchBadge({ match }: { match: SearchMatch }) {
  if (match === "full") return null;
  const label = MATCH_LABELS[match];
  return (
    <span title={label.title} className="ml-2 inline-block rounded-full border border-slate-300 px-2 py-0.5 align-middle text-xs font-normal text-slate-600 dark:border-slate-600 dark:text-slate-400">
      {label.text}
    </span>
  );
}

export function SearchResults({ topics, facts, questions, total }: { topics: readonly TopicHitView[]; facts: readonly FactHitView[]; questions: readonly QuestionHitView[]; total: number }) {
  const shown = topics.length + facts.length + questions.length;
  const full = [...topics, ...facts, ...questions].filter((hit) => hit.match === "full").length;
  return (
    <div className="space-y-8">
      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        검색 결과 {total}건{total > shown ? ` 중 ${shown}건 표시` : ""}
        {full < shown ? (full === 0 ? " · 모든 낱말이 들어 있는 글은 없어 일부만 맞는 글을 보여 줍니다" : ` · 모든 낱말 일치 ${full}건`) : ""}
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
                    <MatchBadge match={hit.match} />
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
      {questions.length > 0 ? (
        <section aria-labelledby="question-hits">
          <h2 id="question-hits" className="mb-3 text-base font-semibold">
            문제 <span className="text-sm font-normal text-slate-500 dark:text-slate-400">{questions.length}</span>
          </h2>
          <ol className="space-y-3">
            {questions.map((hit) => (
              <li key={hit.questionId}>
                {/* Stem and matching options only: the answer and explanations stay on the question page. */}
                <Link
                  href={`/questions/${encodeURIComponent(hit.questionId)}`}
                  className="block rounded-xl border border-slate-200 bg-white p-4 shadow-sm hover:border-sky-400 focus-visible:border-sky-500 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-sky-600"
                >
                  <span className="block text-xs text-slate-500 dark:text-slate-400">
                    {hit.domainLabel} · {hit.bankTitle}
                    <MatchBadge match={hit.match} />
                  </span>
                  <span className="mt-1 block text-sm leading-relaxed text-slate-800 dark:text-slate-200">
                    <HighlightedText segments={hit.stem} />
                  </span>
                  {hit.options.length ? (
                    <ul className="mt-2 space-y-1 border-l-2 border-slate-200 pl-3 text-xs text-slate-600 dark:border-slate-700 dark:text-slate-400">
                      {hit.options.map((option, i) => (
                        <li key={i}>
                          <HighlightedText segments={option} />
                        </li>
                      ))}
                    </ul>
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
      {facts.map((fact) => {
        const flagged = fact.lint.length > 0;
        return (
        <li
          key={fact.factId}
          className={flagged ? "rounded-xl border border-rose-300 bg-white p-4 dark:border-rose-800 dark:bg-slate-900" : "rounded-xl border border-emerald-200 bg-emerald-50/60 p-4 dark:border-emerald-900 dark:bg-emerald-950/30"}
        >
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <HighlightedText segments={fact.label} />
            <MatchBadge match={fact.match} />
          </p>
          {/* A flagged value is not shown as an answer: plain weight, struck through when AWS says otherwise. */}
          <p className={flagged ? "mt-1 text-xl font-semibold tabular-nums text-slate-700 dark:text-slate-300" : "mt-1 text-2xl font-bold tabular-nums text-emerald-800 dark:text-emerald-300"}>
            {flagged ? <span className="sr-only">노트의 값: </span> : null}
            <span className={fact.lint.some((flag) => flag.kind === "reference") ? "line-through decoration-rose-500/70" : undefined}>{fact.valueText}</span>
          </p>
          {fact.lint.map((flag) => (
            <div key={flag.kind} className="mt-2 rounded-lg bg-rose-50 p-2 text-xs text-rose-900 dark:bg-rose-950/40 dark:text-rose-100">
              <p className="flex items-center gap-1 font-semibold">
                <Icon name={LINT_KIND_LABELS[flag.kind].icon} className="h-3.5 w-3.5" />
                {LINT_KIND_LABELS[flag.kind].title}
              </p>
              {flag.aws ? (
                <p className="mt-0.5">
                  AWS 문서({flag.aws.asOf} 기준): <strong className="font-semibold">{flag.aws.text}</strong>{" "}
                  <a href={flag.aws.url} className="underline underline-offset-2" rel="noreferrer">
                    문서
                  </a>
                </p>
              ) : (
                <p className="mt-0.5">{flag.message}</p>
              )}
            </div>
          ))}
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
        );
      })}
    </ul>
  );
}
