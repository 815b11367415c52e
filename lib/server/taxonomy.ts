// The AWS taxonomy (content/taxonomy/aws-services.json), validated once per process. Pages and
// the question browser use the copy bundled at build time; the ingester and the question sync
// read a file (the repository's by default, another in tests) through the same validation.
import "server-only";
import { readFileSync } from "node:fs";
import taxonomyJson from "@/content/taxonomy/aws-services.json";
import { parseTaxonomy, type TaxonomyFile } from "@/lib/core/ingest/taxonomy";

export const DEFAULT_TAXONOMY_PATH = "content/taxonomy/aws-services.json";

let bundled: TaxonomyFile | null = null;
const fromFiles = new Map<string, { text: string; taxonomy: TaxonomyFile }>();

/** The taxonomy the app was built with. */
export function bundledTaxonomy(): TaxonomyFile {
  bundled ??= parseTaxonomy(taxonomyJson);
  return bundled;
}

/** The taxonomy in `file` as it is now (re-validated only when its text changed). */
export function readTaxonomyFile(file: string = DEFAULT_TAXONOMY_PATH): { text: string; taxonomy: TaxonomyFile } {
  const text = readFileSync(file, "utf8");
  const cached = fromFiles.get(file);
  if (cached && cached.text === text) return cached;
  const entry = { text, taxonomy: parseTaxonomy(JSON.parse(text)) };
  fromFiles.set(file, entry);
  return entry;
}
