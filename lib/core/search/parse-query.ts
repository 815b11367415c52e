// Query parsing: words and "quoted phrases", multi-word aliases ("제한 시간", "Route 53") kept
// together, Korean particles stripped ("람다의" → 람다), and each term expanded to every spelling
// that should count as a match. Matching itself is in match.ts.
import { containsHangul, normalizeText, toLookupKey } from "./normalize";
import type { SynonymIndex } from "./synonyms";
import type { ParsedQuery, QueryTerm, SynonymGroup, TermAlternative } from "./types";

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 60;

// See TermAlternative.weight. A phrase ("읽기 전용 복제본") is more specific than any of its
// expansions, so they count less than for a single word; a feature alias says nothing about
// the rest of its service, so the service's names are related evidence only.
const WEIGHT = { literal: 1, stem: 0.8, synonym: 0.9, service: 0.7 } as const;
const PHRASE_WEIGHT = { synonym: 0.8, service: 0.5 } as const;
export const FEATURE_SERVICE_WEIGHT = 0.3;

// Longest first so "에서" wins over "에". A particle is stripped only when at least two
// syllables remain, so "사이", "추가" and "경로" stay whole.
const PARTICLES = ["에서는", "에서", "으로", "에게", "까지", "부터", "처럼", "보다", "이나", "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "랑"];

const EDGE_PUNCTUATION = /^[\s,.;:!?()[\]{}<>'"“”‘’`~]+|[\s,.;:!?()[\]{}<>'"“”‘’`~]+$/g;

export function parseSearchQuery(input: string, index: SynonymIndex): ParsedQuery {
  const raw = normalizeText(input).slice(0, MAX_QUERY_LENGTH).trim();
  const chunks = splitChunks(raw);
  const terms: QueryTerm[] = [];
  const dropped: string[] = [];
  const seen = new Set<string>();

  let i = 0;
  while (i < chunks.length) {
    const chunk = chunks[i]!;
    let consumed = 1;
    let term: QueryTerm | null = null;

    if (chunk.quoted) {
      term = literalTerm(chunk.text);
    } else {
      // Try the longest run of plain words that is a known phrase ("제한 시간", "Route 53").
      for (let length = Math.min(index.longestEntryWords, chunks.length - i); length >= 2; length--) {
        const run = chunks.slice(i, i + length);
        if (run.some((c) => c.quoted)) continue;
        const phrase = run.map((c) => c.text).join(" ");
        if (index.groupsFor(toLookupKey(phrase)).length > 0) {
          term = expandTerm(phrase, index);
          const parts = run.map((c) => expandTerm(c.text, index)).filter((part): part is QueryTerm => part !== null);
          if (term && parts.length > 1) term.parts = parts;
          consumed = length;
          break;
        }
      }
      term ??= expandTerm(chunk.text, index);
    }
    i += consumed;

    if (!term) continue;
    if (term.raw.length > MAX_TERM_LENGTH || terms.length >= MAX_TERMS) {
      dropped.push(term.raw);
      continue;
    }
    const key = toLookupKey(term.raw);
    if (seen.has(key)) continue;
    seen.add(key);
    terms.push(term);
  }
  return { raw, terms, dropped };
}

/** Every spelling a single word or phrase stands for. */
export function expandTerm(word: string, index: SynonymIndex): QueryTerm | null {
  const text = word.replace(EDGE_PUNCTUATION, "").trim();
  if (!text) return null;
  const multiWord = /\s/.test(text);
  const alternatives = new Map<string, TermAlternative>();
  const add = (value: string, source: TermAlternative["source"], weight: number) => {
    const key = toLookupKey(value);
    if (!key) return;
    const existing = alternatives.get(key);
    if (!existing || existing.weight < weight) alternatives.set(key, { text: value, weight, source });
  };

  add(text, "literal", WEIGHT.literal);
  let typedKey = toLookupKey(text);
  let groups = index.groupsFor(typedKey);
  if (groups.length === 0) {
    const stem = stripParticle(text);
    if (stem) {
      add(stem, "stem", WEIGHT.stem);
      typedKey = toLookupKey(stem);
      groups = index.groupsFor(typedKey);
    }
  }
  for (const group of groups) {
    const weight = expansionWeight(group, typedKey, multiWord);
    for (const entry of group.entries) add(entry, group.kind === "service" ? "service" : "synonym", weight);
  }
  return { raw: text, alternatives: [...alternatives.values()] };
}

function expansionWeight(group: SynonymGroup, typedKey: string, multiWord: boolean): number {
  if (group.kind === "synonym") return multiWord ? PHRASE_WEIGHT.synonym : WEIGHT.synonym;
  if (group.featureKeys?.has(typedKey)) return FEATURE_SERVICE_WEIGHT;
  return multiWord && !spellsServiceName(group, typedKey) ? PHRASE_WEIGHT.service : WEIGHT.service;
}

// "route 53" and "Amazon Route 53" are the service's name, not a phrase about it.
function spellsServiceName(group: SynonymGroup, typedKey: string): boolean {
  const name = toLookupKey(group.entries[0] ?? "");
  return typedKey === name || typedKey === name.replace(/^(amazon|aws)/, "");
}

export function stripParticle(word: string): string | null {
  if (!containsHangul(word.slice(-1))) return null;
  for (const particle of PARTICLES) {
    if (word.endsWith(particle) && [...word].length - [...particle].length >= 2) {
      return word.slice(0, word.length - particle.length);
    }
  }
  return null;
}

function literalTerm(text: string): QueryTerm | null {
  const trimmed = text.trim();
  return trimmed ? { raw: trimmed, alternatives: [{ text: trimmed, weight: WEIGHT.literal, source: "literal" }] } : null;
}

interface Chunk {
  text: string;
  quoted: boolean;
}

function splitChunks(raw: string): Chunk[] {
  const chunks: Chunk[] = [];
  const pattern = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  for (const match of raw.matchAll(pattern)) {
    const quoted = match[1] ?? match[2];
    if (quoted !== undefined) {
      if (quoted.trim()) chunks.push({ text: quoted.trim().replace(/\s+/g, " "), quoted: true });
    } else {
      const word = (match[3] ?? "").replace(EDGE_PUNCTUATION, "");
      if (word) chunks.push({ text: word, quoted: false });
    }
  }
  return chunks;
}
