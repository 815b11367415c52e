// A curated bank file → validated questions + issues with line numbers. Pure: the caller reads
// the file; cross-file checks (unique ids, taxonomy, note headings, reference ids) live in
// content-check.ts because they need the other files.
import { readBank, type BankIssue, type RawQuestion } from "./bank-parser";
import { BANK_ID, clozeAnswers, validateQuestion, type SchemaIssue } from "./question-schema";
import type { Question, SourceRef } from "./types";

export interface ParsedBankFile {
  bankId: string | null;
  title: string | null;
  /** valid questions only */
  questions: Question[];
  /** line of each valid question's heading, by id */
  questionLines: Map<string, number>;
  /** line of each source / reference metadata line, by question id */
  metaLines: Map<string, { sources: number[]; references: number; topics: number }>;
  issues: BankIssue[];
}

const KNOWN_KEYS = new Set(["type", "domain", "topics", "difficulty", "source", "reference", "choose"]);
const REQUIRED_KEYS = ["type", "domain", "topics", "difficulty", "source"];

export function parseSource(value: string): SourceRef | null {
  const hash = value.indexOf("#");
  if (hash < 0) return null;
  return { file: value.slice(0, hash).trim(), heading: value.slice(hash + 1).trim() };
}

function splitList(value: string): string[] {
  return value
    .split(/[,，]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** Turns the raw pieces into a candidate Question (not yet validated) plus format issues. */
function toCandidate(raw: RawQuestion, bankId: string, issues: BankIssue[]) {
  const problem = (line: number, message: string) => issues.push({ line, message, severity: "error", questionId: raw.id });
  const first = (key: string) => raw.meta.get(key)?.[0];

  for (const [key, fields] of raw.meta) {
    if (!KNOWN_KEYS.has(key)) problem(fields[0]?.line ?? raw.line, `알 수 없는 메타데이터 키 "${key}"`);
    else if (key !== "source" && fields.length > 1) problem(fields[1]?.line ?? raw.line, `"${key}" 가 두 번 있습니다`);
  }
  for (const key of REQUIRED_KEYS) if (!raw.meta.has(key)) problem(raw.line, `메타데이터 "${key}" 가 없습니다`);

  const difficultyText = first("difficulty")?.value;
  const chooseText = first("choose")?.value;
  const chooseField = first("choose");
  if (chooseField && !/^\d+$/.test(chooseField.value)) problem(chooseField.line, `choose "${chooseField.value}" 는 숫자입니다`);
  const sources: SourceRef[] = [];
  for (const field of raw.meta.get("source") ?? []) {
    const source = parseSource(field.value);
    if (!source) problem(field.line, `source "${field.value}" 는 노트파일.md#제목 형식이어야 합니다`);
    else sources.push(source);
  }

  const explanations: Record<string, string> = {};
  raw.options.forEach((option) => {
    if (option.key === null) problem(option.line, "선택지 앞에 글자(A. B. …)가 없습니다");
    if (option.explanation && option.key) {
      explanations[option.key] = option.explanation.text;
      if (option.explanation.kind === "correct" && !option.correct) problem(option.explanation.line, `선택지 ${option.key} 는 [ ] 오답인데 설명이 "정답:" 입니다`);
      if (option.explanation.kind === "wrong" && option.correct) problem(option.explanation.line, `선택지 ${option.key} 는 [x] 정답인데 설명이 "오답:" 입니다`);
      if (!option.explanation.text) problem(option.explanation.line, `선택지 ${option.key} 의 설명이 비어 있습니다`);
    }
  });
  if (raw.general?.value) explanations._ = raw.general.value;

  const type = first("type")?.value ?? "";
  const answer =
    raw.answer?.value ?? (type === "cloze" ? clozeAnswers(raw.stem).join(" / ") || null : null);

  return {
    id: raw.id,
    bankId,
    type,
    domain: first("domain")?.value ?? "",
    topics: splitList(first("topics")?.value ?? "").map((topic) => topic.toLowerCase()),
    difficulty: difficultyText !== undefined && /^\d+$/.test(difficultyText) ? Number(difficultyText) : difficultyText,
    stem: raw.stem,
    options: raw.options.map((option) => ({ key: option.key ?? "?", text: option.text })),
    correct: raw.options.filter((option) => option.correct).map((option) => option.key ?? "?"),
    chooseCount: chooseText !== undefined && /^\d+$/.test(chooseText) ? Number(chooseText) : null,
    answer,
    explanations,
    sources,
    references: splitList(first("reference")?.value ?? ""),
    origin: "curated",
    generator: null,
    factIds: [],
    archived: false,
  };
}

function lineForIssue(raw: RawQuestion, issue: SchemaIssue): number {
  const [head, index, leaf] = issue.path;
  const metaLine = (key: string) => raw.meta.get(key)?.[0]?.line ?? raw.line;
  switch (head) {
    case "id":
      return raw.line;
    case "type":
    case "domain":
    case "topics":
    case "difficulty":
      return metaLine(head);
    case "chooseCount":
      return metaLine("choose");
    case "references":
      return metaLine("reference");
    case "sources":
      return typeof index === "number" ? (raw.meta.get("source")?.[index]?.line ?? raw.line) : metaLine("source");
    case "stem":
      return raw.stemLine;
    case "options":
      if (typeof index === "number") {
        const option = raw.options[index];
        if (leaf === "explanation") return option?.explanation?.line ?? option?.line ?? raw.line;
        return option?.line ?? raw.line;
      }
      return raw.options[0]?.line ?? raw.stemLine;
    case "correct":
      return raw.options.find((option) => option.correct)?.line ?? raw.options[0]?.line ?? raw.stemLine;
    case "answer":
      return raw.answer?.line ?? raw.stemLine;
    default:
      return raw.line;
  }
}

export function parseBankFile(content: string): ParsedBankFile {
  const raw = readBank(content);
  const issues: BankIssue[] = [...raw.issues];
  const bankId = raw.bankId?.value ?? null;
  if (raw.bankId && !BANK_ID.test(raw.bankId.value)) {
    issues.push({ line: raw.bankId.line, severity: "error", message: `bank id "${raw.bankId.value}" 는 소문자, 숫자, - 만 씁니다` });
  } else if (!raw.bankId && raw.issues.length === 0) {
    issues.push({ line: 1, severity: "error", message: "파일 머리말에 bank: 가 없습니다" });
  }
  if (!raw.title && raw.bankId) issues.push({ line: raw.bankId.line, severity: "warning", message: "파일 머리말에 title: 이 없습니다" });
  if (raw.questions.length === 0) issues.push({ line: 1, severity: "warning", message: "문제가 하나도 없습니다 (`## 문제-id` 로 시작)" });

  const questions: Question[] = [];
  const questionLines = new Map<string, number>();
  const metaLines = new Map<string, { sources: number[]; references: number; topics: number }>();
  const seen = new Map<string, number>();
  for (const rawQuestion of raw.questions) {
    const before = issues.length;
    const candidate = toCandidate(rawQuestion, bankId ?? "unknown", issues);
    const result = validateQuestion(candidate);
    for (const issue of result.issues) {
      issues.push({ line: lineForIssue(rawQuestion, issue), message: issue.message, severity: "error", questionId: rawQuestion.id });
    }
    const previous = seen.get(rawQuestion.id);
    if (previous !== undefined) {
      // No questionId here: the first question with this id stays valid.
      issues.push({ line: rawQuestion.line, severity: "error", message: `문제 id "${rawQuestion.id}" 가 ${previous}번 줄에도 있습니다` });
      continue;
    }
    seen.set(rawQuestion.id, rawQuestion.line);
    if (result.question && issues.length === before) {
      const multipleWithoutHint = result.question.type === "multiple" && !/(고르|선택|choose)/i.test(result.question.stem);
      if (multipleWithoutHint) {
        issues.push({ line: rawQuestion.stemLine, severity: "warning", questionId: rawQuestion.id, message: `본문에 "${result.question.chooseCount}개를 고르시오." 를 써 주세요` });
      }
      questions.push(result.question);
      questionLines.set(rawQuestion.id, rawQuestion.line);
      metaLines.set(rawQuestion.id, {
        sources: (rawQuestion.meta.get("source") ?? []).map((field) => field.line),
        references: rawQuestion.meta.get("reference")?.[0]?.line ?? rawQuestion.line,
        topics: rawQuestion.meta.get("topics")?.[0]?.line ?? rawQuestion.line,
      });
    }
  }
  // Issues that the parser attached to a question (e.g. stray lines) invalidate it too.
  const broken = new Set(issues.filter((issue) => issue.severity === "error" && issue.questionId).map((issue) => issue.questionId));
  const valid = questions.filter((question) => !broken.has(question.id));
  for (const id of questionLines.keys()) if (broken.has(id)) questionLines.delete(id);

  return { bankId, title: raw.title?.value ?? null, questions: valid, questionLines, metaLines, issues: issues.sort((a, b) => a.line - b.line) };
}
