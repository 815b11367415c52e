// mdast → sanitised HTML. Raw HTML never reaches the output (inline-html.ts turns it into text
// first and mdast-util-to-hast drops any left), and rehype-sanitize runs on every fragment
// anyway, with GitHub's schema extended only by the classes the UI styles (callouts, missing
// images, wiki links) and the `gureum-wiki:` placeholder protocol the ingester resolves later.
import type { Root as HastRoot } from "hast";
import type { RootContent } from "mdast";
import { toHast } from "mdast-util-to-hast";
import { toHtml } from "hast-util-to-html";
import rehypeSanitize, { defaultSchema, type Options as SanitizeSchema } from "rehype-sanitize";

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

// The plugin's transformer, called directly: a unified pipeline per section costs more than the
// sanitising itself.
const sanitize = rehypeSanitize(SANITIZE_SCHEMA) as unknown as (tree: HastRoot) => HastRoot;

export function sanitizeHast(tree: HastRoot): HastRoot {
  return sanitize(tree);
}

/** `definitions`: link reference definitions of the whole note, so `[text][ref]` resolves in any section. */
export function renderNodes(nodes: RootContent[], definitions: RootContent[] = []): string {
  if (nodes.length === 0) return "";
  const hast = toHast({ type: "root", children: [...nodes, ...definitions] }, { allowDangerousHtml: false }) as HastRoot;
  return toHtml(sanitizeHast(hast));
}

/**
 * Renders consecutive groups of top-level nodes (the sections of one segment) with a single
 * mdast → hast conversion, then sanitises and serialises each group on its own. `starts` are
 * the first source line of each group; hast nodes keep their mdast positions, which say
 * which group they belong to.
 */
export function renderGroups(nodes: RootContent[], starts: readonly number[]): string[] {
  const out = starts.map(() => [] as HastRoot["children"]);
  if (nodes.length > 0 && starts.length > 0) {
    const hast = toHast({ type: "root", children: nodes }, { allowDangerousHtml: false }) as HastRoot;
    let group = 0;
    for (const child of hast.children) {
      const line = child.position?.start.line;
      if (line !== undefined) while (group + 1 < starts.length && line >= starts[group + 1]!) group++;
      out[group]!.push(child);
    }
  }
  return out.map((children) => {
    while (children.length > 0 && children[0]!.type === "text" && children[0]!.value.trim() === "") children.shift();
    while (children.length > 0 && children[children.length - 1]!.type === "text" && (children[children.length - 1] as { value: string }).value.trim() === "") children.pop();
    return children.length === 0 ? "" : toHtml(sanitizeHast({ type: "root", children }));
  });
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}
