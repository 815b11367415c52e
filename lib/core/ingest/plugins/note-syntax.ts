// All note-syntax transforms in one walk over the tree (the four plugins applied one after the
// other visit every node four times; on a 12 MB corpus that alone cost as much as a third of
// parsing). Per parent: raw HTML is replaced and wiki links expanded first, then children are
// walked, then image-only paragraphs and inline images are resolved, then a blockquote may
// become a callout. The result equals running inline-html, wiki-links, images and callouts in
// that order.
import type { Blockquote, Image, Nodes, Paragraph, Parents, Root } from "mdast";
import { convertCallout } from "./callouts";
import { ASSET_ROUTE, onlyImages, replaceImageParagraph, replaceInlineImage, type ImageOptions } from "./images";
import { replaceHtml } from "./inline-html";
import { expandWikiText } from "./wiki-links";

const USER_WIKI_URL = /^\s*gureum-wiki:/i;

export function transformNoteSyntax(tree: Root, options: ImageOptions): string[] {
  const wikiTargets: string[] = [];
  const walk = (parent: Parents, inLink: boolean) => {
    let children = parent.children as Nodes[];
    let rebuilt: Nodes[] | null = null;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      let replacement: Nodes[] | null = null;
      if ((child.type === "link" || child.type === "definition") && USER_WIKI_URL.test(child.url)) {
        // Only links this walk makes from `[[…]]` may carry the placeholder protocol; one
        // written as `[x](gureum-wiki:…)` is an ordinary link to an unknown scheme, whose
        // href the sanitiser drops as it does for `javascript:`.
        child.url = `unsafe-${child.url.trim()}`;
      }
      if (child.type === "html") replacement = replaceHtml(child, parent.type);
      else if (child.type === "text" && !inLink && child.value.includes("[[")) replacement = expandWikiText(child, wikiTargets);
      if (replacement) {
        rebuilt ??= children.slice(0, i);
        rebuilt.push(...replacement);
      } else {
        rebuilt?.push(child);
      }
    }
    if (rebuilt) {
      children = rebuilt;
      (parent as { children: Nodes[] }).children = children;
    }
    for (const child of children) {
      if ("children" in child) walk(child as Parents, inLink || child.type === "link" || child.type === "linkReference");
    }
    // A paragraph of images only, one of them missing, becomes figures in its parent's pass.
    const figureParagraph =
      parent.type === "paragraph" && onlyImages(parent as Paragraph) && children.some((child) => child.type === "image" && !child.url.startsWith(ASSET_ROUTE) && options.resolveImage(child.url) === null);
    if (figureParagraph) return;
    let resolved: Nodes[] | null = null;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      let replacement: Nodes[] | null = null;
      if (child.type === "paragraph") replacement = replaceImageParagraph(child as Paragraph, options);
      if (!replacement && child.type === "image") replacement = [replaceInlineImage(child as Image, options)];
      if (replacement) {
        resolved ??= children.slice(0, i);
        resolved.push(...replacement);
      } else {
        resolved?.push(child);
      }
    }
    if (resolved) (parent as { children: Nodes[] }).children = resolved;
    if (parent.type === "blockquote") convertCallout(parent as Blockquote);
  };
  walk(tree, false);
  return wikiTargets;
}
