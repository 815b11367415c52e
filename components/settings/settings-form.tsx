"use client";
// Review settings with Korean field errors from the server (zod). The retention field shows
// what it costs: the estimated daily review load relative to 0.90.
import "@/lib/core/validation/jitless";
import { useActionState, useState, type ReactNode } from "react";
import { buttonClasses } from "@/components/ui/button-link";
import { estimateRelativeWorkload } from "@/lib/core/srs/scheduler";
import { RETENTION_MAX, RETENTION_MIN } from "@/lib/core/srs/settings";
import type { ReviewSettings } from "@/lib/core/srs/types";
import type { SettingsFormState } from "./form-state";

type Action = (previous: SettingsFormState, formData: FormData) => Promise<SettingsFormState>;

/**
 * The retention as the learner types it: a percentage ("90" = 90 %), as the help text speaks of
 * percentages; a fraction ("0.9") is read as the server reads it (lib/core/srs/settings.ts).
 */
export function retentionFraction(text: string): number {
  const number = Number(text.trim().replace(/%$/, "").trim());
  if (text.trim() === "" || !Number.isFinite(number)) return Number.NaN;
  return number > 1 ? number / 100 : number;
}

const percent = (fraction: number) => `${Math.round(fraction * 100)}%`;

export function workloadSentence(retention: number, parameters: readonly number[] | null): string {
  if (!Number.isFinite(retention) || retention < RETENTION_MIN - 1e-9 || retention > RETENTION_MAX + 1e-9) return `${percent(RETENTION_MIN)}–${percent(RETENTION_MAX)} 사이 값을 입력하세요 (예: 90).`;
  const ratio = estimateRelativeWorkload(retention, parameters);
  const times = ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
  if (Math.abs(ratio - 1) < 0.05) {
    const up = estimateRelativeWorkload(0.95, parameters).toFixed(1);
    const down = estimateRelativeWorkload(0.85, parameters).toFixed(1);
    return `기본값입니다. 기억할 확률 90%에 맞춰 간격을 정합니다. 95%로 올리면 하루 복습량이 약 ${up}배, 85%로 내리면 약 ${down}배가 됩니다.`;
  }
  if (ratio > 1) {
    return `90%보다 하루 복습량이 약 ${times}배로 늘어납니다. 간격이 짧아지는 대신 시험 날 더 많이 기억합니다.`;
  }
  return `90%보다 하루 복습량이 약 ${times}배로 줄어듭니다. 대신 더 자주 잊어 다시 배우는 카드가 늘어납니다.`;
}

export function SettingsForm({ settings, timeZones, action, examDate = "" }: { settings: ReviewSettings; timeZones: string[]; action: Action; examDate?: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", fieldErrors: {}, values: null, message: null });
  const value = (field: keyof ReviewSettings) => state.values?.[field] ?? String(settings[field]);
  // The box holds what the learner typed (a percentage); the slider shows the same number and is
  // disabled while the box holds something it cannot show, so the two never disagree.
  const [retention, setRetention] = useState(() => (state.values ? value("desiredRetention") : String(Math.round(settings.desiredRetention * 100))));
  const retentionValue = retentionFraction(retention);
  const sliderShows = Number.isFinite(retentionValue) && retentionValue >= RETENTION_MIN - 1e-9 && retentionValue <= RETENTION_MAX + 1e-9 && Number.isInteger(Math.round(retentionValue * 1000) / 10);
  const errors = state.fieldErrors;

  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.message ? "settings-message" : undefined}>
      <Field id="desiredRetention" label="목표 기억 유지율 (%)" error={errors.desiredRetention} help={workloadSentence(retentionValue, settings.fsrsParameters)} helpLive>
        <div className="flex items-center gap-3">
          <input
            type="range"
            aria-label="목표 기억 유지율 슬라이더 (%)"
            min={Math.round(RETENTION_MIN * 100)}
            max={Math.round(RETENTION_MAX * 100)}
            step={1}
            value={sliderShows ? Math.round(retentionValue * 100) : 90}
            disabled={!sliderShows}
            onChange={(event) => setRetention(event.target.value)}
            className="h-11 min-w-0 flex-1 accent-sky-700 disabled:opacity-40"
            tabIndex={-1}
          />
          <input
            id="desiredRetention"
            name="desiredRetention"
            inputMode="decimal"
            value={retention}
            onChange={(event) => setRetention(event.target.value)}
            aria-invalid={errors.desiredRetention ? true : undefined}
            aria-describedby="desiredRetention-help desiredRetention-error"
            className={inputClass(errors.desiredRetention, "w-24") + " text-center tabular-nums"}
          />
          <span className="shrink-0 text-sm text-slate-600 dark:text-slate-400">%</span>
        </div>
      </Field>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="dailyNewLimit" label="하루 새 카드 수" error={errors.dailyNewLimit} help="하루 시작 이후 처음 푼 카드 수로 셉니다 (0–1000).">
          <NumberInput id="dailyNewLimit" defaultValue={value("dailyNewLimit")} error={errors.dailyNewLimit} unit="장" />
        </Field>
        <Field id="dailyReviewLimit" label="하루 최대 복습 수" error={errors.dailyReviewLimit} help="하루에 보여 줄 복습 카드 수의 상한입니다 (0–9999장, Anki 기본 200). 학습 단계의 카드는 세지 않습니다.">
          <NumberInput id="dailyReviewLimit" defaultValue={value("dailyReviewLimit")} error={errors.dailyReviewLimit} unit="장" />
        </Field>
        <Field id="learningSteps" label="학습 단계" error={errors.learningSteps} help="새 카드를 다시 보여 줄 간격을 띄어 씁니다 (m 분, h 시간, d 일; 기본 1m 10m).">
          <StepsInput id="learningSteps" defaultValue={value("learningSteps")} error={errors.learningSteps} />
        </Field>
        <Field id="relearningSteps" label="재학습 단계" error={errors.relearningSteps} help="잊은 카드를 다시 보여 줄 간격입니다 (기본 10m). 비우면 바로 복습 간격으로 돌아갑니다.">
          <StepsInput id="relearningSteps" defaultValue={value("relearningSteps")} error={errors.relearningSteps} />
        </Field>
        <Field id="maximumIntervalDays" label="최대 간격" error={errors.maximumIntervalDays} help="아무리 쉬워도 이 기간 안에는 다시 봅니다 (1–36500일). 시험이 가까우면 줄이세요.">
          <NumberInput id="maximumIntervalDays" defaultValue={value("maximumIntervalDays")} error={errors.maximumIntervalDays} unit="일" />
        </Field>
        <Field id="dayStartHour" label="하루 시작 시각" error={errors.dayStartHour} help="이 시각 전의 복습은 전날로 칩니다 (기본 오전 4시).">
          <select id="dayStartHour" name="dayStartHour" defaultValue={value("dayStartHour")} aria-invalid={errors.dayStartHour ? true : undefined} aria-describedby="dayStartHour-help dayStartHour-error" className={inputClass(errors.dayStartHour)}>
            {Array.from({ length: 24 }, (_, hour) => (
              <option key={hour} value={hour}>
                {hour < 12 ? `오전 ${hour === 0 ? 12 : hour}시` : `오후 ${hour === 12 ? 12 : hour - 12}시`} ({hour}:00)
              </option>
            ))}
          </select>
        </Field>
        <Field id="timeZone" label="시간대" error={errors.timeZone} help="하루의 경계를 계산하는 시간대입니다 (IANA 이름, 예: Asia/Seoul).">
          <input
            id="timeZone"
            name="timeZone"
            list="time-zones"
            defaultValue={value("timeZone")}
            autoComplete="off"
            aria-invalid={errors.timeZone ? true : undefined}
            aria-describedby="timeZone-help timeZone-error"
            className={inputClass(errors.timeZone)}
          />
          <datalist id="time-zones">
            {timeZones.map((zone) => (
              <option key={zone} value={zone} />
            ))}
          </datalist>
        </Field>
        <Field id="leechThreshold" label="거머리 카드 기준" error={errors.leechThreshold} help="이만큼 잊은 카드를 거머리로 표시합니다 (기본 8번).">
          <NumberInput id="leechThreshold" defaultValue={value("leechThreshold")} error={errors.leechThreshold} unit="번" />
        </Field>
        <Field id="optimizeMinReviews" label="최적화에 필요한 복습 기록" error={errors.optimizeMinReviews} help="개인 FSRS 매개변수를 만들기 전에 모을 기록 수 (기본 400개).">
          <NumberInput id="optimizeMinReviews" defaultValue={value("optimizeMinReviews")} error={errors.optimizeMinReviews} unit="개" />
        </Field>
        <Field id="examDate" label="시험 날짜" error={errors.examDate} help="SAA-C03 을 볼 날입니다. 진도 화면이 그날의 예상 점수를 보여 줍니다 (비우면 지웁니다).">
          <input id="examDate" name="examDate" type="date" defaultValue={state.values?.examDate ?? examDate} aria-invalid={errors.examDate ? true : undefined} aria-describedby="examDate-help examDate-error" className={inputClass(errors.examDate)} />
        </Field>
      </div>

      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={`${buttonClasses("primary")} min-h-12 px-6 text-base`}>
          {pending ? "저장하는 중…" : "설정 저장"}
        </button>
        <p
          id="settings-message"
          role={state.status === "invalid" || state.status === "error" ? "alert" : "status"}
          className={`text-sm ${state.status === "saved" ? "text-emerald-700 dark:text-emerald-300" : "text-rose-700 dark:text-rose-300"}`}
        >
          {state.message}
        </p>
      </div>
    </form>
  );
}

function inputClass(error: string | undefined, width = "w-full"): string {
  return `min-h-11 ${width} rounded-lg border bg-white px-3 py-2 text-base dark:bg-slate-900 ${
    error ? "border-rose-500 dark:border-rose-500" : "border-slate-300 dark:border-slate-700"
  }`;
}

function NumberInput({ id, defaultValue, error, unit }: { id: string; defaultValue: string; error: string | undefined; unit: string }) {
  return (
    <div className="flex items-center gap-2">
      <input id={id} name={id} inputMode="numeric" defaultValue={defaultValue} aria-invalid={error ? true : undefined} aria-describedby={`${id}-help ${id}-error`} className={inputClass(error) + " tabular-nums"} />
      <span className="shrink-0 text-sm text-slate-600 dark:text-slate-400">{unit}</span>
    </div>
  );
}

function StepsInput({ id, defaultValue, error }: { id: string; defaultValue: string; error: string | undefined }) {
  return <input id={id} name={id} defaultValue={defaultValue} autoComplete="off" spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={`${id}-help ${id}-error`} className={inputClass(error) + " font-mono"} />;
}

function Field({ id, label, help, error, helpLive, children }: { id: string; label: string; help: string; error: string | undefined; helpLive?: boolean; children: ReactNode }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-semibold text-slate-800 dark:text-slate-200">
        {label}
      </label>
      {children}
      <p id={`${id}-help`} aria-live={helpLive ? "polite" : undefined} className="text-sm text-slate-600 dark:text-slate-400">
        {help}
      </p>
      <p id={`${id}-error`} className="text-sm font-medium text-rose-700 empty:hidden dark:text-rose-300">
        {error ?? ""}
      </p>
    </div>
  );
}
