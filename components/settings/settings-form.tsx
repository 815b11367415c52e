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

export function workloadSentence(retention: number, parameters: readonly number[] | null): string {
  if (!Number.isFinite(retention) || retention < RETENTION_MIN || retention > RETENTION_MAX) return "0.70 – 0.97 사이 값을 입력하세요.";
  const ratio = estimateRelativeWorkload(retention, parameters);
  const times = ratio >= 10 ? ratio.toFixed(0) : ratio.toFixed(1);
  if (Math.abs(ratio - 1) < 0.05) {
    const up = estimateRelativeWorkload(0.95, parameters).toFixed(1);
    const down = estimateRelativeWorkload(0.85, parameters).toFixed(1);
    return `기본값입니다. 기억할 확률 90%에 맞춰 간격을 정합니다. 0.95로 올리면 하루 복습량이 약 ${up}배, 0.85로 내리면 약 ${down}배가 됩니다.`;
  }
  if (ratio > 1) {
    return `0.90보다 하루 복습량이 약 ${times}배로 늘어납니다. 간격이 짧아지는 대신 시험 날 더 많이 기억합니다.`;
  }
  return `0.90보다 하루 복습량이 약 ${times}배로 줄어듭니다. 대신 더 자주 잊어 다시 배우는 카드가 늘어납니다.`;
}

export function SettingsForm({ settings, timeZones, action, examDate = "" }: { settings: ReviewSettings; timeZones: string[]; action: Action; examDate?: string }) {
  const [state, formAction, pending] = useActionState(action, { status: "idle", fieldErrors: {}, values: null, message: null });
  const value = (field: keyof ReviewSettings) => state.values?.[field] ?? String(settings[field]);
  const [retention, setRetention] = useState(() => (state.values ? value("desiredRetention") : settings.desiredRetention.toFixed(2)));
  const errors = state.fieldErrors;

  return (
    <form action={formAction} noValidate className="space-y-6" aria-describedby={state.message ? "settings-message" : undefined}>
      <Field id="desiredRetention" label="목표 기억 유지율" error={errors.desiredRetention} help={workloadSentence(Number(retention), settings.fsrsParameters)} helpLive>
        <div className="flex items-center gap-3">
          <input
            type="range"
            aria-label="목표 기억 유지율 슬라이더"
            min={RETENTION_MIN}
            max={RETENTION_MAX}
            step={0.01}
            value={Number.isFinite(Number(retention)) ? Number(retention) : 0.9}
            onChange={(event) => setRetention(event.target.value)}
            className="h-11 min-w-0 flex-1 accent-sky-700"
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
        </div>
      </Field>

      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="dailyNewLimit" label="하루 새 카드 수" error={errors.dailyNewLimit} help="하루 시작 이후 처음 푼 카드 수로 셉니다 (0–1000).">
          <NumberInput id="dailyNewLimit" defaultValue={value("dailyNewLimit")} error={errors.dailyNewLimit} unit="장" />
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
