// Community markdown banks (content/questions/README.md, "가져오기 형식"):
//   (a) each question a heading, then `- [x]` correct / `- [ ]` wrong options, with a
//       "(Choose two.)"-style hint for multiple response;
//   (b) `- A) …` options and a `**Answer:** A, B` line.
// A question that cannot be read unambiguously is reported with its line and skipped; the rest
// are returned. Nothing here throws on bad input.
import { splitLines } from "./bank-parser";
import { chooseHintCount } from "./question-schema";

export interface ImportedDraft {
  line: number;
  format: "a" | "b";
  stem: string;
  options: { key: string; text: string }[];
  correct: string[];
  /** from a "(Choose two.)" hint, else the number of correct options when more than one */
  chooseCount: number | null;
  explanation: string | null;
  /** per-option explanations written under an option ("  - 정답: …", "  - Wrong: …") */
  optionExplanations: Record<string, string>;
}

export interface ImportProblem {
  line: number;
  message: string;
}

/** A heading (or numbered line) with neither options nor an answer line: a README section, not a question. */
export interface ImportSection {
  line: number;
  title: string;
}

export interface ImportParseResult {
  questions: ImportedDraft[];
  skipped: ImportProblem[];
  /** imported, but changed on the way in (options beyond F left out, images as placeholders) */
  warnings: ImportProblem[];
  /** "문제가 아닌 절": counted, never reported as skipped questions */
  sections: ImportSection[];
}

/**
 * The app shows and keys options A–F: question-schema.ts, the review keyboard (A–F and 1–6,
 * components/review/keyboard.ts) and the option labels. The parser reads up to H so a longer
 * question can be kept without its extra wrong options, with a warning naming its line.
 */
export const MAX_OPTIONS = 6;
const LETTERS = "ABCDEFGH";

const HEADING = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const NUMBERED = /^(?:\*\*)?(?:Q(?:uestion)?\s*\.?\s*)?(\d+)\s*[.):](?:\*\*)?\s+(.*)$/i;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const CHECKBOX_OPTION = /^\s*[-*+]\s+\[([ xX✓✔])\]\s*(.*)$/;
const LETTER_OPTION = /^\s*(?:[-*+]\s+)?\(?([A-Ha-h])\s*[).:]\s+(.*)$/;
const LETTER_PREFIX = /^\(?([A-Ha-h])\s*[).:]\s+(.*)$/;
const ANSWER_LINE = /^\s*(?:[-*+]\s+)?(?:\*\*|__)?\s*(?:answers?|correct\s+answers?|정답)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$/i;
const EXPLANATION_LINE = /^\s*(?:[-*+]\s+)?(?:>\s*)?(?:\*\*|__)?\s*(?:explanation|해설|설명)\s*(?:\*\*|__)?\s*[:：]\s*(?:\*\*|__)?\s*(.*)$/i;
const OPTION_EXPLANATION = /^\s{2,}[-*+]\s+(?:정답|오답|correct|incorrect|wrong|why)\s*[:：]\s*(.*)$/i;
const LABEL_ONLY = /^(?:Q(?:uestion)?\s*\.?\s*\d+|문제\s*\d+|\d+)\s*[.:)]?$/i;

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " ", ndash: "–", mdash: "—", hellip: "…",
  lsquo: "‘", rsquo: "’", ldquo: "“", rdquo: "”", middot: "·", times: "×", copy: "©", reg: "®", trade: "™",
};

/**
 * One pass over character references, as CommonMark does: named ones we know, decimal and hex
 * numeric ones (`&#60;`, `&#x3C;`); an invalid code point becomes U+FFFD. One pass means
 * `&amp;lt;` stays the text "&lt;".
 */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([A-Za-z][A-Za-z0-9]{1,31}));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole;
    const code = decimal !== undefined ? Number(decimal) : Number.parseInt(hex ?? "", 16);
    const valid = code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
    return String.fromCodePoint(valid ? code : 0xfffd);
  });
}

/** What plainText replaced, so the importer can say so (file:line). */
export interface InlineFindings {
  images: { alt: string; src: string }[];
}

/**
 * Question text is plain text with `code` spans (components/questions/rich-text.tsx), so an
 * image cannot be shown inline: it becomes a labelled placeholder that keeps its alt text and,
 * when it is on the web, its address. A relative path points at a file the upload never had.
 */
export function imagePlaceholder(alt: string, src: string): string {
  const label = alt.trim() || "이미지";
  if (/^https?:\/\//i.test(src)) return `[그림: ${label} — ${src}]`;
  // A data: URI is the picture itself, often tens of kilobytes: name it, do not print it.
  const where = /^data:/i.test(src) ? "파일 안에 들어 있던 그림" : src || "주소 없음";
  return `[그림: ${label} (그림 파일은 가져오지 않았습니다: ${where})]`;
}

const CODE_SPAN = /(?<!`)(`+)(?!`)([^\n]*?[^`\n])\1(?!`)/g;
const IMAGE = /!\[([^\]\n]*)\]\(\s*<?([^\s)>]*)>?(?:\s+["'(][^\n)]*["')])?\s*\)/g;
const HTML_IMAGE = /<img\b[^>]*>/gi;
const LINK = /(?<!!)\[([^\]\n]+)\]\(\s*<?([^\s)>]+)>?(?:\s+["'(][^\n)]*["')])?\s*\)/g;
// CommonMark autolinks: <scheme:…> (scheme 2–32 characters, no spaces or angle brackets) and <address@host>.
const AUTOLINK = /<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^\s<>]*|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*)>/g;
// A tag is `<name …>` or `</name>`; "a < b" and "<3" are text.
const HTML_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>|<!--[\s\S]*?-->/g;

function attribute(tag: string, name: string): string {
  const match = new RegExp(`\\b${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, "i").exec(tag);
  return decodeEntities(match?.[1] ?? match?.[2] ?? match?.[3] ?? "");
}

/**
 * Plain text from a line that may hold inline markdown and HTML. Code spans stay verbatim with
 * their backticks (CommonMark: no HTML, entities or emphasis inside them), links and autolinks
 * keep their address as text, images become a placeholder (imagePlaceholder), other HTML is
 * reduced to its text (`<script>`/`<style>` bodies go entirely), character references are
 * decoded, and the result is in Unicode NFC.
 */
export function plainText(text: string, findings?: InlineFindings): string {
  return plainTextOf(text, findings);
}

function plainTextOf(text: string, findings?: InlineFindings): string {
  // Pieces that must survive the HTML and emphasis passes untouched wait behind a placeholder.
  const kept: string[] = [];
  const keep = (value: string) => `\u0000${kept.push(value) - 1}\u0000`;
  const image = (alt: string, src: string) => {
    findings?.images.push({ alt, src });
    return keep(imagePlaceholder(alt, src));
  };
  const result = text
    .replace(/\u0000/g, "")
    .replace(CODE_SPAN, (span) => keep(span))
    .replace(IMAGE, (_, alt: string, src: string) => image(decodeEntities(alt), src))
    .replace(HTML_IMAGE, (tag) => image(attribute(tag, "alt"), attribute(tag, "src")))
    // The label goes on through the passes below; the address is kept as written.
    .replace(LINK, (_, label: string, href: string) => (label.trim() === href ? keep(href) : `${label} (${keep(href)})`))
    .replace(AUTOLINK, (_, address: string) => keep(address))
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, "")
    .replace(/<br\s*\/?>/gi, " ")
    .replace(HTML_TAG, "")
    .replace(/(\*\*|__)(.+?)\1/g, "$2");
  return decodeEntities(result)
    .replace(/\u0000(\d+)\u0000/g, (_, index: string) => kept[Number(index)] ?? "")
    .replace(/[\u200b\ufeff]/g, "")
    .replace(/[ \t\u00a0]+/g, " ")
    .normalize("NFC")
    .trim();
}

/**
 * Two stems are the same question when they differ only in case, spacing (any Unicode space,
 * including none where the other has one) or Unicode normal form: banks copied between editors
 * gain and lose spaces around punctuation and particles.
 */
export function stemKey(stem: string): string {
  return stem.normalize("NFC").toLowerCase().replace(/[\s\u200b\u200c\u200d\u2060\ufeff]+/g, "");
}

interface Block {
  line: number;
  title: string | null;
  headingDepth: number | null;
  lines: { text: string; line: number }[];
}

/** Splits at headings; when no heading block holds options, at numbered lines (`1. …`) instead. */
function splitBlocks(lines: string[]): Block[] {
  const byHeading: Block[] = [];
  const byNumber: Block[] = [];
  let fence = false;
  let heading: Block | null = null;
  let numbered: Block | null = null;
  lines.forEach((text, index) => {
    const line = index + 1;
    if (FENCE.test(text)) fence = !fence;
    const headingMatch = fence ? null : HEADING.exec(text);
    if (headingMatch) {
      heading = { line, title: headingMatch[2] ?? "", headingDepth: (headingMatch[1] ?? "#").length, lines: [] };
      byHeading.push(heading);
      numbered = null;
      return;
    }
    const numberMatch = fence ? null : NUMBERED.exec(text);
    if (numberMatch && !/^\s/.test(text)) {
      numbered = { line, title: numberMatch[2] ?? "", headingDepth: null, lines: [] };
      byNumber.push(numbered);
    } else {
      (numbered as Block | null)?.lines.push({ text, line });
    }
    (heading as Block | null)?.lines.push({ text, line });
  });
  // Whichever split yields more blocks that hold options is how this file marks its questions.
  const hasOptions = (block: Block) => block.lines.some((entry) => CHECKBOX_OPTION.test(entry.text) || LETTER_OPTION.test(entry.text));
  return byNumber.filter(hasOptions).length > byHeading.filter(hasOptions).length ? byNumber : byHeading;
}

function parseAnswerLetters(raw: string): string[] {
  const text = plainText(raw).toUpperCase();
  const compact = text.replace(/[\s.]/g, "");
  if (/^[A-H]+$/.test(compact)) return [...compact];
  return [...text.matchAll(/(?<![A-Z])([A-H])(?![A-Z])/g)].map((match) => match[1] ?? "");
}

type BlockReading = { kind: "question"; draft: ImportedDraft; warnings: ImportProblem[] } | { kind: "section"; section: ImportSection } | { kind: "skipped"; problem: ImportProblem };

function readBlock(block: Block): BlockReading {
  const report = (line: number, message: string): BlockReading => ({ kind: "skipped", problem: { line, message } });
  const findings: InlineFindings = { images: [] };
  const plainText = (text: string) => plainTextOf(text, findings);
  const stemLines: string[] = [];
  const title = block.title ? plainText(block.title).replace(/^\d+\s*[.)]\s+/, "") : "";
  if (title && !LABEL_ONLY.test(title)) stemLines.push(title);

  const checkbox: { text: string; correct: boolean; line: number; why?: string }[] = [];
  const lettered: { letter: string; text: string; line: number; why?: string }[] = [];
  const answers: { letters: string[]; line: number }[] = [];
  let explanation: string[] | null = null;
  let inOptions = false;
  let fence = false;
  let last: { text: string; why?: string } | null = null;

  for (const { text, line } of block.lines) {
    if (FENCE.test(text)) fence = !fence;
    if (fence) {
      if (!inOptions) stemLines.push(text);
      continue;
    }
    const checkboxMatch = CHECKBOX_OPTION.exec(text);
    if (checkboxMatch) {
      const body = plainText(checkboxMatch[2] ?? "");
      const prefixed = LETTER_PREFIX.exec(body);
      const entry = { text: prefixed ? (prefixed[2] ?? "") : body, correct: checkboxMatch[1] !== " ", line };
      checkbox.push(entry);
      last = entry;
      inOptions = true;
      explanation = null;
      continue;
    }
    // An indented "- 정답: …" under an option explains that option (our own bank format).
    const optionWhy = last ? OPTION_EXPLANATION.exec(text) : null;
    if (optionWhy && last) {
      last.why = plainText(optionWhy[1] ?? "");
      continue;
    }
    const answerMatch = ANSWER_LINE.exec(text);
    if (answerMatch) {
      answers.push({ letters: parseAnswerLetters(answerMatch[1] ?? ""), line });
      inOptions = true;
      explanation = null;
      last = null;
      continue;
    }
    const explanationMatch = EXPLANATION_LINE.exec(text);
    if (explanationMatch) {
      explanation = [plainText(explanationMatch[1] ?? "")];
      inOptions = true;
      last = null;
      continue;
    }
    const letterMatch = LETTER_OPTION.exec(text);
    // Before any stem, only a real list item ("- A) …", "A) …") counts as an option, so a stem
    // that happens to begin "A. …" is not mistaken for one.
    if (letterMatch && (stemLines.length > 0 || lettered.length > 0 || /^\s*(?:[-*+]\s|\(?[A-Ha-h]\))/.test(text))) {
      const entry = { letter: (letterMatch[1] ?? "").toUpperCase(), text: plainText(letterMatch[2] ?? ""), line };
      lettered.push(entry);
      last = entry;
      inOptions = true;
      explanation = null;
      continue;
    }
    const plain = plainText(text.replace(/^\s*>\s?/, ""));
    if (plain === "") {
      last = null;
      continue;
    }
    if (explanation) explanation.push(plain);
    else if (!inOptions) stemLines.push(plain);
    else if (last && /^\s{2,}\S/.test(text)) {
      if (last.why !== undefined) last.why = `${last.why} ${plain}`.trim();
      else last.text = `${last.text} ${plain}`.trim();
    }
    // Other prose after the options (links, notes) is ignored rather than guessed at.
  }

  const stem = stemLines.join("\n").trim();
  const optionCount = checkbox.length + lettered.length;
  if (optionCount === 0 && answers.length === 0) {
    // Neither options nor an answer line: a section ("## Compute", "Support", "Table of
    // Contents"), even when its text asks something. Counted, not reported as a skipped question.
    return { kind: "section", section: { line: block.line, title: (block.title !== null ? plainText(block.title) : stem.split("\n")[0] ?? "").slice(0, 80) } };
  }
  if (stem === "") return report(block.line, "문제 본문이 비어 있습니다");
  if (checkbox.length > 0 && (lettered.length > 0 || answers.length > 0)) {
    return report(block.line, "한 문제에 두 형식이 섞여 있습니다 (- [x] 선택지와 A) 선택지 / Answer: 줄)");
  }

  let options: { key: string; text: string }[];
  const optionExplanations: Record<string, string> = {};
  let correct: string[];
  let format: "a" | "b";
  if (checkbox.length > 0) {
    format = "a";
    options = checkbox.map((entry, index) => ({ key: LETTERS[index] ?? "?", text: entry.text }));
    correct = checkbox.flatMap((entry, index) => (entry.correct ? [LETTERS[index] ?? "?"] : []));
    checkbox.forEach((entry, index) => {
      if (entry.why) optionExplanations[LETTERS[index] ?? "?"] = entry.why;
    });
    const empty = checkbox.find((entry) => entry.text === "");
    if (empty) return report(empty.line, "빈 선택지가 있습니다");
    if (correct.length === 0) return report(block.line, "정답 표시([x])가 없습니다");
  } else {
    format = "b";
    if (lettered.length === 0) return report(block.line, "선택지가 없습니다 (A) … 형식의 줄이 없습니다)");
    const expected = lettered.map((_, index) => LETTERS[index]);
    const wrongOrder = lettered.find((entry, index) => entry.letter !== expected[index]);
    if (wrongOrder) {
      const duplicate = lettered.filter((entry) => entry.letter === wrongOrder.letter).length > 1;
      return report(wrongOrder.line, duplicate ? `선택지 글자 ${wrongOrder.letter} 가 두 번 나옵니다` : `선택지 글자가 A부터 차례가 아닙니다 (${wrongOrder.letter})`);
    }
    const empty = lettered.find((entry) => entry.text === "");
    if (empty) return report(empty.line, `선택지 ${empty.letter} 가 비어 있습니다`);
    options = lettered.map((entry) => ({ key: entry.letter, text: entry.text }));
    for (const entry of lettered) if (entry.why) optionExplanations[entry.letter] = entry.why;
    if (answers.length === 0) return report(block.line, "정답 줄(**Answer:** A)이 없습니다");
    if (answers.length > 1) return report(answers[1]?.line ?? block.line, "정답 줄이 두 번 있습니다");
    const answer = answers[0];
    correct = [...new Set(answer?.letters ?? [])];
    if (correct.length === 0) return report(answer?.line ?? block.line, "정답 줄에 선택지 글자가 없습니다");
    const missing = correct.filter((letter) => !options.some((option) => option.key === letter));
    if (missing.length > 0) return report(answer?.line ?? block.line, `정답 ${missing.join(", ")} 가 선택지에 없습니다`);
  }

  if (options.length < 2) return report(block.line, `선택지가 ${options.length}개뿐입니다 (2개 이상 필요)`);
  const warnings: ImportProblem[] = [];
  const extraNotes: string[] = [];
  if (options.length > MAX_OPTIONS) {
    const extra = options.slice(MAX_OPTIONS);
    const lastShown = LETTERS[MAX_OPTIONS - 1];
    const correctExtra = extra.filter((option) => correct.includes(option.key)).map((option) => option.key);
    if (correctExtra.length > 0) {
      return report(block.line, `선택지가 ${options.length}개이고 정답 ${correctExtra.join(", ")} 가 ${lastShown} 뒤에 있습니다 (앱은 선택지를 A–${lastShown} ${MAX_OPTIONS}개까지 보여 줍니다)`);
    }
    const keys = extra.map((option) => option.key);
    warnings.push({ line: block.line, message: `선택지가 ${options.length}개라 오답 ${keys.join(", ")} 를 빼고 가져왔습니다 (앱은 A–${lastShown} ${MAX_OPTIONS}개까지 보여 줍니다). 뺀 선택지는 해설에 남겼습니다` });
    extraNotes.push(`가져올 때 뺀 오답 선택지 (앱은 A–${lastShown} 까지 보여 줍니다): ${extra.map((option) => `${option.key}. ${option.text}`).join(" / ")}`);
    options = options.slice(0, MAX_OPTIONS);
    for (const key of keys) delete optionExplanations[key];
  }
  const seen = new Map<string, string>();
  for (const option of options) {
    const key = option.text.toLowerCase().replace(/\s+/g, " ");
    const first = seen.get(key);
    if (first) return report(block.line, `선택지 ${option.key} 가 선택지 ${first} 와 같습니다`);
    seen.set(key, option.key);
  }
  if (correct.length === options.length) return report(block.line, "모든 선택지가 정답으로 표시되었습니다");
  const hint = chooseHintCount(stem);
  if (hint !== null && hint !== correct.length) return report(block.line, `"Choose ${hint}" 힌트와 정답 ${correct.length}개가 다릅니다`);
  const chooseCount = correct.length > 1 ? correct.length : null;
  if (findings.images.length > 0) {
    const listed = findings.images.map((found) => found.alt.trim() || found.src || "이미지").slice(0, 3).join(", ");
    warnings.push({ line: block.line, message: `그림 ${findings.images.length}개는 보여 줄 수 없어 [그림: …] 자리표시로 바꿨습니다 (${listed})` });
  }
  const general = [explanation?.join("\n").trim(), ...extraNotes].filter(Boolean).join("\n\n");
  return { kind: "question", draft: { line: block.line, format, stem, options, correct, chooseCount, explanation: general || null, optionExplanations }, warnings };
}

export function parseCommunityBank(content: string): ImportParseResult {
  const lines = splitLines(content);
  const skipped: ImportProblem[] = [];
  const warnings: ImportProblem[] = [];
  const sections: ImportSection[] = [];
  const questions: ImportedDraft[] = [];
  const stems = new Map<string, number>();
  for (const block of splitBlocks(lines)) {
    const reading = readBlock(block);
    if (reading.kind === "section") {
      sections.push(reading.section);
      continue;
    }
    if (reading.kind === "skipped") {
      skipped.push(reading.problem);
      continue;
    }
    const { draft } = reading;
    const key = stemKey(draft.stem);
    const first = stems.get(key);
    if (first !== undefined) {
      skipped.push({ line: draft.line, message: `중복 문제입니다 (${first}번 줄과 같음)` });
      continue;
    }
    stems.set(key, draft.line);
    questions.push(draft);
    warnings.push(...reading.warnings);
  }
  if (questions.length === 0 && skipped.length === 0) skipped.push({ line: 1, message: "문제를 찾지 못했습니다 (### 제목 + - [x] 선택지, 또는 - A) 선택지 + **Answer:** 줄)" });
  skipped.sort((a, b) => a.line - b.line);
  return { questions, skipped, warnings, sections };
}
