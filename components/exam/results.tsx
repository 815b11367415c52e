// A finished attempt: the score (raw, approximate scaled, pass/fail), how each domain and topic
// went, the time, and every question with the learner's answer, the key and the explanations.
// Server-rendered; the filter is a link (?filter=wrong), the retry button a small client form.
import Link from "next/link";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, SectionTitle } from "@/components/ui/card";
import { RichText } from "@/components/questions/rich-text";
import { examResultsHref, questionHref } from "@/lib/core/hrefs";
import { SAA_C03, type ExamResultView, type ExamReviewItem, type TopicScore } from "@/lib/core/exam/types";
import type { StartExamFormState } from "./form-state";
import { FEEDBACK_LABELS, formatDuration, formatExamDate, formatPercent, MODE_LABELS } from "./labels";
import { GeneralExplanation, OptionReviewList, SourceLinks, VerdictBanner } from "@/components/questions/option-review";
import { RetryWrongForm } from "./retry-form";

export const RESULT_FILTERS = ["all", "wrong", "flagged"] as const;
export type ResultFilter = (typeof RESULT_FILTERS)[number];

const FILTER_LABELS: Record<ResultFilter, string> = { all: "전체", wrong: "틀린 문제", flagged: "표시한 문제" };

type Action = (previous: StartExamFormState, formData: FormData) => Promise<StartExamFormState>;

export function filterItems(items: readonly ExamReviewItem[], filter: ResultFilter): ExamReviewItem[] {
  if (filter === "wrong") return items.filter((item) => !item.correct);
  if (filter === "flagged") return items.filter((item) => item.flagged);
  return [...items];
}

/** Weakest first: lowest fraction, then the topic with more questions (more evidence), then name. */
export function weakestFirst(topics: readonly TopicScore[], nameOf: (key: string) => string): TopicScore[] {
  return [...topics].sort((a, b) => a.fraction - b.fraction || b.total - a.total || nameOf(a.topic).localeCompare(nameOf(b.topic), "ko"));
}

export function ExamResults({ result, filter, retryAction }: { result: ExamResultView; filter: ResultFilter; retryAction: Action }) {
  const { score } = result;
  const topicInfo = new Map<string, { name: string; href: string | null }>();
  for (const item of result.items) for (const topic of item.topics) topicInfo.set(topic.key, { name: topic.name, href: topic.href });
  const nameOf = (key: string) => topicInfo.get(key)?.name ?? key;
  const shown = filterItems(result.items, filter);
  const counts: Record<ResultFilter, number> = { all: result.items.length, wrong: filterItems(result.items, "wrong").length, flagged: filterItems(result.items, "flagged").length };
  const perQuestionMs = score.total > 0 ? result.timeUsedMs / score.total : 0;
  const filterHref = (value: ResultFilter) => `${examResultsHref(result.id)}${value === "all" ? "" : `?filter=${value}`}#questions`;

  return (
    <div className="space-y-6">
      <header>
        <nav aria-label="이동 경로" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/exams" className="hover:underline">
            모의고사
          </Link>{" "}
          / 결과
        </nav>
        <h1 className="mt-1 text-2xl font-bold tracking-tight sm:text-3xl">{result.title}</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          {MODE_LABELS[result.mode]} · {FEEDBACK_LABELS[result.feedback]} · {formatExamDate(result.startedAt)} 시작
          {result.finishReason === "expired" ? " · 시간이 끝나 자동으로 제출됨" : ""}
          {result.status === "abandoned" ? " · 중간에 포기함" : ""}
        </p>
        {result.notices.length > 0 ? (
          <ul className="mt-3 space-y-1 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/70 dark:text-slate-300">
            {result.notices.map((notice) => (
              <li key={notice.message}>{notice.message}</li>
            ))}
          </ul>
        ) : null}
      </header>

      <Card as="section" labelledBy="score-title">
        <SectionTitle id="score-title">점수</SectionTitle>
        <div className="mt-3 flex flex-wrap items-end gap-x-8 gap-y-4">
          <div>
            <p className="text-sm text-slate-600 dark:text-slate-400">환산 점수 (추정)</p>
            <p className="flex items-baseline gap-2">
              <span className="text-5xl font-bold tabular-nums" data-scaled-score={score.scaled}>
                {score.scaled}
              </span>
              <span className="text-slate-600 dark:text-slate-400">/ {SAA_C03.maxScaled}</span>
            </p>
          </div>
          <p
            data-passed={score.passed}
            className={`rounded-xl px-4 py-2 text-lg font-bold ${
              score.passed ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950/60 dark:text-emerald-200" : "bg-rose-100 text-rose-900 dark:bg-rose-950/60 dark:text-rose-200"
            }`}
          >
            {score.passed ? "합격" : "불합격"} <span className="text-sm font-medium">(합격선 {SAA_C03.passScaled}점)</span>
          </p>
          <dl className="grid grid-cols-3 gap-x-6 gap-y-1 text-sm">
            <dt className="text-slate-600 dark:text-slate-400">맞힌 문제</dt>
            <dt className="text-slate-600 dark:text-slate-400">정답률</dt>
            <dt className="text-slate-600 dark:text-slate-400">답하지 않음</dt>
            <dd className="text-xl font-bold tabular-nums" data-raw-score>
              {score.correct}/{score.total}
            </dd>
            <dd className="text-xl font-bold tabular-nums">{formatPercent(score.total ? score.correct / score.total : 0)}</dd>
            <dd className="text-xl font-bold tabular-nums">{score.unanswered}</dd>
          </dl>
        </div>
        <ScaleBar scaled={score.scaled} />
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          AWS는 환산 방식을 공개하지 않습니다. 이 앱은 정답률 0%→100점, 72%→720점, 100%→1000점을 잇는 직선으로 근사합니다. 실제 시험처럼 답하지 않은 문제는 오답이고, 틀려도 감점은 없으며, 복수
          선택은 모두 맞혀야 정답입니다. 합격 여부는 총점만으로 정합니다.
        </p>
      </Card>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card as="section" labelledBy="domains-title">
          <SectionTitle id="domains-title">영역별 결과</SectionTitle>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">AWS 성적표처럼 영역마다 기준 충족 여부를 보여 줍니다. 이 앱은 정답률 72% 이상을 기준 충족으로 봅니다.</p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
                  <th scope="col" className="py-2 pr-2 font-medium">
                    영역
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    맞힘
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    정답률
                  </th>
                  <th scope="col" className="py-2 pl-2 font-medium">
                    평가
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {score.domains.map((domain) => (
                  <tr key={domain.domain} data-domain={domain.domain} data-verdict={domain.verdict}>
                    <th scope="row" className="py-2 pr-2 text-left font-medium">
                      {domain.label}
                    </th>
                    <td className="px-2 py-2 text-right tabular-nums">
                      {domain.correct}/{domain.total}
                    </td>
                    <td className="px-2 py-2 text-right tabular-nums">{formatPercent(domain.fraction)}</td>
                    <td className="py-2 pl-2">{domain.verdict === "meets" ? <Badge tone="emerald">기준 충족</Badge> : <Badge tone="amber">개선 필요</Badge>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>

        <Card as="section" labelledBy="time-title">
          <SectionTitle id="time-title">시간</SectionTitle>
          <dl className="mt-3 grid grid-cols-2 gap-3 text-sm">
            <TimeStat label="사용한 시간" value={formatDuration(result.timeUsedMs)} />
            <TimeStat label="제한 시간" value={result.timeLimitMs == null ? "제한 없음" : formatDuration(result.timeLimitMs)} />
            <TimeStat label="문제당 평균" value={formatDuration(perQuestionMs)} />
            <TimeStat label="실전 속도" value={`문제당 ${formatDuration((SAA_C03.timeLimitMinutes * 60_000) / SAA_C03.questionCount)}`} />
          </dl>
        </Card>
      </div>

      {score.topics.length > 0 ? (
        <Card as="section" labelledBy="topics-title">
          <SectionTitle id="topics-title">주제별 결과</SectionTitle>
          <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">정답률이 낮은 주제부터 보여 줍니다. 주제 이름을 누르면 노트로 돌아가 다시 공부할 수 있습니다.</p>
          <div className="mt-3 overflow-x-auto">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 text-left text-xs text-slate-600 dark:border-slate-800 dark:text-slate-400">
                  <th scope="col" className="py-2 pr-2 font-medium">
                    주제
                  </th>
                  <th scope="col" className="px-2 py-2 text-right font-medium">
                    맞힘
                  </th>
                  <th scope="col" className="py-2 pl-2 font-medium">
                    정답률
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
                {weakestFirst(score.topics, nameOf).map((topic) => {
                  const href = topicInfo.get(topic.topic)?.href ?? null;
                  return (
                    <tr key={topic.topic} data-topic={topic.topic}>
                      <th scope="row" className="py-2 pr-2 text-left font-medium">
                        {href ? (
                          <Link href={href} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                            {nameOf(topic.topic)}
                          </Link>
                        ) : (
                          nameOf(topic.topic)
                        )}
                      </th>
                      <td className="px-2 py-2 text-right tabular-nums">
                        {topic.correct}/{topic.total}
                      </td>
                      <td className="py-2 pl-2">
                        <span className="flex items-center gap-2">
                          <span aria-hidden="true" className="h-2 w-24 overflow-hidden rounded-full bg-slate-200 sm:w-40 dark:bg-slate-800">
                            <span
                              className={`block h-full rounded-full ${topic.fraction * 100 >= 72 ? "bg-emerald-500" : topic.fraction >= 0.5 ? "bg-amber-500" : "bg-rose-500"}`}
                              style={{ width: `${Math.round(topic.fraction * 100)}%` }}
                            />
                          </span>
                          <span className="tabular-nums">{formatPercent(topic.fraction)}</span>
                        </span>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </Card>
      ) : null}

      {result.wrongQuestionIds.length > 0 ? (
        <Card as="section" labelledBy="retry-title">
          <SectionTitle id="retry-title">틀린 문제 다시 풀기</SectionTitle>
          <p className="mt-1 mb-3 text-sm text-slate-600 dark:text-slate-400">틀렸거나 답하지 않은 {result.wrongQuestionIds.length}문제를 연습 모드로 다시 풉니다. 틀린 문제의 카드는 이미 복습 일정에 들어갔습니다.</p>
          <RetryWrongForm questionIds={result.wrongQuestionIds} action={retryAction} />
        </Card>
      ) : null}

      <section aria-labelledby="questions-title" id="questions" className="scroll-mt-20 space-y-4">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h2 id="questions-title" className="text-lg font-semibold">
            문제 다시 보기
          </h2>
          <nav aria-label="문제 거르기" className="flex flex-wrap gap-1 rounded-lg bg-slate-100 p-1 text-sm dark:bg-slate-800">
            {RESULT_FILTERS.map((value) => (
              <Link
                key={value}
                href={filterHref(value)}
                aria-current={filter === value ? "page" : undefined}
                scroll={false}
                className={`inline-flex min-h-9 items-center rounded-md px-3 ${
                  filter === value ? "bg-white font-semibold text-sky-800 shadow-sm dark:bg-slate-900 dark:text-sky-300" : "text-slate-700 hover:text-sky-700 dark:text-slate-300 dark:hover:text-sky-400"
                }`}
              >
                {FILTER_LABELS[value]} <span className="ml-1 tabular-nums text-slate-500 dark:text-slate-400">{counts[value]}</span>
              </Link>
            ))}
          </nav>
        </div>
        {shown.length === 0 ? (
          <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
            {filter === "wrong" ? "틀린 문제가 없습니다." : "표시한 문제가 없습니다."}
          </p>
        ) : (
          <ol className="space-y-4">
            {shown.map((item) => (
              <li key={item.position}>
                <ReviewItem item={item} number={result.items.indexOf(item) + 1} />
              </li>
            ))}
          </ol>
        )}
      </section>
    </div>
  );
}

function TimeStat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="rounded-lg bg-slate-50 px-3 py-2 dark:bg-slate-800/60">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="mt-0.5 text-lg font-bold tabular-nums">{value}</dd>
    </div>
  );
}

/** 100–1000 with the pass mark: where this score sits. */
function ScaleBar({ scaled }: { scaled: number }) {
  const span = SAA_C03.maxScaled - SAA_C03.minScaled;
  const at = (value: number) => `${((Math.min(Math.max(value, SAA_C03.minScaled), SAA_C03.maxScaled) - SAA_C03.minScaled) / span) * 100}%`;
  return (
    <div className="mt-4" aria-hidden="true">
      <div className="relative h-3 rounded-full bg-slate-200 dark:bg-slate-800">
        <div className={`absolute inset-y-0 left-0 rounded-full ${scaled >= SAA_C03.passScaled ? "bg-emerald-500" : "bg-rose-500"}`} style={{ width: at(scaled) }} />
        <div className="absolute -inset-y-1 w-0.5 bg-slate-900 dark:bg-slate-100" style={{ left: at(SAA_C03.passScaled) }} />
      </div>
      <div className="relative mt-1 h-4 text-xs text-slate-600 dark:text-slate-400">
        <span className="absolute left-0">{SAA_C03.minScaled}</span>
        <span className="absolute -translate-x-1/2" style={{ left: at(SAA_C03.passScaled) }}>
          합격 {SAA_C03.passScaled}
        </span>
        <span className="absolute right-0">{SAA_C03.maxScaled}</span>
      </div>
    </div>
  );
}

function ReviewItem({ item, number }: { item: ExamReviewItem; number: number }) {
  const tone = item.correct ? "emerald" : item.answered ? "rose" : "amber";
  return (
    <article
      aria-labelledby={`item-${item.position}-stem`}
      data-review-item={number}
      data-correct={item.correct}
      className="space-y-3 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-5 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone="slate">문제 {number}</Badge>
        <Badge tone={tone}>{item.correct ? "맞힘" : item.answered ? "틀림" : "답하지 않음"}</Badge>
        {item.flagged ? <Badge tone="amber">검토 표시</Badge> : null}
        <Badge>{item.type === "multiple" ? "복수 선택" : "단일 선택"}</Badge>
        <Badge tone="violet">{item.domainLabel}</Badge>
        {item.timeSpentMs != null ? <span className="text-xs text-slate-500 dark:text-slate-400">풀이 시간 {formatDuration(item.timeSpentMs)}</span> : null}
      </div>
      <h3 id={`item-${item.position}-stem`} className="text-base leading-relaxed font-medium sm:text-lg">
        <RichText text={item.stem} />
      </h3>
      <VerdictBanner correct={item.correct} answered={item.answered} options={item.options} />
      <OptionReviewList options={item.options} />
      <GeneralExplanation text={item.generalExplanation} />
      <SourceLinks sources={item.sources.map((source) => ({ href: source.href, label: `${source.file} › ${source.heading}` }))} />
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        {item.topics.length > 0 ? <span className="text-slate-600 dark:text-slate-400">주제:</span> : null}
        {item.topics.map((topic) =>
          topic.href ? (
            <Link key={topic.key} href={topic.href} className="text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
              {topic.name}
            </Link>
          ) : (
            <span key={topic.key}>{topic.name}</span>
          ),
        )}
        <Link href={questionHref(item.questionId)} className="ml-auto text-slate-600 underline-offset-2 hover:underline dark:text-slate-400">
          문제 페이지
        </Link>
      </div>
    </article>
  );
}
