// Images whose file is not next to the notes (Obsidian embeds of pasted screenshots, exported
// Notion links, remote URLs that would not load offline) become a labelled placeholder with the
// file name: a <figure class="image-missing"> when the image stands alone in its paragraph,
// an inline <span class="image-missing"> inside text. Images that exist keep an <img> pointing
// at the asset route.
import type { Image, Nodes, Paragraph } from "mdast";
import type { ElementContent } from "hast";

export const ASSET_ROUTE = "/note-assets/";

export interface ImageOptions {
  /** The asset path (relative to the notes folder) an image URL points to, or null when missing. */
  resolveImage: (url: string) => string | null;
}

/** What the placeholder names: the path as written for local files, the last segment of a URL. */
export function imageLabel(url: string): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url)) return imageFileName(url);
  let label = url.replace(/[?#].*$/, "").replace(/^\.\//, "");
  try {
    label = decodeURI(label);
  } catch {
    // keep as written
  }
  return label.length > 120 ? imageFileName(url) : label;
}

export function imageFileName(url: string): string {
  const withoutQuery = url.replace(/[?#].*$/, "");
  const last = withoutQuery.split("/").filter(Boolean).pop() ?? url;
  try {
    return decodeURIComponent(last);
  } catch {
    return last;
  }
}

function placeholderChildren(image: Image): ElementContent[] {
  const name = imageLabel(image.url);
  const children: ElementContent[] = [
    { type: "element", tagName: "span", properties: { className: ["image-missing-label"] }, children: [{ type: "text", value: "이미지 없음" }] },
    { type: "text", value: " " },
    { type: "element", tagName: "span", properties: { className: ["image-missing-name"] }, children: [{ type: "text", value: name }] },
  ];
  if (image.alt && image.alt !== name && image.alt !== image.url && image.alt !== imageFileName(image.url) && image.alt !== "Untitled") {
    children.push({ type: "text", value: ` — ${image.alt}` });
  }
  return children;
}

function placeholder(image: Image, block: boolean, position = image.position): Nodes {
  const children = placeholderChildren(image);
  return {
    type: "paragraph",
    children: [],
    position: position ?? image.position,
    data: {
      hName: block ? "figure" : "span",
      hProperties: { className: ["image-missing"], title: imageLabel(image.url) },
      hChildren: block ? [{ type: "element", tagName: "figcaption", properties: {}, children }] : children,
    },
  } as Paragraph;
}

export function onlyImages(paragraph: Paragraph): boolean {
  return paragraph.children.every(
    (child) => child.type === "image" || child.type === "break" || (child.type === "text" && child.value.trim() === ""),
  );
}

/** Replacement for a paragraph made only of images when at least one is missing; null to keep it. */
export function replaceImageParagraph(paragraph: Paragraph, options: ImageOptions): Nodes[] | null {
  if (!onlyImages(paragraph)) return null;
  const images = paragraph.children.filter((child): child is Image => child.type === "image");
  const resolved = images.map((image) => (image.url.startsWith(ASSET_ROUTE) ? image : null) ?? (options.resolveImage(image.url) !== null ? replaceInlineImage(image, options) : null));
  if (images.length === 0 || resolved.every((image) => image !== null)) return null;
  return images.map((image, i) => {
    const found = resolved[i];
    return found ? ({ type: "paragraph", children: [found], position: paragraph.position } as Paragraph) : placeholder(image, true, image.position ?? paragraph.position);
  });
}

/** An image inside text: pointed at its asset, or replaced by an inline placeholder. */
export function replaceInlineImage(image: Image, options: ImageOptions): Image | Paragraph {
  if (image.url.startsWith(ASSET_ROUTE)) return image;
  const asset = options.resolveImage(image.url);
  return asset !== null ? { ...image, url: ASSET_ROUTE + encodeURI(asset) } : (placeholder(image, false) as Paragraph);
}

/** Resolves an image URL against the notes folder's files: relative to the note, from the root, or by file name (as Obsidian does). */
export function createImageResolver(notePath: string, assets: ReadonlySet<string>, assetsByName: ReadonlyMap<string, string>) {
  const noteDir = notePath.includes("/") ? notePath.slice(0, notePath.lastIndexOf("/")) : "";
  return (url: string): string | null => {
    if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("//")) return null;
    let clean = url.replace(/[?#].*$/, "");
    try {
      clean = decodeURI(clean);
    } catch {
      // keep the undecoded form
    }
    const candidates = clean.startsWith("/") ? [clean.slice(1)] : [normalizePosix(noteDir ? `${noteDir}/${clean}` : clean), clean];
    for (const candidate of candidates) if (assets.has(candidate)) return candidate;
    return assetsByName.get(imageFileName(clean)) ?? null;
  };
}

function normalizePosix(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return out.join("/");
}
