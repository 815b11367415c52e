// Database rows for what the pipeline produced: the one place that shapes topics, sources,
// facts and search documents (plan.ts builds them, persist.ts writes them).
import type { FactDraft } from "@/lib/core/ingest/facts";
import { hashParts } from "@/lib/core/ingest/hash";
import type { Taxonomy } from "@/lib/core/ingest/taxonomy";
import type { Occurrence, TopicDraft } from "@/lib/core/ingest/topics";
import { resolveWikiLinks } from "@/lib/core/ingest/wiki-resolve";
import type { FactRow, SearchRow, SourceRow, TopicRow } from "./persist";

const MAX_SEARCH_BODY = 200_000;

/**
 * The content hash leaves the slug out: a topic's slug never changes once given, and the
 * streaming path writes topics before their slugs are known.
 */
export function topicRowOf(draft: TopicDraft, slug: string, resolve: ((reference: string) => string | null) | null): TopicRow {
  const row = {
    id: draft.id,
    title: draft.title,
    headingPath: JSON.stringify(draft.headingPath),
    serviceKey: draft.serviceKey,
    categoryKey: draft.categoryKey,
    parentId: draft.parentId,
    depth: draft.depth,
    sortOrder: draft.sortOrder,
    html: resolve ? resolveWikiLinks(draft.html, resolve) : draft.html,
  };
  return { ...row, slug, contentHash: hashParts(...Object.values(row).map((value) => (value === null ? null : String(value)))) };
}

/**
 * A topic's search keywords (its service's names, its category's): one string per service and
 * category, shared by every topic that has them (60,000 topics made 17 MB of copies).
 */
export function topicKeywords(taxonomy: Taxonomy): (draft: Pick<TopicDraft, "serviceKey" | "categoryKey">) => string {
  const known = new Map<string, string>();
  return (draft) => {
    const key = `${draft.serviceKey ?? ""}\u0000${draft.categoryKey}`;
    let keywords = known.get(key);
    if (keywords === undefined) {
      keywords = [taxonomy.keywordsOf(draft.serviceKey), taxonomy.categories.get(draft.categoryKey)?.name ?? ""].join(" ").trim();
      known.set(key, keywords);
    }
    return keywords;
  };
}

export function topicSearchOf(draft: TopicDraft, keywordsOf: (draft: TopicDraft) => string): SearchRow {
  return {
    id: `topic:${draft.id}`,
    kind: "topic",
    refId: draft.id,
    topicId: draft.id,
    title: draft.title,
    body: draft.plainText.slice(0, MAX_SEARCH_BODY),
    keywords: keywordsOf(draft),
  };
}

export function sourceRowOf(occurrence: Occurrence, noteId: string): SourceRow {
  return {
    topicId: occurrence.topicId,
    noteId,
    line: occurrence.line,
    endLine: occurrence.endLine,
    pageRef: occurrence.pageRef,
    heading: occurrence.headingAsWritten,
  };
}

export function factRowOf(fact: FactDraft, noteId: string): FactRow {
  return {
    id: fact.id,
    topicId: fact.topicId,
    noteId,
    line: fact.line,
    serviceKey: fact.serviceKey,
    attribute: fact.attribute,
    label: fact.label,
    valueText: fact.valueText,
    value: fact.value,
    valueMax: fact.valueMax,
    unit: fact.unit,
    excerpt: fact.excerpt,
  };
}

export function factSearchOf(fact: FactDraft): SearchRow {
  return { id: `fact:${fact.id}`, kind: "fact", refId: fact.id, topicId: fact.topicId, title: fact.label, body: `${fact.label}: ${fact.valueText}\n${fact.excerpt}`, keywords: fact.keywords };
}
