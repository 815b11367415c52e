// Wiki links are resolved once every topic has a slug: `[[Heading]]`, `[[Note#Heading]]` and
// `[[Note]]` (the note's first topic) become links to /topics/<slug>; anything else stays
// plain text, marked so the UI can hint that the target is not in the notes.
import { WIKI_PROTOCOL } from "./plugins/wiki-links";
import { headingKey } from "./topics";

export interface WikiTopic {
  slug: string;
  title: string;
  headingPath: readonly string[];
  notePaths: readonly string[];
  depth: number;
  sortOrder: number;
}

function noteKey(path: string): string {
  return headingKey(path.replace(/^.*\//, "").replace(/\.(md|markdown)$/i, ""));
}

export function createWikiResolver(topics: readonly WikiTopic[]): (reference: string) => string | null {
  const byTitle = new Map<string, WikiTopic[]>();
  const byNote = new Map<string, WikiTopic>();
  const ordered = [...topics].sort((a, b) => a.depth - b.depth || a.sortOrder - b.sortOrder);
  for (const topic of ordered) {
    const key = headingKey(topic.title);
    const list = byTitle.get(key);
    if (list) list.push(topic);
    else byTitle.set(key, [topic]);
    for (const path of topic.notePaths) {
      const note = noteKey(path);
      if (!byNote.has(note)) byNote.set(note, topic);
    }
  }
  return (reference) => {
    const hash = reference.indexOf("#");
    const target = hash >= 0 ? reference.slice(0, hash) : reference;
    const heading = hash >= 0 ? reference.slice(hash + 1) : "";
    if (heading) {
      const candidates = byTitle.get(headingKey(heading)) ?? [];
      const inNote = target ? candidates.find((topic) => topic.notePaths.some((path) => noteKey(path) === noteKey(target))) : undefined;
      return (inNote ?? candidates[0])?.slug ?? null;
    }
    return byTitle.get(headingKey(target))?.[0]?.slug ?? byNote.get(noteKey(target))?.slug ?? null;
  };
}

const PLACEHOLDER_LINK = new RegExp(`<a href="${WIKI_PROTOCOL}([^"]*)">([\\s\\S]*?)</a>`, "g");

/** Swaps the `gureum-wiki:` placeholders in sanitised HTML for topic links or plain text. */
export function resolveWikiLinks(html: string, resolve: (reference: string) => string | null): string {
  if (!html.includes(WIKI_PROTOCOL)) return html;
  return html.replace(PLACEHOLDER_LINK, (_whole, encoded: string, inner: string) => {
    let reference = encoded;
    try {
      reference = decodeURIComponent(encoded);
    } catch {
      // leave it encoded; it will not resolve
    }
    const slug = resolve(reference);
    return slug
      ? `<a href="/topics/${encodeURIComponent(slug)}" class="wikilink">${inner}</a>`
      : `<span class="wikilink-unresolved">${inner}</span>`;
  });
}
