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

function readFrontMatter(path: string, lines: string[]): FrontMatterResult {
  if (lines[0]?.trimEnd() !== "---") return { frontMatter: null, lines: 0, warnings: [] };
  const limit = Math.min(lines.length, 500);
  let close = -1;
  for (let i = 1; i < limit; i++) {
    const line = lines[i]!.trimEnd();
    if (line === "---" || line === "...") {
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
  const document = parseDocument(yamlText, { prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const yamlLine = yamlText.slice(0, error.pos[0]).split("\n").length;
    const reason = error.message.split("\n")[0] ?? error.message;
    return {
      frontMatter: null,
      lines: close + 1,
      warnings: [{ file: path, line: yamlLine + 1, message: `front matter(YAML)를 읽을 수 없습니다: ${reason}` }],
    };
  }
  const value: unknown = document.toJS();
  if (value === null || value === undefined) return { frontMatter: {}, lines: close + 1, warnings: [] };
  if (typeof value !== "object" || Array.isArray(value)) {
    return {
      frontMatter: null,
      lines: close + 1,
      warnings: [{ file: path, line: 2, message: "front matter는 `키: 값` 형식이어야 합니다" }],
    };
  }
  return { frontMatter: value as Record<string, unknown>, lines: close + 1, warnings: [] };
}

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
      previousBlank = false;
      continue;
    }
    if (htmlEnd) {
      if (htmlEnd.test(line)) htmlEnd = null;
      segmentChars += line.length + 1;
      previousBlank = line.trim() === "";
      continue;
    }

    const open = FENCE_OPEN.exec(line);
    if (open && !(open[1]![0] === "`" && open[2]!.includes("`"))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
    } else {
      const block = HTML_BLOCKS.find((candidate) => candidate.start.test(line));
      if (block && !block.end.test(line.replace(block.start, ""))) htmlEnd = block.end;
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
      const current = lines[i]!;
      if (LINK_DEFINITION.test(current)) definitions.push(current.trim());
      if (ATX_HEADING.test(current)) {
        if (segmentChars >= minSegmentChars) closeSegment(i, false);
      } else if (
        segmentChars > maxSegmentChars &&
        ((previousBlank && SAFE_BLOCK_START.test(current)) || LIST_ITEM_START.test(current))
      ) {
        closeSegment(i, true);
      }
    }
    segmentChars += lines[i]!.length + 1;
    previousBlank = lines[i]!.trim() === "";
  }
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
