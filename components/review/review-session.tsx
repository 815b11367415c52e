"use client";
// Today's review: show a card, grade or reveal it, rate it, move on. The server owns the queue
// (a reload resumes from the database); this component only holds the card on screen.
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import type { RatingValue } from "@/lib/core/srs/types";
import { UPCOMING_WINDOW, type RevealView, type ReviewCardView, type SessionCounts, type SessionView } from "@/lib/core/srs/views";
import { ReviewRequestError, requestAnswer, requestCheck, requestUndo } from "./api";
import { CardFace } from "./card-face";
import { readReviewKey, shouldIgnoreKey } from "./keyboard";
import { formatWait } from "./labels";
import { RatingBar } from "./rating-bar";
import { SessionHeader } from "./session-header";
import { ShortcutLegend } from "./shortcut-legend";

type Phase = "answering" | "checking" | "revealed" | "saving" | "undoing";

/** The session as the screen holds it: the card on screen, what is left, what comes next. */
interface SessionState {
  card: ReviewCardView | null;
  counts: SessionCounts;
  upcoming: string[];
  nextDueAt: string | null;
  undoLogId: string | null;
  newStartedToday: number;
}

const withNewLimit = (counts: SessionCounts, newLimit: number, newStarted: number): SessionCounts => ({
  ...counts,
  new: Math.max(0, Math.min(counts.new, newLimit - newStarted)),
});

interface Problem {
  message: string;
  /** the card changed elsewhere: only a reload helps */
  stale: boolean;
}

/**
 * `answeredToday`: review answers logged today in this scope (countAnsweredToday), so the
 * header's count survives a reload; answers and undos in this tab move it from there.
 */
export function ReviewSession({ initial, scopeLabel, cramHref, answeredToday = 0 }: { initial: SessionView; scopeLabel: string; cramHref: string; answeredToday?: number }) {
  const [session, setSession] = useState<SessionState>(() => ({
    card: initial.card,
    counts: initial.counts,
    upcoming: initial.upcoming,
    nextDueAt: initial.nextDueAt,
    undoLogId: initial.undoLogId,
    newStartedToday: initial.newStartedToday,
  }));
  const scope = initial.scope;
  const [phase, setPhase] = useState<Phase>("answering");
  const [selected, setSelected] = useState<string[]>([]);
  const [reveal, setReveal] = useState<RevealView | null>(null);
  const [rating, setRating] = useState<RatingValue>(3);
  // 찍었음: the learner says, before checking, that the answer is a guess; the proposal is 다시.
  const [guessed, setGuessed] = useState(false);
  const [durationMs, setDurationMs] = useState(0);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [answered, setAnswered] = useState(answeredToday);
  const [leechCount, setLeechCount] = useState(initial.leechCount ?? 0);
  const shownAt = useRef(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const card = session.card;
  const cardKey = card ? `${card.cardId}@${card.version}` : "none";

  // A new card on screen: reset, start its clock, and move focus to it for screen readers.
  useEffect(() => {
    setPhase("answering");
    setSelected([]);
    setReveal(null);
    setProblem(null);
    setGuessed(false);
    shownAt.current = performance.now();
    headingRef.current?.focus({ preventScroll: false });
  }, [cardKey]);

  const fail = useCallback((error: unknown, back: Phase) => {
    if (error instanceof ReviewRequestError) setProblem({ message: error.message, stale: error.status === 409 });
    else setProblem({ message: "알 수 없는 오류가 발생했습니다.", stale: false });
    setPhase(back);
  }, []);

  const toggle = useCallback(
    (key: string) => {
      if (!card || phase !== "answering") return;
      setProblem(null);
      if (card.type === "single") {
        setSelected([key]);
      } else if (selected.includes(key)) {
        setSelected(selected.filter((k) => k !== key));
      } else if (selected.length >= card.selectCount) {
        setNotice(`${card.selectCount}개까지 고를 수 있습니다. 먼저 고른 것을 해제하세요.`);
      } else {
        setSelected([...selected, key]);
      }
    },
    [card, phase, selected],
  );

  const check = useCallback(async () => {
    if (!card || phase !== "answering") return;
    if (card.selectCount > 0 && selected.length !== card.selectCount) {
      setNotice(card.selectCount === 1 ? "선택지를 하나 고르세요 (1–5 또는 A–E)." : `${card.selectCount}개를 고르세요 (지금 ${selected.length}개).`);
      return;
    }
    const elapsed = Math.round(performance.now() - shownAt.current);
    setPhase("checking");
    setNotice(null);
    try {
      const result = await requestCheck({ cardId: card.cardId, selected, durationMs: elapsed, guessed: card.selectCount > 0 && guessed });
      setReveal(result);
      setRating(result.proposedRating);
      setDurationMs(elapsed);
      setPhase("revealed");
    } catch (error) {
      fail(error, "answering");
    }
  }, [card, phase, selected, guessed, fail]);

  const rate = useCallback(
    async (value: RatingValue) => {
      if (!card || phase !== "revealed") return;
      setRating(value);
      setPhase("saving");
      try {
        const result = await requestAnswer({
          cardId: card.cardId,
          version: card.version,
          rating: value,
          selected,
          durationMs,
          scope,
          upcoming: session.upcoming.slice(0, UPCOMING_WINDOW),
        });
        setAnswered((count) => count + 1);
        if (result.becameLeech) setLeechCount((count) => count + 1);
        setNotice(result.becameLeech ? "이 카드는 여러 번 잊어 거머리 카드로 표시했습니다. 주제를 다시 공부해 보세요." : null);
        setSession((current) => {
          // Counts include the card on screen: the answered one leaves its group; learning steps
          // due now come exact from the server.
          const counts = {
            new: current.counts.new - (result.answeredKind === "new" ? 1 : 0),
            review: Math.max(0, current.counts.review - (result.answeredKind === "review" ? 1 : 0)),
            learning: result.learningDue,
          };
          const gone = new Set([...result.dropped, card.cardId, result.card?.cardId ?? ""]);
          return {
            card: result.card,
            counts: withNewLimit(counts, initial.newLimit, result.newStartedToday),
            upcoming: current.upcoming.filter((id) => !gone.has(id)),
            nextDueAt: result.nextDueAt,
            undoLogId: result.undoLogId,
            newStartedToday: result.newStartedToday,
          };
        });
      } catch (error) {
        fail(error, "revealed");
      }
    },
    [card, phase, selected, durationMs, scope, session.upcoming, initial.newLimit, fail],
  );

  const undo = useCallback(async () => {
    if (!session.undoLogId || phase === "saving" || phase === "undoing" || phase === "checking") return;
    const before = phase;
    setPhase("undoing");
    try {
      const result = await requestUndo({ logId: session.undoLogId, scope });
      setAnswered((count) => Math.max(0, count - 1));
      setNotice("마지막 답을 되돌렸습니다. 이 카드를 다시 풀어 보세요.");
      setSession((current) => {
        const counts = {
          new: current.counts.new + (result.restoredKind === "new" ? 1 : 0),
          review: current.counts.review + (result.restoredKind === "review" ? 1 : 0),
          learning: result.learningDue,
        };
        // The card that was on screen goes back to the front of the queue, after the restored one.
        const upcoming = current.card && current.card.cardId !== result.card?.cardId ? [current.card.cardId, ...current.upcoming.filter((id) => id !== current.card?.cardId)] : current.upcoming;
        return {
          card: result.card,
          counts: { ...counts, new: Math.max(0, counts.new) },
          upcoming,
          nextDueAt: null,
          undoLogId: result.undoLogId,
          newStartedToday: result.newStartedToday,
        };
      });
      setPhase("answering");
    } catch (error) {
      fail(error, before);
    }
  }, [session.undoLogId, scope, phase, fail]);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (shouldIgnoreKey(event, rootRef.current)) return;
      const target = event.target as HTMLElement;
      const onButton = target.closest("button, a");
      const onOption = onButton instanceof HTMLElement && onButton.dataset.option != null;
      // A focused button or link keeps its own Enter/Space, except Enter on an option (= submit).
      if (onButton && (event.key === " " || (event.key === "Enter" && !onOption))) return;
      const key = readReviewKey(event, phase === "revealed" ? "revealed" : "answering");
      if (!key) return;
      if (key.kind === "undo") {
        event.preventDefault();
        void undo();
        return;
      }
      if (!card) return;
      if (phase === "answering") {
        if (key.kind === "guess") {
          if (card.selectCount > 0) {
            event.preventDefault();
            setGuessed((value) => !value);
          }
        } else if (key.kind === "option" && card.selectCount > 0) {
          const option = card.options[key.index];
          if (option) {
            event.preventDefault();
            toggle(option.key);
          }
        } else if (key.kind === "submit" || key.kind === "reveal") {
          // Space does what the legend says: submits a choice card, shows a flashcard's answer.
          event.preventDefault();
          void check();
        }
      } else if (phase === "revealed") {
        if (key.kind === "rate") {
          event.preventDefault();
          void rate(key.rating);
        } else if (key.kind === "submit" || key.kind === "reveal") {
          event.preventDefault();
          void rate(rating);
        }
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [card, phase, rating, toggle, check, rate, undo]);

  const busy = phase === "checking" || phase === "saving" || phase === "undoing";

  return (
    <div ref={rootRef} data-review-root className="mx-auto max-w-3xl space-y-4" aria-busy={busy}>
      <SessionHeader counts={session.counts} newStartedToday={session.newStartedToday} newLimit={initial.newLimit} leechCount={leechCount} scopeLabel={scopeLabel} cramHref={cramHref} answered={answered} />

      <div aria-live="polite" className="min-h-0 empty:hidden">
        {notice ? <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-950/50 dark:text-sky-200">{notice}</p> : null}
      </div>
      {problem ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-200">
          <span className="flex-1">{problem.message}</span>
          {problem.stale ? (
            <button type="button" onClick={() => window.location.reload()} className={buttonClasses("secondary")}>
              새로 고침
            </button>
          ) : null}
        </div>
      ) : null}

      {card ? (
        <section
          aria-label="복습 카드"
          data-card-id={card.cardId}
          data-question-id={card.questionId}
          data-card-kind={card.kind}
          data-select-count={card.selectCount}
          data-phase={phase}
          className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
          <CardFace ref={headingRef} card={card} selected={selected} reveal={reveal} disabled={busy || phase === "revealed"} onToggle={toggle} />
          <div className="mt-5 border-t border-slate-100 pt-4 dark:border-slate-800">
            {phase === "revealed" || phase === "saving" ? (
              <RatingBar
                intervals={reveal?.intervals ?? null}
                proposed={rating}
                disabled={phase === "saving"}
                onRate={(value) => void rate(value)}
                hint={reveal?.guessed ? "찍었음으로 표시해 다시를 추천합니다. 바꾸려면 다른 버튼을 누르세요." : undefined}
              />
            ) : (
              <div className="flex flex-wrap items-center gap-3">
                <button type="button" onClick={() => void check()} disabled={busy} className={`${buttonClasses("primary")} min-h-12 w-full text-base sm:w-auto`}>
                  {card.selectCount > 0 ? (
                    <>
                      제출 <kbd className="ml-1 hidden rounded border border-white/40 px-1 font-mono text-xs sm:inline">Enter</kbd>
                    </>
                  ) : (
                    <>
                      정답 보기 <kbd className="ml-1 hidden rounded border border-white/40 px-1 font-mono text-xs sm:inline">Space</kbd>
                    </>
                  )}
                </button>
                {card.selectCount > 0 ? (
                  <button
                    type="button"
                    aria-pressed={guessed}
                    aria-keyshortcuts="G"
                    onClick={() => setGuessed((value) => !value)}
                    disabled={busy}
                    className={`${buttonClasses("secondary")} min-h-12 ${guessed ? "border-amber-500 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950/50 dark:text-amber-100" : ""}`}
                  >
                    {guessed ? "찍었음 ✓" : "찍었음"} <kbd className="ml-1 hidden rounded border border-current/30 px-1 font-mono text-xs sm:inline">G</kbd>
                  </button>
                ) : null}
                {card.selectCount > 0 ? <span className="text-xs text-slate-600 dark:text-slate-400">확신 없이 골랐다면 누르세요. 맞아도 다시로 평가합니다.</span> : null}
                {phase === "checking" ? <span className="text-sm text-slate-500">채점하는 중…</span> : null}
              </div>
            )}
          </div>
        </section>
      ) : (
        <DoneState session={session} newLimit={initial.newLimit} cramHref={cramHref} />
      )}

      <div className="flex flex-wrap items-center justify-between gap-3">
        <ShortcutLegend />
        <button
          type="button"
          onClick={() => void undo()}
          disabled={!session.undoLogId || busy}
          aria-keyshortcuts="U"
          className={`${buttonClasses("secondary")} min-h-11`}
        >
          되돌리기 <kbd className="ml-1 rounded border border-slate-300 px-1 font-mono text-xs dark:border-slate-600">U</kbd>
        </button>
      </div>
    </div>
  );
}

function DoneState({ session, newLimit, cramHref }: { session: SessionState; newLimit: number; cramHref: string }) {
  const [now] = useState(() => Date.now());
  const anything = session.newStartedToday > 0 || session.undoLogId != null;
  return (
    <EmptyState
      icon="check"
      title={anything ? "오늘 복습을 마쳤습니다" : "지금 복습할 카드가 없습니다"}
      actions={
        <>
          {session.nextDueAt ? (
            <button type="button" onClick={() => window.location.reload()} className={buttonClasses("primary")}>
              다시 확인
            </button>
          ) : null}
          <Link href={cramHref} className={buttonClasses("secondary")}>
            벼락치기로 더 풀기
          </Link>
          <Link href="/topics" className={buttonClasses("secondary")}>
            주제 공부하기
          </Link>
        </>
      }
    >
      {session.nextDueAt ? (
        <p>다음 학습 카드는 {formatWait(session.nextDueAt, now)}에 돌아옵니다.</p>
      ) : anything ? (
        <p>
          새 카드 {session.newStartedToday}/{newLimit}장을 시작했습니다. 내일 다시 오세요.
        </p>
      ) : (
        <p>
          문제 은행이 비어 있거나 이 범위에 문제가 없습니다. <Link href="/questions" className="text-sky-700 underline dark:text-sky-400">문제 목록</Link>을 확인하세요.
        </p>
      )}
    </EmptyState>
  );
}
