// Request bodies of the review endpoints, parsed once at the edge. Messages are Korean and name
// the field and the bad value, like ts-fsrs' `Invalid grade "5", expected 1-4`: every field is
// named in REVIEW_FIELD_LABELS and parseInput words each issue with the one Korean error map
// (lib/core/validation/korean-errors.ts). A schema-level `error` would also answer for the
// schema's checks (a 301-character cardId once said "카드 id가 필요합니다"), so only the rating,
// whose message is its own, sets one.
import { z } from "zod";
import { ValidationError } from "@/lib/core/errors";
import { describeValue, koreanErrorMap } from "@/lib/core/validation/korean-errors";
import type { RatingValue } from "./types";

/** Korean names of the review endpoints' fields, keyed by path without indexes. */
export const REVIEW_FIELD_LABELS = {
  cardId: "카드 id(cardId)",
  version: "카드 버전(version)",
  rating: "평가(rating)",
  selected: "선택지(selected)",
  durationMs: "응답 시간(durationMs)",
  upcoming: "다음 카드 목록(upcoming)",
  topic: "주제(topic)",
  domain: "영역(domain)",
  logId: "되돌릴 기록 id(logId)",
  guessed: "찍었음 표시(guessed)",
  origin: "출처(origin)",
  bank: "문제 은행(bank)",
} as const;

const reviewErrorMap = koreanErrorMap(REVIEW_FIELD_LABELS);

const cardId = z.string().trim().min(1).max(300);
const selected = z.array(z.string().trim().min(1).max(8)).max(10).default([]);
const durationMs = z.number().int().min(0).max(86_400_000).default(0);

// Numbers are shown bare (`받은 값: 7`), anything else described (a deeply nested array must not be
// serialised: JSON.stringify of it overflows the stack).
const ratingMessage = (issue: { input?: unknown }) =>
  `평가(rating)는 1–4 사이의 정수여야 합니다 (받은 값: ${typeof issue.input === "number" ? String(issue.input) : describeValue(issue.input)}).`;

export const ratingSchema = z
  .number({ error: ratingMessage })
  .int({ error: ratingMessage })
  .min(1, { error: ratingMessage })
  .max(4, { error: ratingMessage })
  .transform((value) => value as RatingValue);

/** `guessed`: the learner pressed 찍었음 before checking (choice cards); the proposal is 다시. */
function scopeFields() {
  return {
    topic: z.string().trim().min(1).max(100).nullish(),
    domain: z.string().trim().min(1).max(20).nullish(),
    origin: z.enum(["curated", "generated", "imported"]).nullish(),
    bank: z.string().trim().min(1).max(200).nullish(),
    card: z.string().trim().min(1).max(300).nullish(),
  };
}

export const checkInputSchema = z.object({ cardId, selected, durationMs, guessed: z.boolean().optional() });

export const answerInputSchema = z.object({
  cardId,
  version: z.number().int().min(0),
  rating: ratingSchema,
  selected,
  durationMs,
  /** the next ids of the session's queue (SessionView.upcoming), in order */
  upcoming: z.array(z.string().trim().min(1).max(300)).max(32).default([]),
  /** scope of the session, so the next card comes from the same scope */
  ...scopeFields(),
});

export const undoInputSchema = z.object({
  logId: z.string().trim().min(1).max(200),
  ...scopeFields(),
});

export type CheckInput = z.infer<typeof checkInputSchema>;
export type AnswerInput = z.infer<typeof answerInputSchema>;
export type UndoInput = z.infer<typeof undoInputSchema>;

/** Parses or throws a ValidationError carrying the first message (for JSON endpoints). */
export function parseInput<T>(schema: z.ZodType<T>, input: unknown): T {
  const parsed = schema.safeParse(input, { error: reviewErrorMap });
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 && !issue.message.includes("(") ? ` (${issue.path.join(".")})` : "";
  throw new ValidationError(`${issue?.message ?? "입력이 올바르지 않습니다."}${where}`);
}

const DOMAIN_KEYS = ["secure", "resilient", "performant", "cost"] as const;

/**
 * `/review?topic=lambda&domain=secure&origin=generated&bank=…&question=…&mode=cram`. `topic` is a
 * taxonomy service key or a topic page slug (the page resolves a slug to its service); unknown
 * values are reported by the page (lib/server/review/scope.ts), not silently ignored.
 */
export const reviewPageParamsSchema = z.object({
  topic: z
    .string()
    .trim()
    .regex(/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u, { error: (issue) => `주제 "${String(issue.input).slice(0, 60)}" 는 올바른 주제 키나 주소가 아닙니다 (예: lambda).` })
    .optional(),
  origin: z.enum(["curated", "generated", "imported"], { error: (issue) => `출처 "${String(issue.input).slice(0, 40)}" 는 없습니다 (curated, generated, imported 중 하나).` }).optional(),
  bank: z.string().trim().min(1).max(200, { error: "문제 은행 id 가 너무 깁니다 (200자 이하)." }).optional(),
  question: z.string().trim().min(1).max(300, { error: "문제 id 가 너무 깁니다 (300자 이하)." }).optional(),
  domain: z.enum(DOMAIN_KEYS, { error: (issue) => `영역 "${String(issue.input)}" 은 없습니다 (secure, resilient, performant, cost 중 하나).` }).optional(),
  mode: z.enum(["review", "cram"], { error: (issue) => `모드 "${String(issue.input)}" 는 없습니다 (review 또는 cram).` }).default("review"),
});

export type ReviewPageParams = z.infer<typeof reviewPageParamsSchema>;

/** Search params arrive as string | string[]; the first value counts. */
export function firstValues(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const first = Array.isArray(value) ? value[0] : value;
    if (first !== undefined && first !== "") result[key] = first;
  }
  return result;
}
