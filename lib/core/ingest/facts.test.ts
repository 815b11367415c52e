import { describe, expect, it } from "vitest";
import taxonomyJson from "@/content/taxonomy/aws-services.json";
import { assignFactIds, extractFacts } from "./facts";
import { createTaxonomy } from "./taxonomy";
import type { Occurrence } from "./topics";

const taxonomy = createTaxonomy(taxonomyJson);

function occurrence(lines: (string | [string, string[]])[], services: string[], headingPath = ["노트", "절"]): Occurrence {
  return {
    notePath: "a.md", topicId: "t1", parentId: null, headingPath, title: headingPath[headingPath.length - 1]!, headingAsWritten: headingPath[headingPath.length - 1]!,
    line: 1, endLine: 50, pageRef: null, markdown: "", html: "", plainText: "", lists: [], wikiTargets: [], empty: false, kept: true,
    serviceKey: services[0] ?? null, serviceStrong: true, serviceChain: services, parent: null, children: [],
    factLines: lines.map((entry, i) => (typeof entry === "string" ? { line: i + 2, text: entry, context: [] } : { line: i + 2, text: entry[0], context: entry[1] })),
  };
}

const facts = (lines: (string | [string, string[]])[], services: string[], headingPath?: string[]) =>
  extractFacts(occurrence(lines, services, headingPath), taxonomy).map(({ attribute, value, valueMax, unit, serviceKey }) => ({ attribute, value, valueMax, unit, serviceKey }));

describe("extractFacts", () => {
  it("tells apart several limits on one line by their clause", () => {
    expect(facts(["람다의 배포 패키지 크기 50MB(압축시), 250MB(비압축시)"], ["lambda"])).toEqual([
      { attribute: "package.zipped", value: 50, valueMax: null, unit: "MB", serviceKey: "lambda" },
      { attribute: "package.unzipped", value: 250, valueMax: null, unit: "MB", serviceKey: "lambda" },
    ]);
    expect(facts(["동기호출 Payload 6MB, 비동기호출(Event) Payload 256KB"], ["lambda"]).map((fact) => fact.attribute)).toEqual(["payload.sync", "payload.async"]);
  });

  it("uses list lead-ins as context", () => {
    expect(facts([["35일까지 백업 가능", ["특정 시점의 데이터를 지속적으로 백업"]]], ["dynamodb"])).toEqual([
      { attribute: "pitr.retention", value: 35, valueMax: null, unit: "day", serviceKey: "dynamodb" },
    ]);
    expect(facts([["35일까지 백업 가능", ["온디맨드 백업"]]], ["dynamodb"])).toEqual([]);
  });

  it("prefers the section's own service over an ancestor's", () => {
    expect(facts(["1년간의 데이터 보존"], ["kinesis", "dynamodb"], ["DynamoDB Stream Processing", "Kinesis Data Streams"])).toEqual([
      { attribute: "retention.max", value: 8760, valueMax: null, unit: "h", serviceKey: "kinesis" },
    ]);
    expect(facts(["24시간 데이터 보존"], ["dynamodb"], ["DynamoDB Stream Processing", "DynamoDB Streams"])[0]!.attribute).toBe("streams.retention");
  });

  it("picks up services named in the line, and ignores numbers no pattern claims", () => {
    expect(facts(["데이터 보호: S3 KMS를 통한 암호화 저장, 99.999999% 내구성"], ["well-architected"])).toEqual([
      { attribute: "durability", value: 99.999999, valueMax: null, unit: "percent", serviceKey: "s3" },
    ]);
    expect(facts(["Java 8, Python 3.9, 512MB RAM 컨테이너"], ["ecs"])).toEqual([]);
  });

  it("needs the subject right next to a bare number", () => {
    expect(facts(["동시 실행수 1000 (증가 가능)"], ["lambda"])).toHaveLength(1);
    expect(facts(["동시 실행은 중요하다. 예시 번호 1000"], ["lambda"])).toEqual([]);
  });

  it("records claims that the reference table corrects", () => {
    const [claim] = extractFacts(occurrence(["쿠키 기반 라우팅: 쿠키 값으로 라우팅"], ["alb"]), taxonomy);
    expect(claim).toMatchObject({ attribute: "rule-conditions", unit: "text", reference: "alb-rule-conditions", valueText: "쿠키 기반 라우팅" });
  });
});

describe("assignFactIds", () => {
  it("keeps a fact's id when its value or line changes", () => {
    const before = assignFactIds(extractFacts(occurrence(["타임아웃 15분"], ["lambda"]), taxonomy));
    const after = assignFactIds(extractFacts(occurrence(["", "", "타임아웃 10분"], ["lambda"]), taxonomy));
    expect(after[0]!.id).toBe(before[0]!.id);
    expect(after[0]!.value).toBe(600);
  });
});
