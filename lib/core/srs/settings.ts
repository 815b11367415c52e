// Validation of the learner's review settings. Messages are Korean field errors for the form.
import { z } from "zod";
import { isValidTimeZone } from "./day-boundary";
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from "./types";

export const RETENTION_MIN = 0.7;
export const RETENTION_MAX = 0.97;

/** A number from a form field (string) or JSON (number), with a Korean message per rule. */
function numberField(label: string, rules: { min: number; max: number; integer?: boolean; unit?: string }) {
  const unit = rules.unit ?? "";
  let schema = z
    .number({ error: `${label}: 숫자를 입력하세요.` })
    .min(rules.min, { error: `${label}: ${rules.min}${unit} 이상이어야 합니다.` })
    .max(rules.max, { error: `${label}: ${rules.max}${unit} 이하여야 합니다.` });
  if (rules.integer) schema = schema.int({ error: `${label}: 정수를 입력하세요.` });
  return z.preprocess((value) => {
    if (typeof value !== "string") return value;
    const trimmed = value.trim();
    return trimmed === "" ? undefined : Number(trimmed);
  }, schema);
}

export const reviewSettingsInputSchema = z.object({
  desiredRetention: numberField("목표 기억 유지율", { min: RETENTION_MIN, max: RETENTION_MAX }),
  dailyNewLimit: numberField("하루 새 카드 수", { min: 0, max: 1000, integer: true, unit: "장" }),
  maximumIntervalDays: numberField("최대 간격", { min: 1, max: 36500, integer: true, unit: "일" }),
  dayStartHour: numberField("하루 시작 시각", { min: 0, max: 23, integer: true, unit: "시" }),
  timeZone: z
    .string({ error: "시간대: 시간대를 입력하세요." })
    .trim()
    .min(1, { error: "시간대: 시간대를 입력하세요." })
    .refine(isValidTimeZone, { error: (issue) => `시간대: "${String(issue.input)}" 는 알 수 없는 시간대입니다 (예: Asia/Seoul).` }),
  leechThreshold: numberField("거머리 기준 (잊은 횟수)", { min: 2, max: 100, integer: true, unit: "회" }),
  optimizeMinReviews: numberField("최적화에 필요한 복습 기록", { min: 50, max: 1_000_000, integer: true, unit: "개" }),
});

export type ReviewSettingsInput = z.infer<typeof reviewSettingsInputSchema>;
export type SettingsFieldErrors = Partial<Record<keyof ReviewSettingsInput, string>>;

export type SettingsParseResult = { ok: true; value: ReviewSettingsInput } | { ok: false; fieldErrors: SettingsFieldErrors };

export function parseReviewSettings(input: unknown): SettingsParseResult {
  const parsed = reviewSettingsInputSchema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fieldErrors: SettingsFieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0] as keyof ReviewSettingsInput | undefined;
    if (field && !fieldErrors[field]) fieldErrors[field] = issue.message;
  }
  return { ok: false, fieldErrors };
}

/** FSRS weights stored as JSON; anything unreadable falls back to the defaults (null). */
export function parseStoredParameters(json: string | null): number[] | null {
  if (!json) return null;
  const parsed = z.array(z.number()).min(17).max(21).safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : null;
}

export function withDefaults(partial: Partial<ReviewSettings>): ReviewSettings {
  return { ...DEFAULT_REVIEW_SETTINGS, ...partial };
}
