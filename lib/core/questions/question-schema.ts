// The strict shape of a question, as zod. Every question, whatever its origin (bank file,
// generator, import), passes `questionSchema` before it reaches the database, so the rules in
// content/questions/README.md hold everywhere.
import { z } from "zod";
import { DOMAINS, ORIGINS, QUESTION_TYPES, type Question } from "./types";

export const QUESTION_ID = /^[a-z0-9][a-z0-9._-]*$/;
export const BANK_ID = /^[a-z0-9][a-z0-9-]*$/;
const OPTION_KEYS = ["A", "B", "C", "D", "E", "F"] as const;

/** "2개를 고르시오" / "두 개를 고르시오" / "(Choose two.)" → 2 */
export function chooseHintCount(stem: string): number | null {
  const words: Record<string, number> = { 두: 2, 세: 3, 네: 4, two: 2, three: 3, four: 4 };
  const korean = /(\d|두|세|네)\s*개를?\s*(고르|선택)/.exec(stem);
  if (korean) return Number(korean[1]) || words[korean[1] ?? ""] || null;
  const english = /choose\s+(\d|two|three|four)/i.exec(stem);
  if (english) return Number(english[1]) || words[(english[1] ?? "").toLowerCase()] || null;
  return null;
}

/** Cloze blanks: `{{답}}`. */
export function clozeAnswers(stem: string): string[] {
  return [...stem.matchAll(/\{\{([^{}]+)\}\}/g)].map((match) => (match[1] ?? "").trim());
}

const optionSchema = z.object({
  key: z.enum(OPTION_KEYS, { error: "선택지 글자는 A–F 입니다" }),
  text: z.string().trim().min(1, "선택지 내용이 비어 있습니다"),
});

const sourceSchema = z.object({
  file: z
    .string()
    .min(1, "source 에 노트 파일이 없습니다")
    .regex(/\.md$/, "source 의 노트 파일은 .md 로 끝나야 합니다"),
  heading: z.string().trim().min(1, "source 에 제목(#제목)이 없습니다"),
  line: z.number().int().positive().optional(),
});

export const questionSchema = z
  .object({
    id: z.string().regex(QUESTION_ID, "문제 id 는 소문자, 숫자, -, _, . 만 씁니다"),
    bankId: z.string().min(1),
    type: z.enum(QUESTION_TYPES, { error: `type 은 ${QUESTION_TYPES.join(", ")} 중 하나입니다` }),
    domain: z.enum(DOMAINS, { error: `domain 은 ${DOMAINS.join(", ")} 중 하나입니다` }),
    topics: z.array(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "topic key 형식이 아닙니다")),
    difficulty: z.union([z.literal(1), z.literal(2), z.literal(3)], { error: "difficulty 는 1, 2, 3 중 하나입니다" }),
    stem: z.string().trim().min(1, "문제 본문이 비어 있습니다"),
    options: z.array(optionSchema),
    correct: z.array(z.string()),
    chooseCount: z.number().int().positive().nullable(),
    answer: z.string().nullable(),
    explanations: z.record(z.string(), z.string()),
    sources: z.array(sourceSchema),
    references: z.array(z.string().min(1)),
    origin: z.enum(ORIGINS),
    generator: z.string().nullable(),
    factIds: z.array(z.string()),
    archived: z.boolean(),
  })
  .superRefine((question, context) => {
    const issue = (message: string, path: (string | number)[]) => context.addIssue({ code: "custom", message, path });
    const choice = question.type === "single" || question.type === "multiple";
    // Community imports are kept when readable: they may have 2–6 options, no per-option
    // explanations, no topics and no note sources. Curated and generated questions follow the
    // exam format strictly (content/questions/README.md).
    const strict = question.origin !== "imported";
    if (strict && question.topics.length === 0) issue("topics 가 비어 있습니다", ["topics"]);
    const keys = question.options.map((option) => option.key);

    if (choice) {
      keys.forEach((key, index) => {
        if (key !== OPTION_KEYS[index]) issue(`선택지 글자는 A부터 차례로 씁니다 (${index + 1}번째가 ${key})`, ["options", index, "key"]);
      });
      const seen = new Map<string, number>();
      question.options.forEach((option, index) => {
        const normalised = option.text.replace(/\s+/g, " ").trim().toLowerCase();
        const first = seen.get(normalised);
        if (first !== undefined) issue(`선택지 ${option.key} 가 선택지 ${question.options[first]?.key} 와 같습니다`, ["options", index, "text"]);
        else seen.set(normalised, index);
      });
      question.correct.forEach((key) => {
        if (!keys.includes(key as (typeof OPTION_KEYS)[number])) issue(`정답 ${key} 가 선택지에 없습니다`, ["correct"]);
      });
      if (new Set(question.correct).size !== question.correct.length) issue("정답이 중복되었습니다", ["correct"]);
      question.options.forEach((option, index) => {
        if (strict && !question.explanations[option.key]?.trim()) issue(`선택지 ${option.key} 에 설명(정답:/오답:)이 없습니다`, ["options", index, "explanation"]);
      });
      if (question.answer !== null) issue("선택형 문제에는 `> 답:` 을 쓰지 않습니다", ["answer"]);
    }

    if (question.type === "single") {
      if (strict && question.options.length !== 4) issue(`single 은 선택지 4개입니다 (지금 ${question.options.length}개)`, ["options"]);
      if (!strict && question.options.length < 2) issue(`선택지가 ${question.options.length}개뿐입니다`, ["options"]);
      if (question.correct.length !== 1) issue(`single 은 정답이 정확히 1개입니다 (지금 ${question.correct.length}개)`, ["correct"]);
      if (question.chooseCount !== null) issue("choose 는 multiple 에만 씁니다", ["chooseCount"]);
    }
    if (question.type === "multiple") {
      if (question.options.length < (strict ? 5 : 3)) issue(`multiple 은 선택지 ${strict ? 5 : 3}개 이상입니다 (지금 ${question.options.length}개)`, ["options"]);
      if (question.correct.length < 2) issue(`multiple 은 정답이 2개 이상입니다 (지금 ${question.correct.length}개)`, ["correct"]);
      if (question.chooseCount === null) issue("multiple 에는 choose: N 이 필요합니다", ["chooseCount"]);
      else if (question.chooseCount !== question.correct.length) {
        issue(`choose ${question.chooseCount} 와 정답 표시 ${question.correct.length}개가 다릅니다`, ["chooseCount"]);
      }
      if (question.correct.length >= question.options.length && question.options.length > 0) issue("모든 선택지가 정답일 수는 없습니다", ["correct"]);
      const hint = chooseHintCount(question.stem);
      if (hint !== null && question.chooseCount !== null && hint !== question.chooseCount) {
        issue(`본문의 "${hint}개를 고르시오" 와 choose ${question.chooseCount} 가 다릅니다`, ["stem"]);
      }
    }
    if (question.type === "flashcard" || question.type === "cloze") {
      if (question.options.length > 0) issue(`${question.type} 에는 선택지를 쓰지 않습니다`, ["options"]);
      if (question.correct.length > 0) issue(`${question.type} 에는 정답 선택지가 없습니다`, ["correct"]);
      if (question.chooseCount !== null) issue("choose 는 multiple 에만 씁니다", ["chooseCount"]);
    }
    if (question.type === "flashcard" && !question.answer?.trim()) issue("flashcard 에는 `> 답:` 이 필요합니다", ["answer"]);
    if (question.type === "cloze" && clozeAnswers(question.stem).length === 0) issue("cloze 본문에 {{빈칸}} 이 없습니다", ["stem"]);
    if (strict && question.sources.length === 0 && question.references.length === 0) {
      issue("source 가 필요합니다 (노트파일.md#제목)", ["sources"]);
    }
  });

export type QuestionInput = z.input<typeof questionSchema>;

export interface SchemaIssue {
  path: (string | number)[];
  message: string;
}

export function validateQuestion(candidate: unknown): { question: Question; issues: [] } | { question: null; issues: SchemaIssue[] } {
  const parsed = questionSchema.safeParse(candidate);
  if (parsed.success) return { question: parsed.data as Question, issues: [] };
  return {
    question: null,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.map((part) => (typeof part === "symbol" ? String(part) : part)), message: issue.message })),
  };
}
