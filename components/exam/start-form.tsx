"use client";
// The /exams start screen: three kinds of exam as radio cards, the options each one takes, and
// what the bank can give (a 실전 모의고사 whose domain falls short is filled from the others, and
// the screen says so for the learner's choice of banks). The server action validates with zod
// and answers with Korean field errors; success redirects to the new exam.
import { startTransition, useActionState, useState, type FormEvent, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { DOMAIN_SHORT_LABELS } from "@/components/questions/labels";
import { CUSTOM_MAX_MINUTES, CUSTOM_MAX_QUESTIONS, SAA_C03, type ExamFeedback, type ExamMode, type ExamStartView } from "@/lib/core/exam/types";
import { DOMAIN_WEIGHTS, DOMAINS } from "@/lib/core/questions/types";
import { IDLE_EXAM_FORM, type StartExamFormState } from "./form-state";

type Action = (previous: StartExamFormState, formData: FormData) => Promise<StartExamFormState>;

/** AWS's own pace: 130 minutes for 65 questions. */
const MINUTES_PER_QUESTION = SAA_C03.timeLimitMinutes / SAA_C03.questionCount;

const DOMAIN_MIX = DOMAINS.map((domain) => `${DOMAIN_SHORT_LABELS[domain]} ${Math.round(DOMAIN_WEIGHTS[domain] * 100)}%`).join(" · ");

const MODES: { mode: ExamMode; title: string; lines: string[] }[] = [
  {
    mode: "full",
    title: "실전 모의고사",
    lines: [`${SAA_C03.questionCount}문제 · ${SAA_C03.timeLimitMinutes}분`, `영역 비율 ${DOMAIN_MIX}`, "끝날 때까지 정답을 보여 주지 않습니다."],
  },
  { mode: "custom", title: "맞춤 시험", lines: ["주제·영역, 문제 수, 제한 시간을 고릅니다.", "시험 모드 또는 문제마다 해설을 보는 연습 모드."] },
  { mode: "weak", title: "약점 집중", lines: ["기억이 흐려진 카드와 최근 틀린 문제의 주제를 더 많이 냅니다."] },
];

export function StartForm({ view, action }: { view: Pick<ExamStartView, "available" | "domains" | "topics" | "fullExamPreview">; action: Action }) {
  const [state, formAction, pending] = useActionState(action, IDLE_EXAM_FORM);
  const [mode, setMode] = useState<ExamMode>("full");
  const [feedback, setFeedback] = useState<ExamFeedback>("exam");
  const [questionCount, setQuestionCount] = useState("20");
  const [timeLimit, setTimeLimit] = useState("40");
  const [noTimeLimit, setNoTimeLimit] = useState(false);
  const [extraTime, setExtraTime] = useState(false);
  const [includeImported, setIncludeImported] = useState(false);
  const [topics, setTopics] = useState<string[]>([]);
  const [domains, setDomains] = useState<string[]>([]);
  const errors = state.status === "error" ? (state.fieldErrors ?? {}) : {};
  const preview = view.fullExamPreview.find((entry) => entry.includeImported === includeImported) ?? view.fullExamPreview[0] ?? null;
  // `total` and each domain's `count` include imported questions; `imported` is their share.
  const usable = view.available.total - (includeImported ? 0 : view.available.imported);
  const timed = mode === "full" || !noTimeLimit;

  // Dispatch by hand so React does not reset the form after the action: a refused form keeps
  // what the learner chose. Without JavaScript the form still posts through `action`.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    startTransition(() => formAction(formData));
  }

  const toggle = (list: string[], value: string, set: (next: string[]) => void) => set(list.includes(value) ? list.filter((entry) => entry !== value) : [...list, value]);

  return (
    <form action={formAction} onSubmit={onSubmit} noValidate className="space-y-6" aria-describedby={state.status === "error" ? "start-message" : undefined}>
      <fieldset>
        <legend className="text-base font-semibold text-slate-900 dark:text-slate-100">시험 종류</legend>
        <div className="mt-2 grid gap-3 sm:grid-cols-3">
          {MODES.map((entry) => (
            <label
              key={entry.mode}
              className={`relative flex cursor-pointer flex-col gap-1 rounded-xl border-2 p-4 transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-sky-500 ${
                mode === entry.mode
                  ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40"
                  : "border-slate-200 bg-white hover:border-sky-400 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-sky-600"
              }`}
            >
              <span className="flex items-center gap-2">
                <input type="radio" name="mode" value={entry.mode} checked={mode === entry.mode} onChange={() => setMode(entry.mode)} className="h-4 w-4 accent-sky-700" />
                <span className="text-base font-bold">{entry.title}</span>
              </span>
              {entry.lines.map((line) => (
                <span key={line} className="text-sm text-slate-600 dark:text-slate-400">
                  {line}
                </span>
              ))}
            </label>
          ))}
        </div>
        <FieldError id="mode" error={errors.mode} />
      </fieldset>

      {mode === "full" ? (
        <section aria-labelledby="full-title" className="space-y-2 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <h3 id="full-title" className="text-sm font-semibold">
            이번 실전 모의고사의 영역별 문제 수
          </h3>
          {preview ? (
            <>
              <ul className="flex flex-wrap gap-2 text-sm" data-full-preview={includeImported ? "with-imported" : "without-imported"}>
                {DOMAINS.map((domain) => (
                  <li key={domain} className="rounded-lg bg-slate-100 px-2.5 py-1 tabular-nums dark:bg-slate-800">
                    {DOMAIN_SHORT_LABELS[domain]} {preview.perDomain[domain]}
                  </li>
                ))}
              </ul>
              {preview.notices.length > 0 ? (
                <ul className="space-y-1 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950 dark:border-amber-800 dark:bg-amber-950/40 dark:text-amber-100" aria-label="문제 은행 알림">
                  {preview.notices.map((notice) => (
                    <li key={notice.message}>{notice.message}</li>
                  ))}
                </ul>
              ) : (
                <p className="text-sm text-slate-600 dark:text-slate-400">모든 영역을 시험 비율대로 채울 수 있습니다.</p>
              )}
            </>
          ) : null}
        </section>
      ) : null}

      {mode !== "full" ? (
        <div className="space-y-5 rounded-xl border border-slate-200 bg-white p-4 dark:border-slate-800 dark:bg-slate-900">
          <fieldset>
            <legend className="text-sm font-semibold">진행 방식</legend>
            <div className="mt-2 flex flex-wrap gap-2">
              {(
                [
                  ["exam", "시험 모드", "끝난 뒤 한꺼번에 채점"],
                  ["practice", "연습 모드", "문제마다 정답 확인과 해설"],
                ] as const
              ).map(([value, label, help]) => (
                <label
                  key={value}
                  className={`flex min-h-11 cursor-pointer items-center gap-2 rounded-lg border px-3 py-2 text-sm ${
                    feedback === value ? "border-sky-600 bg-sky-50 dark:border-sky-400 dark:bg-sky-950/40" : "border-slate-300 dark:border-slate-700"
                  }`}
                >
                  <input type="radio" name="feedback" value={value} checked={feedback === value} onChange={() => setFeedback(value)} className="h-4 w-4 accent-sky-700" />
                  <span className="font-semibold">{label}</span>
                  <span className="text-slate-600 dark:text-slate-400">· {help}</span>
                </label>
              ))}
            </div>
            <FieldError id="feedback" error={errors.feedback} />
          </fieldset>

          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="questionCount" label="문제 수" error={errors.questionCount} help={`1–${CUSTOM_MAX_QUESTIONS}문제 · 지금 쓸 수 있는 문제 ${usable}개`}>
              <div className="flex items-center gap-2">
                <input
                  id="questionCount"
                  name="questionCount"
                  inputMode="numeric"
                  value={questionCount}
                  onChange={(event) => setQuestionCount(event.target.value)}
                  aria-invalid={errors.questionCount ? true : undefined}
                  aria-describedby="questionCount-help questionCount-error"
                  className={inputClass(errors.questionCount)}
                />
                <span className="shrink-0 text-sm text-slate-600 dark:text-slate-400">문제</span>
              </div>
            </Field>
            <Field
              id="timeLimitMinutes"
              label="제한 시간"
              error={errors.timeLimitMinutes}
              help={noTimeLimit ? "시간 제한 없이 풉니다." : `1–${CUSTOM_MAX_MINUTES}분 · 실전 속도는 문제당 ${MINUTES_PER_QUESTION}분 (${Math.round(Number(questionCount) * MINUTES_PER_QUESTION) || "–"}분)`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <input
                  id="timeLimitMinutes"
                  name="timeLimitMinutes"
                  inputMode="numeric"
                  value={noTimeLimit ? "" : timeLimit}
                  disabled={noTimeLimit}
                  onChange={(event) => setTimeLimit(event.target.value)}
                  aria-invalid={errors.timeLimitMinutes ? true : undefined}
                  aria-describedby="timeLimitMinutes-help timeLimitMinutes-error"
                  className={inputClass(errors.timeLimitMinutes, "w-28") + " disabled:opacity-50"}
                />
                <span className="shrink-0 text-sm text-slate-600 dark:text-slate-400">분</span>
                <label className="ml-2 inline-flex min-h-11 items-center gap-2 text-sm">
                  <input type="checkbox" name="noTimeLimit" checked={noTimeLimit} onChange={(event) => setNoTimeLimit(event.target.checked)} className="h-4 w-4 accent-sky-700" />
                  제한 없음
                </label>
              </div>
            </Field>
          </div>

          {mode === "custom" ? (
            <>
              <fieldset>
                <legend className="text-sm font-semibold">
                  영역 <span className="font-normal text-slate-600 dark:text-slate-400">· 고르지 않으면 전체</span>
                </legend>
                <div className="mt-2 grid gap-2 sm:grid-cols-2">
                  {view.domains.map((entry) => (
                    <CheckRow
                      key={entry.domain}
                      name="domains"
                      value={entry.domain}
                      checked={domains.includes(entry.domain)}
                      onChange={() => toggle(domains, entry.domain, setDomains)}
                      label={entry.label}
                      count={entry.count - (includeImported ? 0 : entry.importedCount)}
                    />
                  ))}
                </div>
                <FieldError id="domains" error={errors.domains} />
              </fieldset>

              <fieldset>
                <legend className="text-sm font-semibold">
                  주제 <span className="font-normal text-slate-600 dark:text-slate-400">· 고르지 않으면 전체 · {topics.length}개 고름</span>
                </legend>
                {view.topics.length === 0 ? (
                  <p className="mt-2 text-sm text-slate-600 dark:text-slate-400">시험에 쓸 수 있는 주제가 없습니다.</p>
                ) : (
                  <div className="mt-2 grid max-h-72 gap-1.5 overflow-y-auto rounded-lg border border-slate-200 p-2 sm:grid-cols-2 lg:grid-cols-3 dark:border-slate-800">
                    {view.topics.map((topic) => (
                      <CheckRow key={topic.key} name="topics" value={topic.key} checked={topics.includes(topic.key)} onChange={() => toggle(topics, topic.key, setTopics)} label={topic.name} count={topic.count} />
                    ))}
                  </div>
                )}
                {topics.length > 0 ? (
                  <button type="button" onClick={() => setTopics([])} className="mt-2 text-sm text-sky-700 underline-offset-2 hover:underline dark:text-sky-400">
                    주제 선택 모두 해제
                  </button>
                ) : null}
                <FieldError id="topics" error={errors.topics} />
              </fieldset>
            </>
          ) : (
            <p className="text-sm text-slate-600 dark:text-slate-400">약점 집중은 복습 기록으로 주제를 고릅니다: 기억할 확률(FSRS)이 낮은 카드와 최근에 틀린 문제의 주제일수록 더 많이 나옵니다.</p>
          )}
        </div>
      ) : null}

      <div className="space-y-3">
        <label className={`flex items-start gap-3 rounded-lg p-1 ${timed ? "" : "opacity-60"}`}>
          <input type="checkbox" name="extraTime" checked={extraTime && timed} disabled={!timed} onChange={(event) => setExtraTime(event.target.checked)} className="mt-1 h-4 w-4 shrink-0 accent-sky-700" />
          <span>
            <span className="block text-sm font-semibold">시간 연장 +{SAA_C03.extensionMinutes}분</span>
            <span className="block text-sm text-slate-600 dark:text-slate-400">
              AWS는 모국어가 아닌 언어(예: 영어)로 시험을 보는 응시자가 신청하면 {SAA_C03.extensionMinutes}분을 더 줍니다. 실제 시험에서 신청할 계획이면 켜고 연습하세요.
            </span>
          </span>
        </label>
        <label className={`flex items-start gap-3 rounded-lg p-1 ${view.available.imported === 0 ? "opacity-60" : ""}`}>
          <input
            type="checkbox"
            name="includeImported"
            checked={includeImported}
            disabled={view.available.imported === 0}
            onChange={(event) => setIncludeImported(event.target.checked)}
            className="mt-1 h-4 w-4 shrink-0 accent-sky-700"
          />
          <span>
            <span className="block text-sm font-semibold">가져온 문제 포함</span>
            <span className="block text-sm text-slate-600 dark:text-slate-400">
              {view.available.imported === 0 ? "가져온 문제 은행이 없습니다." : `가져온 커뮤니티 문제 ${view.available.imported}개도 냅니다. 검토되지 않은 문제가 섞일 수 있습니다.`}
            </span>
          </span>
        </label>
        <FieldError id="extraTime" error={errors.extraTime} />
        <FieldError id="includeImported" error={errors.includeImported} />
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending || usable === 0} className={`${buttonClasses("primary")} min-h-12 px-6 text-base`}>
          {pending ? "시험을 준비하는 중…" : "시험 시작"}
        </button>
        {usable === 0 ? <p className="text-sm text-slate-600 dark:text-slate-400">시험에 쓸 선택형 문제가 없습니다. 문제 은행을 먼저 채우세요.</p> : null}
        <p id="start-message" role="alert" className="text-sm font-medium text-rose-700 empty:hidden dark:text-rose-300">
          {state.status === "error" ? state.message : ""}
        </p>
      </div>
    </form>
  );
}

function inputClass(error: string | undefined, width = "w-full"): string {
  return `min-h-11 ${width} rounded-lg border bg-white px-3 py-2 text-base tabular-nums dark:bg-slate-900 ${error ? "border-rose-500 dark:border-rose-500" : "border-slate-300 dark:border-slate-700"}`;
}

function CheckRow({ name, value, checked, onChange, label, count }: { name: string; value: string; checked: boolean; onChange: () => void; label: string; count: number }) {
  return (
    <label className="flex min-h-10 cursor-pointer items-center gap-2 rounded-md px-2 text-sm hover:bg-slate-50 dark:hover:bg-slate-800/60">
      <input type="checkbox" name={name} value={value} checked={checked} onChange={onChange} className="h-4 w-4 shrink-0 accent-sky-700" />
      <span className="min-w-0 flex-1">{label}</span>
      <span className="shrink-0 tabular-nums text-xs text-slate-500 dark:text-slate-400">{count}문제</span>
    </label>
  );
}

function FieldError({ id, error }: { id: string; error: string | undefined }) {
  return (
    <p id={`${id}-error`} className="mt-1 text-sm font-medium text-rose-700 empty:hidden dark:text-rose-300">
      {error ?? ""}
    </p>
  );
}

function Field({ id, label, help, error, children }: { id: string; label: string; help: string; error: string | undefined; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {children}
      <p id={`${id}-help`} className="text-sm text-slate-600 dark:text-slate-400">
        {help}
      </p>
      <FieldError id={id} error={error} />
    </div>
  );
}
