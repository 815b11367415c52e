// The first ingest into an empty database writes while it parses. Parsing runs on the worker
// threads; the main thread would otherwise sit idle until the last note is back and then
// write ~80,000 rows (12 MB corpus) alone, leaving one core unused for the last few seconds.
// Here each note's rows go into the open transaction as soon as the note is analysed: its
// Note row, its sources and facts, and a provisional row for every topic it is the first to
// mention (slug "~<id>" until all slugs can be assigned). Once every note is in, topics whose
// final row differs (a section shared by several notes, resolved wiki links) are rewritten,
// the rest only get their slug. Same transaction, same rows as the incremental path.
import { Prisma } from "@/generated/prisma-sqlite/client";
import { assignFactIds } from "@/lib/core/ingest/facts";
import type { NoteAnalysis } from "@/lib/core/ingest/pipeline";
import type { Taxonomy } from "@/lib/core/ingest/taxonomy";
import { buildTopics } from "@/lib/core/ingest/topics";
import type { Tx } from "@/lib/server/db";
import { chunks, insertRows, type FactRow, type NoteRow, type SearchRow, type SourceRow, type TopicRow } from "./persist";
import { factRowOf, factSearchOf, sourceRowOf, topicRowOf, topicSearchOf } from "./rows";

const FLUSH_CHARS = 1_000_000;

interface Buffers {
  notes: (NoteRow & { ingestedAt: Date })[];
  topics: (TopicRow & { createdAt: Date; updatedAt: Date })[];
  sources: SourceRow[];
  facts: FactRow[];
  search: SearchRow[];
}

function emptyBuffers(): Buffers {
  return { notes: [], topics: [], sources: [], facts: [], search: [] };
}

/** The content hash covers every column but the slug (rows.ts). */
function sameExceptSlug(a: TopicRow, b: TopicRow): boolean {
  return a.contentHash === b.contentHash;
}

export class StreamWriter {
  private chain: Promise<void> = Promise.resolve();
  private failure: unknown = null;
  private buffers = emptyBuffers();
  private bufferedChars = 0;
  private readonly provisional = new Map<string, { row: TopicRow; search: SearchRow }>();
  changed = 0;

  constructor(
    private readonly tx: Tx,
    private readonly now: Date,
    private readonly taxonomy: Taxonomy,
  ) {}

  /** Queues a parsed note's rows (synchronous: called from the parse loop). */
  add(note: NoteRow, analysis: NoteAnalysis): void {
    const { now } = this;
    this.buffers.notes.push({ ...note, ingestedAt: now });
    this.bufferedChars += note.content.length;
    for (const occurrence of analysis.occurrences) {
      if (!this.provisional.has(occurrence.topicId)) {
        const draft = buildTopics([occurrence], this.taxonomy)[0]!;
        const row = topicRowOf(draft, `~${draft.id}`, null);
        const search = topicSearchOf(draft, this.taxonomy);
        this.provisional.set(draft.id, { row, search });
        this.buffers.topics.push({ ...row, createdAt: now, updatedAt: now });
        this.buffers.search.push(search);
        this.bufferedChars += row.html.length + row.markdown.length + search.body.length;
      }
      this.buffers.sources.push(sourceRowOf(occurrence, note.id));
    }
    for (const fact of assignFactIds(analysis.facts)) {
      this.buffers.facts.push(factRowOf(fact, note.id));
      this.buffers.search.push(factSearchOf(fact));
    }
    if (this.bufferedChars >= FLUSH_CHARS) this.flush();
  }

  private flush(): void {
    const buffers = this.buffers;
    this.buffers = emptyBuffers();
    this.bufferedChars = 0;
    this.chain = this.chain.then(async () => {
      if (this.failure) return;
      try {
        const { tx } = this;
        // Foreign keys: notes and topics before the sources and facts that point at them.
        this.changed += await insertRows(tx, "Note", buffers.notes, ["id", "path", "title", "contentHash", "content", "byteSize", "ingestedAt"]);
        this.changed += await insertRows(tx, "Topic", buffers.topics, [
          "id", "slug", "title", "headingPath", "serviceKey", "categoryKey", "parentId", "depth", "sortOrder", "markdown", "html", "contentHash", "createdAt", "updatedAt",
        ]);
        this.changed += await insertRows(tx, "TopicSource", buffers.sources, ["topicId", "noteId", "line", "endLine", "pageRef", "heading"]);
        this.changed += await insertRows(tx, "Fact", buffers.facts, ["id", "topicId", "noteId", "line", "serviceKey", "attribute", "label", "valueText", "value", "valueMax", "unit", "excerpt"]);
        this.changed += await insertRows(tx, "SearchDocument", buffers.search, ["id", "kind", "refId", "topicId", "title", "body", "keywords"]);
      } catch (error) {
        this.failure = error;
      }
    });
  }

  private async drain(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
  }

  /** Writes what is left, then brings every provisional topic to its final row. */
  async finish(finalTopics: ReadonlyMap<string, TopicRow>, finalSearch: ReadonlyMap<string, SearchRow>): Promise<number> {
    await this.drain();
    const { tx, now } = this;
    const slugOnly: [string, string][] = [];
    for (const [id, row] of finalTopics) {
      const provisional = this.provisional.get(id);
      if (!provisional) throw new Error(`topic ${id} was never written`);
      if (sameExceptSlug(provisional.row, row)) {
        slugOnly.push([id, row.slug]);
        continue;
      }
      // Rows already counted when first inserted: finishing them is not another changed row.
      await tx.topic.update({ where: { id }, data: { ...row, updatedAt: now } });
      const search = finalSearch.get(id);
      if (search) await tx.searchDocument.update({ where: { id: search.id }, data: search });
    }
    for (const part of chunks(slugOnly, 500)) {
      const cases = Prisma.join(
        part.map(([id, slug]) => Prisma.sql`WHEN ${id} THEN ${slug}`),
        " ",
      );
      await tx.$executeRaw(Prisma.sql`UPDATE "Topic" SET "slug" = CASE "id" ${cases} END WHERE "id" IN (${Prisma.join(part.map(([id]) => id))})`);
    }
    return this.changed;
  }
}
