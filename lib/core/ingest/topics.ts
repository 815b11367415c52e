// From parsed notes to the topic tree.
// - A topic is a heading section; its identity is the canonical heading path (numbering such as
//   "2-1." or "VII." stripped, case and spacing folded), so the same section in several notes
//   is one topic with several sources, and ids survive edits that do not rename headings.
// - Text before the first heading joins the first section; a note without headings is one topic
//   named after the note.
// - A heading with no text and no (kept) subsections is dropped: it would be an empty page.
//   Headings with children but no text stay, as grouping nodes of the tree.
// - When notes give the same section different text, the topic keeps each distinct version,
//   labelled with its notes.
// - Service: a heading that names a service (strong alias) gets it; otherwise a parent that
//   names one decides; otherwise a weak alias in the heading ("리전", "캐시"); otherwise the
//   previous sibling's service (flat notes: "## DDB 기본", "## 테이블 예제", … all under one
//   title heading); otherwise the parent's; otherwise the service the text mentions most.
import { slug as githubSlug } from "github-slugger";
import { hashParts, hashText } from "./hash";
import { escapeHtml } from "./render";
import type { Taxonomy } from "./taxonomy";
import type { FactLine, PageMarker, ParsedNote, ParsedSection, ScannedNote } from "./types";

const NUMBERING = /^(?:(?:[IVXLCDM]+|\d+)(?:\s*[-–.]\s*(?:[IVXLCDM]+|\d+))*[.)]|\d+(?:-\d+)+)\s+/;

/** "2-1. CDN Layer" → "CDN Layer"; "VII. Amazon ECR" → "Amazon ECR"; "Route53이란? " → "Route53이란?". */
export function canonicalHeading(text: string): string {
  const clean = text.normalize("NFC").replace(/\s+/g, " ").trim();
  const stripped = clean.replace(NUMBERING, "").trim();
  return stripped || clean;
}

export function headingKey(text: string): string {
  return canonicalHeading(text)
    .toLowerCase()
    .replace(/[\s\-–—_:·]+/g, " ")
    .replace(/[.,!?()[\]'"`*]+/g, "")
    .trim();
}

export function topicIdOf(keys: readonly string[]): string {
  return hashParts("topic", ...keys);
}

/**
 * Stitches a note's parsed sections (in task order) back together: split sections rejoin, and
 * each section's markdown is cut from the scanned text here (sending it back from the workers
 * would copy the whole note once more).
 */
export function assembleNote(scanned: ScannedNote, sections: ParsedSection[]): ParsedNote {
  const merged: ParsedSection[] = [];
  for (const section of sections) {
    const previous = merged[merged.length - 1];
    if (!section.heading && previous) {
      merged[merged.length - 1] = {
        ...previous,
        endLine: Math.max(previous.endLine, section.endLine),
        html: previous.html + (previous.html && section.html ? "\n" : "") + section.html,
        plainText: [previous.plainText, section.plainText].filter(Boolean).join("\n"),
        factLines: [...previous.factLines, ...section.factLines],
        lists: [...previous.lists, ...section.lists],
        wikiTargets: [...previous.wikiTargets, ...section.wikiTargets],
      };
    } else {
      merged.push(section);
    }
  }
  const lines = scanned.segments.map((segment) => segment.text).join("\n").split("\n");
  for (const section of merged) {
    section.markdown = lines
      .slice(section.bodyStartLine - 1, section.endLine)
      .join("\n")
      .replace(/^(?:[ \t]*\n)+/, "")
      .replace(/\s+$/, "");
  }
  const frontTitle = scanned.frontMatter?.title;
  const firstH1 = merged.find((section) => section.heading?.depth === 1)?.heading?.text;
  const fileTitle = scanned.path.replace(/^.*\//, "").replace(/\.(md|markdown)$/i, "");
  return {
    path: scanned.path,
    title: typeof frontTitle === "string" && frontTitle.trim() ? frontTitle.trim() : (firstH1 ?? fileTitle),
    frontMatter: scanned.frontMatter,
    sections: merged,
    pageMarkers: scanned.pageMarkers,
    warnings: scanned.warnings,
  };
}

/** One heading section of one note. */
export interface Occurrence {
  notePath: string;
  topicId: string;
  parentId: string | null;
  headingPath: string[];
  title: string;
  headingAsWritten: string;
  line: number;
  endLine: number;
  pageRef: string | null;
  markdown: string;
  html: string;
  plainText: string;
  factLines: FactLine[];
  lists: string[][];
  wikiTargets: string[];
  empty: boolean;
  kept: boolean;
  serviceKey: string | null;
  serviceStrong: boolean;
  /** This section's service, then its ancestors' (for fact patterns). */
  serviceChain: string[];
  parent: Occurrence | null;
  children: Occurrence[];
}

/**
 * The page a section is on: the first marker inside it, else the last one before it. Markers
 * are in line order (scan.ts), so a binary search finds the first at or after `line`; a 5 MB
 * note has thousands of both sections and markers.
 */
export function pageRefOf(markers: readonly PageMarker[], line: number, endLine: number): string | null {
  let low = 0;
  let high = markers.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (markers[middle]!.line < line) low = middle + 1;
    else high = middle;
  }
  const inside = markers[low];
  if (inside && inside.line <= endLine) return inside.page;
  return low > 0 ? markers[low - 1]!.page : null;
}

function mostMentioned(taxonomy: Taxonomy, text: string): string | null {
  const counts = new Map<string, number>();
  // The opening of a section says what it is about; scanning all of a long one is not worth it.
  for (const hit of taxonomy.findServices(text.slice(0, 4_000))) if (!hit.weak) counts.set(hit.key, (counts.get(hit.key) ?? 0) + 1);
  let best: string | null = null;
  let bestCount = 1;
  for (const [key, count] of counts) {
    if (count > bestCount) {
      best = key;
      bestCount = count;
    }
  }
  return best;
}

function isEmpty(section: Pick<ParsedSection, "html" | "plainText">): boolean {
  return section.html.trim() === "" && section.plainText.trim() === "";
}

/** A note's sections as occurrences with heading paths, services and page references. */
export function outlineNote(note: ParsedNote, taxonomy: Taxonomy): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const stack: { depth: number; occurrence: Occurrence }[] = [];
  let preamble: ParsedSection | null = null;
  // Every occurrence repeats its ancestors' headings; a 5 MB note has ~10,000 of them.
  const keyCache = new Map<string, string>();
  const keyOf = (heading: string) => {
    let key = keyCache.get(heading);
    if (key === undefined) keyCache.set(heading, (key = headingKey(heading)));
    return key;
  };
  const make = (section: ParsedSection, title: string, asWritten: string, parent: Occurrence | null): Occurrence => {
    const headingPath = [...(parent?.headingPath ?? []), title];
    const keys = headingPath.map(keyOf);
    return {
      notePath: note.path,
      topicId: topicIdOf(keys),
      parentId: parent?.topicId ?? null,
      headingPath,
      title,
      headingAsWritten: asWritten,
      line: section.heading?.line ?? section.startLine,
      endLine: section.endLine,
      pageRef: null,
      markdown: section.markdown,
      html: section.html,
      plainText: section.plainText,
      factLines: section.factLines,
      lists: section.lists,
      wikiTargets: section.wikiTargets,
      empty: isEmpty(section),
      kept: true,
      serviceKey: null,
      serviceStrong: false,
      serviceChain: [],
      parent,
      children: [],
    };
  };

  for (const section of note.sections) {
    if (!section.heading) {
      if (occurrences.length === 0 && !preamble) preamble = section;
      continue;
    }
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= section.heading.depth) stack.pop();
    const parent = stack[stack.length - 1]?.occurrence ?? null;
    let merged = section;
    if (preamble && occurrences.length === 0) {
      merged = {
        ...section,
        markdown: [preamble.markdown, section.markdown].filter(Boolean).join("\n\n"),
        html: [preamble.html, section.html].filter(Boolean).join("\n"),
        plainText: [preamble.plainText, section.plainText].filter(Boolean).join("\n"),
        factLines: [...preamble.factLines, ...section.factLines],
        lists: [...preamble.lists, ...section.lists],
        wikiTargets: [...preamble.wikiTargets, ...section.wikiTargets],
      };
      preamble = null;
    }
    const occurrence = make(merged, canonicalHeading(section.heading.text), section.heading.text, parent);
    parent?.children.push(occurrence);
    occurrences.push(occurrence);
    stack.push({ depth: section.heading.depth, occurrence });
  }
  if (occurrences.length === 0 && preamble && !isEmpty(preamble)) {
    occurrences.push(make(preamble, canonicalHeading(note.title), note.title, null));
  }

  for (let i = occurrences.length - 1; i >= 0; i--) {
    const occurrence = occurrences[i]!;
    occurrence.kept = !occurrence.empty || occurrence.children.some((child) => child.kept);
  }

  const previousSibling = new Map<Occurrence | null, Occurrence>();
  for (const occurrence of occurrences) {
    occurrence.pageRef = pageRefOf(note.pageMarkers, occurrence.line, occurrence.endLine);
    const parent = occurrence.parent;
    const sibling = previousSibling.get(parent);
    const strong = taxonomy.serviceOfHeading(occurrence.headingAsWritten, false);
    if (strong) {
      occurrence.serviceKey = strong;
      occurrence.serviceStrong = true;
    } else if (parent?.serviceStrong) {
      // A parent that names its service (or inherits it from one that does) decides for
      // headings that do not name one themselves.
      occurrence.serviceKey = parent.serviceKey;
      occurrence.serviceStrong = true;
    } else {
      occurrence.serviceKey =
        taxonomy.serviceOfHeading(occurrence.headingAsWritten, true) ??
        (parent ? (sibling?.serviceKey ?? parent.serviceKey) : null) ??
        mostMentioned(taxonomy, occurrence.plainText);
    }
    const chain = [occurrence.serviceKey, ...(parent?.serviceChain ?? [])].filter((key): key is string => key !== null);
    occurrence.serviceChain = [...new Set(chain)];
    previousSibling.set(parent, occurrence);
  }
  return occurrences.filter((occurrence) => occurrence.kept);
}

export interface TopicVariant {
  /** "file:line" of every occurrence with this text. */
  notes: string[];
  markdown: string;
  html: string;
}

export interface TopicDraft {
  id: string;
  title: string;
  headingPath: string[];
  serviceKey: string | null;
  categoryKey: string;
  parentId: string | null;
  depth: number;
  sortOrder: number;
  markdown: string;
  /** Sanitised HTML; wiki links still carry the `gureum-wiki:` placeholder. */
  html: string;
  plainText: string;
  wikiTargets: string[];
  occurrences: Occurrence[];
}

function normaliseForComparison(markdown: string): string {
  return markdown.replace(/\s+/g, " ").trim();
}

/** Merges occurrences (notes in path order, each in document order) into topics. */
export function buildTopics(occurrences: readonly Occurrence[], taxonomy: Taxonomy): TopicDraft[] {
  const byId = new Map<string, Occurrence[]>();
  const sorted = [...occurrences].sort((a, b) => (a.notePath < b.notePath ? -1 : a.notePath > b.notePath ? 1 : a.line - b.line));
  for (const occurrence of sorted) {
    const list = byId.get(occurrence.topicId);
    if (list) list.push(occurrence);
    else byId.set(occurrence.topicId, [occurrence]);
  }
  const drafts: TopicDraft[] = [];
  for (const [id, list] of byId) {
    const first = list[0]!;
    const variants: TopicVariant[] = [];
    const seen = new Map<string, TopicVariant>();
    for (const occurrence of list) {
      const key = list.length === 1 ? "" : hashText(normaliseForComparison(occurrence.markdown));
      const existing = seen.get(key);
      const where = `${occurrence.notePath}:${occurrence.line}`;
      if (existing) {
        existing.notes.push(where);
        continue;
      }
      const variant = { notes: [where], markdown: occurrence.markdown, html: occurrence.html };
      seen.set(key, variant);
      variants.push(variant);
    }
    const shown = variants.some((variant) => variant.markdown.trim()) ? variants.filter((variant) => variant.markdown.trim()) : variants.slice(0, 1);
    const single = shown.length <= 1;
    const service = first.serviceKey ? taxonomy.services.get(first.serviceKey) : undefined;
    const parentCategory = (occurrence: Occurrence | null): string | null => {
      for (let current = occurrence; current; current = current.parent) {
        const key = current.serviceKey ? taxonomy.services.get(current.serviceKey)?.category : undefined;
        if (key) return key;
      }
      return null;
    };
    drafts.push({
      id,
      title: first.title,
      headingPath: first.headingPath,
      serviceKey: service ? service.key : null,
      categoryKey: service?.category ?? parentCategory(first.parent) ?? "general",
      parentId: first.parentId,
      depth: first.headingPath.length - 1,
      sortOrder: first.line,
      markdown: single
        ? (shown[0]?.markdown ?? "")
        : shown.map((variant) => `<!-- 출처: ${variant.notes.join(", ")} -->\n${variant.markdown}`).join("\n\n"),
      html: single
        ? (shown[0]?.html ?? "")
        : shown
            .map(
              (variant) =>
                `<section class="topic-variant"><p class="topic-variant-source">출처: ${escapeHtml(variant.notes.join(", "))}</p>\n${variant.html}\n</section>`,
            )
            .join("\n"),
      plainText: [...new Set(list.map((occurrence) => occurrence.plainText))].join("\n"),
      wikiTargets: [...new Set(list.flatMap((occurrence) => occurrence.wikiTargets))],
      occurrences: list,
    });
  }
  return drafts;
}

const MAX_SLUG = 80;

export function slugify(text: string): string {
  const slug = githubSlug(text).replace(/-{2,}/g, "-").replace(/^-|-$/g, "");
  if (slug.length <= MAX_SLUG) return slug;
  const cut = slug.slice(0, MAX_SLUG);
  return cut.includes("-") ? cut.slice(0, cut.lastIndexOf("-")) : cut;
}

/**
 * Readable, unique slugs: "<service>-<heading>" ("lambda-lambda-제약사항" is avoided: a heading
 * that already starts with the service key is used as is). Topics that already have a slug
 * keep it, so URLs never change under a learner's bookmarks; a clash gets the parent heading,
 * then a piece of the id.
 */
export function assignSlugs(
  drafts: readonly Pick<TopicDraft, "id" | "title" | "serviceKey" | "headingPath">[],
  existing: ReadonlyMap<string, string>,
  taken: ReadonlySet<string>,
): Map<string, string> {
  const result = new Map<string, string>();
  const used = new Set(taken);
  for (const draft of drafts) {
    const slug = existing.get(draft.id);
    if (slug) {
      result.set(draft.id, slug);
      used.add(slug);
    }
  }
  for (const draft of drafts) {
    if (result.has(draft.id)) continue;
    const titleSlug = slugify(draft.title) || "topic";
    const service = draft.serviceKey ?? "";
    const base = !service || titleSlug.startsWith(service) ? titleSlug : `${service}-${titleSlug}`;
    const parentTitle = draft.headingPath[draft.headingPath.length - 2];
    const candidates = [base, ...(parentTitle ? [`${base}-${slugify(parentTitle)}`] : []), `${base}-${draft.id.slice(0, 6)}`, `${base}-${draft.id}`];
    const slug = candidates.find((candidate) => !used.has(candidate)) ?? `${draft.id}`;
    used.add(slug);
    result.set(draft.id, slug);
  }
  return result;
}
