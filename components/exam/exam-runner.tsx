"use client";
// The exam screen: one question at a time, a grid to move around, flags, a review screen and a
// confirmed submit. The server owns the state and the clock: every choice is saved as it is made
// (one save in flight at a time, each carrying the version the previous save returned), the
// countdown follows the server's remaining time, and a reload renders from the database.
// Only ExamQuestionView / ExamFeedbackView reach this component: no key, no explanation before
// the learner checks (practice) or the exam is over.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button-link";
import { ChoiceOption } from "@/components/questions/choice-option";
import { RichText } from "@/components/questions/rich-text";
import { shouldIgnoreKey } from "@/components/review/keyboard";
import { examResultsHref as resultsHref } from "@/lib/core/hrefs";
import { EXAM_WARNING_MS, type ExamAttemptView, type ExamQuestionView, type ExamSaveResult } from "@/lib/core/exam/types";
import { ExamRequestError, requestAnswerSave, requestAttempt, requestFlagSave, requestSubmit } from "./api";
import { enterActionOf, readExamKey, toggleSelection } from "./keyboard";
import { FEEDBACK_LABELS, formatClock, spokenRemaining } from "./labels";
import { GeneralExplanation, OptionReviewList, SourceLinks, VerdictBanner } from "@/components/questions/option-review";
import { answerStateOf, QuestionGrid } from "./question-grid";
import { ExamShortcutLegend } from "./shortcut-legend";

/** A save waiting to go out. Answers and flags of one question coalesce: only the latest is sent. */
interface PendingSave {
  kind: "answer" | "flag";
  position: number;
  /** practice mode: check and lock this answer */
  check: boolean;
  /** bumped on every change, so a save that went out before a newer change does not clear it */
  revision: number;
}

type SaveStatus = { kind: "idle" } | { kind: "saving" } | { kind: "saved" } | { kind: "error"; message: string };

/** Why input stopped: the time ran out, or the learner is submitting. */
type Ending = "expired" | "submitting" | null;

/** After the countdown reaches zero, wait this long before asking for the results, so the
 * server's clock has passed the deadline too (the client's deadline is never earlier than the
 * server's: it starts counting when the view arrives, after the server measured it). */
const EXPIRY_GRACE_MS = 400;

export function ExamRunner({ view, initialIndex = 0 }: { view: ExamAttemptView; initialIndex?: number }) {
  const router = useRouter();
  const practice = view.feedback === "practice";
  const [questions, setQuestionsState] = useState<ExamQuestionView[]>(view.questions);
  const [index, setIndex] = useState(() => Math.min(Math.max(0, initialIndex), Math.max(0, view.questions.length - 1)));
  const [screen, setScreen] = useState<"question" | "review">("question");
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: "idle" });
  const [notice, setNotice] = useState<string | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [warning, setWarning] = useState<string | null>(null);
  const [remainingMs, setRemainingMs] = useState<number | null>(view.remainingMs);
  const [checkingPosition, setCheckingPosition] = useState<number | null>(null);
  const [ending, setEnding] = useState<Ending>(null);
  const [legendOpen, setLegendOpen] = useState(true);
  const [confirmOpen, setConfirmOpen] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);

  const questionsRef = useRef(view.questions);
  const versionRef = useRef(view.version);
  const pendingRef = useRef(new Map<string, PendingSave>());
  const revisionRef = useRef(0);
  const runningRef = useRef(false);
  const haltedRef = useRef(false);
  const drainWaitersRef = useRef<((drained: boolean) => void)[]>([]);
  /** performance.now() at which the time runs out; null = no limit or not measured yet */
  const deadlineRef = useRef<number | null>(null);
  const warnedRef = useRef(false);
  const expiredRef = useRef(false);
  /** time spent on each question not yet sent with an answer save */
  const unsentTimeRef = useRef(new Map<number, number>());
  const shownAtRef = useRef(0);
  const rootRef = useRef<HTMLDivElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const dialogRef = useRef<HTMLDialogElement>(null);
  const firstFocusRef = useRef(true);
  const indexRef = useRef(index);
  /** bumped whenever the server's state replaces the screen's: a submit waiting on saves stops */
  const reloadCountRef = useRef(0);

  const question = questions[index] ?? null;
  const locked = question?.feedback != null;
  const inputStopped = ending != null;

  /** Questions change in event handlers and in the save loop; the ref is what the loop sends. */
  const setQuestions = useCallback((update: (current: ExamQuestionView[]) => ExamQuestionView[]) => {
    const next = update(questionsRef.current);
    questionsRef.current = next;
    setQuestionsState(next);
  }, []);

  const syncRemaining = useCallback((ms: number | null) => {
    deadlineRef.current = ms == null ? null : performance.now() + ms;
    setRemainingMs(ms);
  }, []);

  const goToResults = useCallback(() => {
    router.replace(resultsHref(view.id));
  }, [router, view.id]);

  // ------------------------------------------------------------------ time spent per question

  const recordTimeOn = useCallback((position: number | undefined) => {
    const now = performance.now();
    if (position != null && shownAtRef.current > 0) {
      const spent = Math.max(0, Math.round(now - shownAtRef.current));
      unsentTimeRef.current.set(position, (unsentTimeRef.current.get(position) ?? 0) + spent);
    }
    shownAtRef.current = now;
  }, []);

  /** The time on `position` so far (including the current stretch), to send with its answer. */
  const takeTime = useCallback(
    (position: number): number => {
      if (questionsRef.current[indexRef.current]?.position === position) recordTimeOn(position);
      const spent = unsentTimeRef.current.get(position) ?? 0;
      unsentTimeRef.current.delete(position);
      return spent;
    },
    [recordTimeOn],
  );

  const giveTimeBack = useCallback((position: number, ms: number) => {
    if (ms > 0) unsentTimeRef.current.set(position, (unsentTimeRef.current.get(position) ?? 0) + ms);
  }, []);

  // ------------------------------------------------------------------ the save queue

  const settleDrainWaiters = useCallback((drained: boolean) => {
    const waiters = drainWaitersRef.current;
    drainWaitersRef.current = [];
    for (const resolve of waiters) resolve(drained);
  }, []);

  /** Replace what is on screen with the server's state (after a stale save: another tab won). */
  const reloadFromServer = useCallback(async () => {
    reloadCountRef.current += 1;
    pendingRef.current.clear();
    unsentTimeRef.current.clear();
    setCheckingPosition(null);
    try {
      const current = await requestAttempt(view.id);
      versionRef.current = current.version;
      setQuestions(() => current.questions);
      syncRemaining(current.remainingMs);
      haltedRef.current = false;
      setSaveStatus({ kind: "saved" });
    } catch (error) {
      if (error instanceof ExamRequestError && (error.code === "exam_finished" || error.code === "exam_expired")) {
        router.replace(error.href ?? resultsHref(view.id));
        return;
      }
      haltedRef.current = true;
      setSaveStatus({ kind: "error", message: error instanceof Error ? error.message : "시험 상태를 다시 불러오지 못했습니다." });
    }
  }, [router, setQuestions, syncRemaining, view.id]);

  /** What a failed save means: over (go to results), stale (reload), or worth a retry. */
  const handleSaveError = useCallback(
    async (error: unknown) => {
      if (!(error instanceof ExamRequestError)) {
        haltedRef.current = true;
        setSaveStatus({ kind: "error", message: "저장하지 못했습니다. 알 수 없는 오류가 발생했습니다." });
        return;
      }
      if (error.code === "exam_expired") {
        expiredRef.current = true;
        setEnding("expired");
        setProblem(error.message);
        goToResults();
        return;
      }
      if (error.code === "exam_finished") {
        setEnding("submitting");
        router.replace(error.href ?? resultsHref(view.id));
        return;
      }
      if (error.code === "stale_exam" || error.status === 400 || error.status === 409) {
        // Another tab (or a replayed request) changed the exam, or the server refused this
        // save outright: the server's state is the truth, so show it instead of retrying.
        setProblem(`${error.message} 최신 상태를 다시 불러왔습니다.`);
        await reloadFromServer();
        return;
      }
      haltedRef.current = true;
      setSaveStatus({ kind: "error", message: error.message });
    },
    [goToResults, reloadFromServer, router, view.id],
  );

  const pump = useCallback(async () => {
    if (runningRef.current || haltedRef.current) return;
    runningRef.current = true;
    try {
      while (pendingRef.current.size > 0 && !haltedRef.current && !expiredRef.current) {
        const [key, job] = pendingRef.current.entries().next().value as [string, PendingSave];
        const target = questionsRef.current.find((q) => q.position === job.position);
        if (!target) {
          pendingRef.current.delete(key);
          continue;
        }
        setSaveStatus({ kind: "saving" });
        let timeSpentMs = 0;
        try {
          let result: ExamSaveResult;
          if (job.kind === "answer") {
            timeSpentMs = takeTime(job.position);
            result = await requestAnswerSave(view.id, {
              position: job.position,
              selected: target.selected,
              version: versionRef.current,
              ...(job.check ? { check: true } : {}),
              ...(timeSpentMs > 0 ? { timeSpentMs } : {}),
            });
          } else {
            result = await requestFlagSave(view.id, { position: job.position, flagged: target.flagged, version: versionRef.current });
          }
          versionRef.current = result.version;
          syncRemaining(result.remainingMs);
          if (pendingRef.current.get(key)?.revision === job.revision) pendingRef.current.delete(key);
          if (job.check) {
            const feedback = result.feedback;
            if (feedback) setQuestions((current) => current.map((q) => (q.position === job.position ? { ...q, feedback } : q)));
            setCheckingPosition((checking) => (checking === job.position ? null : checking));
          }
        } catch (error) {
          giveTimeBack(job.position, timeSpentMs);
          if (job.check) setCheckingPosition((checking) => (checking === job.position ? null : checking));
          await handleSaveError(error);
          break;
        }
      }
    } finally {
      runningRef.current = false;
    }
    if (pendingRef.current.size === 0 && !haltedRef.current) {
      setSaveStatus((status) => (status.kind === "error" ? status : { kind: "saved" }));
      settleDrainWaiters(true);
    } else if (haltedRef.current || expiredRef.current) {
      settleDrainWaiters(false);
    }
  }, [giveTimeBack, handleSaveError, setQuestions, settleDrainWaiters, syncRemaining, takeTime, view.id]);

  const enqueue = useCallback(
    (kind: PendingSave["kind"], position: number, check = false) => {
      const key = `${kind}:${position}`;
      const previous = pendingRef.current.get(key);
      revisionRef.current += 1;
      // Delete first so the entry moves to the back: saves go out in the order they were made.
      pendingRef.current.delete(key);
      pendingRef.current.set(key, { kind, position, check: check || (previous?.check ?? false), revision: revisionRef.current });
      setSaveStatus((status) => (status.kind === "error" ? status : { kind: "saving" }));
      void pump();
    },
    [pump],
  );

  /** Resolves true once every pending save is stored, false if one failed. */
  const drain = useCallback((): Promise<boolean> => {
    if (pendingRef.current.size === 0 && !runningRef.current) return Promise.resolve(!haltedRef.current);
    return new Promise((resolve) => {
      drainWaitersRef.current.push(resolve);
      void pump();
      if (haltedRef.current) settleDrainWaiters(false);
    });
  }, [pump, settleDrainWaiters]);

  const retry = useCallback(() => {
    haltedRef.current = false;
    for (const job of pendingRef.current.values()) if (job.check) setCheckingPosition(job.position);
    setSaveStatus({ kind: pendingRef.current.size > 0 ? "saving" : "saved" });
    void pump();
  }, [pump]);

  // ------------------------------------------------------------------ the clock

  useEffect(() => {
    syncRemaining(view.remainingMs);
    shownAtRef.current = performance.now();
  }, [syncRemaining, view.remainingMs]);

  useEffect(() => {
    if (view.remainingMs == null) return;
    const tick = () => {
      const deadline = deadlineRef.current;
      if (deadline == null || expiredRef.current) return;
      const left = deadline - performance.now();
      setRemainingMs(Math.max(0, left));
      if (left <= EXAM_WARNING_MS && left > 0 && !warnedRef.current) {
        warnedRef.current = true;
        setWarning(`시험 종료까지 ${Math.max(1, Math.ceil(left / 60_000))}분 남았습니다. 답하지 않은 문제와 검토 표시한 문제를 확인하세요.`);
      }
      if (left <= 0) {
        expiredRef.current = true;
        setEnding("expired");
        setConfirmOpen(false);
        setWarning("시험 시간이 끝났습니다. 결과 화면으로 이동합니다.");
        window.setTimeout(goToResults, EXPIRY_GRACE_MS);
      }
    };
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [goToResults, view.remainingMs]);

  // Leaving with a save still queued would lose it: ask the browser to warn.
  useEffect(() => {
    function onBeforeUnload(event: BeforeUnloadEvent) {
      if (pendingRef.current.size > 0 && !expiredRef.current) event.preventDefault();
    }
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => window.removeEventListener("beforeunload", onBeforeUnload);
  }, []);

  // ------------------------------------------------------------------ navigation

  const goTo = useCallback(
    (next: number) => {
      if (next < 0 || next >= questionsRef.current.length) return;
      recordTimeOn(questionsRef.current[index]?.position);
      setIndex(next);
      setScreen("question");
      setNotice(null);
    },
    [index, recordTimeOn],
  );

  const goNext = useCallback(() => {
    if (index + 1 < questionsRef.current.length) goTo(index + 1);
    else {
      recordTimeOn(questionsRef.current[index]?.position);
      setScreen("review");
    }
  }, [goTo, index, recordTimeOn]);

  // The question number lives in the URL so a reload comes back to it.
  useEffect(() => {
    indexRef.current = index;
    const url = new URL(window.location.href);
    url.searchParams.set("q", String(index + 1));
    window.history.replaceState(window.history.state, "", url);
    if (screen !== "question") return;
    headingRef.current?.focus({ preventScroll: firstFocusRef.current });
    firstFocusRef.current = false;
  }, [index, screen]);

  // ------------------------------------------------------------------ answering

  const choose = useCallback(
    (key: string) => {
      const current = questionsRef.current[index];
      if (!current || current.feedback || inputStopped || checkingPosition === current.position) return;
      const { selected, overLimit } = toggleSelection(current.selected, key, current);
      if (overLimit) {
        setNotice(`${current.selectCount}개까지 고를 수 있습니다. 먼저 고른 것을 해제하세요.`);
        return;
      }
      setNotice(null);
      if (selected.length === current.selected.length && selected.every((k, i) => k === current.selected[i])) return;
      setQuestions((all) => all.map((q) => (q.position === current.position ? { ...q, selected } : q)));
      enqueue("answer", current.position);
    },
    [checkingPosition, enqueue, index, inputStopped, setQuestions],
  );

  const toggleFlag = useCallback(() => {
    const current = questionsRef.current[index];
    if (!current || inputStopped) return;
    setQuestions((all) => all.map((q) => (q.position === current.position ? { ...q, flagged: !q.flagged } : q)));
    enqueue("flag", current.position);
  }, [enqueue, index, inputStopped, setQuestions]);

  const check = useCallback(() => {
    const current = questionsRef.current[index];
    if (!practice || !current || current.feedback || inputStopped || checkingPosition != null) return;
    if (current.selected.length !== current.selectCount) {
      setNotice(current.selectCount === 1 ? "선택지를 하나 고르세요 (1–6 또는 A–F)." : `${current.selectCount}개를 고르세요 (지금 ${current.selected.length}개).`);
      return;
    }
    setNotice(null);
    setCheckingPosition(current.position);
    enqueue("answer", current.position, true);
  }, [checkingPosition, enqueue, index, inputStopped, practice]);

  // ------------------------------------------------------------------ submitting

  const openConfirm = useCallback(() => {
    if (inputStopped) return;
    setSubmitError(null);
    setConfirmOpen(true);
  }, [inputStopped]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (confirmOpen && !dialog.open) dialog.showModal();
    if (!confirmOpen && dialog.open) dialog.close();
  }, [confirmOpen]);

  const submit = useCallback(async () => {
    if (inputStopped) return;
    setEnding("submitting");
    setSubmitError(null);
    const reloads = reloadCountRef.current;
    // Submitting is an explicit request: a save that failed before gets one more try first.
    haltedRef.current = false;
    const drained = await drain();
    if (reloadCountRef.current !== reloads) {
      // A save was stale and the screen now shows the server's state: let the learner look first.
      setEnding(null);
      setConfirmOpen(false);
      return;
    }
    if (!drained) {
      setEnding(expiredRef.current ? "expired" : null);
      setSubmitError("저장하지 못한 답이 있어 제출하지 않았습니다. 다시 시도하세요.");
      return;
    }
    try {
      const { href } = await requestSubmit(view.id, { version: versionRef.current });
      router.push(href);
    } catch (error) {
      if (error instanceof ExamRequestError && (error.code === "exam_expired" || error.code === "exam_finished")) {
        router.replace(error.href ?? resultsHref(view.id));
        return;
      }
      setEnding(null);
      if (error instanceof ExamRequestError && error.code === "stale_exam") {
        setConfirmOpen(false);
        setProblem(`${error.message} 최신 상태를 다시 불러왔습니다. 확인한 뒤 다시 제출하세요.`);
        await reloadFromServer();
        return;
      }
      setSubmitError(error instanceof Error ? error.message : "제출하지 못했습니다.");
    }
  }, [drain, inputStopped, reloadFromServer, router, view.id]);

  // ------------------------------------------------------------------ keyboard

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (confirmOpen || shouldIgnoreKey(event, rootRef.current)) return;
      const target = event.target as HTMLElement;
      const onButton = target.closest("button, a, summary");
      const onOption = onButton instanceof HTMLElement && onButton.dataset.option != null;
      // A focused button or link keeps its own Enter/Space, except Enter on an option.
      if (onButton && (event.key === " " || (event.key === "Enter" && !onOption))) return;
      const key = readExamKey(event);
      if (!key) return;
      if (key.kind === "legend") {
        event.preventDefault();
        setLegendOpen((open) => !open);
        return;
      }
      if (inputStopped) return;
      if (key.kind === "previous") {
        event.preventDefault();
        if (screen === "review") setScreen("question");
        else goTo(index - 1);
        return;
      }
      if (key.kind === "next") {
        event.preventDefault();
        if (screen === "question") goNext();
        return;
      }
      if (screen !== "question" || !question) return;
      if (key.kind === "flag") {
        event.preventDefault();
        toggleFlag();
      } else if (key.kind === "option") {
        const option = question.options[key.index];
        if (option) {
          event.preventDefault();
          choose(option.key);
        }
      } else if (key.kind === "enter") {
        event.preventDefault();
        if (enterActionOf({ practice, locked: question.feedback != null }) === "check") check();
        else goNext();
      }
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [check, choose, confirmOpen, goNext, goTo, index, inputStopped, practice, question, screen, toggleFlag]);

  // ------------------------------------------------------------------ rendering

  const unanswered = questions.filter((q) => answerStateOf(q) === "unanswered");
  const partial = questions.filter((q) => answerStateOf(q) === "partial");
  const flagged = questions.filter((q) => q.flagged);
  const answeredCount = questions.length - unanswered.length;
  const numberOf = (position: number) => questions.findIndex((q) => q.position === position) + 1;
  const lowTime = remainingMs != null && remainingMs <= EXAM_WARNING_MS;

  return (
    <div ref={rootRef} data-exam-root data-exam-id={view.id} data-ending={ending ?? undefined} className="space-y-4">
      <header className="sticky top-[45px] z-10 -mx-4 border-b border-slate-200 bg-slate-50/95 px-4 py-2 backdrop-blur sm:top-[53px] dark:border-slate-800 dark:bg-slate-950/95">
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
          {/* Phones: the title takes its own row, the clock and the buttons the next one. */}
          <div className="min-w-0 basis-full sm:basis-0 sm:flex-1">
            <h1 className="truncate text-lg font-bold tracking-tight sm:text-xl">{view.title}</h1>
            <p className="text-xs text-slate-600 sm:text-sm dark:text-slate-400">
              {FEEDBACK_LABELS[view.feedback]} · 문제 {index + 1}/{questions.length} · 답함 {answeredCount}
              {flagged.length > 0 ? ` · 표시 ${flagged.length}` : ""}
            </p>
          </div>
          <SaveIndicator status={saveStatus} onRetry={retry} />
          <div
            role="timer"
            aria-live="off"
            aria-label={remainingMs == null ? "시간 제한 없음" : spokenRemaining(remainingMs)}
            data-remaining-ms={remainingMs == null ? undefined : Math.round(remainingMs)}
            className={`rounded-lg px-3 py-1.5 font-mono text-lg font-bold tabular-nums ring-1 ${
              remainingMs == null
                ? "bg-white text-slate-600 ring-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:ring-slate-700"
                : lowTime
                  ? "bg-rose-50 text-rose-800 ring-rose-300 dark:bg-rose-950/60 dark:text-rose-200 dark:ring-rose-800"
                  : "bg-white text-slate-900 ring-slate-200 dark:bg-slate-900 dark:text-slate-100 dark:ring-slate-700"
            }`}
          >
            {remainingMs == null ? <span className="font-sans text-sm">시간 제한 없음</span> : formatClock(remainingMs)}
          </div>
          <div className="ml-auto flex gap-2 sm:ml-0">
            <button type="button" onClick={() => setScreen(screen === "review" ? "question" : "review")} disabled={inputStopped} className={`${buttonClasses("secondary")} min-h-10`} aria-pressed={screen === "review"}>
              검토
            </button>
            <button type="button" onClick={openConfirm} disabled={inputStopped} className={`${buttonClasses("primary")} min-h-10`}>
              제출
            </button>
          </div>
        </div>
      </header>

      {/* Announced once: the 5-minute warning and the end of the exam. */}
      <div aria-live="assertive" role="status" className="empty:hidden">
        {warning ? <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950 dark:border-amber-800 dark:bg-amber-950/50 dark:text-amber-100">{warning}</p> : null}
      </div>
      <div aria-live="polite" className="empty:hidden">
        {notice ? <p className="rounded-lg bg-sky-50 px-3 py-2 text-sm text-sky-900 dark:bg-sky-950/50 dark:text-sky-200">{notice}</p> : null}
      </div>
      {problem ? (
        <div role="alert" className="flex flex-wrap items-center gap-3 rounded-lg border border-rose-300 bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:border-rose-800 dark:bg-rose-950/40 dark:text-rose-200">
          <span className="flex-1">{problem}</span>
          <button type="button" onClick={() => setProblem(null)} className={buttonClasses("secondary")}>
            닫기
          </button>
        </div>
      ) : null}
      {view.notices.length > 0 && index === 0 && screen === "question" ? (
        <ul className="space-y-1 rounded-lg bg-slate-100 px-3 py-2 text-sm text-slate-700 dark:bg-slate-800/70 dark:text-slate-300">
          {view.notices.map((item) => (
            <li key={item.message}>{item.message}</li>
          ))}
        </ul>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_17rem]">
        <div className="min-w-0 space-y-4">
          {screen === "review" ? (
            <ReviewScreen
              unanswered={unanswered}
              partial={partial}
              flagged={flagged}
              numberOf={numberOf}
              onOpen={(position) => goTo(numberOf(position) - 1)}
              onBack={() => setScreen("question")}
              onSubmit={openConfirm}
              disabled={inputStopped}
            />
          ) : question ? (
            <section
              aria-label={`문제 ${index + 1}`}
              data-question-position={question.position}
              data-question-id={question.questionId}
              data-select-count={question.selectCount}
              className="rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900"
            >
              <div className="flex flex-wrap items-start justify-between gap-2">
                <div className="flex flex-wrap items-center gap-1.5">
                  <Badge tone="slate">문제 {index + 1}</Badge>
                  <Badge>{question.type === "multiple" ? `복수 선택 · ${question.selectCount}개 선택` : "단일 선택"}</Badge>
                  <Badge tone="violet">{question.domainLabel}</Badge>
                </div>
                <button
                  type="button"
                  onClick={toggleFlag}
                  disabled={inputStopped}
                  aria-pressed={question.flagged}
                  aria-keyshortcuts="M"
                  className={`inline-flex min-h-10 items-center gap-1.5 rounded-lg border px-3 text-sm font-semibold transition-colors ${
                    question.flagged
                      ? "border-amber-500 bg-amber-50 text-amber-900 dark:border-amber-500 dark:bg-amber-950/50 dark:text-amber-100"
                      : "border-slate-300 bg-white text-slate-700 hover:border-amber-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300"
                  }`}
                >
                  <span aria-hidden="true" className={`h-2.5 w-2.5 rounded-full ${question.flagged ? "bg-amber-500" : "border border-slate-400"}`} />
                  {question.flagged ? "검토 표시됨" : "검토 표시"}
                  <kbd className="ml-1 hidden rounded border border-slate-300 px-1 font-mono text-xs sm:inline dark:border-slate-600">M</kbd>
                </button>
              </div>

              <h2 ref={headingRef} tabIndex={-1} id="exam-stem" style={{ outline: "none" }} className="mt-4 text-lg leading-relaxed font-medium text-slate-900 sm:text-xl dark:text-slate-50">
                <RichText text={question.stem} />
              </h2>

              {question.feedback ? (
                <div className="mt-4 space-y-4" data-feedback={question.feedback.correct ? "correct" : "incorrect"}>
                  <div role="status">
                    <VerdictBanner correct={question.feedback.correct} options={question.feedback.options} />
                  </div>
                  <OptionReviewList options={question.feedback.options} />
                  <GeneralExplanation text={question.feedback.generalExplanation} />
                  <SourceLinks sources={question.feedback.sources} />
                </div>
              ) : (
                <OptionButtons question={question} disabled={inputStopped || checkingPosition === question.position} onChoose={choose} />
              )}

              <div className="mt-5 flex flex-wrap items-center gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
                <button type="button" onClick={() => goTo(index - 1)} disabled={index === 0 || inputStopped} aria-keyshortcuts="ArrowLeft" className={`${buttonClasses("secondary")} min-h-12`}>
                  ← 이전
                </button>
                {practice && !locked ? (
                  <button type="button" onClick={check} disabled={inputStopped || checkingPosition != null} aria-keyshortcuts="Enter" className={`${buttonClasses("primary")} min-h-12 flex-1 text-base sm:flex-none`}>
                    {checkingPosition === question.position ? "확인하는 중…" : "정답 확인"}
                    <kbd className="ml-1 hidden rounded border border-white/40 px-1 font-mono text-xs sm:inline">Enter</kbd>
                  </button>
                ) : null}
                <button
                  type="button"
                  onClick={goNext}
                  disabled={inputStopped}
                  aria-keyshortcuts={practice && !locked ? "ArrowRight" : "ArrowRight Enter"}
                  className={`${buttonClasses(practice && !locked ? "secondary" : "primary")} ml-auto min-h-12`}
                >
                  {index + 1 < questions.length ? "다음 →" : "검토 화면 →"}
                </button>
              </div>
            </section>
          ) : (
            <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-600 dark:border-slate-700 dark:text-slate-400">이 시험에는 문제가 없습니다.</p>
          )}
          <ExamShortcutLegend practice={practice} open={legendOpen} onToggle={() => setLegendOpen((open) => !open)} />
        </div>

        <aside aria-label="문제 이동" className="space-y-3 lg:sticky lg:top-36 lg:self-start">
          <details className="group rounded-xl border border-slate-200 bg-white p-3 shadow-sm dark:border-slate-800 dark:bg-slate-900" open>
            <summary className="flex min-h-10 cursor-pointer items-center justify-between gap-2 text-sm font-semibold">
              <span>
                문제 목록 <span className="font-normal text-slate-600 dark:text-slate-400">· 답함 {answeredCount}/{questions.length}</span>
              </span>
              <span aria-hidden="true" className="text-slate-500 group-open:rotate-180">
                ▾
              </span>
            </summary>
            <div className="mt-2">
              <QuestionGrid questions={questions} currentIndex={screen === "question" ? index : -1} onSelect={goTo} disabled={inputStopped} />
            </div>
          </details>
          <Link href="/exams" className="block text-center text-sm text-slate-600 underline-offset-2 hover:underline dark:text-slate-400">
            시험 목록으로 (진행 상황은 저장됩니다)
          </Link>
        </aside>
      </div>

      <dialog
        ref={dialogRef}
        aria-labelledby="submit-title"
        onClose={() => setConfirmOpen(false)}
        className="m-auto w-[min(28rem,calc(100vw-2rem))] rounded-2xl border border-slate-200 bg-white p-5 text-slate-900 shadow-xl backdrop:bg-slate-950/50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
      >
        <h2 id="submit-title" className="text-lg font-bold">
          시험을 제출할까요?
        </h2>
        <div className="mt-2 space-y-1 text-sm text-slate-700 dark:text-slate-300">
          <p>
            {questions.length}문제 중 {answeredCount}문제에 답했습니다.
          </p>
          {unanswered.length > 0 ? (
            <p className="font-semibold text-rose-700 dark:text-rose-300" data-unanswered-count={unanswered.length}>
              답하지 않은 문제 {unanswered.length}개는 오답으로 처리됩니다.
            </p>
          ) : (
            <p data-unanswered-count={0}>모든 문제에 답했습니다.</p>
          )}
          {partial.length > 0 ? <p className="text-amber-800 dark:text-amber-200">선택 수가 모자란 문제 {partial.length}개도 오답입니다.</p> : null}
          {flagged.length > 0 ? <p>검토 표시한 문제가 {flagged.length}개 있습니다.</p> : null}
          <p>제출하면 답을 바꿀 수 없습니다.</p>
        </div>
        {submitError ? (
          <p role="alert" className="mt-3 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/50 dark:text-rose-200">
            {submitError}
          </p>
        ) : null}
        <div className="mt-5 flex flex-wrap justify-end gap-2">
          <button type="button" onClick={() => setConfirmOpen(false)} disabled={ending === "submitting"} className={`${buttonClasses("secondary")} min-h-11`} autoFocus>
            계속 풀기
          </button>
          <button type="button" onClick={() => void submit()} disabled={ending != null} className={`${buttonClasses("primary")} min-h-11`}>
            {ending === "submitting" ? "제출하는 중…" : "제출하기"}
          </button>
        </div>
      </dialog>
    </div>
  );
}

function OptionButtons({ question, disabled, onChoose }: { question: ExamQuestionView; disabled: boolean; onChoose: (key: string) => void }) {
  const multiple = question.type === "multiple";
  return (
    <div role="group" aria-label={multiple ? `선택지 (${question.selectCount}개 선택)` : "선택지"} aria-describedby={multiple ? "exam-select-count" : undefined} className="mt-4 space-y-2">
      {multiple ? (
        <p id="exam-select-count" className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {question.selectCount}개를 고르세요 · 고른 수 {question.selected.length}/{question.selectCount}
        </p>
      ) : null}
      {question.options.map((option, optionIndex) => (
        <ChoiceOption
          key={option.key}
          optionKey={option.key}
          text={option.text}
          index={optionIndex}
          selected={question.selected.includes(option.key)}
          multiple={multiple}
          disabled={disabled}
          onToggle={onChoose}
        />
      ))}
    </div>
  );
}

function SaveIndicator({ status, onRetry }: { status: SaveStatus; onRetry: () => void }) {
  if (status.kind === "error") {
    return (
      <div role="alert" className="flex items-center gap-2 text-sm text-rose-800 dark:text-rose-200">
        <span>저장 실패: {status.message}</span>
        <button type="button" onClick={onRetry} className="min-h-9 rounded-lg border border-rose-300 px-2 font-semibold hover:bg-rose-50 dark:border-rose-800 dark:hover:bg-rose-950/50">
          다시 시도
        </button>
      </div>
    );
  }
  return (
    <p role="status" data-save-status={status.kind} className="text-sm text-slate-600 dark:text-slate-400">
      {status.kind === "saving" ? "저장 중…" : status.kind === "saved" ? "저장됨" : ""}
    </p>
  );
}

function ReviewScreen({
  unanswered,
  partial,
  flagged,
  numberOf,
  onOpen,
  onBack,
  onSubmit,
  disabled,
}: {
  unanswered: ExamQuestionView[];
  partial: ExamQuestionView[];
  flagged: ExamQuestionView[];
  numberOf: (position: number) => number;
  onOpen: (position: number) => void;
  onBack: () => void;
  onSubmit: () => void;
  disabled: boolean;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    headingRef.current?.focus();
  }, []);
  const group = (title: string, items: ExamQuestionView[], empty: string, id: string) => (
    <section aria-labelledby={id} className="space-y-2">
      <h3 id={id} className="text-sm font-semibold">
        {title} <span className="tabular-nums text-slate-600 dark:text-slate-400">{items.length}</span>
      </h3>
      {items.length === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">{empty}</p>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {items.map((item) => (
            <li key={item.position}>
              <button type="button" onClick={() => onOpen(item.position)} disabled={disabled} className={`${buttonClasses("secondary")} min-h-10 tabular-nums`}>
                문제 {numberOf(item.position)}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <section aria-labelledby="exam-review-title" className="space-y-5 rounded-2xl border border-slate-200 bg-white p-4 shadow-sm sm:p-6 dark:border-slate-800 dark:bg-slate-900">
      <h2 id="exam-review-title" ref={headingRef} tabIndex={-1} style={{ outline: "none" }} className="text-lg font-bold">
        검토 화면
      </h2>
      {group("답하지 않은 문제", unanswered, "모든 문제에 답했습니다.", "review-unanswered")}
      {partial.length > 0 ? group("선택 수가 모자란 문제", partial, "", "review-partial") : null}
      {group("검토 표시한 문제", flagged, "검토 표시한 문제가 없습니다.", "review-flagged")}
      <div className="flex flex-wrap gap-2 border-t border-slate-100 pt-4 dark:border-slate-800">
        <button type="button" onClick={onBack} className={`${buttonClasses("secondary")} min-h-12`}>
          ← 문제로 돌아가기
        </button>
        <button type="button" onClick={onSubmit} disabled={disabled} className={`${buttonClasses("primary")} ml-auto min-h-12 text-base`}>
          제출하기
        </button>
      </div>
    </section>
  );
}
