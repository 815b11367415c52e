// Raw HTML in notes (`<font color>`, `<span>`, `<br>`, pasted `<div>`s): keep the text, drop the
// markup. Tags that could execute or embed something (`<script>`, `<img onerror=…>`,
// `<iframe>`, …) are kept as visible, inert text instead of being silently swallowed, so the
// learner sees what the note contained. Nothing here ever becomes raw HTML in the output.
import type { Html, Nodes, PhrasingContent } from "mdast";

const SHOWN_AS_TEXT = new Set([
  "script", "style", "iframe", "frame", "frameset", "object", "embed", "img", "svg", "math", "form", "input",
  "button", "textarea", "select", "link", "meta", "base", "video", "audio", "source", "template", "applet",
]);

const PHRASING_PARENTS = new Set(["paragraph", "heading", "emphasis", "strong", "delete", "link", "linkReference", "tableCell"]);

const TOKEN = /<!--[\s\S]*?(?:-->|$)|<\/?([A-Za-z][\w:-]*)\b(?:[^>"']|"[^"]*"|'[^']*')*>/g;

const ENTITIES: Record<string, string> = { nbsp: "\u00a0", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", "#39": "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16) || 0xfffd);
    if (lower.startsWith("#")) return String.fromCodePoint(Number.parseInt(lower.slice(1), 10) || 0xfffd);
    return ENTITIES[lower] ?? whole;
  });
}

/** Phrasing nodes standing in for one raw HTML fragment. */
export function htmlToPhrasing(html: string): PhrasingContent[] {
  const out: PhrasingContent[] = [];
  let last = 0;
  const pushText = (value: string) => {
    if (!value) return;
    const previous = out[out.length - 1];
    if (previous?.type === "text") previous.value += value;
    else out.push({ type: "text", value });
  };
  for (const match of html.matchAll(TOKEN)) {
    pushText(decodeEntities(html.slice(last, match.index)));
    last = match.index + match[0].length;
    const name = match[1]?.toLowerCase();
    if (!name) continue; // comment
    if (SHOWN_AS_TEXT.has(name)) pushText(match[0]);
    else if (name === "br") out.push({ type: "break" });
  }
  pushText(decodeEntities(html.slice(last)));
  return out;
}

function hasVisibleText(nodes: PhrasingContent[]): boolean {
  return nodes.some((node) => node.type === "text" && node.value.trim() !== "");
}

/** A block of raw HTML usually starts and ends with a line break around its text. */
function trimEnds(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const head = out[0];
  if (head?.type === "text") out[0] = { ...head, value: head.value.replace(/^\s+/, "") };
  const tail = out[out.length - 1];
  if (tail?.type === "text") out[out.length - 1] = { ...tail, value: tail.value.replace(/\s+$/, "") };
  return out.filter((node) => !(node.type === "text" && node.value === ""));
}

/** What stands in for one raw HTML node, given the type of its parent. */
export function replaceHtml(node: Html, parentType: string): Nodes[] {
  const phrasing = htmlToPhrasing(node.value);
  if (PHRASING_PARENTS.has(parentType)) return phrasing;
  if (hasVisibleText(phrasing)) return [{ type: "paragraph", children: trimEnds(phrasing), position: node.position }];
  return [];
}
