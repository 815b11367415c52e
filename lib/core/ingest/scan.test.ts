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
