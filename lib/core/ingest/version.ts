// Bump when the pipeline's output for unchanged notes changes (parsing, rendering, topic or fact
// rules): every note then counts as changed once, and is re-ingested. The taxonomy, the fact
// table and the set of image files are hashed into the same key automatically.
// 2026-12-06.2: topic ids scoped to their note on generic heading paths and to their folder for
// folder-per-concept notes, title topics for notes without an opening H1, quiz notes left out.
// 2026-12-06.3: fact rules (per-unit, clause service, scenarios, options, steps, sums) drop or
// re-attribute facts, so fact ids and ranks change; lint warnings deduped and rewritten.
// 2026-12-07.1: topics keep no markdown (the column is gone); copies of a section across notes
// are compared by their HTML.
export const INGEST_VERSION = "2026-12-07.1";
