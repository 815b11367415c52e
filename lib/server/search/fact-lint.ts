// Lint warnings → the flags a fact search hit shows beside its value. A warning names its fact
// in detail.factId; older rows (or a detail the ingester no longer writes) fall back to the
// same note line and fact key. The AWS value comes from the reference table: the warning's
// referenceId, else the reference for the fact's service and attribute.
import "server-only";
import references from "@/content/reference/aws-facts.json";
import { findReference, indexReferenceFacts, parseReferenceFacts, type ReferenceIndex } from "@/lib/core/reference/aws-facts";

export type FactLintKind = "reference" | "conflict";

export interface FactLintFlag {
  kind: FactLintKind;
  message: string;
  /** What the AWS documentation says, when the reference table has the fact. */
  aws: { text: string; url: string; asOf: string } | null;
}

export interface LintRow {
  kind: string;
  file: string;
  line: number;
  factKey: string | null;
  message: string;
  detail: string | null;
}

export interface FlaggableFact {
  id: string;
  serviceKey: string;
  attribute: string;
  notePath: string;
  line: number;
}

let cachedIndex: ReferenceIndex | undefined;
function referenceIndex(): ReferenceIndex {
  cachedIndex ??= indexReferenceFacts(parseReferenceFacts(references));
  return cachedIndex;
}

function parseDetail(detail: string | null): { factId?: unknown; factIds?: unknown; referenceId?: unknown } {
  if (!detail) return {};
  try {
    const value: unknown = JSON.parse(detail);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : {};
  } catch (error) {
    if (error instanceof SyntaxError) return {};
    throw error;
  }
}

/** Flags per fact id; one flag per kind (the lint may repeat a warning for the same line). */
export function flagsForFacts(facts: readonly FlaggableFact[], warnings: readonly LintRow[]): Map<string, FactLintFlag[]> {
  const index = referenceIndex();
  const out = new Map<string, FactLintFlag[]>();
  for (const fact of facts) {
    const factKey = `${fact.serviceKey}:${fact.attribute}`;
    const flags: FactLintFlag[] = [];
    for (const warning of warnings) {
      if (warning.kind !== "reference" && warning.kind !== "conflict") continue;
      const detail = parseDetail(warning.detail);
      const named = typeof detail.factId === "string";
      // A warning for a value a note repeats names every fact it covers in detail.factIds (lint.ts).
      const covered = Array.isArray(detail.factIds) && detail.factIds.includes(fact.id);
      const mine = named ? detail.factId === fact.id || covered : warning.file === fact.notePath && warning.line === fact.line && warning.factKey === factKey;
      if (!mine || flags.some((flag) => flag.kind === warning.kind)) continue;
      const reference = (typeof detail.referenceId === "string" ? index.byId.get(detail.referenceId) : undefined) ?? findReference(index, fact.serviceKey, fact.attribute);
      flags.push({ kind: warning.kind, message: warning.message, aws: reference ? { text: reference.text, url: reference.url, asOf: reference.asOf } : null });
    }
    if (flags.length) out.set(fact.id, flags.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === "reference" ? -1 : 1)));
  }
  return out;
}
