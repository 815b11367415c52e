// File reading for question banks, kept out of lib/core: bank files, the reference table, the
// taxonomy and the notes' headings. Paths default to the repository layout (content/…),
// relative to the working directory, as every npm script and Next itself run from the root.
import "server-only";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { extractHeadings } from "@/lib/core/questions/headings";
import type { TaxonomyService } from "@/lib/core/questions/import-mapping";
import { DEFAULT_TAXONOMY_PATH, readTaxonomyFile } from "@/lib/server/taxonomy";
import { parseReferenceFacts, type ReferenceFact } from "@/lib/core/reference/aws-facts";

export const DEFAULT_REFERENCE_PATH = "content/reference/aws-facts.json";
export { DEFAULT_TAXONOMY_PATH };
export const DEFAULT_NOTES_DIR = "content/notes";

export interface BankFile {
  /** file name relative to the questions directory, forward slashes */
  file: string;
  content: string;
}

/** `*.md` in the questions directory except README.md (the format's documentation). */
export function readBankFiles(questionsDir: string): BankFile[] {
  let names: string[];
  try {
    names = readdirSync(questionsDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return names
    .filter((name) => name.toLowerCase().endsWith(".md") && name.toLowerCase() !== "readme.md")
    .filter((name) => statSync(path.join(questionsDir, name)).isFile())
    .sort()
    .map((name) => ({ file: name, content: readFileSync(path.join(questionsDir, name), "utf8") }));
}

export function readReferenceFacts(file: string = DEFAULT_REFERENCE_PATH): ReferenceFact[] {
  return parseReferenceFacts(JSON.parse(readFileSync(file, "utf8")));
}

export function readTaxonomyServices(file: string = DEFAULT_TAXONOMY_PATH): TaxonomyService[] {
  return readTaxonomyFile(file).taxonomy.services;
}

function listMarkdown(dir: string, prefix = ""): string[] {
  let entries: string[];
  try {
    entries = readdirSync(path.join(dir, prefix));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  return entries.flatMap((name) => {
    const relative = prefix ? `${prefix}/${name}` : name;
    if (statSync(path.join(dir, relative)).isDirectory()) return name.startsWith(".") ? [] : listMarkdown(dir, relative);
    return name.toLowerCase().endsWith(".md") ? [relative] : [];
  });
}

/** Note file (relative path) → normalised heading texts, for checking `source:` references. */
export function readNoteHeadings(notesDir: string = DEFAULT_NOTES_DIR): Map<string, Set<string>> {
  const headings = new Map<string, Set<string>>();
  for (const file of listMarkdown(notesDir).sort()) {
    const content = readFileSync(path.join(notesDir, file), "utf8");
    headings.set(file, new Set(extractHeadings(content).map((heading) => heading.text)));
  }
  return headings;
}
