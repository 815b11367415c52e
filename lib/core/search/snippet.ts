// Snippets: a window of the text around the densest cluster of matches, cut into plain and
// highlighted segments. Segments are data, not HTML: the UI renders each as text (React
// escapes it) and wraps highlighted ones in <mark>, so a "<script>" in a note stays text.
import { findMatches, type CompiledTerm, type TextMatch } from "./match";
import { normalizeText } from "./normalize";
import type { SnippetSegment } from "./types";

export interface SnippetOptions {
  maxLength?: number;
  /** Characters of context kept before the first match in the window. */
  leadIn?: number;
}

export function buildSnippet(text: string, terms: readonly CompiledTerm[], options: SnippetOptions = {}): SnippetSegment[] {
  const maxLength = options.maxLength ?? 160;
  const leadIn = options.leadIn ?? 30;
  const flat = normalizeText(text).replace(/\s+/g, " ").trim();
  if (!flat) return [];
  const matches = findMatches(flat, terms);
  if (matches.length === 0) return [{ text: truncate(flat, maxLength), highlight: false }];

  const [windowStart, windowEnd] = chooseWindow(flat, matches, maxLength, leadIn);
  const inWindow = mergeMatches(matches.filter((m) => m.start >= windowStart && m.end <= windowEnd));
  const segments: SnippetSegment[] = [];
  let cursor = windowStart;
  if (windowStart > 0) segments.push({ text: "…", highlight: false });
  for (const match of inWindow) {
    if (match.start > cursor) segments.push({ text: flat.slice(cursor, match.start), highlight: false });
    segments.push({ text: flat.slice(match.start, match.end), highlight: true });
    cursor = match.end;
  }
  if (cursor < windowEnd) segments.push({ text: flat.slice(cursor, windowEnd), highlight: false });
  if (windowEnd < flat.length) segments.push({ text: "…", highlight: false });
  return joinPlain(segments);
}

/** Highlights every match in a short text (a title) without cutting it. */
export function highlightText(text: string, terms: readonly CompiledTerm[]): SnippetSegment[] {
  const flat = normalizeText(text);
  const segments: SnippetSegment[] = [];
  let cursor = 0;
  for (const match of mergeMatches(findMatches(flat, terms))) {
    if (match.start > cursor) segments.push({ text: flat.slice(cursor, match.start), highlight: false });
    segments.push({ text: flat.slice(match.start, match.end), highlight: true });
    cursor = match.end;
  }
  if (cursor < flat.length) segments.push({ text: flat.slice(cursor), highlight: false });
  return segments;
}

/** Escaped HTML for places that need a string (never used with unescaped note text). */
export function segmentsToHtml(segments: readonly SnippetSegment[]): string {
  return segments.map((s) => (s.highlight ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join("");
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// Picks the window start that covers the most distinct terms, then the most matches.
function chooseWindow(text: string, matches: readonly TextMatch[], maxLength: number, leadIn: number): [number, number] {
  let best = { start: 0, terms: -1, count: -1 };
  for (const anchor of matches.slice(0, 300)) {
    const start = Math.max(0, anchor.start - leadIn);
    const end = start + maxLength;
    const inside = matches.filter((m) => m.start >= start && m.end <= end);
    const terms = new Set(inside.map((m) => m.termIndex)).size;
    if (terms > best.terms || (terms === best.terms && inside.length > best.count)) {
      best = { start, terms, count: inside.length };
    }
  }
  let start = best.start;
  let end = Math.min(text.length, start + maxLength);
  // Prefer to start and end at a space so words are not cut in half.
  if (start > 0) {
    const space = text.lastIndexOf(" ", start);
    if (space >= 0 && start - space < 12) start = space + 1;
  }
  if (end < text.length) {
    const space = text.indexOf(" ", end);
    if (space >= 0 && space - end < 12) end = space;
  }
  return [start, end];
}

function mergeMatches(matches: readonly TextMatch[]): TextMatch[] {
  const sorted = [...matches].sort((a, b) => a.start - b.start || b.end - a.end);
  const merged: TextMatch[] = [];
  for (const match of sorted) {
    const last = merged[merged.length - 1];
    if (last && match.start <= last.end) last.end = Math.max(last.end, match.end);
    else merged.push({ ...match });
  }
  return merged;
}

function joinPlain(segments: SnippetSegment[]): SnippetSegment[] {
  const out: SnippetSegment[] = [];
  for (const segment of segments) {
    const last = out[out.length - 1];
    if (last && !last.highlight && !segment.highlight) last.text += segment.text;
    else if (segment.text) out.push({ ...segment });
  }
  return out;
}

function truncate(text: string, maxLength: number): string {
  if (text.length <= maxLength) return text;
  const cut = text.lastIndexOf(" ", maxLength);
  return `${text.slice(0, cut > maxLength * 0.6 ? cut : maxLength)}…`;
}
