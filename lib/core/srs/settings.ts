// Validation of the learner's review settings. Messages are Korean field errors for the form.
import { z } from "zod";
import { isValidTimeZone } from "./day-boundary";
import { parseSteps } from "./steps";
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

function stepsField(label: string) {
  return z
    .string({ error: `${label}: 단계를 입력하세요 (예: 1m 10m).` })
    .transform((text, context) => {
      const parsed = parseSteps(text);
      if (!parsed.ok) {
        context.addIssue({ code: "custom", message: `${label}: ${parsed.message}` });
        return z.NEVER;
      }
      return parsed.steps.join(" ");
    });
}

/**
 * The retention as the form speaks of it: a percentage ("90" = 90 %). A fraction (0.9) is still
 * accepted, so JSON callers and old forms keep working: a value ≤ 1 is read as a fraction.
 */
const retentionField = z.preprocess(
  (value) => {
    const number = typeof value === "string" ? (value.trim().replace(/%$/, "").trim() === "" ? undefined : Number(value.trim().replace(/%$/, ""))) : value;
    return typeof number === "number" && Number.isFinite(number) && number > 1 ? Math.round(number * 100) / 10_000 : number;
  },
  z
    .number({ error: "목표 기억 유지율: 숫자를 입력하세요 (예: 90)." })
    .min(RETENTION_MIN, { error: `목표 기억 유지율: ${Math.round(RETENTION_MIN * 100)}% 이상이어야 합니다.` })
    .max(RETENTION_MAX, { error: `목표 기억 유지율: ${Math.round(RETENTION_MAX * 100)}% 이하여야 합니다.` }),
);

/**
 * The planned SAA-C03 date (progress: the exam-day forecast) as "YYYY-MM-DD" (an <input
 * type="date">), stored as that calendar date at UTC midnight; "" clears it.
 */
const examDateField = z.preprocess(
  (value) => (typeof value === "string" ? (value.trim() === "" ? null : value.trim()) : value),
  z
    .string({ error: "시험 날짜: 날짜를 입력하세요 (예: 2026-12-20)." })
    .nullable()
    .transform((text, context) => {
      if (text === null) return null;
      const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
      const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
      const date = new Date(Date.UTC(year, month - 1, day));
      if (!match || year < 2000 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
        context.addIssue({ code: "custom", message: `시험 날짜: "${text}" 는 올바른 날짜가 아닙니다 (예: 2026-12-20).` });
        return z.NEVER;
      }
      return date;
    }),
);

export const reviewSettingsInputSchema = z.object({
  desiredRetention: retentionField,
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
  // Optional: a caller that does not send them (an older form, a script) keeps the stored value.
  dailyReviewLimit: numberField("하루 최대 복습 수", { min: 0, max: 9999, integer: true, unit: "장" }).optional(),
  learningSteps: stepsField("학습 단계").optional(),
  relearningSteps: stepsField("재학습 단계").optional(),
  examDate: examDateField.optional(),
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
