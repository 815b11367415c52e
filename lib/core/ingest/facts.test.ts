import { describe, expect, it } from "vitest";
import taxonomyJson from "@/content/taxonomy/aws-services.json";
import { assignFactIds, extractFacts, MAX_FACT_SENTENCE_CHARS } from "./facts";
import { createTaxonomy } from "./taxonomy";
import type { Occurrence } from "./topics";

const taxonomy = createTaxonomy(taxonomyJson);

function occurrence(lines: (string | [string, string[]])[], services: string[], headingPath = ["노트", "절"]): Occurrence {
  return {
    notePath: "a.md", topicId: "t1", parentId: null, headingPath, title: headingPath[headingPath.length - 1]!, headingAsWritten: headingPath[headingPath.length - 1]!,
    line: 1, endLine: 50, pageRef: null, html: "", plainText: "", lists: [], wikiTargets: [], empty: false, kept: true,
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

describe("extractFacts: a number states a limit only when the sentence says so (issue 10)", () => {
  const keys = (lines: (string | [string, string[]])[], services: string[], headingPath?: string[]) =>
    facts(lines, services, headingPath).map((fact) => `${fact.serviceKey}:${fact.attribute}=${fact.value}${fact.valueMax === null ? "" : `~${fact.valueMax}`}`);

  it("binds a per-unit number to its unit: VPCs per Region are not the Region count", () => {
    expect(keys(["리전당 최대 5개 VPC"], ["vpc"])).toEqual(["vpc:quota.vpcs-per-region=5"]);
    expect(keys(["리전당 최대 5개 VPC"], ["regions-azs"])).toEqual(["vpc:quota.vpcs-per-region=5"]);
    expect(keys(["리전당 최대 5개"], ["regions-azs"])).toEqual([]);
    expect(keys(["5 VPCs per Region (adjustable)"], ["vpc"])).toEqual(["vpc:quota.vpcs-per-region=5"]);
  });

  it("does not read instances per AZ as an AZ count", () => {
    expect(keys(["AZ당 7개 인스턴스"], ["regions-azs"])).toEqual([]);
    expect(keys(["분산 배치 그룹: AZ당 7개 인스턴스"], ["ec2"])).toEqual(["ec2:placement.spread-per-az=7"]);
    expect(keys(["리전마다 최소 3개의 AZ"], ["regions-azs"])).toEqual(["regions-azs:counts=3"]);
  });

  it("reads a breakdown of a sum as one fact", () => {
    expect(keys(["AWS 는 서브넷마다 IP 5개를 예약함 (처음 4개 + 마지막 1개)"], ["vpc"])).toEqual(["subnet:reserved-addresses=5"]);
    expect(keys(["처음 4개 + 마지막 1개 주소는 예약"], ["subnet"])).toEqual([]);
  });

  it("does not read a scenario's workload as a limit", () => {
    expect(keys(["한 회사의 배치 작업은 약 2분 실행된다"], ["lambda"])).toEqual([]);
    expect(keys(["작업은 2분 정도 실행된다"], ["lambda"])).toEqual([]);
    expect(keys(["예를 들어 타임아웃을 30초로 두면 오래 걸리는 요청이 끊긴다"], ["lambda"])).toEqual([]);
    expect(keys(["회사의 작업은 약 20분이 걸리지만 Lambda 최대 실행 시간은 15분이다"], ["lambda"])).toEqual(["lambda:timeout.max=900"]);
    expect(keys(["예를 들어 보존 기간을 7일로 두면 7일 전까지만 복구된다"], ["rds"])).toEqual([]);
    expect(keys(["/28 서브넷이면 11개만 남는다"], ["vpc"], ["VPC 설계 후기", "우리 회사 구성"])).toEqual([]);
    expect(keys(["타임아웃 최대 15분"], ["lambda"], ["Lambda", "사용 사례"])).toEqual(["lambda:timeout.max=900"]);
  });

  it("gives a number to the service its clause names, not the section's", () => {
    expect(keys(["RDS: 35일 PITR"], ["dynamodb"])).toEqual([]);
    expect(keys(["자동 백업 보존 기간은 최대 35일. 특정 시점 복구(PITR) 가능."], ["rds"])).toEqual(["rds:backup.retention.max=35"]);
    expect(keys(["DynamoDB: 35일 PITR"], ["dynamodb"])).toEqual(["dynamodb:pitr.retention=35"]);
  });

  it("does not count answer options or read numbers out of a question", () => {
    const options = occurrence([], ["route53"], ["노트", "라우팅 정책"]);
    options.lists = [["A. 단순 라우팅 정책", "B. 가중치 라우팅 정책", "C. 지연 시간 라우팅 정책", "D. 장애 조치 라우팅 정책"]];
    expect(extractFacts(options, taxonomy)).toEqual([]);
    const question = ["노트", "Q1. A Lambda function runs for 20 minutes. What should the architect do?"];
    expect(keys(["A. Increase the Lambda timeout to 20 minutes"], ["lambda"], question)).toEqual([]);
    expect(keys(["A. Increase the Lambda timeout to 20 minutes"], ["lambda"])).toEqual([]);
    expect(keys(["해설: Lambda 최대 실행 시간은 15분이므로 Fargate 로 옮긴다."], ["lambda"], question)).toEqual(["lambda:timeout.max=900"]);
    expect(keys(["① 타임아웃을 20분으로 늘린다"], ["lambda"])).toEqual([]);
  });

  it("does not read a step as the limit it steps through", () => {
    expect(keys(["메모리는 128MB ~ 10,240MB, 1 MB 증분"], ["lambda"])).toEqual(["lambda:memory=128~10240"]);
    expect(keys(["메모리를 64MB씩 늘린다"], ["lambda"])).toEqual([]);
    expect(keys(["10 GB 단위로 자동 증가, 최대 128 TB"], ["aurora"])).toEqual(["aurora:storage.increment=10", "aurora:storage.max=128"]);
  });

  it("counts the noun the number counts", () => {
    expect(keys(["3개 AZ 에 6개 사본"], ["aurora"])).toEqual(["aurora:storage.azs=3", "aurora:storage.copies=6"]);
  });

  it("lists of values on one line, bandwidths and bare ports", () => {
    expect(keys(["Dedicated Connection: 1 Gbps, 10 Gbps, 100 Gbps"], ["direct-connect"])).toEqual(["direct-connect:dedicated.speed=1", "direct-connect:dedicated.speed=10", "direct-connect:dedicated.speed=100"]);
    expect(keys(["Hosted Connection: 파트너를 통해 50 Mbps ~ 10 Gbps"], ["direct-connect"])).toEqual(["direct-connect:hosted.speed=0.05~10"]);
    expect(keys(["GENEVE 프로토콜(포트 6081)을 쓴다"], ["gwlb"])).toEqual(["gwlb:protocol=6081"]);
    expect(keys(["로그를 30일 뒤 Standard-IA 로, 1년 뒤 Glacier 로 옮기려면?"], ["s3"])).toEqual([]);
  });

  it("does not take a claim stated as false", () => {
    expect(keys(["ALB는 쿠키 기반 라우팅을 지원하지 않는다 (고정 세션만 쿠키 사용)"], ["alb"])).toEqual([]);
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

describe("extractFacts on very long lines (issue 10: hostile notes)", () => {
  it("reads a long paragraph sentence by sentence: a limit deep inside it is still found, once", () => {
    const filler = "람다는 서버를 관리하지 않아도 되는 서비스입니다. ".repeat(60);
    const line = `${filler}람다의 최대 실행 시간은 15분입니다. ${filler}`;
    expect(line.length).toBeGreaterThan(2 * MAX_FACT_SENTENCE_CHARS);
    expect(facts([line], ["lambda"])).toEqual([{ attribute: "timeout.max", value: 900, valueMax: null, unit: "s", serviceKey: "lambda" }]);
  });

  it("cuts a line with no sentence end into fixed pieces, the same pieces every time", () => {
    const line = `${"가나다라마바사".repeat(20_000)} 리전당 최대 5개 VPC`;
    const first = facts([line], ["vpc"]);
    expect(first).toEqual(facts([line], ["vpc"]));
    // a per-unit word is still recognised at the end of a long run of word characters
    expect(facts(["가".repeat(5_000) + " 리전당 최대 5개 VPC"], ["vpc"]).map((fact) => fact.attribute)).toEqual(["quota.vpcs-per-region"]);
  });
});
