// Line-level pass over a note before remark sees it. It is cheap (regexes per line) and runs
// on the main thread; everything it removes keeps its line so positions stay true to the file.
// - zero-width spaces removed; front matter read with `yaml` (errors become warnings with a line)
// - page markers (`p 175`, `P215`, `<font color="#c00000">P215</font>` alone on a line) become
//   source metadata, slash-only divider lines and pipe-only table debris disappear, and a
//   `# 목차` table of contents made of anchor links is skipped
// - the note is cut into segments at ATX headings outside code fences and HTML blocks, so remark
//   parses many small documents instead of one large one (its time grows faster than linearly
//   with document size, RECIPES.md); a segment holds at least `minSegmentChars` unless the note
//   ends. A section longer than `maxSegmentChars` is cut further at safe block boundaries
//   (blank line, then a line that can only start a new top-level block).
import { parseDocument } from "yaml";
import type { IngestWarning, PageMarker, ParseTask, ScannedNote, Segment } from "./types";

const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const WRAPPER_TAGS = /<\/?(?:font|span|b|strong|em|i|u|mark|small|sup|sub)\b[^>]*>/gi;
const PAGE_MARKER = /^(?:pp?\.?\s?|page\s|페이지\s?)(\d{1,4}(?:\s?[-–~]\s?\d{1,4})?)$/i;
const SLASH_DIVIDER = /^\/{3,}$/;
const PIPE_DEBRIS = /^\s*\|[\s|]*$/;
const TOC_HEADING = /^ {0,3}#{1,6}[ \t]+(?:목차|차례|table of contents|contents|toc)[ \t]*#*[ \t]*$/i;
const TOC_ITEM = /^\s*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[^\]]*\]\(#[^)]*\)\s*$/;
const TOC_PLACEHOLDER = /^\s*(?:\[(?:TOC|_TOC_)\]|\[\[_TOC_\]\])\s*$/i;
const ATX_HEADING = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE_OPEN = /^\s*(`{3,}|~{3,})(.*)$/;
const LINK_DEFINITION = /^ {0,3}\[(?!\^)[^\]]+\]:[ \t]*\S/;
const SAFE_BLOCK_START = /^(?![ \t]|>|\||[-*+][ \t]|\d{1,9}[.)](?:[ \t]|$)|<|\[|`{3}|~{3}|#|=|-{2,})\S/;
const LIST_ITEM_START = /^(?:[-*+]|\d{1,9}[.)])[ \t]\S/;

const HTML_BLOCKS: { start: RegExp; end: RegExp }[] = [
  { start: /^ {0,3}<(?:script|pre|style|textarea)(?:\s|>|$)/i, end: /<\/(?:script|pre|style|textarea)>/i },
  { start: /^ {0,3}<!--/, end: /-->/ },
  { start: /^ {0,3}<\?/, end: /\?>/ },
  { start: /^ {0,3}<![A-Za-z]/, end: />/ },
  { start: /^ {0,3}<!\[CDATA\[/, end: /\]\]>/ },
];

export const DEFAULT_MAX_SEGMENT_CHARS = 32_000;
// Measured on the 12 MB corpus: one remark call per heading section spends a good part of its
// time setting up the parser, while whole 24 KB files parse ~40% slower. Between those, ~1 KB
// segments beat ~3 KB ones by 8–20% when two parses run side by side, as the workers do
// (six alternating pairs, 1.5 MB each): less of each parse is still alive when V8 collects its
// young generation, so less is copied and promoted.
export const DEFAULT_MIN_SEGMENT_CHARS = 1_000;

export function normalizeNoteText(raw: string): string {
  return raw.replace(/\r\n?/g, "\n").replace(ZERO_WIDTH, "");
}

/** The marker text of a page-marker line (`p 175` → "175"), or null. */
export function readPageMarker(line: string): string | null {
  // Cheap rejection first: this runs on every line of every note.
  if (line.length > 80 || !/\d/.test(line) || !/[pP페]/.test(line)) return null;
  const bare = line.replace(WRAPPER_TAGS, "").replace(/\*\*|__/g, "").trim();
  const match = PAGE_MARKER.exec(bare);
  return match?.[1] ? match[1].replace(/\s/g, "") : null;
}

export function isSlashDivider(line: string): boolean {
  if (!line.includes("///")) return false;
  return SLASH_DIVIDER.test(line.replace(WRAPPER_TAGS, "").trim());
}

interface FrontMatterResult {
  frontMatter: Record<string, unknown> | null;
  /** Number of lines (from the top) the front matter occupies; 0 when there is none. */
  lines: number;
  warnings: IngestWarning[];
}

// Front matter is small in every real note; a bigger block is skipped unread rather than
// handed to the YAML parser (whose time and memory grow with it).
export const MAX_FRONT_MATTER_CHARS = 64_000;
// yaml's own guard against alias bombs (`b: [*a, *a, …]` nested a few deep expands to
// billions of nodes). At the limit `toJS` throws, and the note is read without front matter.
const MAX_YAML_ALIASES = 100;
// A `---` far down a note that starts with a thematic break is not the end of front matter.
// Front matter this long is still read when it is YAML; when it is not, it is body text.
const LONG_FRONT_MATTER_LINES = 500;

function firstLineMatching(text: string, pattern: RegExp): number {
  const lines = text.split("\n");
  const index = lines.findIndex((line) => pattern.test(line));
  return index < 0 ? 1 : index + 1;
}

function readFrontMatter(path: string, lines: string[]): FrontMatterResult {
  if (lines[0]?.trimEnd() !== "---") return { frontMatter: null, lines: 0, warnings: [] };
  let close = -1;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.charCodeAt(0) !== 45 && line.charCodeAt(0) !== 46) continue; // "-" or "."
    const trimmed = line.trimEnd();
    if (trimmed === "---" || trimmed === "...") {
      close = i;
      break;
    }
  }
  if (close < 0) {
    return {
      frontMatter: null,
      lines: 0,
      warnings: [{ file: path, line: 1, message: "front matter가 닫히지 않았습니다: 첫 줄의 --- 에 맞는 닫는 --- 줄이 없습니다" }],
    };
  }
  const yamlText = lines.slice(1, close).join("\n");
  const skipped = (line: number, message: string): FrontMatterResult =>
    close > LONG_FRONT_MATTER_LINES
      ? { frontMatter: null, lines: 0, warnings: [{ file: path, line, message: `${message} — ${close + 1}줄에 걸친 블록이라 front matter가 아니라 본문으로 읽었습니다` }] }
      : { frontMatter: null, lines: close + 1, warnings: [{ file: path, line, message }] };
  if (yamlText.length > MAX_FRONT_MATTER_CHARS) {
    return skipped(1, `front matter가 너무 큽니다 (${yamlText.length.toLocaleString("en-US")}자, 최대 ${MAX_FRONT_MATTER_CHARS.toLocaleString("en-US")}자): 읽지 않았습니다`);
  }
  let value: unknown;
  try {
    const document = parseDocument(yamlText, { prettyErrors: false });
    const error = document.errors[0];
    if (error) {
      const yamlLine = yamlText.slice(0, error.pos[0]).split("\n").length;
      const reason = error.message.split("\n")[0] ?? error.message;
      return skipped(yamlLine + 1, `front matter(YAML)를 읽을 수 없습니다: ${reason}`);
    }
    value = document.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    // yaml throws (rather than reporting) on alias bombs and on nesting deep enough to
    // exhaust the stack; the line named is the first alias, where a bomb goes off.
    const reason = error instanceof Error ? error.message : String(error);
    const line = /alias/i.test(reason) ? firstLineMatching(yamlText, /(?:^|[\s[{,:-])\*[^\s,\]}]/) + 1 : 2;
    return skipped(line, `front matter(YAML)를 읽을 수 없습니다: ${/alias/i.test(reason) ? `별칭(*)이 너무 많습니다 (최대 ${MAX_YAML_ALIASES}개)` : reason}`);
  }
  if (value === null || value === undefined) return { frontMatter: {}, lines: close + 1, warnings: [] };
  if (typeof value !== "object" || Array.isArray(value)) return skipped(2, "front matter는 `키: 값` 형식이어야 합니다");
  return { frontMatter: value as Record<string, unknown>, lines: close + 1, warnings: [] };
}

// Work bounds. remark's time is linear in most input but not in three shapes, so those are
// defused here, deterministically, before any parsing (a time box is neither a bound nor
// reproducible: the same note would be cut on a busy machine and kept on an idle one):
// - Nesting. Each line costs time in proportion to the containers (list items, quotes) it
//   sits in, and trees nested thousands deep overflow the stack. A line nested deeper than
//   MAX_NESTING (list and quote markers in its prefix, plus its indentation in pairs of
//   columns: a 2-space list at depth 20, a 4-space one at depth 10) is read as a plain
//   paragraph line.
// - Emphasis and link brackets. micromark matches `*`, `_`, `~` and `[` delimiters of one
//   paragraph (or heading, or table cell) against each other, quadratic in their number
//   (4,000 of them in 16 KB: 0.9 s; 8,000 nested: stack overflow). A paragraph with more than
//   MAX_DELIMITERS of either kind has them escaped: they show as written.
// - Size after weighting. Every line counts its length times (1 + nesting / 4), plus the
//   square of its paragraph's delimiters / 32 (measured against flat prose); once a note's
//   total passes MAX_NOTE_WORK (5 MB of flat prose, the note size limit) the rest of the note
//   is left out. Every change is a warning naming the line.
export const MAX_NESTING = 20;
export const MAX_DELIMITERS = 256;
export const MAX_NOTE_WORK = 5 * 1024 * 1024;
// - Paragraph length. A paragraph's time grows faster than its lines (lazy continuation lines
//   of a quote or list item: 8,000 lines, 72 KB, 1.3 s; nested quotes, 600 KB: 77 s). A
//   paragraph reaching MAX_PARAGRAPH_LINES is split there: the line joins the one before it
//   and its own line is left blank. Table rows weigh three times their length (a 20,000-row
//   table parses at ~3× the time of prose of the same size).
export const MAX_PARAGRAPH_LINES = 500;
/** At most this many guard warnings per note; the last one says how many more lines were affected. */
const MAX_GUARD_WARNINGS = 20;

/** Nesting of a line's block containers, and where its content starts after their markers. */
export function containerNesting(line: string): { nesting: number; contentStart: number; listMarker: boolean } {
  let i = 0;
  let columns = 0;
  let markers = 0;
  let listMarker = false;
  for (;;) {
    let code = line.charCodeAt(i);
    while (code === 32 || code === 9) {
      columns += code === 9 ? 4 : 1;
      code = line.charCodeAt(++i);
    }
    if (code === 62) {
      markers++; // ">"
      i++;
      continue;
    }
    let end = i;
    if (code === 45 || code === 42 || code === 43) end = i + 1; // "-", "*", "+"
    else {
      while (end - i < 9 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
      end = end > i && (line.charCodeAt(end) === 46 || line.charCodeAt(end) === 41) ? end + 1 : i; // "." or ")"
    }
    const after = line.charCodeAt(end);
    if (end > i && (after === 32 || after === 9 || Number.isNaN(after))) {
      markers++;
      listMarker = true;
      i = end;
      continue;
    }
    return { nesting: markers + (columns >> 1), contentStart: i, listMarker };
  }
}

/** `text` with its leading block syntax defused, so it reads as paragraph text. */
function asParagraphText(text: string): string {
  const numbered = /^(\d{1,9})([.)])/.exec(text);
  if (numbered) return `${numbered[1]}\\${numbered[2]}${text.slice(numbered[0].length)}`;
  return /^[!-/:-@[-`{-~]/.test(text) ? `\\${text}` : text;
}

const EMPHASIS_CHARS = /[*_~]/g;
const BRACKET_CHARS = /[[\]]/g;

/** Escapes emphasis or bracket characters outside code spans. */
function escapeDelimiters(line: string, emphasis: boolean, brackets: boolean): string {
  const pattern = emphasis && brackets ? /[*_~[\]]/g : emphasis ? EMPHASIS_CHARS : BRACKET_CHARS;
  return line
    .split(/(`+[^`]*`+)/)
    .map((part, index) => (index % 2 === 1 ? part : part.replace(pattern, (char) => `\\${char}`)))
    .join("");
}

function countDelimiters(line: string, from: number): { emphasis: number; brackets: number } {
  let emphasis = 0;
  let brackets = 0;
  for (let i = from; i < line.length; i++) {
    const code = line.charCodeAt(i);
    if (code === 42 || code === 95 || code === 126) emphasis++;
    else if (code === 91 || code === 93) brackets++;
  }
  return { emphasis, brackets };
}

const TABLE_DELIMITER_ROW = /^\s*\|?\s*:?-+:?\s*(?:\|\s*:?-+:?\s*)*\|?\s*$/;

export interface ScanOptions {
  maxSegmentChars?: number;
  minSegmentChars?: number;
}

export function scanNote(path: string, rawText: string, options: ScanOptions = {}): ScannedNote {
  const maxSegmentChars = options.maxSegmentChars ?? DEFAULT_MAX_SEGMENT_CHARS;
  const minSegmentChars = Math.min(options.minSegmentChars ?? DEFAULT_MIN_SEGMENT_CHARS, maxSegmentChars);
  const text = normalizeNoteText(rawText);
  const lines = text.split("\n");
  const front = readFrontMatter(path, lines);
  const warnings = [...front.warnings];
  const pageMarkers: PageMarker[] = [];
  const definitions: string[] = [];
  const segments: Segment[] = [];

  for (let i = 0; i < front.lines; i++) lines[i] = "";

  let fence: { char: string; length: number } | null = null;
  let htmlEnd: RegExp | null = null;
  let segmentStart = 0;
  let segmentChars = 0;
  let segmentContinuation = false;
  let previousBlank = true;

  // The paragraph (or heading, or table row) being counted for the delimiter bound.
  let unitStart = -1;
  let unitEmphasis = 0;
  let unitBrackets = 0;
  let unitLines = 0;
  let inTable = false;
  let previousHeading = false;
  let work = 0;
  let guardWarnings = 0;
  let guardOverflow = 0;
  const guardWarning = (line: number, message: string) => {
    if (guardWarnings < MAX_GUARD_WARNINGS) warnings.push({ file: path, line, message });
    else guardOverflow++;
    guardWarnings++;
  };
  const closeUnit = (endExclusive: number) => {
    if (unitStart < 0) return;
    const emphasis = unitEmphasis > MAX_DELIMITERS;
    const brackets = unitBrackets > MAX_DELIMITERS;
    if (emphasis || brackets) {
      for (let k = unitStart; k < endExclusive; k++) lines[k] = escapeDelimiters(lines[k]!, emphasis, brackets);
      const what = [emphasis ? `강조 기호(*, _, ~) ${unitEmphasis}개` : "", brackets ? `대괄호 ${unitBrackets}개` : ""].filter(Boolean).join(", ");
      guardWarning(unitStart + 1, `한 문단에 ${what}가 있어 (최대 ${MAX_DELIMITERS}개) 기호를 글자 그대로 보여 줍니다`);
    }
    const delimiters = Math.min(unitEmphasis, MAX_DELIMITERS) + Math.min(unitBrackets, MAX_DELIMITERS);
    work += (delimiters * delimiters) / 32;
    unitStart = -1;
    unitEmphasis = 0;
    unitBrackets = 0;
    unitLines = 0;
  };

  const closeSegment = (endExclusive: number, nextIsContinuation: boolean) => {
    if (endExclusive > segmentStart) {
      segments.push({ startLine: segmentStart + 1, text: lines.slice(segmentStart, endExclusive).join("\n"), continuation: segmentContinuation });
    }
    segmentStart = endExclusive;
    segmentChars = 0;
    segmentContinuation = nextIsContinuation;
  };

  for (let i = front.lines; i < lines.length; i++) {
    const line = lines[i]!;

    if (fence) {
      const close = FENCE_OPEN.exec(line);
      if (close && close[1]![0] === fence.char && close[1]!.length >= fence.length && close[2]!.trim() === "") fence = null;
      segmentChars += line.length + 1;
      work += line.length;
      previousBlank = false;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
      segmentChars += line.length + 1;
      work += line.length;
      previousBlank = line.trim() === "";
      continue;
    }

    if (work > MAX_NOTE_WORK) {
      closeUnit(i);
      warnings.push({
        file: path,
        line: i + 1,
        message: `노트가 처리 한도를 넘어 (중첩과 강조 기호를 감안한 크기 ${MAX_NOTE_WORK / 1024 / 1024}MB) ${i + 1}번째 줄부터 끝(${lines.length}줄)까지는 가져오지 않았습니다. 노트를 나누어 주세요`,
      });
      for (let k = i; k < lines.length; k++) lines[k] = "";
      break;
    }

    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === "`" && open[2]!.includes("`"))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
      closeUnit(i);
    } else {
      const block = HTML_BLOCKS.find((candidate) => candidate.start.test(line));
      if (block && !block.end.test(line.replace(block.start, ""))) htmlEnd = block.end;
      if (htmlEnd) closeUnit(i);
    }

    if (!fence && !htmlEnd) {
      const page = readPageMarker(line);
      if (page) {
        pageMarkers.push({ line: i + 1, page });
        lines[i] = "";
      } else if (isSlashDivider(line) || PIPE_DEBRIS.test(line) || TOC_PLACEHOLDER.test(line)) {
        lines[i] = "";
      } else if (TOC_HEADING.test(line)) {
        let j = i + 1;
        let items = 0;
        while (j < lines.length && (lines[j]!.trim() === "" || TOC_ITEM.test(lines[j]!))) {
          if (lines[j]!.trim() !== "") items++;
          j++;
        }
        if (items > 0) {
          for (let k = i; k < j; k++) lines[k] = "";
          i = j - 1;
          previousBlank = true;
          continue;
        }
      }
      let current = lines[i]!;
      let { nesting, contentStart, listMarker } = containerNesting(current);
      if (nesting > MAX_NESTING) {
        // It stays in the paragraph it continues (lazily), so it counts with it.
        current = lines[i] = asParagraphText(current.slice(contentStart).trimStart());
        contentStart = 0;
        listMarker = false;
        guardWarning(i + 1, `목록·인용이 ${MAX_NESTING}단계보다 깊게 겹쳐 있어 (${nesting}단계) 이 줄은 평범한 문단으로 읽었습니다`);
      }
      if (unitLines >= MAX_PARAGRAPH_LINES && !listMarker && !inTable && i > 0 && contentStart < current.length) {
        lines[i - 1] = `${lines[i - 1]!} ${current.slice(contentStart).trim()}`;
        current = lines[i] = "";
        guardWarning(i + 1, `한 문단이 ${MAX_PARAGRAPH_LINES}줄을 넘어 여기서 나눴습니다 (이 줄의 내용은 앞 줄에 붙였습니다)`);
      }
      work += current.length * (inTable ? 3 : 1 + Math.min(nesting, MAX_NESTING) / 4);
      const blank = contentStart >= current.length || current.trim() === "";
      const heading = ATX_HEADING.test(current);
      if (blank) {
        closeUnit(i);
        inTable = false;
      } else {
        if (current.includes("|") && !inTable && unitStart === i - 1 && TABLE_DELIMITER_ROW.test(current) && current.includes("-")) inTable = true;
        // Each list item, heading and table row is inline content of its own; a quote line
        // may continue the paragraph before it, so it counts with it.
        if (unitStart < 0 || listMarker || heading || inTable || previousHeading) {
          closeUnit(i);
          unitStart = i;
        }
        unitLines++;
        const counts = countDelimiters(current, contentStart);
        unitEmphasis += counts.emphasis;
        unitBrackets += counts.brackets;
      }
      previousHeading = heading;
      if (LINK_DEFINITION.test(current)) definitions.push(current.trim());
      if (ATX_HEADING.test(current)) {
        if (segmentChars >= minSegmentChars) closeSegment(i, false);
      } else if (
        segmentChars > maxSegmentChars &&
        ((previousBlank && SAFE_BLOCK_START.test(current)) ||
          LIST_ITEM_START.test(current) ||
          // Past four times the limit, any unindented line after a blank one: it cannot
          // continue a list item or a quote, though a loose list may become two tight ones.
          // Parsing a section that never offers a safe boundary (nested quotes, 600 KB) in
          // one piece took 94 s.
          (segmentChars > 4 * maxSegmentChars && previousBlank && !blank && /^ ?\S/.test(current)))
      ) {
        closeSegment(i, true);
      }
    }
    segmentChars += lines[i]!.length + 1;
    previousBlank = lines[i]!.trim() === "";
  }
  closeUnit(lines.length);
  if (guardOverflow > 0) warnings.push({ file: path, line: lines.length, message: `같은 종류의 경고 ${guardOverflow}개를 더 생략했습니다` });
  closeSegment(lines.length, false);
  if (fence) {
    warnings.push({ file: path, line: lines.length, message: "닫히지 않은 코드 블록(```)이 파일 끝까지 이어집니다" });
  }

  return {
    path,
    frontMatter: front.frontMatter,
    segments,
    pageMarkers,
    definitions: definitions.join("\n"),
    warnings,
    lineCount: lines.length,
    byteLength: text.length,
  };
}

/** Groups a note's segments into worker tasks of at most about `maxTaskChars` characters. */
export function groupTasks(note: ScannedNote, maxTaskChars: number): ParseTask[] {
  const tasks: ParseTask[] = [];
  let current: Segment[] = [];
  let size = 0;
  for (const segment of note.segments) {
    if (current.length > 0 && size + segment.text.length > maxTaskChars) {
      tasks.push({ path: note.path, segments: current, definitions: note.definitions });
      current = [];
      size = 0;
    }
    current.push(segment);
    size += segment.text.length;
  }
  if (current.length > 0) tasks.push({ path: note.path, segments: current, definitions: note.definitions });
  return tasks;
}
