import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseTask } from "./parse-segments";
import { groupTasks, scanNote } from "./scan";
import { createTaxonomy } from "./taxonomy";
import { assembleNote, assignSlugs, canonicalHeading, folderTopicIdOf, headingKey, isGenericKey, outlineNote, pageRefOf, slugify, topicIdOf, type Occurrence } from "./topics";

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

describe("note identity in topic identity", () => {
  const taxonomy = createTaxonomy(JSON.parse(readFileSync("content/taxonomy/aws-services.json", "utf8")));
  const outline = (notePath: string, text: string, notePaths: string[] = [notePath]) => {
    const scanned = scanNote(notePath, text);
    const note = assembleNote(scanned, groupTasks(scanned, 64_000).flatMap((task) => parseTask(task, { resolveImage: () => null })));
    return { note, occurrences: outlineNote(note, taxonomy, { notePaths: new Set(notePaths) }) };
  };

  it("drops inline HTML from headings", () => {
    expect(canonicalHeading('<img src="./ecs.png" width="40"> AWS ECS')).toBe("AWS ECS");
    expect(canonicalHeading("9-1. <b>ECS</b> 정리")).toBe("ECS 정리");
    expect(canonicalHeading("Map<K, V> 예제")).toBe("Map<K, V> 예제");
    expect(outline("a.md", '# <img src="x.png"> AWS ECS\n\n본문\n').note.title).toBe("AWS ECS");
  });

  it("scopes paths through a generic heading to their note and shares specific ones", () => {
    const text = "# AWS Lambda\n\n## Lambda 제약사항\n\n15분\n\n## 실습\n\n함수\n";
    const [a, b] = [outline("a.md", text).occurrences, outline("b.md", text).occurrences];
    const byTitle = (list: Occurrence[], title: string) => list.find((occurrence) => occurrence.title === title)!.topicId;
    expect(byTitle(a, "Lambda 제약사항")).toBe(byTitle(b, "Lambda 제약사항"));
    expect(byTitle(a, "Lambda 제약사항")).toBe(topicIdOf(["aws lambda", "lambda 제약사항"]));
    expect(byTitle(a, "실습")).not.toBe(byTitle(b, "실습"));
    expect(isGenericKey(headingKey("참조"))).toBe(true);
    expect(isGenericKey(headingKey("Q12."))).toBe(true);
    expect(isGenericKey(headingKey("스토리지 클래스"))).toBe(false);
  });

  it("gives notes without an opening H1 a title topic holding the text before the first heading", () => {
    const { occurrences } = outline("용어/SQS.md", "완전 관리형 메시지 대기열.\n\n### 참조\n- 문서\n");
    expect(occurrences.map((occurrence) => [occurrence.title, occurrence.parent?.title ?? null])).toEqual([
      ["SQS", null],
      ["참조", "SQS"],
    ]);
    expect(occurrences[0]!.plainText).toContain("메시지 대기열");
    expect(outline("n/Untitled 1a2b3c4d5e6f47a8b9c0d1e2f3a4b5c6.md", "## 개요\n\n본문\n").occurrences[0]!.title).toBe("Untitled");
  });

  it("builds the tree of folder-per-concept notes from their folders", () => {
    const paths = ["9-1. ECS/README.md", "9-1. ECS/9-1-2. IAM Roles/README.md"];
    const parent = outline(paths[0]!, "# <img src=\"i.png\"> AWS ECS\n\n## 특징\n\n본문\n", paths).occurrences;
    const child = outline(paths[1]!, "두 가지 역할.\n\n## Task Role\n\n본문\n", paths).occurrences;
    expect(parent[0]!.topicId).toBe(folderTopicIdOf("9-1. ECS", []));
    expect(child[0]).toMatchObject({ title: "IAM Roles", parentId: parent[0]!.topicId, headingPath: ["ECS", "IAM Roles"] });
    expect(child[1]).toMatchObject({ title: "Task Role", parentId: child[0]!.topicId });
    // Two "Security" folders differ only by folder: two topics.
    const one = outline("8-1-4. Security/README.md", "## MFA\n\n본문\n").occurrences[0]!;
    const two = outline("8-7-2. Security/README.md", "## 키 정책\n\n본문\n").occurrences[0]!;
    expect([one.title, two.title]).toEqual(["Security", "Security"]);
    expect(one.topicId).not.toBe(two.topicId);
  });
});
