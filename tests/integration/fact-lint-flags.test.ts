// Search's fact flags (lib/server/search/fact-lint.ts) read the lint's deduped warnings: one
// warning for a value a note repeats names every fact it covers (detail.factIds, issue 10).
import { describe, expect, it } from "vitest";
import { flagsForFacts } from "@/lib/server/search/fact-lint";

describe("flagsForFacts", () => {
  it("flags every fact a deduped reference warning covers, not only the first", () => {
    const facts = [3, 9, 12].map((line, i) => ({ id: `f${i}`, serviceKey: "lambda", attribute: "payload.async", notePath: "a.md", line }));
    const warning = {
      kind: "reference", file: "a.md", line: 3, factKey: "lambda:payload.async", message: "노트: 256KB → AWS 문서: 1MB — 같은 내용이 9줄, 12줄에도 있습니다",
      detail: JSON.stringify({ factId: "f0", factIds: ["f0", "f1", "f2"], referenceId: "lambda-payload-async", lines: [3, 9, 12] }),
    };
    const flags = flagsForFacts(facts, [warning]);
    expect([...flags.keys()]).toEqual(["f0", "f1", "f2"]);
    expect(flags.get("f2")![0]).toMatchObject({ kind: "reference", aws: { url: expect.stringContaining("API_Invoke") } });
  });
});
