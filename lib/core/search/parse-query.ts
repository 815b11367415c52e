// Query parsing: words and "quoted phrases", multi-word aliases ("제한 시간", "Route 53") kept
// together, Korean particles stripped ("람다의" → 람다), and each term expanded to every spelling
// that should count as a match. Matching itself is in match.ts.
import { containsHangul, normalizeText, toLookupKey } from "./normalize";
import type { SynonymIndex } from "./synonyms";
import type { ParsedQuery, QueryTerm, TermAlternative } from "./types";

export const MAX_QUERY_LENGTH = 200;
export const MAX_TERMS = 8;
export const MAX_TERM_LENGTH = 60;

const WEIGHT = { literal: 1, stem: 0.8, synonym: 0.9, service: 0.7 } as const;

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
  const alternatives = new Map<string, TermAlternative>();
  const add = (value: string, source: TermAlternative["source"]) => {
    const key = toLookupKey(value);
    if (!key) return;
    const existing = alternatives.get(key);
    if (!existing || existing.weight < WEIGHT[source]) alternatives.set(key, { text: value, weight: WEIGHT[source], source });
  };

  add(text, "literal");
  let groups = index.groupsFor(toLookupKey(text));
  if (groups.length === 0) {
    const stem = stripParticle(text);
    if (stem) {
      add(stem, "stem");
      groups = index.groupsFor(toLookupKey(stem));
    }
  }
  for (const group of groups) {
    for (const entry of group.entries) add(entry, group.kind === "service" ? "service" : "synonym");
  }
  return { raw: text, alternatives: [...alternatives.values()] };
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
