// The card browser's filters, read from the URL (`/cards?q=…&state=review&page=2`). Unknown or
// malformed values are reported in Korean and the filter is left out, so a typo never hides
// every card silently.
import { z } from "zod";

export const CARD_PAGE_SIZE = 50;

export const STATE_FILTERS = ["new", "learning", "review", "relearning"] as const;
export const DUE_FILTERS = ["overdue", "today", "later"] as const;
export const STATUS_FILTERS = ["active", "suspended", "buried"] as const;
export const ORIGIN_FILTERS = ["curated", "generated", "imported"] as const;

export const STATE_LABELS: Record<(typeof STATE_FILTERS)[number], string> = { new: "새 카드", learning: "학습 중", review: "복습", relearning: "재학습" };
export const DUE_LABELS: Record<(typeof DUE_FILTERS)[number], string> = { overdue: "밀림 (어제까지)", today: "오늘까지", later: "내일 이후" };
export const STATUS_LABELS: Record<(typeof STATUS_FILTERS)[number], string> = { active: "복습에 나옴", suspended: "일시 중지됨", buried: "오늘 숨김" };

export interface CardFilters {
  q: string | null;
  state: (typeof STATE_FILTERS)[number] | null;
  due: (typeof DUE_FILTERS)[number] | null;
  /** at least this many lapses */
  lapses: number | null;
  topic: string | null;
  origin: (typeof ORIGIN_FILTERS)[number] | null;
  /** 0 = no flag, 1–4 a colour */
  flag: number | null;
  status: (typeof STATUS_FILTERS)[number] | null;
  page: number;
}

const schema = z.object({
  q: z.string().trim().max(200, { error: "검색어는 200자 이하로 입력하세요." }).optional(),
  state: z.enum(STATE_FILTERS, { error: (issue) => `상태 "${String(issue.input).slice(0, 30)}" 는 없습니다.` }).optional(),
  due: z.enum(DUE_FILTERS, { error: (issue) => `기한 "${String(issue.input).slice(0, 30)}" 는 없습니다.` }).optional(),
  lapses: z.coerce.number({ error: "잊은 횟수는 0 이상의 정수여야 합니다." }).int({ error: "잊은 횟수는 0 이상의 정수여야 합니다." }).min(0, { error: "잊은 횟수는 0 이상의 정수여야 합니다." }).max(1000, { error: "잊은 횟수는 1000 이하여야 합니다." }).optional(),
  topic: z.string().trim().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { error: (issue) => `주제 키 "${String(issue.input).slice(0, 30)}" 는 올바르지 않습니다.` }).optional(),
  origin: z.enum(ORIGIN_FILTERS, { error: (issue) => `출처 "${String(issue.input).slice(0, 30)}" 는 없습니다.` }).optional(),
  flag: z.coerce.number({ error: "깃발은 0–4 사이여야 합니다." }).int({ error: "깃발은 0–4 사이여야 합니다." }).min(0, { error: "깃발은 0–4 사이여야 합니다." }).max(4, { error: "깃발은 0–4 사이여야 합니다." }).optional(),
  status: z.enum(STATUS_FILTERS, { error: (issue) => `상태 "${String(issue.input).slice(0, 30)}" 는 없습니다.` }).optional(),
  page: z.coerce.number({ error: "쪽 번호는 1 이상의 정수여야 합니다." }).int({ error: "쪽 번호는 1 이상의 정수여야 합니다." }).min(1, { error: "쪽 번호는 1 이상의 정수여야 합니다." }).max(100_000, { error: "쪽 번호가 너무 큽니다." }).optional(),
});

/** Each field parsed on its own: a bad one is dropped with its message, the rest still apply. */
export function parseCardFilters(params: Record<string, string>): { filters: CardFilters; problems: string[] } {
  const problems: string[] = [];
  const value: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = params[key];
    if (raw === undefined || raw.trim() === "") continue;
    const parsed = (field as z.ZodType).safeParse(raw);
    if (parsed.success) value[key] = parsed.data;
    else problems.push(parsed.error.issues[0]?.message ?? `${key} 값이 올바르지 않습니다.`);
  }
  return {
    filters: {
      q: (value.q as string | undefined) || null,
      state: (value.state as CardFilters["state"]) ?? null,
      due: (value.due as CardFilters["due"]) ?? null,
      lapses: (value.lapses as number | undefined) ?? null,
      topic: (value.topic as string | undefined) ?? null,
      origin: (value.origin as CardFilters["origin"]) ?? null,
      flag: (value.flag as number | undefined) ?? null,
      status: (value.status as CardFilters["status"]) ?? null,
      page: (value.page as number | undefined) ?? 1,
    },
    problems,
  };
}

/** The filters as URL parameters (page left out unless asked), for links and pagination. */
export function filterParams(filters: CardFilters, page?: number): Record<string, string | number | null> {
  return { q: filters.q, state: filters.state, due: filters.due, lapses: filters.lapses, topic: filters.topic, origin: filters.origin, flag: filters.flag, status: filters.status, page: page && page > 1 ? page : null };
}
