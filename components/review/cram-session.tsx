"use client";
// Cram mode: practise cards in scope, weakest first, graded the same way but never scheduled or
// logged (only the read-only check endpoint is called).
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import type { CramSessionView, RevealView } from "@/lib/core/srs/views";
import { ReviewRequestError, requestCheck } from "./api";
import { CardFace } from "./card-face";
import { readReviewKey, shouldIgnoreKey } from "./keyboard";
import { ShortcutLegend } from "./shortcut-legend";

export function CramSession({ initial, scopeLabel, reviewHref }: { initial: CramSessionView; scopeLabel: string; reviewHref: string }) {
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<string[]>([]);
  const [reveal, setReveal] = useState<RevealView | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [score, setScore] = useState({ right: 0, graded: 0 });
  const shownAt = useRef(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const card = initial.cards[index] ?? null;

  useEffect(() => {
    setSelected([]);
    setReveal(null);
    setMessage(null);
    shownAt.current = performance.now();
    headingRef.current?.focus();
  }, [index]);

  const toggle = useCallback(
    (key: string) => {
      if (!card || reveal) return;
      if (card.type === "single") setSelected([key]);
      else if (selected.includes(key)) setSelected(selected.filter((k) => k !== key));
      else if (selected.length < card.selectCount) setSelected([...selected, key]);
    },
    [card, reveal, selected],
  );

  const check = useCallback(async () => {
    if (!card || reveal || busy) return;
    if (card.selectCount > 0 && selected.length !== card.selectCount) {
      setMessage(`${card.selectCount}개를 고르세요.`);
      return;
    }
    setBusy(true);
    try {
      const result = await requestCheck({ cardId: card.cardId, selected, durationMs: Math.round(performance.now() - shownAt.current) });
      setReveal(result);
      if (result.correct != null) setScore((current) => ({ right: current.right + (result.correct ? 1 : 0), graded: current.graded + 1 }));
    } catch (error) {
      setMessage(error instanceof ReviewRequestError ? error.message : "알 수 없는 오류가 발생했습니다.");
    } finally {
      setBusy(false);
    }
  }, [card, reveal, busy, selected]);

  const next = useCallback(() => setIndex((current) => current + 1), []);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (shouldIgnoreKey(event, rootRef.current)) return;
      const target = event.target as HTMLElement;
      const onButton = target.closest("button, a");
      const onOption = onButton instanceof HTMLElement && onButton.dataset.option != null;
      if (onButton && (event.key === " " || (event.key === "Enter" && !onOption))) return;
      const key = readReviewKey(event, reveal ? "revealed" : "answering");
      if (!key || !card) return;
      if (!reveal) {
        if (key.kind === "option" && card.selectCount > 0 && card.options[key.index]) {
          event.preventDefault();
          toggle(card.options[key.index]!.key);
        } else if (key.kind === "submit" || key.kind === "reveal") {
          event.preventDefault();
          // Space on a choice card submits like Enter, as the legend says.
          void check();
        }
      } else if (key.kind === "rate" || key.kind === "submit" || key.kind === "reveal") {
        event.preventDefault();
        next();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [card, reveal, toggle, check, next]);

  return (
    <div ref={rootRef} className="mx-auto max-w-3xl space-y-4" aria-busy={busy}>
      <header className="space-y-2">
        <div className="flex flex-wrap items-end justify-between gap-3">
          <div>
            <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">벼락치기</h1>
            <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
              {scopeLabel} · {Math.min(index + 1, initial.cards.length)}/{initial.cards.length}장
              {score.graded > 0 ? ` · 채점한 ${score.graded}문제 중 ${score.right}개 정답` : ""}
            </p>
          </div>
          <Link href={reviewHref} className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 px-3 text-sm hover:border-sky-500 dark:border-slate-700">
            오늘의 복습으로
          </Link>
        </div>
        <p className="rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-950/40 dark:text-amber-200">
          연습 모드입니다. 답해도 복습 일정과 기록은 바뀌지 않습니다. 약한 카드부터 나옵니다.
        </p>
      </header>

      {message ? (
        <p role="alert" className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/40 dark:text-rose-200">
          {message}
        </p>
      ) : null}

      {card ? (
        <section aria-label="연습 카드" data-card-id={card.cardId} data-question-id={card.questionId} className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
          <CardFace ref={headingRef} card={card} selected={selected} reveal={reveal} disabled={busy || reveal != null} onToggle={toggle} />
          <div className="mt-5 border-t border-slate-100 pt-4 dark:border-slate-800">
            {reveal ? (
              <button type="button" onClick={next} className={`${buttonClasses("primary")} min-h-12 w-full text-base sm:w-auto`}>
                다음 카드 <kbd className="ml-1 hidden rounded border border-white/40 px-1 font-mono text-xs sm:inline">Enter</kbd>
              </button>
            ) : (
              <button type="button" onClick={() => void check()} disabled={busy} className={`${buttonClasses("primary")} min-h-12 w-full text-base sm:w-auto`}>
                {card.selectCount > 0 ? "제출" : "정답 보기"}
              </button>
            )}
          </div>
        </section>
      ) : (
        <EmptyState
          icon="check"
          title={initial.cards.length === 0 ? "이 범위에 카드가 없습니다" : "벼락치기를 마쳤습니다"}
          actions={
            <>
              {initial.cards.length > 0 ? (
                <button type="button" onClick={() => setIndex(0)} className={buttonClasses("primary")}>
                  처음부터 다시
                </button>
              ) : null}
              <Link href={reviewHref} className={buttonClasses("secondary")}>
                오늘의 복습으로
              </Link>
            </>
          }
        >
          {initial.total > initial.cards.length ? <p>약한 카드 {initial.cards.length}장을 보여 드렸습니다 (범위 전체 {initial.total}장).</p> : null}
        </EmptyState>
      )}
      <ShortcutLegend cram />
    </div>
  );
}
