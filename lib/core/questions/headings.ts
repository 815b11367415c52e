// Note headings as question sources refer to them: `file.md#heading`, where the heading is the
// text the reader sees (markdown markup stripped). Both the bank's reference and the note's
// heading go through `normalizeHeading`, so `##### [라우팅 정책](https://…)` matches
// `route53-acm-alb-ecs.md#라우팅 정책`.

export interface NoteHeading {
  /** heading text with markup stripped */
  text: string;
  depth: number;
  /** 1-based line of the heading */
  line: number;
}

/** Strips inline markdown/HTML, collapses whitespace and trims. */
export function normalizeHeading(raw: string): string {
  let text = raw.replace(/\u200b|\ufeff/g, "");
  text = text.replace(/^\s{0,3}#{1,6}(\s+|$)/, "").replace(/\s+#+\s*$/, "");
  text = text.replace(/!?\[\[([^\]|]+)\|([^\]]+)\]\]/g, "$2").replace(/!?\[\[([^\]]+)\]\]/g, "$1");
  text = text.replace(/!\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/\[([^\]]*)\]\([^)]*\)/g, "$1");
  text = text.replace(/<[^>]+>/g, "");
  text = text.replace(/(\*\*|__)(.+?)\1/g, "$2").replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, "$1$2");
  text = text.replace(/~~(.+?)~~/g, "$1").replace(/`([^`]*)`/g, "$1");
  text = text.replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">");
  return text.replace(/\s+/g, " ").trim();
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ATX = /^\s{0,3}(#{1,6})(?:\s+(.*)|\s*)$/;

/** ATX headings outside fenced code blocks, in document order. */
export function extractHeadings(markdown: string): NoteHeading[] {
  const headings: NoteHeading[] = [];
  let fence: string | null = null;
  const lines = markdown.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  lines.forEach((line, index) => {
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? "";
      if (fence === null) fence = marker.slice(0, 3);
      else if (marker.startsWith(fence)) fence = null;
      return;
    }
    if (fence !== null) return;
    const match = ATX.exec(line);
    if (!match) return;
    const text = normalizeHeading(match[2] ?? "");
    if (text) headings.push({ text, depth: (match[1] ?? "#").length, line: index + 1 });
  });
  return headings;
}

/** The heading whose section contains `line` (the last heading at or above it). */
export function headingAtLine(headings: readonly NoteHeading[], line: number): NoteHeading | undefined {
  let found: NoteHeading | undefined;
  for (const heading of headings) {
    if (heading.line > line) break;
    found = heading;
  }
  return found;
}

export interface NoteSection {
  file: string;
  heading: string;
  /** line of the heading (1-based); 0 for text before the first heading */
  line: number;
  endLine: number;
  text: string;
}

/** Splits a note into heading sections (each section's own text, up to the next heading). */
export function splitSections(file: string, markdown: string): NoteSection[] {
  const lines = markdown.replace(/^\ufeff/, "").split(/\r\n|\r|\n/);
  const headings = extractHeadings(markdown);
  const sections: NoteSection[] = [];
  const starts = [{ text: "", line: 0 }, ...headings];
  starts.forEach((start, index) => {
    const next = starts[index + 1];
    const endLine = next ? next.line - 1 : lines.length;
    const text = lines.slice(start.line, endLine).join("\n");
    if (start.line === 0 && text.trim() === "") return;
    sections.push({ file, heading: start.text, line: start.line, endLine, text });
  });
  return sections;
}
