// One Korean zod error map for every boundary (STYLE.md habit 7: user-facing messages in
// Korean, the bad value in the message). zod 4 ships a Korean locale (`z.locales.ko()`), but it
// reads as a translation ("잘못된 입력: 예상 타입은 object, 받은 타입은 null입니다") and never
// names the field; this map says which field is wrong, what was expected and what arrived.
//
// Precedence (zod 4): a schema's own `error` wins, then the map passed to `safeParse(…, { error })`
// (parseInput passes one with the review fields' Korean names), then the global map installed
// with `z.config({ customError })` at the edge (lib/server/http.ts), then zod's English locale.
//
// Hostile input reaches these functions: a 64 KB string, an array nested 30,000 deep. So a
// received value is described, never serialised (JSON.stringify of deep nesting overflows the
// stack and would turn a 400 into a 500).
import type { z } from "zod";

type RawIssue = z.core.$ZodRawIssue;

/** Field names as the learner should read them, keyed by the path with indexes removed ("selected"). */
export type FieldLabels = Readonly<Record<string, string>>;

const SHOWN_STRING_CHARS = 20;

/** A received value in a few Korean words: `숫자 1.5`, `문자열 "abc…"(301자)`, `배열(3개)`, `null`. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "없음";
  if (value === null) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? `숫자 ${value}` : `숫자 ${String(value)}`;
  if (typeof value === "boolean") return `참/거짓 값 ${value}`;
  if (typeof value === "string") {
    const length = [...value].length;
    const shown = length > SHOWN_STRING_CHARS ? `${[...value].slice(0, SHOWN_STRING_CHARS).join("")}…` : value;
    return `문자열 ${JSON.stringify(shown)}(${length}자)`;
  }
  if (Array.isArray(value)) return `배열(${value.length}개)`;
  if (typeof value === "object") return "객체";
  return typeof value;
}

// Final consonant (받침) of the last pronounced character, to pick 은/는, 이/가, 이어야/여야.
// A trailing "(english)" gloss is skipped: "카드 버전(version)" reads as "카드 버전". Latin letters
// are read as letter names (id → 아이디): only l, m, n, r end in a consonant (엘, 엠, 엔, 알).
const DIGIT_HAS_FINAL = [true, true, false, true, false, false, true, true, true, false]; // 영 일 이 삼 사 오 육 칠 팔 구

function hasFinalConsonant(word: string): boolean {
  const spoken = word.replace(/\s*\([^()]*\)\s*$/, "").replace(/['"\]\s]+$/, "");
  const last = spoken.at(-1) ?? "";
  const code = last.charCodeAt(0);
  if (code >= 0xac00 && code <= 0xd7a3) return (code - 0xac00) % 28 !== 0;
  if (/[0-9]/.test(last)) return DIGIT_HAS_FINAL[Number(last)] ?? false;
  return /[lmnr]/i.test(last);
}

/** `word` + the particle that fits it: particle("카드 버전", "은", "는") → "카드 버전은". */
export function withParticle(word: string, afterConsonant: string, afterVowel: string): string {
  return `${word}${hasFinalConsonant(word) ? afterConsonant : afterVowel}`;
}

const topic = (word: string) => withParticle(word, "은", "는");
const subject = (word: string) => withParticle(word, "이", "가");
/** "정수여야", "문자열이어야" */
const mustBe = (noun: string) => `${withParticle(noun, "이어야", "여야")} 합니다`;

const TYPE_NAMES: Record<string, string> = {
  object: "객체",
  array: "배열",
  string: "문자열",
  number: "숫자",
  int: "정수",
  bigint: "정수",
  boolean: "참/거짓 값",
  date: "날짜",
  null: "null",
};

/** "선택지(selected)의 2번째 값", "'topic' 항목", or "요청 본문" for the root. */
export function fieldName(path: readonly PropertyKey[], labels: FieldLabels = {}): string {
  if (path.length === 0) return "요청 본문";
  const key = path.filter((part) => typeof part !== "number").map(String).join(".");
  let name = key === "" ? "요청 본문" : (labels[key] ?? `'${key}' 항목`);
  for (const part of path) if (typeof part === "number") name = `${name}의 ${part + 1}번째 값`;
  return name;
}

function sizeOf(input: unknown): string {
  if (typeof input === "string") return `${[...input].length}자`;
  if (Array.isArray(input)) return `${input.length}개`;
  return describeValue(input);
}

function bound(issue: { origin?: string; inclusive?: boolean }, limit: unknown, inclusiveWord: string, exclusiveWord: string): string {
  const unit = issue.origin === "string" ? "자" : issue.origin === "array" || issue.origin === "set" ? "개" : "";
  return `${String(limit)}${unit} ${issue.inclusive === false ? exclusiveWord : inclusiveWord}`;
}

/** The Korean message of one zod issue; `labels` names known fields. Never returns undefined. */
export function koreanIssueMessage(issue: RawIssue, labels: FieldLabels = {}): string {
  const field = fieldName(issue.path ?? [], labels);
  const received = `(받은 값: ${describeValue(issue.input)})`;
  switch (issue.code) {
    case "invalid_type": {
      if (issue.input === undefined) return `${subject(field)} 필요합니다.`;
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      return `${topic(field)} ${mustBe(expected)} ${received}.`;
    }
    case "too_big": {
      const limit = bound(issue, issue.maximum, "이하", "미만");
      return `${topic(field)} ${mustBe(limit)} (받은 값: ${sizeOf(issue.input)}).`;
    }
    case "too_small": {
      if ((issue.origin === "string" || issue.origin === "array") && Number(issue.minimum) === 1 && issue.inclusive !== false) {
        return `${subject(field)} 비어 있습니다.`;
      }
      const limit = bound(issue, issue.minimum, "이상", "초과");
      return `${topic(field)} ${mustBe(limit)} (받은 값: ${sizeOf(issue.input)}).`;
    }
    case "invalid_value": {
      const values = issue.values.map((value) => (typeof value === "string" ? value : String(value))).join(", ");
      return issue.values.length === 1 ? `${topic(field)} ${mustBe(values)} ${received}.` : `${topic(field)} ${values} 중 하나여야 합니다 ${received}.`;
    }
    case "invalid_format":
      return `${field}의 형식이 올바르지 않습니다 ${received}.`;
    case "not_multiple_of":
      return `${topic(field)} ${String(issue.divisor)}의 배수여야 합니다 ${received}.`;
    case "unrecognized_keys":
      return `${field}에 알 수 없는 항목이 있습니다 (${issue.keys.slice(0, 5).join(", ")}${issue.keys.length > 5 ? " …" : ""}).`;
    case "invalid_key":
      return `${field}에 올바르지 않은 키가 있습니다.`;
    case "invalid_element":
      return `${field}에 올바르지 않은 값이 있습니다.`;
    case "invalid_union":
      return `${topic(field)} 허용되는 형태가 아닙니다 ${received}.`;
    default:
      return `${subject(field)} 올바르지 않습니다 ${received}.`;
  }
}

/** A zod error map that speaks Korean and names fields with `labels`. */
export function koreanErrorMap(labels: FieldLabels = {}): z.core.$ZodErrorMap {
  return (issue) => koreanIssueMessage(issue, labels);
}
