import { describe, expect, it } from "vitest";
import { extractHeadings, headingAtLine, normalizeHeading, splitSections } from "./headings";

describe("normalizeHeading", () => {
  it("strips links, emphasis, code, HTML, wiki links and extra spaces", () => {
    expect(normalizeHeading("##### [라우팅 정책](https://docs.aws.amazon.com/x) ")).toBe("라우팅 정책");
    expect(normalizeHeading("## **Amazon ECS** – `Service` Auto Scaling")).toBe("Amazon ECS – Service Auto Scaling");
    expect(normalizeHeading('# <font color="#c00000">P215</font> Lambda')).toBe("P215 Lambda");
    expect(normalizeHeading("### [[lambda-notes|Lambda 노트]] 요약 ##")).toBe("Lambda 노트 요약");
    expect(normalizeHeading("#### Amazon ECS Anywhere &  EKS Anywhere")).toBe("Amazon ECS Anywhere & EKS Anywhere");
    expect(normalizeHeading("*기울임* 제목")).toBe("기울임 제목");
  });
});

describe("extractHeadings / splitSections", () => {
  const note = ["intro", "# 제목", "본문", "```", "# 코드 안", "```", "## 둘째", "- 항목", "#태그아님"].join("\n");

  it("finds ATX headings outside code fences with their lines", () => {
    expect(extractHeadings(note)).toEqual([
      { text: "제목", depth: 1, line: 2 },
      { text: "둘째", depth: 2, line: 7 },
    ]);
  });

  it("knows which section a line belongs to", () => {
    const headings = extractHeadings(note);
    expect(headingAtLine(headings, 1)).toBeUndefined();
    expect(headingAtLine(headings, 5)?.text).toBe("제목");
    expect(headingAtLine(headings, 8)?.text).toBe("둘째");
  });

  it("splits a note into sections holding their own text", () => {
    expect(splitSections("n.md", note).map((section) => [section.heading, section.line, section.endLine, section.text])).toEqual([
      ["", 0, 1, "intro"],
      ["제목", 2, 6, "본문\n```\n# 코드 안\n```"],
      ["둘째", 7, 9, "- 항목\n#태그아님"],
    ]);
  });
});
