// mdast → sanitised HTML. Raw HTML never reaches the output (inline-html.ts turns it into text
// first and mdast-util-to-hast drops any left), and rehype-sanitize runs on every fragment
// anyway, with GitHub's schema extended only by the classes the UI styles (callouts, missing
// images, wiki links) and the `gureum-wiki:` placeholder protocol the ingester resolves later.
import type { Root as HastRoot } from "hast";
import type { RootContent } from "mdast";
import { toHast } from "mdast-util-to-hast";
import { toHtml } from "hast-util-to-html";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";
import { unified } from "unified";

const base = defaultSchema;

export const SANITIZE_SCHEMA: SanitizeSchema = {
  ...base,
  tagNames: [...(base.tagNames ?? []), "aside", "figure", "figcaption", "section"],
  attributes: {
    ...base.attributes,
    aside: [["className", /^callout(?:-[a-z0-9-]+)?$/]],
    div: [...(base.attributes?.div ?? []), ["className", "callout-title"]],
    figure: [["className", "image-missing"], "title"],
    figcaption: [],
    span: [...(base.attributes?.span ?? []), ["className", "image-missing", "image-missing-label", "image-missing-name", "wikilink-unresolved"], "title"],
    section: [["className", "topic-variant"]],
    p: [...(base.attributes?.p ?? []), ["className", "topic-variant-source"]],
    a: [...(base.attributes?.a ?? []), ["className", "wikilink"]],
  },
  protocols: { ...base.protocols, href: [...(base.protocols?.href ?? []), "gureum-wiki"] },
};

const sanitizer = unified().use(rehypeSanitize, SANITIZE_SCHEMA);

export function sanitizeHast(tree: HastRoot): HastRoot {
  return sanitizer.runSync(tree) as HastRoot;
}

/** `definitions`: link reference definitions of the whole note, so `[text][ref]` resolves in any section. */
export function renderNodes(nodes: RootContent[], definitions: RootContent[] = []): string {
  if (nodes.length === 0) return "";
  const hast = toHast({ type: "root", children: [...nodes, ...definitions] }, { allowDangerousHtml: false }) as HastRoot;
  return toHtml(sanitizeHast(hast));
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
