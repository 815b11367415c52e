// Request bodies of the exam endpoints and the start form, parsed once at the edge. Messages are
// Korean and name the bad value (lib/core/srs/inputs.ts does the same for review). Form posts
// send every value as a string: numbers are accepted as "65", checkboxes as "on"/"true", and a
// repeated field (topics, domains) as a list; formFields() turns FormData entries into that shape.
import { z } from "zod";
import { topicParticle } from "@/lib/core/questions/generators/build";
import { QUESTION_ID } from "@/lib/core/questions/question-schema";
import { DOMAINS } from "@/lib/core/questions/types";
import { CUSTOM_MAX_MINUTES, CUSTOM_MAX_QUESTIONS, EXAM_FEEDBACK, EXAM_MODES, SAA_C03, type ExamConfig } from "./types";

const shown = (input: unknown): string => (input === undefined ? "없음" : (JSON.stringify(input) ?? String(input)));

/** "65" → 65 and "" → undefined (an empty field); anything else goes to the number schema as it came, to be rejected there by value. */
function fromFormNumber(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const trimmed = value.trim();
  if (trimmed === "") return undefined;
  return /^[+-]?\d+(?:\.\d+)?$/.test(trimmed) ? Number(trimmed) : value;
}

/** `max` absent = no upper bound worth stating (versions); `unit` follows the range ("1–300분"). */
function integer(field: string, label: string, min: number, max?: number, unit = "") {
  const range = max === undefined ? `${min} 이상의` : `${min}–${max.toLocaleString("en-US")}${unit} 사이의`;
  const message = (issue: { input?: unknown }) => `${label}(${field})${topicParticle(label)} ${range} 정수여야 합니다 (받은 값: ${shown(issue.input)}).`;
  const number = z.number({ error: message }).int({ error: message }).min(min, { error: message });
  return z.preprocess(fromFormNumber, max === undefined ? number : number.max(max, { error: message }));
}

const CHECKED = new Set(["on", "true", "1", "yes"]);
const UNCHECKED = new Set(["off", "false", "0", "no", ""]);

/** An unchecked checkbox is simply absent from a form post, so absent means false. */
function checkbox(field: string, label: string) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return false;
      if (typeof value !== "string") return value;
      const normalized = value.trim().toLowerCase();
      return CHECKED.has(normalized) ? true : UNCHECKED.has(normalized) ? false : value;
    },
    z.boolean({ error: (issue) => `${label}(${field})${topicParticle(label)} 켜짐/꺼짐 값이어야 합니다 (받은 값: ${shown(issue.input)}).` }),
  );
}

/** A list field: an array, one value, or a comma-separated value; blanks dropped, duplicates removed (first kept). */
function list<T extends z.ZodType<string>>(field: string, label: string, item: T, max: number) {
  return z.preprocess(
    (value) => {
      if (value === undefined || value === null) return [];
      const values = Array.isArray(value) ? value : typeof value === "string" ? value.split(",") : value;
      if (!Array.isArray(values)) return values;
      const cleaned = values.map((entry) => (typeof entry === "string" ? entry.trim() : entry)).filter((entry) => entry !== "");
      return [...new Set(cleaned)];
    },
    z
      .array(item, { error: (issue) => `${label}(${field})${topicParticle(label)} 글자 목록이어야 합니다 (받은 값: ${shown(issue.input)}).` })
      .max(max, { error: (issue) => `${label}(${field})${topicParticle(label)} ${max}개까지 고를 수 있습니다 (받은 개수: ${Array.isArray(issue.input) ? issue.input.length : "?"}).` }),
  );
}

const topicKey = z
  .string({ error: (issue) => `주제 키는 글자여야 합니다 (받은 값: ${shown(issue.input)}).` })
  .regex(/^[a-z0-9][a-z0-9-]{0,59}$/, { error: (issue) => `주제 키 "${String(issue.input)}" 는 올바르지 않습니다 (예: lambda).` });
const domainKey = z.enum(DOMAINS, { error: (issue) => `영역 "${String(issue.input)}" 은 없습니다 (${DOMAINS.join(", ")} 중 하나).` });
const questionId = z
  .string({ error: (issue) => `문제 id 는 글자여야 합니다 (받은 값: ${shown(issue.input)}).` })
  .max(200, { error: (issue) => `문제 id "${String(issue.input).slice(0, 40)}…" 는 너무 깁니다.` })
  .regex(QUESTION_ID, { error: (issue) => `문제 id "${String(issue.input)}" 는 올바르지 않습니다.` });

/** null, absent, "" and "none" mean no time limit (the form's "제한 없음"). */
const timeLimitMinutes = z.preprocess(
  (value) => (value === undefined || value === null || (typeof value === "string" && ["", "none", "null"].includes(value.trim().toLowerCase())) ? null : value),
  integer("timeLimitMinutes", "제한 시간", 1, CUSTOM_MAX_MINUTES, "분").nullable(),
);

const startFields = z.object({
  mode: z.enum(EXAM_MODES, { error: (issue) => `시험 종류(mode) ${shown(issue.input)} 는 없습니다 (full, custom, weak 중 하나).` }),
  feedback: z.preprocess(
    (value) => (value === undefined || value === "" ? "exam" : value),
    z.enum(EXAM_FEEDBACK, { error: (issue) => `진행 방식(feedback) ${shown(issue.input)} 는 없습니다 (exam 또는 practice).` }),
  ),
  questionCount: integer("questionCount", "문제 수", 1, CUSTOM_MAX_QUESTIONS).optional(),
  timeLimitMinutes,
  extraTime: checkbox("extraTime", "시간 연장"),
  topics: list("topics", "주제", topicKey, 50),
  domains: list("domains", "영역", domainKey, DOMAINS.length),
  includeImported: checkbox("includeImported", "가져온 문제 포함"),
  /** absent = a normal exam; present = "틀린 문제 다시 풀기" of exactly these questions */
  questionIds: z.preprocess((value) => (value === undefined || value === null ? undefined : value), list("questionIds", "다시 풀 문제", questionId, CUSTOM_MAX_QUESTIONS).optional()),
});

/**
 * The start screen's choice → ExamConfig.
 * - full (실전 모의고사): always 65 questions, 130 minutes, feedback "exam", all topics and
 *   domains, whatever else was sent; only extraTime and includeImported are the learner's.
 * - custom (맞춤 시험): 1–CUSTOM_MAX_QUESTIONS questions, a limit of 1–CUSTOM_MAX_MINUTES
 *   minutes or none, chosen topics and domains; with questionIds ("틀린 문제 다시 풀기") exactly
 *   those questions in that order, and the count is theirs.
 * - weak (약점 집중): a count and a limit like custom, across all topics and domains (the
 *   weighting chooses the topics).
 */
export const examStartSchema: z.ZodType<ExamConfig, unknown> = startFields.transform((fields, context): ExamConfig => {
  const questionIds = fields.questionIds ?? null;
  if (fields.mode === "full") {
    if (questionIds !== null) {
      context.issues.push({ code: "custom", input: fields.questionIds, path: ["questionIds"], message: "다시 풀 문제(questionIds)는 맞춤 시험(custom)에서만 고를 수 있습니다." });
      return z.NEVER;
    }
    return {
      mode: "full",
      feedback: "exam",
      questionCount: SAA_C03.questionCount,
      timeLimitMinutes: SAA_C03.timeLimitMinutes,
      extraTime: fields.extraTime,
      topics: [],
      domains: [],
      includeImported: fields.includeImported,
      questionIds: null,
    };
  }
  if (questionIds !== null && fields.mode !== "custom") {
    context.issues.push({ code: "custom", input: fields.questionIds, path: ["questionIds"], message: "다시 풀 문제(questionIds)는 맞춤 시험(custom)에서만 고를 수 있습니다." });
    return z.NEVER;
  }
  if (questionIds !== null && questionIds.length === 0) {
    context.issues.push({ code: "custom", input: fields.questionIds, path: ["questionIds"], message: "다시 풀 문제(questionIds)가 하나도 없습니다." });
    return z.NEVER;
  }
  const questionCount = questionIds?.length ?? fields.questionCount;
  if (questionCount === undefined) {
    context.issues.push({ code: "custom", input: undefined, path: ["questionCount"], message: `문제 수(questionCount)를 정해 주세요 (1–${CUSTOM_MAX_QUESTIONS}).` });
    return z.NEVER;
  }
  const custom = fields.mode === "custom";
  return {
    mode: fields.mode,
    feedback: fields.feedback,
    questionCount,
    timeLimitMinutes: fields.timeLimitMinutes,
    // the extension only means something on a clock
    extraTime: fields.timeLimitMinutes !== null && fields.extraTime,
    topics: custom && questionIds === null ? fields.topics : [],
    domains: custom && questionIds === null ? fields.domains : [],
    includeImported: fields.includeImported,
    questionIds,
  };
});

const version = integer("version", "시험 버전", 0);
const position = integer("position", "문제 번호", 0, CUSTOM_MAX_QUESTIONS - 1);

const OPTION_KEY = /^[A-F]$/;

export const examAnswerSchema = z.object({
  position,
  selected: z.preprocess(
    (value) => (value === undefined || value === null ? [] : typeof value === "string" ? (value === "" ? [] : [value]) : value),
    z
      .array(z.string().regex(OPTION_KEY, { error: (issue) => `선택지 "${String(issue.input)}" 는 없습니다 (A–F 중 하나).` }), {
        error: (issue) => `선택지(selected)는 A–F 글자 목록이어야 합니다 (받은 값: ${shown(issue.input)}).`,
      })
      .max(6, { error: (issue) => `선택지는 6개까지 고를 수 있습니다 (받은 개수: ${Array.isArray(issue.input) ? issue.input.length : "?"}).` })
      .refine((keys) => new Set(keys).size === keys.length, { error: (issue) => `같은 선택지를 두 번 골랐습니다 (받은 값: ${shown(issue.input)}).` }),
  ),
  version,
  /** practice mode: check this answer now (it is then locked) */
  check: checkbox("check", "정답 확인"),
  timeSpentMs: integer("timeSpentMs", "풀이 시간", 0, 86_400_000, "ms").optional(),
});

export const examFlagSchema = z.object({
  position,
  flagged: checkbox("flagged", "검토 표시"),
  version,
});

export const examSubmitSchema = z.object({ version });

export type ExamAnswerInput = z.infer<typeof examAnswerSchema>;
export type ExamFlagInput = z.infer<typeof examFlagSchema>;
export type ExamSubmitInput = z.infer<typeof examSubmitSchema>;

/** FormData (or any entry list) → a plain object; a field sent more than once becomes a list. */
export function formFields(entries: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (typeof value !== "string") continue; // files are never exam input
    const existing = fields[key];
    fields[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return fields;
}
