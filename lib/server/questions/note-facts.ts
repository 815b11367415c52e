// The ingested notes as generators need them: every live Fact row with the note section it sits
// in (file + heading, found from the stored note text), and the notes split into sections for
// definition lookups. Reads only.
import "server-only";
import type { FactInput } from "@/lib/core/questions/generators/facts";
import { extractHeadings, headingAtLine, splitSections, type NoteSection } from "@/lib/core/questions/headings";
import type { Db, Tx } from "../db";

export interface NoteMaterial {
  facts: FactInput[];
  sections: NoteSection[];
}

export async function loadNoteMaterial(db: Db | Tx): Promise<NoteMaterial> {
  const notes = await db.note.findMany({ where: { archivedAt: null }, select: { id: true, path: true, content: true }, orderBy: { path: "asc" } });
  const rows = await db.fact.findMany({
    where: { archivedAt: null, note: { archivedAt: null } },
    select: { id: true, noteId: true, line: true, serviceKey: true, attribute: true, label: true, valueText: true, value: true, valueMax: true, unit: true },
    orderBy: [{ noteId: "asc" }, { line: "asc" }, { id: "asc" }],
  });
  const byNote = new Map(notes.map((note) => [note.id, { path: note.path, headings: extractHeadings(note.content) }]));
  const facts: FactInput[] = [];
  for (const row of rows) {
    const note = byNote.get(row.noteId);
    if (!note) continue;
    const heading = headingAtLine(note.headings, row.line);
    if (!heading) continue; // a fact above the first heading has no section to cite
    facts.push({
      id: row.id,
      serviceKey: row.serviceKey,
      attribute: row.attribute,
      label: row.label,
      valueText: row.valueText,
      value: row.value,
      valueMax: row.valueMax,
      unit: row.unit,
      source: { file: note.path, heading: heading.text, line: row.line },
    });
  }
  const sections = notes.flatMap((note) => splitSections(note.path, note.content));
  return { facts, sections };
}
