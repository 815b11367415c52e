import { describe, expect, it } from "vitest";
import { assignSlugs, canonicalHeading, headingKey, pageRefOf, slugify, topicIdOf } from "./topics";

describe("canonicalHeading", () => {
  it("strips outline numbering but keeps meaningful numbers", () => {
    expect(canonicalHeading("2-1. CDN Layer")).toBe("CDN Layer");
    expect(canonicalHeading("VII. Amazon ECR - Elastic Container Registry")).toBe("Amazon ECR - Elastic Container Registry");
    expect(canonicalHeading("V-VII. Amazon ECR & EKS")).toBe("Amazon ECR & EKS");
    expect(canonicalHeading("1) 첫째")).toBe("첫째");
    expect(canonicalHeading("5 Pillars (설계 원칙)")).toBe("5 Pillars (설계 원칙)");
    expect(canonicalHeading("RFC 1918")).toBe("RFC 1918");
    expect(canonicalHeading("Route53이란? ")).toBe("Route53이란?");
    expect(canonicalHeading("1.")).toBe("1.");
  });

  it("gives notes that number or space a heading differently the same key and id", () => {
    expect(headingKey("I. 같은 절")).toBe(headingKey("1.  같은   절"));
    expect(topicIdOf(["공통", headingKey("I. 같은 절")])).toBe(topicIdOf(["공통", headingKey("3. 같은 절")]));
    expect(topicIdOf(["a", "b"])).not.toBe(topicIdOf(["a b"]));
  });
});

describe("slugs", () => {
  it("are readable, keep Korean and stay URL-safe", () => {
    expect(slugify("Lambda 제약사항")).toBe("lambda-제약사항");
    expect(slugify("Read/Write 용량 모드")).toBe("readwrite-용량-모드");
    expect(slugify("x".repeat(200)).length).toBeLessThanOrEqual(80);
  });

  it("prefix the service, keep existing slugs and resolve clashes stably", () => {
    const drafts = [
      { id: "aaaaaaaaaaaa", title: "요약", serviceKey: "ecs", headingPath: ["ECS 사용 사례", "요약"] },
      { id: "bbbbbbbbbbbb", title: "요약", serviceKey: "ecs", headingPath: ["ECS 스팟", "요약"] },
      { id: "cccccccccccc", title: "Lambda", serviceKey: "lambda", headingPath: ["Lambda"] },
    ];
    const first = assignSlugs(drafts, new Map(), new Set());
    expect([...first.values()]).toEqual(["ecs-요약", "ecs-요약-ecs-스팟", "lambda"]);
    const again = assignSlugs([drafts[1]!], new Map([["bbbbbbbbbbbb", "ecs-요약-ecs-스팟"]]), new Set(first.values()));
    expect(again.get("bbbbbbbbbbbb")).toBe("ecs-요약-ecs-스팟");
  });
});

describe("pageRefOf", () => {
  // The definition the binary search must keep: the first marker inside the section, else the last before it.
  const linear = (markers: { line: number; page: string }[], line: number, endLine: number) => {
    let before: string | null = null;
    for (const marker of markers) {
      if (marker.line >= line && marker.line <= endLine) return marker.page;
      if (marker.line < line) before = marker.page;
    }
    return before;
  };

  it("finds the marker inside a section, else the one before it", () => {
    const markers = [3, 10, 11, 40, 41, 90].map((line) => ({ line, page: `p${line}` }));
    expect(pageRefOf(markers, 1, 2)).toBeNull();
    expect(pageRefOf(markers, 1, 3)).toBe("p3");
    expect(pageRefOf(markers, 10, 20)).toBe("p10");
    expect(pageRefOf(markers, 12, 39)).toBe("p11");
    expect(pageRefOf(markers, 95, 99)).toBe("p90");
    expect(pageRefOf([], 1, 10)).toBeNull();
    for (let line = 0; line < 100; line++) {
      for (const length of [0, 1, 5, 30]) expect(pageRefOf(markers, line, line + length)).toBe(linear(markers, line, line + length));
    }
  });
});
