import { describe, expect, it } from "vitest";
import { groupTasks, readPageMarker, scanNote } from "./scan";

describe("readPageMarker", () => {
  it("recognises page markers alone on a line", () => {
    expect(readPageMarker("p 175")).toBe("175");
    expect(readPageMarker("P215")).toBe("215");
    expect(readPageMarker('<font color="#c00000">P215</font>')).toBe("215");
    expect(readPageMarker("pp. 12-13")).toBe("12-13");
    expect(readPageMarker("p 3 은 문장")).toBeNull();
    expect(readPageMarker("php 5")).toBeNull();
  });
});

describe("scanNote", () => {
  it("blanks markers, dividers and the table of contents but keeps line numbers", () => {
    const text = ["# 목차", "- [가](#가)", "", "# 가", "p 12", "본문", "<font color=\"#92d050\">//////</font>", "끝"].join("\n");
    const note = scanNote("a.md", text, { minSegmentChars: 0 });
    expect(note.pageMarkers).toEqual([{ line: 5, page: "12" }]);
    expect(note.lineCount).toBe(8);
    const joined = note.segments.map((segment) => segment.text).join("\n");
    expect(joined.split("\n")).toEqual(["", "", "", "# 가", "", "본문", "", "끝"]);
    expect(note.segments.map((segment) => segment.startLine)).toEqual([1, 4]);
  });

  it("splits at headings outside code fences and HTML blocks only", () => {
    const text = ["# 하나", "```", "# 코드", "```", "<!--", "# 주석", "-->", "## 둘", "본문"].join("\n");
    expect(scanNote("a.md", text, { minSegmentChars: 0 }).segments.map((segment) => segment.startLine)).toEqual([1, 8]);
    // Small sections share a segment; the parser still splits them at their headings.
    expect(scanNote("a.md", text).segments).toHaveLength(1);
  });

  it("leaves page markers and slashes inside code alone", () => {
    const note = scanNote("a.md", "```\np 175\n////\n```\n");
    expect(note.pageMarkers).toEqual([]);
    expect(note.segments[0]!.text).toContain("p 175\n////");
  });

  it("cuts a long section at safe block boundaries and marks the pieces as continuations", () => {
    const paragraph = "가나다라마바사 ".repeat(40);
    const text = ["# 긴 절", ...Array.from({ length: 60 }, (_, i) => `${paragraph}${i}\n`)].join("\n");
    const note = scanNote("a.md", text, { maxSegmentChars: 2_000, minSegmentChars: 0 });
    expect(note.segments.length).toBeGreaterThan(5);
    expect(note.segments[0]!.continuation).toBe(false);
    expect(note.segments.slice(1).every((segment) => segment.continuation)).toBe(true);
    expect(note.segments.map((segment) => segment.text).join("\n")).toBe(text);
    expect(groupTasks(note, 10_000).length).toBeGreaterThan(1);
  });

  it("reads front matter and reports broken YAML with its line", () => {
    expect(scanNote("a.md", "---\ntitle: 노트\n---\n# 제목\n").frontMatter).toEqual({ title: "노트" });
    const broken = scanNote("b.md", "---\nok: 1\nbad: [x\n---\n# 제목\n");
    expect(broken.frontMatter).toBeNull();
    expect(broken.warnings[0]).toMatchObject({ file: "b.md", line: 3 });
  });

  it("removes zero-width spaces and normalises line endings", () => {
    const note = scanNote("a.md", "# 제\u200B목\r\n본문\r\n");
    expect(note.segments[0]!.text).toBe("# 제목\n본문\n");
  });
});

describe("hostile notes are bounded before parsing", () => {
  it("reports a YAML alias bomb in front matter with its file and line, and reads the body", () => {
    const bomb = ["---", "a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "---", "# 본문", "내용"].join("\n");
    const note = scanNote("bomb.md", bomb);
    expect(note.frontMatter).toBeNull();
    expect(note.warnings[0]).toMatchObject({ file: "bomb.md", line: 3 });
    expect(note.warnings[0]!.message).toContain("별칭");
    expect(note.segments.map((segment) => segment.text).join("\n")).toContain("# 본문");
  });

  it("reads front matter that closes after line 500", () => {
    const keys = Array.from({ length: 600 }, (_, i) => `k${i}: ${i}`);
    const note = scanNote("a.md", ["---", ...keys, "---", "# 제목"].join("\n"));
    expect(note.warnings).toEqual([]);
    expect(note.frontMatter).toMatchObject({ k599: 599 });
  });

  it("reads deeply nested lists and quotes as plain lines, with a warning at the line", () => {
    const note = scanNote("deep.md", `# 제목\n\n${"- ".repeat(10_000)}x\n`);
    expect(note.warnings).toEqual([expect.objectContaining({ file: "deep.md", line: 3 })]);
    expect(note.segments.map((segment) => segment.text).join("\n")).toContain("\nx\n");
    const quotes = scanNote("q.md", Array.from({ length: 40 }, (_, i) => `${"> ".repeat(i)}x`).join("\n"));
    expect(quotes.warnings[0]).toMatchObject({ line: 15 });
  });

  it("escapes emphasis and brackets of a paragraph that has too many", () => {
    const note = scanNote("e.md", `앞 문단 **굵게**\n\n${"*a ".repeat(2_000)}b\n\n\`코드 *\` 뒤`);
    expect(note.warnings).toEqual([expect.objectContaining({ line: 3 })]);
    const text = note.segments.map((segment) => segment.text).join("\n");
    expect(text).toContain("**굵게**");
    expect(text).toContain("\\*a \\*a");
    expect(text).toContain("`코드 *` 뒤");
  });

  it("splits a paragraph of thousands of lines and cuts a note past its work budget", () => {
    const long = scanNote("p.md", Array.from({ length: 1_200 }, (_, i) => `줄 ${i}`).join("\n"));
    expect(long.warnings.map((warning) => warning.line)).toEqual([501, 1002]);
    const huge = scanNote("h.md", Array.from({ length: 60_000 }, () => `${"> ".repeat(20)}${"가".repeat(80)}`).join("\n"));
    const cut = huge.warnings.find((warning) => warning.message.includes("처리 한도"));
    expect(cut).toBeDefined();
    expect(scanNote("h.md", Array.from({ length: 60_000 }, () => `${"> ".repeat(20)}${"가".repeat(80)}`).join("\n")).warnings).toEqual(huge.warnings);
  });
});
