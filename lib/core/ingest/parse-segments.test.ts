import { describe, expect, it } from "vitest";
import { parseTask } from "./parse-segments";
import { groupTasks, scanNote } from "./scan";
import { assembleNote } from "./topics";

const context = { resolveImage: () => null };

function parseWhole(text: string, maxSegmentChars?: number) {
  const scanned = scanNote("a.md", text, { maxSegmentChars });
  return assembleNote(scanned, groupTasks(scanned, 5_000).flatMap((task) => parseTask(task, context)));
}

describe("parsing in pieces", () => {
  it("gives the same sections whether a long section is parsed whole or in pieces", () => {
    const body = Array.from({ length: 80 }, (_, i) => `문단 ${i}: 람다 타임아웃 ${i}분 설명 ${"가나다 ".repeat(20)}\n\n- 목록 ${i}\n  - 하위 ${i}\n`).join("\n");
    const text = `# 앞\n짧은 본문\n\n## 긴 절\n${body}\n## 뒤\n끝\n`;
    const whole = parseWhole(text, 10_000_000);
    const pieces = parseWhole(text, 1_000);
    expect(pieces.sections.map((section) => section.heading?.text)).toEqual(["앞", "긴 절", "뒤"]);
    expect(pieces.sections.map((section) => [section.startLine, section.endLine])).toEqual(whole.sections.map((section) => [section.startLine, section.endLine]));
    expect(pieces.sections[1]!.plainText).toBe(whole.sections[1]!.plainText);
    expect(pieces.sections[1]!.factLines).toEqual(whole.sections[1]!.factLines);
  });

  it("reports file line numbers for headings and fact lines", () => {
    const note = parseWhole("머리말\n\n# 제목\n\n- 타임아웃 15분\n\n## 둘\n셋째 줄 3개\n");
    expect(note.sections.map((section) => section.heading?.line ?? null)).toEqual([null, 3, 7]);
    expect(note.sections[1]!.factLines).toEqual([{ line: 5, text: "타임아웃 15분", context: [] }]);
    expect(note.sections[2]!.factLines).toEqual([{ line: 8, text: "셋째 줄 3개", context: [] }]);
  });

  it("resolves link references defined in another section", () => {
    const note = parseWhole("# 하나\n[문서][aws]\n\n# 둘\n[aws]: https://docs.aws.amazon.com/\n");
    expect(note.sections[0]!.html).toBe('<p><a href="https://docs.aws.amazon.com/">문서</a></p>');
  });
});
