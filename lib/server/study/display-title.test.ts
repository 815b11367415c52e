import { describe, expect, it } from "vitest";
import { buildDisplayTitles, isGenericTitle } from "./display-title";

describe("isGenericTitle", () => {
  it("knows headings that name a role, with numbering and punctuation", () => {
    for (const title of ["요약", "정리", "개요", "특징", "default", "Summary", "3. 요약", "VIII. 정리", "주요 기능:", "사용 사례", ""]) expect(isGenericTitle(title), title).toBe(true);
  });
  it("leaves headings that name a subject", () => {
    for (const title of ["AWS Lambda - Part 1", "요약 정리 팁", "Lambda 제약사항", "ECS 구성요소", "Docker의 주요 특징", "1. 자동 확장의 개요"]) expect(isGenericTitle(title), title).toBe(false);
  });
});

describe("buildDisplayTitles", () => {
  const rows = [
    { id: "lambda", title: "Lambda", parentId: null },
    { id: "summary", title: "요약", parentId: "lambda" },
    { id: "overview", title: "개요", parentId: "summary" },
    { id: "root", title: "default", parentId: null },
    { id: "loop-a", title: "정리", parentId: "loop-b" },
    { id: "loop-b", title: "요약", parentId: "loop-a" },
  ];
  it("puts the nearest named ancestor in front of a generic title", () => {
    const titles = buildDisplayTitles(rows, (row) => (row.id === "root" ? "람다 노트" : null));
    expect(titles.get("lambda")).toBe("Lambda");
    expect(titles.get("summary")).toBe("Lambda · 요약");
    expect(titles.get("overview")).toBe("Lambda · 개요");
    expect(titles.get("root")).toBe("람다 노트 · default");
    // A cycle (a corrupt parent chain) ends the walk instead of looping.
    expect(titles.get("loop-a")).toBe("정리");
  });
});
