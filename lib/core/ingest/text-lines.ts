// Plain text out of mdast, line by line, with the list items each line sits in. Fact
// extraction reads these lines (a limit is usually one list item: "- 실행시간 900초", often
// under a lead-in such as "- 배포"), and search indexes their concatenation.
import type { Nodes, PhrasingContent, RootContent } from "mdast";

export interface TextLine {
  line: number;
  text: string;
  context: string[];
  /** Line of a code block: searchable, but never a fact. */
  code: boolean;
}

/** Inline text with line breaks kept (mdast-util-to-string drops `break` nodes). */
export function inlineText(nodes: readonly PhrasingContent[] | readonly Nodes[]): string {
  let out = "";
  for (const node of nodes as Nodes[]) {
    if (node.type === "text" || node.type === "inlineCode") out += node.value;
    else if (node.type === "break") out += "\n";
    else if ("children" in node && node.type !== "paragraph") out += inlineText(node.children as Nodes[]);
  }
  return out;
}

function firstLine(text: string): string {
  const cut = text.indexOf("\n");
  return (cut >= 0 ? text.slice(0, cut) : text).trim();
}

/** Every text line of the given block nodes, in order. `lineOffset` maps segment lines to file lines. */
export function collectTextLines(nodes: readonly RootContent[], lineOffset: number, withCode = false): TextLine[] {
  const out: TextLine[] = [];
  const pushBlock = (text: string, startLine: number | undefined, context: string[], code = false) => {
    if (startLine === undefined) return;
    text.split("\n").forEach((part, i) => {
      const trimmed = part.trim();
      if (trimmed) out.push({ line: startLine + lineOffset + i, text: trimmed, context, code });
    });
  };
  const walk = (node: Nodes, context: string[]) => {
    switch (node.type) {
      case "paragraph":
      case "heading":
        pushBlock(inlineText(node.children), node.position?.start.line, context);
        return;
      case "list":
        for (const item of node.children) walk(item, context);
        return;
      case "listItem": {
        const [first, ...rest] = node.children;
        if (!first) return;
        walk(first, context);
        const lead = first.type === "paragraph" ? firstLine(inlineText(first.children)) : "";
        for (const child of rest) walk(child, lead ? [...context, lead] : context);
        return;
      }
      case "blockquote":
      case "footnoteDefinition":
        for (const child of node.children) walk(child, context);
        return;
      case "table":
        for (const row of node.children) {
          pushBlock(row.children.map((cell) => inlineText(cell.children).replace(/\n/g, " ")).join(" | "), row.position?.start.line, context);
        }
        return;
      case "code":
        if (withCode) pushBlock(node.value, node.position ? node.position.start.line + 1 : undefined, context, true);
        return;
      default:
        return;
    }
  };
  for (const node of nodes) walk(node, []);
  return out;
}

/** First line of each item of each top-level list (for list-count facts such as "7 routing policies"). */
export function collectTopLevelLists(nodes: readonly RootContent[]): string[][] {
  return nodes
    .filter((node) => node.type === "list")
    .map((list) => list.children.map((item) => (item.children[0]?.type === "paragraph" ? firstLine(inlineText(item.children[0].children)) : "")));
}
