// Line-level reader for curated bank files (content/questions/README.md). It only splits the
// file into questions and remembers the line of every piece, so later checks can say
// `file:line`; whether the pieces make a valid question is question-schema.ts's job.
import { parse as parseYaml } from "yaml";

export type IssueSeverity = "error" | "warning";

export interface BankIssue {
  line: number;
  message: string;
  severity: IssueSeverity;
  questionId?: string;
}

export interface RawField {
  value: string;
  line: number;
}

export interface RawOption {
  key: string | null;
  text: string;
  correct: boolean;
  line: number;
  explanation: { kind: "correct" | "wrong"; text: string; line: number } | null;
}

export interface RawQuestion {
  id: string;
  line: number;
  /** metadata fields by key; `source` may repeat */
  meta: Map<string, RawField[]>;
  stem: string;
  stemLine: number;
  options: RawOption[];
  general: RawField | null;
  answer: RawField | null;
}

export interface RawBank {
  bankId: RawField | null;
  title: RawField | null;
  questions: RawQuestion[];
  issues: BankIssue[];
}

const QUESTION_HEADING = /^##\s+(.*?)\s*#*\s*$/;
const META_LINE = /^[-*]\s+([A-Za-z][\w-]*)\s*:\s*(.*)$/;
const OPTION_LINE = /^[-*]\s+\[([ xX])\]\s*(.*)$/;
const OPTION_KEY = /^([A-Za-z])[.)]\s+(.*)$/;
const EXPLANATION_LINE = /^\s{2,}[-*]\s+(정답|오답)\s*[:：]\s*(.*)$/;
const QUOTE_LINE = /^\s{0,3}>\s?(.*)$/;
const QUOTE_LABEL = /^(해설|답)\s*[:：]\s*(.*)$/;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function splitLines(content: string): string[] {
  return content.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
}

function readFrontMatter(lines: string[], issues: BankIssue[]): { end: number; bankId: RawField | null; title: RawField | null } {
  if (lines[0]?.trim() !== "---") {
    issues.push({ line: 1, severity: "error", message: "파일 머리말(---)이 없습니다. `bank:` 와 `title:` 을 적어 주세요" });
    return { end: 0, bankId: null, title: null };
  }
  const close = lines.findIndex((line, index) => index > 0 && line.trim() === "---");
  if (close < 0) {
    issues.push({ line: 1, severity: "error", message: "파일 머리말이 `---` 로 닫히지 않았습니다" });
    return { end: 0, bankId: null, title: null };
  }
  const fieldLine = (key: string) => {
    const index = lines.findIndex((line, i) => i > 0 && i < close && new RegExp(`^${key}\\s*:`).test(line));
    return index < 0 ? 1 : index + 1;
  };
  let data: unknown;
  try {
    data = parseYaml(lines.slice(1, close).join("\n"));
  } catch (error) {
    issues.push({ line: 1, severity: "error", message: `파일 머리말 YAML 오류: ${(error as Error).message.split("\n")[0]}` });
    return { end: close + 1, bankId: null, title: null };
  }
  const record = data && typeof data === "object" ? (data as Record<string, unknown>) : {};
  const asField = (key: string): RawField | null =>
    typeof record[key] === "string" || typeof record[key] === "number" ? { value: String(record[key]).trim(), line: fieldLine(key) } : null;
  return { end: close + 1, bankId: asField("bank"), title: asField("title") };
}

/** Splits a bank file into raw questions. Never throws; structural problems become issues. */
export function readBank(content: string): RawBank {
  const lines = splitLines(content);
  const issues: BankIssue[] = [];
  const front = readFrontMatter(lines, issues);

  // Question boundaries: `## ` headings outside code fences.
  const starts: number[] = [];
  let fence: string | null = null;
  for (let index = front.end; index < lines.length; index++) {
    const line = lines[index] ?? "";
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = (fenceMatch[1] ?? "").slice(0, 3);
      fence = fence === null ? marker : line.trim().startsWith(fence) ? null : fence;
      continue;
    }
    if (fence === null && QUESTION_HEADING.test(line)) starts.push(index);
  }

  const questions = starts.map((start, i) => readQuestion(lines, start, starts[i + 1] ?? lines.length, issues));
  return { bankId: front.bankId, title: front.title, questions, issues };
}

function readQuestion(lines: string[], start: number, end: number, issues: BankIssue[]): RawQuestion {
  const id = QUESTION_HEADING.exec(lines[start] ?? "")?.[1] ?? "";
  const question: RawQuestion = {
    id,
    line: start + 1,
    meta: new Map(),
    stem: "",
    stemLine: start + 1,
    options: [],
    general: null,
    answer: null,
  };
  let index = start + 1;

  // Metadata: `- key: value` lines right under the heading (blank lines allowed).
  while (index < end) {
    const line = lines[index] ?? "";
    if (line.trim() === "") {
      index++;
      continue;
    }
    const match = META_LINE.exec(line);
    if (!match || OPTION_LINE.test(line)) break;
    const key = (match[1] ?? "").toLowerCase();
    const fields = question.meta.get(key) ?? [];
    fields.push({ value: (match[2] ?? "").trim(), line: index + 1 });
    question.meta.set(key, fields);
    index++;
  }

  // Stem: everything up to the first option or the first `> 해설:` / `> 답:` block.
  const stemLines: string[] = [];
  let stemStart = -1;
  let fence = false;
  while (index < end) {
    const line = lines[index] ?? "";
    if (FENCE.test(line)) fence = !fence;
    if (!fence && (OPTION_LINE.test(line) || isLabelledQuote(line))) break;
    if (stemStart < 0 && line.trim() !== "") stemStart = index;
    if (stemStart >= 0) stemLines.push(line);
    index++;
  }
  question.stem = stemLines.join("\n").trim();
  question.stemLine = stemStart >= 0 ? stemStart + 1 : start + 1;

  // Options, their explanations, and the closing quote blocks.
  let current: RawOption | null = null;
  let quote: { field: RawField; kind: "general" | "answer" } | null = null;
  let continuation: "option" | "explanation" | null = null;
  for (; index < end; index++) {
    const line = lines[index] ?? "";
    const optionMatch = OPTION_LINE.exec(line);
    if (optionMatch) {
      quote = null;
      const body = (optionMatch[2] ?? "").trim();
      const keyed = OPTION_KEY.exec(body);
      current = {
        key: keyed ? (keyed[1] ?? "").toUpperCase() : null,
        text: (keyed ? (keyed[2] ?? "") : body).trim(),
        correct: optionMatch[1] !== " ",
        line: index + 1,
        explanation: null,
      };
      question.options.push(current);
      continuation = "option";
      continue;
    }
    const explanationMatch = EXPLANATION_LINE.exec(line);
    if (explanationMatch && current && !quote) {
      if (current.explanation) {
        issues.push({ line: index + 1, severity: "error", questionId: id, message: `선택지 ${current.key ?? "?"} 에 설명이 두 번 있습니다` });
      } else {
        current.explanation = {
          kind: explanationMatch[1] === "정답" ? "correct" : "wrong",
          text: (explanationMatch[2] ?? "").trim(),
          line: index + 1,
        };
      }
      continuation = "explanation";
      continue;
    }
    const quoteMatch = QUOTE_LINE.exec(line);
    if (quoteMatch) {
      const body = quoteMatch[1] ?? "";
      const labelled = QUOTE_LABEL.exec(body.trim());
      if (labelled) {
        const kind = labelled[1] === "해설" ? "general" : "answer";
        const field = { value: (labelled[2] ?? "").trim(), line: index + 1 };
        if ((kind === "general" ? question.general : question.answer) !== null) {
          issues.push({ line: index + 1, severity: "error", questionId: id, message: `\`> ${labelled[1]}:\` 가 두 번 있습니다` });
        }
        if (kind === "general") question.general = field;
        else question.answer = field;
        quote = { field, kind };
      } else if (quote) {
        quote.field.value = `${quote.field.value}\n${body}`.trim();
      } else {
        issues.push({ line: index + 1, severity: "error", questionId: id, message: "인용문(>)은 `> 해설:` 또는 `> 답:` 으로 시작해야 합니다" });
      }
      current = null;
      continue;
    }
    if (line.trim() === "") {
      quote = null;
      continuation = null;
      continue;
    }
    // An indented line continues the option text or its explanation.
    if (/^\s{2,}\S/.test(line) && current && continuation) {
      if (continuation === "explanation" && current.explanation) current.explanation.text += ` ${line.trim()}`;
      else current.text += ` ${line.trim()}`;
      continue;
    }
    issues.push({
      line: index + 1,
      severity: "error",
      questionId: id,
      message: `선택지나 해설 사이에 알 수 없는 줄이 있습니다: "${line.trim().slice(0, 40)}"`,
    });
  }
  return question;
}

function isLabelledQuote(line: string): boolean {
  const match = QUOTE_LINE.exec(line);
  return match !== null && QUOTE_LABEL.test((match[1] ?? "").trim());
}
