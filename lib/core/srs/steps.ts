// Learning and relearning steps as the learner writes them in settings: Anki's "1m 10m", one
// step per space-separated token, each a number and a unit (m minutes, h hours, d days), the
// units ts-fsrs 5 accepts for `learning_steps` / `relearning_steps`.
import type { StepUnit } from "ts-fsrs";

export const MAX_STEPS = 10;
/** One step at most 365 days: beyond that the step is a review interval, not a step. */
const MAX_STEP_MINUTES = 365 * 24 * 60;
const UNIT_MINUTES = { m: 1, h: 60, d: 1440 } as const;

export type StepsParseResult = { ok: true; steps: StepUnit[] } | { ok: false; message: string };

/** "1m 10m" → ["1m", "10m"]; "" → [] (no steps: a new card goes straight to review). */
export function parseSteps(text: string): StepsParseResult {
  const tokens = text.trim().split(/[\s,]+/).filter((token) => token !== "");
  if (tokens.length > MAX_STEPS) return { ok: false, message: `단계는 ${MAX_STEPS}개까지 쓸 수 있습니다 (지금 ${tokens.length}개).` };
  const steps: StepUnit[] = [];
  for (const token of tokens) {
    const match = /^(\d+(?:\.\d+)?)([mhd])$/.exec(token.toLowerCase());
    if (!match) return { ok: false, message: `"${token.slice(0, 20)}" 는 단계가 아닙니다. 숫자 뒤에 m(분), h(시간), d(일)을 붙여 쓰세요 (예: 1m 10m).` };
    const minutes = Number(match[1]) * UNIT_MINUTES[match[2] as keyof typeof UNIT_MINUTES];
    if (minutes < 1) return { ok: false, message: `"${token}": 단계는 1분 이상이어야 합니다.` };
    if (minutes > MAX_STEP_MINUTES) return { ok: false, message: `"${token}": 단계는 365일 이하여야 합니다.` };
    steps.push(`${Number(match[1])}${match[2]}` as StepUnit);
  }
  return { ok: true, steps };
}

/** Steps from stored settings; anything unreadable falls back to `fallback` (Anki's defaults). */
export function stepsOrDefault(text: string | undefined, fallback: readonly StepUnit[]): StepUnit[] {
  if (text === undefined) return [...fallback];
  const parsed = parseSteps(text);
  return parsed.ok ? parsed.steps : [...fallback];
}
