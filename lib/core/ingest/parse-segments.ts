// The parse + render stage, run inside worker threads (lib/server/ingest/parse-worker.ts) or
// in-process: each segment is parsed on its own with remark + remark-gfm, the note-syntax
// transforms run over it, and it is cut into sections at its top-level headings. Output is
// plain data (html strings, text lines), cheap to send back to the main thread.
import type { Heading, Nodes, Root, RootContent } from "mdast";
import { gfmAutolinkLiteralFromMarkdown } from "mdast-util-gfm-autolink-literal";
import { gfmFootnoteFromMarkdown } from "mdast-util-gfm-footnote";
import { gfmStrikethroughFromMarkdown } from "mdast-util-gfm-strikethrough";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTaskListItemFromMarkdown } from "mdast-util-gfm-task-list-item";
import { toString } from "mdast-util-to-string";
import { gfmAutolinkLiteral } from "micromark-extension-gfm-autolink-literal";
import { gfmFootnote } from "micromark-extension-gfm-footnote";
import { gfmStrikethrough } from "micromark-extension-gfm-strikethrough";
import { gfmTable } from "micromark-extension-gfm-table";
import { gfmTaskListItem } from "micromark-extension-gfm-task-list-item";
import remarkParse from "remark-parse";
import { unified, type Processor } from "unified";
import { FACT_LINE_TRIGGER } from "./fact-patterns";
import { transformNoteSyntax } from "./plugins/note-syntax";
import { WIKI_PROTOCOL } from "./plugins/wiki-links";
import { renderGroups } from "./render";
import { collectTextLines, collectTopLevelLists, inlineText } from "./text-lines";
import type { FactLine, ParsedSection, ParseTask, Segment } from "./types";

const WIKI_HREF = new RegExp(`href="${WIKI_PROTOCOL}([^"]*)"`, "g");

// remark-gfm is these five micromark extensions and their mdast counterparts, in this order
// (micromark-extension-gfm, mdast-util-gfm). They are assembled here so that autolink literals
// can be left out, or their tree transform run only where it can find something.
const autolinkFromMarkdown = gfmAutolinkLiteralFromMarkdown();
const transformAutolinkLiterals = autolinkFromMarkdown.transforms![0]!;

function gfmExtensions(autolinks: boolean) {
  return function (this: Processor): void {
    const data = this.data();
    (data.micromarkExtensions ??= []).push(...(autolinks ? [gfmAutolinkLiteral()] : []), gfmFootnote(), gfmStrikethrough(), gfmTable(), gfmTaskListItem());
    (data.fromMarkdownExtensions ??= []).push(
      // The transform (a find-and-replace over every text node, four times) runs in parseGfm,
      // only on the paragraphs, headings and table cells whose text can hold an autolink.
      ...(autolinks ? [{ ...autolinkFromMarkdown, transforms: [] }] : []),
      gfmFootnoteFromMarkdown(),
      gfmStrikethroughFromMarkdown(),
      gfmTableFromMarkdown(),
      gfmTaskListItemFromMarkdown(),
    );
  };
}

const processor = unified().use(remarkParse).use(gfmExtensions(true)).freeze();
const processorWithoutAutolinks = unified().use(remarkParse).use(gfmExtensions(false)).freeze();

/**
 * Text that could hold a GFM autolink literal: every construct of
 * micromark-extension-gfm-autolink-literal and of mdast-util-gfm-autolink-literal's transform
 * needs `http://`, `https://` or `www.`, or an `@` between a name character and a dotted
 * domain (emails, `mailto:`, `xmpp:`).
 */
const AUTOLINK_POSSIBLE = /https?:\/\/|www\.|[\w+\-.]@[\w-]+\./i;

export function mayHoldAutolinkLiteral(text: string): boolean {
  return AUTOLINK_POSSIBLE.test(text);
}

/**
 * The text of `node` run together: every text node (with escapes and character references
 * decoded) plus inline code, which can only make the check err towards the full parse.
 */
function textValues(node: Nodes): string {
  return toString(node, { includeImageAlt: false, includeHtml: false });
}

const TRAILING_HANGUL = /[\u1100-\u11FF\u3130-\u318F\uAC00-\uD7A3]+$/;
const PARTICLE = /^(?:을|를|이|가|은|는|에|의|로|으로|에서|와|과|도|만|까지|부터|처럼|이나|나|이라|라|이고|이며)$/;

/**
 * GFM autolink literals end at whitespace or trailing punctuation only, so Korean written
 * straight after a URL ("www.example.com을 보세요") becomes part of it (…com%EC%9D%84). A
 * literal link (its source is exactly its text: not `<…>`, not `[…](…)`) whose text ends in
 * Hangul gives that Hangul back to the text after it — unless the Hangul is a whole path
 * segment or query value (`/wiki/서울`, `?q=람다`) and not a particle (`…/ko/을`).
 * This is the one place the parse differs from remark-gfm (parse-segments.test.ts).
 */
export function returnHangulFromAutolinks(parent: { children: Nodes[] }): void {
  const children = parent.children;
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type !== "link") {
      if ("children" in child) returnHangulFromAutolinks(child as { children: Nodes[] });
      continue;
    }
    const only = child.children.length === 1 ? child.children[0] : undefined;
    if (only?.type !== "text") continue;
    const text = only.value;
    const literal = child.url === text || child.url === `http://${text}` || child.url === `mailto:${text}`;
    const start = child.position?.start.offset;
    const end = child.position?.end.offset;
    if (!literal || (start !== undefined && end !== undefined && end - start !== text.length)) continue;
    const hangul = TRAILING_HANGUL.exec(text);
    if (!hangul || hangul.index === 0) continue;
    if (/[/=]/.test(text[hangul.index - 1]!) && !PARTICLE.test(hangul[0])) continue;
    const kept = text.slice(0, hangul.index);
    child.url = child.url.slice(0, child.url.length - hangul[0].length);
    only.value = kept;
    if (child.position) child.position = { start: child.position.start, end: { ...child.position.end, column: child.position.end.column - hangul[0].length, offset: end! - hangul[0].length } };
    const next = children[i + 1];
    if (next?.type === "text") next.value = hangul[0] + next.value;
    else children.splice(i + 1, 0, { type: "text", value: hangul[0] });
  }
}

/**
 * The autolink transform, on each paragraph, heading and table cell whose text holds a trigger.
 * It works text node by text node (skipping links), so running it on those containers changes
 * exactly what running it on the whole tree would.
 */
function linkLiterals(node: Nodes): void {
  if (node.type === "paragraph" || node.type === "heading" || node.type === "tableCell") {
    if (mayHoldAutolinkLiteral(textValues(node))) {
      transformAutolinkLiterals(node as unknown as Root);
      returnHangulFromAutolinks(node);
    }
    return;
  }
  if ("children" in node) for (const child of node.children) linkLiterals(child);
}

/**
 * remark + remark-gfm, without paying for autolink literals where there can be none. The
 * extension costs about a fifth of the parse (a check at every word start, then a
 * find-and-replace over every text node), yet it can only change text that holds a trigger.
 * Text nodes are verbatim slices of the source except where a backslash escape or a character
 * reference (`&#64;`) is decoded, so a source without a trigger, `\` or `&` is parsed without
 * the extension; one with `\` or `&` but no trigger is parsed without it and checked again on
 * its decoded text. The checks can only err towards the full parse. A unit test compares the
 * result with remark-gfm's on every segment of the notes and fixtures.
 */
function parseGfm(text: string): Root {
  if (!mayHoldAutolinkLiteral(text)) {
    const tree = processorWithoutAutolinks.parse(text) as Root;
    if ((!text.includes("&") && !text.includes("\\")) || !mayHoldAutolinkLiteral(textValues(tree))) return tree;
  }
  const tree = processor.parse(text) as Root;
  linkLiterals(tree);
  return tree;
}

export interface ParseContext {
  /** Asset path for an image URL in this note, or null when the image is missing. */
  resolveImage: (url: string) => string | null;
}

/** remark's tree for one segment with every note-syntax transform applied. */
export function parseMarkdown(text: string, context: ParseContext, options: { transform?: boolean } = {}): Root {
  const tree = parseGfm(text);
  if (options.transform !== false) transformNoteSyntax(tree, context);
  return tree;
}

/** A segment the parser or renderer gave up on; `line` is the file line it starts at. */
export class SegmentParseError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = "SegmentParseError";
  }
}

export function parseTask(task: ParseTask, context: ParseContext): ParsedSection[] {
  const sections: ParsedSection[] = [];
  for (const segment of task.segments) {
    try {
      sections.push(...parseSegment(segment, task.definitions, context));
    } catch (error) {
      // scan.ts bounds what is known to overflow the stack; anything else still names its place.
      throw new SegmentParseError(segment.startLine, error instanceof Error ? error.message : String(error));
    }
  }
  return sections;
}

interface Group {
  heading: Heading | null;
  headingText: string;
  nodes: RootContent[];
}

function startOf(node: RootContent | Heading | null | undefined): number | undefined {
  return node?.position?.start.line;
}

export function parseSegment(segment: Segment, definitions: string, context: ParseContext): ParsedSection[] {
  const lines = segment.text.split("\n");
  const source = definitions ? `${segment.text}\n\n${definitions}\n` : segment.text;
  const tree = parseMarkdown(source, context);
  const offset = segment.startLine - 1;

  const definitionNodes = tree.children.filter((node) => node.type === "definition");
  const groups: Group[] = [];
  let current: Group = { heading: null, headingText: "", nodes: [] };
  for (const node of tree.children) {
    const line = startOf(node) ?? 0;
    if (line > lines.length) continue; // the appended link definitions
    if (node.type === "heading") {
      const headingText = inlineText(node.children).replace(/\s+/g, " ").trim();
      if (headingText) {
        if (current.heading || current.nodes.length > 0) groups.push(current);
        current = { heading: node, headingText, nodes: [] };
        continue;
      }
    }
    current.nodes.push(node);
  }
  if (current.heading || current.nodes.length > 0) groups.push(current);

  const starts = groups.map((group, index) => startOf(group.heading) ?? (index === 0 ? 1 : (startOf(group.nodes[0]) ?? 1)));
  const htmls = renderGroups([...groups.flatMap((group) => group.nodes), ...definitionNodes], starts);

  return groups.map((group, index) => {
    const next = groups[index + 1];
    const startLine = starts[index]!;
    let endLine = next ? (startOf(next.heading) ?? startOf(next.nodes[0]) ?? lines.length + 1) - 1 : lines.length;
    while (endLine > startLine && lines[endLine - 1]!.trim() === "") endLine--;
    const bodyStart = group.heading ? (group.heading.position?.end.line ?? startLine) + 1 : startLine;
    const textLines = collectTextLines(group.nodes, offset, true);
    const factLines: FactLine[] = textLines
      .filter((line) => !line.code && FACT_LINE_TRIGGER.test(line.text))
      .map(({ line, text, context: lineContext }) => ({ line, text, context: lineContext }));
    const html = htmls[index]!;
    // The rendered placeholders name every wiki link of the section (cheaper than another tree walk).
    const wikiTargets = html.includes(WIKI_PROTOCOL)
      ? [...html.matchAll(WIKI_HREF)].map((match) => decodeURIComponent(match[1]!))
      : [];
    return {
      heading: group.heading ? { depth: group.heading.depth, text: group.headingText, line: startLine + offset } : null,
      startLine: startLine + offset,
      endLine: endLine + offset,
      bodyStartLine: bodyStart + offset,
      markdown: "",
      html,
      plainText: textLines.map((line) => line.text).join("\n"),
      factLines,
      lists: collectTopLevelLists(group.nodes),
      wikiTargets,
    };
  });
}
