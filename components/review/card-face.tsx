"use client";
// One card: the question (stem, options) and, once graded or revealed, the answer with an
// explanation for every option and links back to the topic to re-study.
import { noteHref, questionHref } from "@/lib/core/hrefs";
import Link from "next/link";
import { forwardRef } from "react";
import { Badge } from "@/components/ui/badge";
import { ChoiceOption } from "@/components/questions/choice-option";
import { GeneralExplanation, OptionReviewList } from "@/components/questions/option-review";
import { RichText } from "@/components/questions/rich-text";
import type { RevealView, ReviewCardView } from "@/lib/core/srs/views";
import { KIND_LABELS, TYPE_LABELS } from "./labels";

const KIND_TONES = { new: "sky", learning: "amber", review: "emerald" } as const;

export const CardFace = forwardRef<HTMLHeadingElement, {
  card: ReviewCardView;
  selected: readonly string[];
  reveal: RevealView | null;
  disabled: boolean;
  onToggle: (key: string) => void;
}>(function CardFace({ card, selected, reveal, disabled, onToggle }, headingRef) {
  const choice = card.selectCount > 0;
  return (
    <article aria-labelledby="review-stem" className="space-y-4">
      <div className="flex flex-wrap items-center gap-1.5">
        <Badge tone={KIND_TONES[card.kind]}>{KIND_LABELS[card.kind]}</Badge>
        <Badge>
          {TYPE_LABELS[card.type]}
          {card.type === "multiple" ? ` · ${card.selectCount}개 선택` : ""}
        </Badge>
        <Badge tone="violet">{card.domainLabel}</Badge>
        {card.topics.map((topic) => (
          <Badge key={topic.key} tone="slate">
            {topic.label}
          </Badge>
        ))}
        {card.leech ? <Badge tone="rose">거머리 카드 · {card.lapses}번 잊음</Badge> : null}
      </div>

      <h2 id="review-stem" ref={headingRef} tabIndex={-1} style={{ outline: "none" }} className="text-lg leading-relaxed font-medium text-slate-900 sm:text-xl dark:text-slate-50">
        {reveal?.clozeStem ? <RichText text={reveal.clozeStem} blanks="show" /> : <RichText text={card.stem} blanks="hide" />}
      </h2>

      {choice && !reveal ? (
        <div role="group" aria-label={card.type === "multiple" ? `선택지 (${card.selectCount}개 선택)` : "선택지"} className="space-y-2">
          {card.type === "multiple" ? (
            <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
              {card.selectCount}개를 고르세요 · 고른 수 {selected.length}/{card.selectCount}
            </p>
          ) : null}
          {card.options.map((option, index) => (
            <ChoiceOption
              key={option.key}
              optionKey={option.key}
              text={option.text}
              index={index}
              selected={selected.includes(option.key)}
              multiple={card.type === "multiple"}
              disabled={disabled}
              onToggle={onToggle}
            />
          ))}
        </div>
      ) : null}

      {reveal ? <RevealPanel reveal={reveal} questionId={card.questionId} /> : null}
    </article>
  );
});

function RevealPanel({ reveal, questionId }: { reveal: RevealView; questionId: string }) {
  const correctKeys = reveal.options.filter((option) => option.correct).map((option) => option.key);
  return (
    <div className="space-y-4">
      {reveal.correct != null ? (
        <p
          role="status"
          className={`rounded-xl px-4 py-3 text-base font-semibold ${
            reveal.correct ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950/50 dark:text-emerald-200" : "bg-rose-50 text-rose-900 dark:bg-rose-950/50 dark:text-rose-200"
          }`}
        >
          {reveal.correct ? "정답입니다." : `오답입니다. 정답: ${correctKeys.join(", ")}`}
        </p>
      ) : null}

      {reveal.options.length > 0 ? <OptionReviewList options={reveal.options} /> : null}

      {reveal.answer && !reveal.clozeStem ? (
        <div className="rounded-xl border-2 border-emerald-500 bg-emerald-50/60 px-4 py-3 dark:border-emerald-600 dark:bg-emerald-950/30">
          <p className="text-sm font-semibold text-emerald-800 dark:text-emerald-300">답</p>
          <p className="mt-1 text-base whitespace-pre-line">{reveal.answer}</p>
        </div>
      ) : null}

      <GeneralExplanation text={reveal.generalExplanation} />

      <nav aria-label="다시 공부하기" className="flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400">주제 다시 보기:</span>
        {reveal.topics.map((topic) => (
          <Link key={topic.key} href={topic.href} className="inline-flex min-h-9 items-center rounded-lg border border-sky-300 px-3 font-medium text-sky-800 hover:bg-sky-50 dark:border-sky-800 dark:text-sky-300 dark:hover:bg-sky-950/40">
            {topic.label} →
          </Link>
        ))}
        <Link href={questionHref(questionId)} className="inline-flex min-h-9 items-center rounded-lg px-2 text-slate-600 underline-offset-2 hover:underline dark:text-slate-400">
          문제 페이지
        </Link>
      </nav>
      {reveal.sources.length > 0 ? (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          출처:{" "}
          {reveal.sources.map((source, index) => (
            <span key={`${source.file}:${source.line ?? source.heading}`}>
              {index > 0 ? " · " : null}
              {/* A plain <a>: next/link's pushState would not update :target, so the cited line
                  would not be highlighted (lib/core/hrefs.ts). */}
              <a href={noteHref(source.file, source.line)} className="underline underline-offset-2 hover:text-sky-700 dark:hover:text-sky-300">
                {source.file} › {source.heading}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
