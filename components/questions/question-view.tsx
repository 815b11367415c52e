import Link from "next/link";
import type { Question } from "@/lib/core/questions/types";
import { QuestionBadges } from "./question-badges";
import { RichText, stripVerdict } from "./rich-text";

export interface QuestionViewLinks {
  bank: { id: string; title: string };
  topics: { key: string; name: string; href: string }[];
  sources: { file: string; heading: string; line: number | null; noteHref: string; topic: { title: string; href: string } | null }[];
  references: { id: string; label: string; text: string; url: string; asOf: string }[];
}

const card = "rounded-xl border border-slate-200 bg-white shadow-sm p-4 sm:p-5 dark:border-slate-800 dark:bg-slate-900";
const sectionTitle = "text-sm font-semibold text-slate-700 dark:text-slate-300";

function OptionList({ question }: { question: Question }) {
  return (
    <ol className="mt-4 space-y-2" aria-label="선택지">
      {question.options.map((option) => (
        <li key={option.key} className="flex gap-3 rounded-md border border-slate-200 p-3 dark:border-slate-700">
          <span
            aria-hidden="true"
            className="flex size-7 shrink-0 items-center justify-center rounded-full bg-slate-100 text-sm font-semibold text-slate-700 dark:bg-slate-800 dark:text-slate-200"
          >
            {option.key}
          </span>
          <span className="pt-0.5 leading-relaxed">
            <span className="sr-only">{option.key}. </span>
            <RichText text={option.text} />
          </span>
        </li>
      ))}
    </ol>
  );
}

function ChoiceAnswer({ question }: { question: Question }) {
  const correct = new Set(question.correct);
  return (
    <>
      <p className="text-base font-semibold text-emerald-800 dark:text-emerald-300">
        정답: {question.correct.join(", ") || "표시 없음"}
      </p>
      <ul className="mt-3 space-y-2" aria-label="선택지별 해설">
        {question.options.map((option) => {
          const right = correct.has(option.key);
          const explanation = question.explanations[option.key];
          return (
            <li
              key={option.key}
              className={`rounded-md border p-3 ${
                right
                  ? "border-emerald-300 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/40"
                  : "border-slate-200 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/40"
              }`}
            >
              <p className="flex flex-wrap items-baseline gap-2 font-medium">
                <span
                  className={`rounded px-1.5 py-0.5 text-xs font-bold ${
                    right ? "bg-emerald-700 text-white dark:bg-emerald-700" : "bg-slate-500 text-white dark:bg-slate-600"
                  }`}
                >
                  {option.key} · {right ? "정답" : "오답"}
                </span>
                <span className="leading-relaxed">
                  <RichText text={option.text} />
                </span>
              </p>
              <p className="mt-1.5 text-sm leading-relaxed text-slate-700 dark:text-slate-300">
                {explanation ? <RichText text={stripVerdict(explanation)} /> : <span className="text-slate-500 dark:text-slate-400">이 선택지의 해설이 없습니다.</span>}
              </p>
            </li>
          );
        })}
      </ul>
    </>
  );
}

function CardAnswer({ question }: { question: Question }) {
  return (
    <div className="space-y-2">
      {question.type === "cloze" && (
        <p className="leading-relaxed">
          <RichText text={question.stem} blanks="show" />
        </p>
      )}
      {question.answer && (
        <p className="rounded-md border border-emerald-300 bg-emerald-50 p-3 leading-relaxed dark:border-emerald-700 dark:bg-emerald-950/40">
          <span className="mr-2 text-xs font-bold text-emerald-800 dark:text-emerald-300">답</span>
          <RichText text={question.answer} />
        </p>
      )}
    </div>
  );
}

export function QuestionView({ question, links }: { question: Question; links: QuestionViewLinks }) {
  const choice = question.type === "single" || question.type === "multiple";
  const general = question.explanations["_"];
  const chooseHint =
    question.type === "multiple" && question.chooseCount && !/고르|choose/i.test(question.stem)
      ? `${question.chooseCount}개를 고르시오.`
      : null;
  return (
    <div className="space-y-4">
      <section className={card} aria-labelledby="question-stem">
        <div className="flex flex-wrap items-center justify-between gap-2">
          <QuestionBadges type={question.type} domain={question.domain} origin={question.origin} difficulty={question.difficulty} />
          <span className="font-mono text-xs text-slate-500 dark:text-slate-400">{question.id}</span>
        </div>
        {question.archived && (
          <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-200">
            보관된 문제입니다. 은행에서 빠졌지만 기록을 위해 남겨 두었습니다.
          </p>
        )}
        <h1 id="question-stem" className="mt-3 text-lg leading-relaxed font-medium sm:text-xl">
          <RichText text={question.stem} />
        </h1>
        {chooseHint && <p className="mt-1 text-sm font-semibold text-sky-800 dark:text-sky-300">{chooseHint}</p>}
        {choice && <OptionList question={question} />}

        <details className="group mt-5 rounded-md border border-sky-200 dark:border-sky-900">
          <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md bg-sky-50 px-4 py-3 font-semibold text-sky-900 hover:bg-sky-100 dark:bg-sky-950/50 dark:text-sky-200 dark:hover:bg-sky-900/50 [&::-webkit-details-marker]:hidden">
            <span>
              <span className="group-open:hidden">정답 보기</span>
              <span className="hidden group-open:inline">정답 숨기기</span>
            </span>
            <svg aria-hidden="true" viewBox="0 0 20 20" fill="none" stroke="currentColor" strokeWidth="2" className="size-5 transition-transform group-open:rotate-180">
              <path d="m5 8 5 5 5-5" strokeLinecap="round" strokeLinejoin="round" />
            </svg>
          </summary>
          <div className="space-y-4 px-4 py-4">
            {choice ? <ChoiceAnswer question={question} /> : <CardAnswer question={question} />}
            {general && (
              <div>
                <h2 className={sectionTitle}>해설</h2>
                <p className="mt-1 leading-relaxed text-slate-800 dark:text-slate-200">
                  <RichText text={general} />
                </p>
              </div>
            )}
            {links.references.length > 0 && (
              <div>
                <h2 className={sectionTitle}>AWS 문서 기준</h2>
                <ul className="mt-1 space-y-1 text-sm">
                  {links.references.map((reference) => (
                    <li key={reference.id}>
                      <a
                        href={reference.url}
                        target="_blank"
                        rel="noopener noreferrer"
                        className="text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300"
                      >
                        {reference.label}
                      </a>
                      <span className="text-slate-600 dark:text-slate-400">
                        {" "}
                        — {reference.text} ({reference.asOf} 기준)
                      </span>
                    </li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        </details>
      </section>

      <section className={card} aria-labelledby="question-sources">
        <h2 id="question-sources" className={sectionTitle}>
          근거와 주제
        </h2>
        {links.sources.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500 dark:text-slate-400">이 문제에는 노트 출처가 없습니다.</p>
        ) : (
          <ul className="mt-2 space-y-2">
            {links.sources.map((source, index) => (
              <li key={`${source.file}#${source.heading}#${index}`} className="flex flex-col gap-1 text-sm sm:flex-row sm:flex-wrap sm:items-baseline sm:gap-x-3">
                <a
                  href={source.noteHref}
                  className="font-medium text-sky-700 underline underline-offset-2 hover:text-sky-900 dark:text-sky-400 dark:hover:text-sky-300"
                >
                  {source.heading}
                </a>
                <span className="text-xs text-slate-500 dark:text-slate-400">
                  노트 {source.file}
                  {source.line != null && ` · ${source.line}번째 줄`}
                </span>
                {source.topic ? (
                  <Link
                    href={source.topic.href}
                    className="text-sky-700 hover:underline dark:text-sky-400"
                    aria-label={`주제 페이지: ${source.topic.title}`}
                  >
                    주제 보기: {source.topic.title} →
                  </Link>
                ) : (
                  <Link href="/topics" className="text-slate-600 hover:underline dark:text-slate-300">
                    주제 목록 →
                  </Link>
                )}
              </li>
            ))}
          </ul>
        )}
        {links.topics.length > 0 && (
          <div className="mt-4">
            <h3 className="text-xs font-semibold text-slate-600 dark:text-slate-400">이 문제가 다루는 주제</h3>
            <ul className="mt-1.5 flex flex-wrap gap-2">
              {links.topics.map((topic) => (
                <li key={topic.key}>
                  <Link
                    href={topic.href}
                    className="inline-block rounded-full border border-slate-300 px-3 py-1 text-sm hover:border-sky-500 hover:text-sky-800 dark:border-slate-700 dark:hover:text-sky-300"
                  >
                    {topic.name}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        )}
        <p className="mt-4 text-xs text-slate-500 dark:text-slate-400">문제 은행: {links.bank.title}</p>
      </section>
    </div>
  );
}
