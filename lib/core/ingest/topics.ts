// From parsed notes to the topic tree.
// - A topic is a heading section; its identity is the canonical heading path (numbering such as
//   "2-1." or "VII." stripped, inline HTML such as `<img>` dropped, case and spacing folded), so
//   the same section in several notes is one topic with several sources, and ids survive edits
//   that do not rename headings.
// - Identity rule, where the heading path alone is ambiguous the note is part of the identity:
//   * a path with a generic heading anywhere on it ("문제", "해설", "참조", "특징", "실습", "요약",
//     "Security", … GENERIC_HEADINGS) is scoped to its note: forty term notes each ending in
//     "### 참조", or two notes' "AWS Lambda > 실습", are forty and two topics, not one;
//   * a note that is one concept of a folder-per-concept collection (`9-1. ECS/9-1-2. IAM
//     Roles/README.md`) is identified by its folder: its sections never merge with another
//     note's, and its title topic nests under the nearest ancestor folder's README;
//   * every other path (specific headings only: "Solution Architecture on AWS > DNS Layer",
//     "Amazon S3 > 스토리지 클래스") is shared: notes that really cover the same section make one
//     topic with several sources, and when their text differs the topic keeps each version.
//   Ids depend on one note alone, never on what another note says (no content similarity): the
//   incremental ingest parses only the notes that changed and those sharing a topic with them,
//   and an id that moved when some other note was edited would need every note re-read.
// - The note's own topic: the first H1 when the note opens with one; otherwise a title topic is
//   made from the front-matter title, the file name (Obsidian notes without an H1; a Notion
//   export's hash suffix dropped) or, for a README, its folder's name, and every heading nests
//   under it. Text before the first heading belongs to that topic, never to the next heading.
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
// An HTML tag as people put them in headings (`<img src="…">`, `<span>`, `</b>`): a tag name,
// then attributes after whitespace, or nothing. "Map<K, V>" is not a tag.
const INLINE_TAG = /<\/?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?\/?>/g;

/** Heading or title text without inline HTML tags: what titles, breadcrumbs, the tree and slugs show. */
export function stripInlineHtml(text: string): string {
  return text.includes("<") ? text.replace(INLINE_TAG, " ") : text;
}

/** "2-1. CDN Layer" → "CDN Layer"; "VII. Amazon ECR" → "Amazon ECR"; "Route53이란? " → "Route53이란?". */
export function canonicalHeading(text: string): string {
  const clean = stripInlineHtml(text.normalize("NFC")).replace(/\s+/g, " ").trim();
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
 * Headings that say what kind of text follows, not what it is about: many unrelated notes have
 * them, so a path through one is scoped to its note (heading keys, see headingKey).
 */
export const GENERIC_HEADINGS: ReadonlySet<string> = new Set([
  "문제", "문제들", "예상 문제", "연습 문제", "기출", "기출 문제", "해설", "풀이", "정답", "답", "참조", "참고", "참고 자료", "참고 링크", "출처", "링크", "레퍼런스",
  "특징", "주요 특징", "장점", "단점", "장단점", "실습", "핸즈온", "예제", "예시", "요약", "정리", "핵심", "핵심 정리", "개요", "소개", "설명", "개념", "메모", "노트",
  "비교", "기타", "주의", "주의사항", "주의 사항", "팁", "시험 포인트", "시험 팁", "보안", "사용 사례", "활용", "가격", "요금", "비용", "목적", "질문", "용어",
  "security", "overview", "summary", "intro", "introduction", "features", "feature", "pros", "cons", "example", "examples", "lab", "labs", "hands on", "demo",
  "notes", "note", "memo", "reference", "references", "ref", "refs", "links", "see also", "tips", "tip", "exam tips", "use cases", "pricing", "cost", "faq", "qna", "q&a", "todo", "misc", "untitled",
]);

/** A heading key that names a kind of section (GENERIC_HEADINGS), or a numbered question ("Q3."). */
export function isGenericKey(key: string): boolean {
  return GENERIC_HEADINGS.has(key) || /^(?:q|question|문제)\s*\d+$/.test(key);
}

/** Ids of topics that are scoped to one note (generic paths): the note path is part of the hash. */
export function noteTopicIdOf(notePath: string, keys: readonly string[]): string {
  return hashParts("topic-in-note", notePath, ...keys);
}

const FOLDER_NOTE = /(?:^|\/)(?:readme|index)\.(?:md|markdown)$/i;

/** The folder a folder-per-concept note stands for ("9-1. ECS/9-1-2. IAM Roles"), or null: a README or index note in a sub-folder. */
export function conceptFolderOf(notePath: string): string | null {
  if (!FOLDER_NOTE.test(notePath)) return null;
  const cut = notePath.lastIndexOf("/");
  return cut > 0 ? notePath.slice(0, cut) : null;
}

/** Topic ids of a folder-per-concept note: its folder, then the heading keys below its title. */
export function folderTopicIdOf(folder: string, keys: readonly string[]): string {
  return hashParts("topic-folder", folder.normalize("NFC"), ...keys);
}

/**
 * The nearest ancestor folder that is itself a concept (has a README or index note), given every
 * note path of the library: "9-1. ECS/9-1-2. IAM Roles" → "9-1. ECS" when "9-1. ECS/README.md" exists.
 */
export function parentConceptFolderOf(folder: string, notePaths: ReadonlySet<string>): string | null {
  let current = folder;
  for (let cut = current.lastIndexOf("/"); cut > 0; cut = current.lastIndexOf("/")) {
    current = current.slice(0, cut);
    for (const name of ["README.md", "readme.md", "Readme.md", "index.md", "README.markdown"]) if (notePaths.has(`${current}/${name}`)) return current;
  }
  return null;
}

/** "9-1-2. IAM Roles" → "IAM Roles"; "Untitled 1a2b…(32 hex)" → "Untitled" (Notion export names). */
export function titleOfName(name: string): string {
  return canonicalHeading(name.replace(/\.(md|markdown)$/i, "").replace(/\s+[0-9a-f]{32}$/i, ""));
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
  const firstH1 = merged.find((section) => section.heading?.depth === 1)?.heading?.text;
  return {
    path: scanned.path,
    title: ownTitleOf(scanned.path, scanned.frontMatter) ?? (firstH1 !== undefined ? stripInlineHtml(firstH1).replace(/\s+/g, " ").trim() || firstH1 : fileTitleOf(scanned.path)),
    frontMatter: scanned.frontMatter,
    sections: merged,
    pageMarkers: scanned.pageMarkers,
    warnings: scanned.warnings,
  };
}

function ownTitleOf(notePath: string, frontMatter: Record<string, unknown> | null): string | null {
  const frontTitle = frontMatter?.title;
  return typeof frontTitle === "string" && frontTitle.trim() ? frontTitle.trim() : null;
}

/** A note's title from its name: the file name, or for a README the folder's name. */
function fileTitleOf(notePath: string): string {
  const folder = conceptFolderOf(notePath);
  return titleOfName((folder ?? notePath).replace(/^.*\//, "")) || notePath;
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

/** Consecutive sections as one (the text before a note's first heading, split or not). */
function joinSections(sections: readonly ParsedSection[]): ParsedSection {
  const first = sections[0]!;
  if (sections.length === 1) return first;
  const last = sections[sections.length - 1]!;
  return {
    ...first,
    endLine: last.endLine,
    markdown: sections.map((section) => section.markdown).filter(Boolean).join("\n\n"),
    html: sections.map((section) => section.html).filter(Boolean).join("\n"),
    plainText: sections.map((section) => section.plainText).filter(Boolean).join("\n"),
    factLines: sections.flatMap((section) => section.factLines),
    lists: sections.flatMap((section) => section.lists),
    wikiTargets: sections.flatMap((section) => section.wikiTargets),
  };
}

function isEmpty(section: Pick<ParsedSection, "html" | "plainText">): boolean {
  return section.html.trim() === "" && section.plainText.trim() === "";
}

/** What the outline needs to know about the rest of the library (all of it known before the pipeline runs). */
export interface OutlineContext {
  /** Every note path of the library, to find a folder note's parent folder note. */
  notePaths?: ReadonlySet<string>;
}

/** A note's sections as occurrences with heading paths, services and page references. */
export function outlineNote(note: ParsedNote, taxonomy: Taxonomy, context: OutlineContext = {}): Occurrence[] {
  const occurrences: Occurrence[] = [];
  const stack: { depth: number; occurrence: Occurrence }[] = [];
  // Every occurrence repeats its ancestors' headings; a 5 MB note has ~10,000 of them.
  const keyCache = new Map<string, string>();
  const keyOf = (heading: string) => {
    let key = keyCache.get(heading);
    if (key === undefined) keyCache.set(heading, (key = headingKey(heading)));
    return key;
  };

  // Folder-per-concept notes: the folder is the identity, the folder chain the tree.
  const folder = conceptFolderOf(note.path);
  const parentFolder = folder && context.notePaths ? parentConceptFolderOf(folder, context.notePaths) : null;
  const folderTitles: string[] = [];
  for (let current = parentFolder; current; current = context.notePaths ? parentConceptFolderOf(current, context.notePaths) : null) {
    folderTitles.unshift(titleOfName(current.replace(/^.*\//, "")));
  }
  // A concept note whose title names no service takes its folders' ("9-1. ECS" → ecs).
  let folderService: string | null = null;
  for (let i = folderTitles.length - 1; i >= 0 && !folderService; i--) folderService = taxonomy.serviceOfHeading(folderTitles[i]!, false);

  const idOf = (headingPath: readonly string[]): string => {
    if (folder) return folderTopicIdOf(folder, headingPath.slice(folderTitles.length + 1).map(keyOf));
    const keys = headingPath.map(keyOf);
    return keys.some(isGenericKey) ? noteTopicIdOf(note.path, keys) : topicIdOf(keys);
  };
  const make = (section: ParsedSection, title: string, asWritten: string, parent: Occurrence | null): Occurrence => {
    const headingPath = parent ? [...parent.headingPath, title] : [...folderTitles, title];
    return {
      notePath: note.path,
      topicId: idOf(headingPath),
      parentId: parent?.topicId ?? (parentFolder ? folderTopicIdOf(parentFolder, []) : null),
      headingPath,
      title,
      headingAsWritten: asWritten,
      line: section.heading?.line ?? section.startLine,
      endLine: section.endLine,
      pageRef: null,
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

  // The note's own topic. A note that opens with an H1 has it (text before the H1 joins it); any
  // other note gets one named after it, holding the text before its first heading, and every
  // heading nests under it (depth 0). A folder note's title topic holds all its headings, H1s too.
  const sections = note.sections;
  const firstHeaded = sections.findIndex((section) => section.heading !== null);
  const preambleSections = firstHeaded < 0 ? sections : sections.slice(0, firstHeaded);
  const preamble = preambleSections.length > 0 ? joinSections(preambleSections) : null;
  const opening = firstHeaded >= 0 ? sections[firstHeaded]! : null;
  let rest = firstHeaded < 0 ? [] : sections.slice(firstHeaded);
  if (opening?.heading?.depth === 1) {
    const section = preamble ? { ...joinSections([preamble, { ...opening, heading: null }]), heading: opening.heading, startLine: opening.startLine, bodyStartLine: opening.bodyStartLine } : opening;
    const title = canonicalHeading(opening.heading.text);
    const occurrence = make(section, title, opening.heading.text, null);
    occurrences.push(occurrence);
    stack.push({ depth: folder ? 0 : 1, occurrence });
    rest = rest.slice(1);
  } else if (opening || (preamble && !isEmpty(preamble))) {
    const title = ownTitleOf(note.path, note.frontMatter) ?? fileTitleOf(note.path);
    const empty: ParsedSection = { heading: null, startLine: 1, endLine: 1, bodyStartLine: 1, markdown: "", html: "", plainText: "", factLines: [], lists: [], wikiTargets: [] };
    const occurrence = make(preamble ?? empty, canonicalHeading(title), title, null);
    occurrences.push(occurrence);
    stack.push({ depth: 0, occurrence });
  }

  for (const section of rest) {
    if (!section.heading) continue;
    while (stack.length > 0 && stack[stack.length - 1]!.depth >= section.heading.depth) stack.pop();
    const parent = stack[stack.length - 1]?.occurrence ?? null;
    const occurrence = make(section, canonicalHeading(section.heading.text), section.heading.text, parent);
    parent?.children.push(occurrence);
    occurrences.push(occurrence);
    stack.push({ depth: section.heading.depth, occurrence });
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
    } else if (!parent && folderService) {
      occurrence.serviceKey = folderService;
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
  /** Sanitised HTML; wiki links still carry the `gureum-wiki:` placeholder. */
  html: string;
  plainText: string;
  wikiTargets: string[];
  occurrences: Occurrence[];
}

function normaliseForComparison(html: string): string {
  return html.replace(/\s+/g, " ").trim();
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
      // The same section copied into several notes renders to the same HTML: it is shown once.
      // (A topic keeps no markdown of its own: the notes' text is stored with the notes.)
      const key = list.length === 1 ? "" : hashText(normaliseForComparison(occurrence.html));
      const existing = seen.get(key);
      const where = `${occurrence.notePath}:${occurrence.line}`;
      if (existing) {
        existing.notes.push(where);
        continue;
      }
      const variant = { notes: [where], html: occurrence.html };
      seen.set(key, variant);
      variants.push(variant);
    }
    const shown = variants.some((variant) => variant.html.trim()) ? variants.filter((variant) => variant.html.trim()) : variants.slice(0, 1);
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
