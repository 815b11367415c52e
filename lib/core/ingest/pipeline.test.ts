import { describe, expect, it } from "vitest";
import taxonomyJson from "@/content/taxonomy/aws-services.json";
import referenceJson from "@/content/reference/aws-facts.json";
import { parseReferenceFacts } from "../reference/aws-facts";
import { ingestInMemory, MAX_FACTS_PER_NOTE } from "./pipeline";
import { createTaxonomy } from "./taxonomy";

const context = { taxonomy: createTaxonomy(taxonomyJson), references: parseReferenceFacts(referenceJson) };

describe("analyseNote: the per-note fact limit (issue 10: hostile notes)", () => {
  const table = (rows: number) => `# Lambda\n\n| 항목 | 값 |\n|---|---|\n${Array.from({ length: rows }, (_, i) => `| 람다 타임아웃 | ${i + 1}분 |`).join("\n")}\n`;

  it("keeps the first facts in line order and warns at the first one left out", () => {
    const rows = MAX_FACTS_PER_NOTE + 100;
    const result = ingestInMemory([{ path: "big.md", text: table(rows) }], context);
    expect(result.facts).toHaveLength(MAX_FACTS_PER_NOTE);
    // the table's first data row is line 5: the last fact kept is row MAX, the first left out row MAX + 1
    expect(Math.max(...result.facts.map((fact) => fact.line))).toBe(4 + MAX_FACTS_PER_NOTE);
    const notice = result.warnings.find((warning) => warning.message.includes("한 노트의 한도"));
    expect(notice).toMatchObject({ file: "big.md", line: 5 + MAX_FACTS_PER_NOTE });
    expect(notice!.message).toContain(`나머지 ${rows - MAX_FACTS_PER_NOTE}개`);
  });

  it("gives the kept facts the ids they have when the note is under the limit", () => {
    const small = ingestInMemory([{ path: "big.md", text: table(50) }], context).facts.map((fact) => fact.id);
    const large = ingestInMemory([{ path: "big.md", text: table(MAX_FACTS_PER_NOTE + 10) }], context).facts.slice(0, 50).map((fact) => fact.id);
    expect(large).toEqual(small);
    expect(ingestInMemory([{ path: "big.md", text: table(50) }], context).warnings.some((warning) => warning.message.includes("한 노트의 한도"))).toBe(false);
  });
});
