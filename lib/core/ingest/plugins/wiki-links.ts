// Obsidian wiki links `[[target]]`, `[[target|alias]]`, `[[note#heading]]` and embeds
// `![[file.png]]`. Links become link nodes with a `gureum-wiki:` placeholder URL: which topic a
// target names is only known once every note is parsed, so the ingester swaps the placeholder
// for `/topics/<slug>` (or plain text) afterwards. Image embeds become image nodes, which the
// images plugin then resolves or replaces with a placeholder.
import type { PhrasingContent, Text } from "mdast";

export const WIKI_PROTOCOL = "gureum-wiki:";
const WIKI = /(!?)\[\[([^[\]\n]+?)\]\]/g;
const IMAGE_EXTENSION = /\.(?:png|jpe?g|gif|svg|webp|bmp|avif|tiff?)$/i;

export interface WikiTarget {
  target: string;
  heading: string | null;
  alias: string | null;
}

export function readWikiTarget(inner: string): WikiTarget {
  const pipe = inner.indexOf("|");
  const reference = (pipe >= 0 ? inner.slice(0, pipe) : inner).trim();
  const alias = pipe >= 0 ? inner.slice(pipe + 1).trim() || null : null;
  const hash = reference.indexOf("#");
  const target = (hash >= 0 ? reference.slice(0, hash) : reference).trim();
  const heading = hash >= 0 ? reference.slice(hash + 1).replace(/^\^/, "").trim() || null : null;
  return { target, heading, alias };
}

/** The nodes replacing a text node that holds wiki links, or null when it holds none. */
export function expandWikiText(node: Text, found: string[]): PhrasingContent[] | null {
  if (!node.value.includes("[[")) return null;
  const out: PhrasingContent[] = [];
  let last = 0;
  for (const match of node.value.matchAll(WIKI)) {
    if (match.index > last) out.push({ type: "text", value: node.value.slice(last, match.index) });
    last = match.index + match[0].length;
    const embed = match[1] === "!";
    const wiki = readWikiTarget(match[2]!);
    if (embed && IMAGE_EXTENSION.test(wiki.target)) {
      // `![[x.png|300]]`: a number after the pipe is a display width, not alt text.
      const alt = wiki.alias && !/^\d+(x\d+)?$/.test(wiki.alias) ? wiki.alias : "";
      out.push({ type: "image", url: wiki.target, alt, title: null, position: node.position });
      continue;
    }
    const reference = wiki.heading ? `${wiki.target}#${wiki.heading}` : wiki.target;
    found.push(reference);
    out.push({
      type: "link",
      position: node.position,
      url: WIKI_PROTOCOL + encodeURIComponent(reference),
      title: null,
      children: [{ type: "text", value: wiki.alias ?? wiki.heading ?? wiki.target }],
    });
  }
  if (out.length === 0) return null;
  if (last < node.value.length) out.push({ type: "text", value: node.value.slice(last) });
  return out;
}
