// Obsidian callouts: a blockquote whose first line is `[!type]`, with or without a space after
// `>`, an optional fold marker (`-`/`+`), an optional title, and an optional body. Rendered as
// <aside class="callout callout-<type>"> with a title element the UI can style.
import type { Blockquote, Paragraph, PhrasingContent } from "mdast";

const MARKER = /^\s*\[!([A-Za-z][\w-]*)\]([+-])?[ \t]*/;

const DEFAULT_TITLES: Record<string, string> = {
  note: "메모", tip: "팁", hint: "팁", info: "정보", question: "질문", faq: "질문", help: "질문",
  warning: "주의", caution: "주의", attention: "주의", danger: "위험", error: "오류", important: "중요",
  example: "예시", quote: "인용", cite: "인용", success: "완료", check: "완료", done: "완료",
  failure: "실패", fail: "실패", missing: "없음", bug: "버그", abstract: "요약", summary: "요약", tldr: "요약", todo: "할 일",
};

export function calloutTitle(type: string): string {
  return DEFAULT_TITLES[type] ?? type;
}

/** Splits a paragraph's inline nodes at the first line break: [first line, rest]. */
function splitFirstLine(children: PhrasingContent[]): [PhrasingContent[], PhrasingContent[]] {
  const first: PhrasingContent[] = [];
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    if (child.type === "break") return [first, children.slice(i + 1)];
    if (child.type === "text" && child.value.includes("\n")) {
      const cut = child.value.indexOf("\n");
      const before = child.value.slice(0, cut);
      const after = child.value.slice(cut + 1);
      if (before) first.push({ type: "text", value: before });
      const rest = children.slice(i + 1);
      return [first, after ? [{ type: "text", value: after }, ...rest] : rest];
    }
    first.push(child);
  }
  return [first, []];
}

function trimPhrasing(nodes: PhrasingContent[]): PhrasingContent[] {
  const out = [...nodes];
  const head = out[0];
  if (head?.type === "text") out[0] = { ...head, value: head.value.replace(/^\s+/, "") };
  const tail = out[out.length - 1];
  if (tail?.type === "text") out[out.length - 1] = { ...tail, value: tail.value.replace(/\s+$/, "") };
  return out.filter((node) => !(node.type === "text" && node.value === ""));
}

/** Turns one blockquote into a callout aside in place when it starts with `[!type]`; returns whether it did. */
export function convertCallout(node: Blockquote): boolean {
  const firstParagraph = node.children[0];
  if (firstParagraph?.type !== "paragraph") return false;
  const firstText = firstParagraph.children[0];
  if (firstText?.type !== "text") return false;
  const match = MARKER.exec(firstText.value);
  if (!match) return false;
  const type = match[1]!.toLowerCase();
  const stripped: PhrasingContent[] = [{ ...firstText, value: firstText.value.slice(match[0].length) }, ...firstParagraph.children.slice(1)];
  const [titleNodes, bodyNodes] = splitFirstLine(stripped);
  const title = trimPhrasing(titleNodes);
  const body = trimPhrasing(bodyNodes);
  const titleParagraph: Paragraph = {
    type: "paragraph",
    children: title.length > 0 ? title : [{ type: "text", value: calloutTitle(type) }],
    data: { hName: "div", hProperties: { className: ["callout-title"] } },
  };
  const rest = node.children.slice(1);
  node.children = [titleParagraph, ...(body.length > 0 ? [{ ...firstParagraph, children: body }] : []), ...rest];
  node.data = { ...node.data, hName: "aside", hProperties: { className: ["callout", `callout-${type.replace(/[^a-z0-9-]/g, "")}`] } };
  return true;
}
