// Synonym index: service names and aliases from the taxonomy plus hand-written synonym groups
// (content/taxonomy/search-synonyms.json). Both are data; this module only indexes them.
import { toLookupKey } from "./normalize";
import type { SynonymGroup } from "./types";

export interface TaxonomyServices {
  services: ReadonlyArray<{ key: string; name: string; aliases?: readonly string[] }>;
}

export interface SynonymFile {
  groups: ReadonlyArray<readonly string[]>;
  /** Per taxonomy service key: aliases that name a feature of the service, not the service. */
  serviceFeatures?: Readonly<Record<string, readonly string[]>>;
}

export interface SynonymIndex {
  /** Groups containing a word whose lookup key equals `key` (see toLookupKey). */
  groupsFor(key: string): readonly SynonymGroup[];
  /** Longest entry in words, so the parser knows how many query words to try joining. */
  readonly longestEntryWords: number;
}

export function collectSynonymGroups(taxonomy: TaxonomyServices, synonyms: SynonymFile): SynonymGroup[] {
  const groups: SynonymGroup[] = [];
  for (const service of taxonomy.services) {
    const features = synonyms.serviceFeatures?.[service.key] ?? [];
    groups.push({
      kind: "service",
      serviceKey: service.key,
      entries: unique([service.name, ...(service.aliases ?? [])]),
      ...(features.length ? { featureKeys: new Set(features.map(toLookupKey)) } : {}),
    });
  }
  for (const entries of synonyms.groups) {
    if (entries.length > 1) groups.push({ kind: "synonym", entries: unique(entries) });
  }
  return groups;
}

export function buildSynonymIndex(groups: readonly SynonymGroup[]): SynonymIndex {
  const byKey = new Map<string, SynonymGroup[]>();
  let longestEntryWords = 1;
  for (const group of groups) {
    for (const entry of group.entries) {
      const key = toLookupKey(entry);
      if (!key) continue;
      const list = byKey.get(key) ?? [];
      if (!list.includes(group)) list.push(group);
      byKey.set(key, list);
      longestEntryWords = Math.max(longestEntryWords, entry.trim().split(/\s+/).length);
    }
  }
  return {
    groupsFor: (key) => byKey.get(key) ?? [],
    longestEntryWords: Math.min(longestEntryWords, 5),
  };
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    const trimmed = value.trim();
    const key = toLookupKey(trimmed);
    if (!trimmed || seen.has(key)) continue;
    seen.add(key);
    out.push(trimmed);
  }
  return out;
}
