// Plain types shared by the ingest pipeline. Everything here crosses the worker boundary
// (structured clone), so it stays plain data: no classes, no functions, no Maps.

export interface IngestWarning {
  file: string;
  line: number;
  message: string;
}

/** A warning with its kind, as stored in LintWarning. */
export interface LintWarningDraft extends IngestWarning {
  id: string;
  kind: "conflict" | "reference" | "input";
  topicId: string | null;
  factKey: string | null;
  detail: Record<string, unknown> | null;
}

export interface PageMarker {
  line: number;
  page: string;
}

/** A slice of a note that remark parses on its own: starts at an ATX heading, the file start, or a safe paragraph boundary. */
export interface Segment {
  startLine: number;
  text: string;
  /** True when the segment continues the previous segment's section (a split inside one long section). */
  continuation: boolean;
}

export interface ScannedNote {
  path: string;
  frontMatter: Record<string, unknown> | null;
  segments: Segment[];
  pageMarkers: PageMarker[];
  /** Link reference definitions found anywhere in the note, appended to every segment so references still resolve. */
  definitions: string;
  warnings: IngestWarning[];
  lineCount: number;
  byteLength: number;
}

/** One line of section text that may hold a fact: it has a number or matches a claim trigger. */
export interface FactLine {
  line: number;
  text: string;
  /** Lead-in text of the list items this line is nested in, outermost first. */
  context: string[];
}

export interface ParsedSection {
  /** null for text before the first heading, or for the continuation of a split section. */
  heading: { depth: number; text: string; line: number } | null;
  startLine: number;
  endLine: number;
  /** First line after the heading (file line). */
  bodyStartLine: number;
  /** The section's source; empty until assembleNote slices it from the note (workers do not send it back). */
  markdown: string;
  html: string;
  plainText: string;
  factLines: FactLine[];
  /** First line of every item of each top-level list, for list-count facts (e.g. "routing policies: 7"). */
  lists: string[][];
  /** Wiki link targets, so unresolved links can be reported. */
  wikiTargets: string[];
}

/** Work for one worker round trip: some consecutive segments of one note. */
export interface ParseTask {
  path: string;
  segments: Segment[];
  definitions: string;
}

export interface ParsedNote {
  path: string;
  title: string;
  frontMatter: Record<string, unknown> | null;
  sections: ParsedSection[];
  pageMarkers: PageMarker[];
  warnings: IngestWarning[];
}

/** What a note says about one AWS value: the shape shared by fact drafts, lint input and rows. */
export interface FactValue {
  id: string;
  line: number;
  serviceKey: string;
  attribute: string;
  label: string;
  /** as written: "15분" */
  valueText: string;
  /** normalised to `unit` */
  value: number;
  valueMax: number | null;
  unit: string;
}
