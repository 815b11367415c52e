import { describe, expect, it } from "vitest";
import { indexReferenceFacts, type ReferenceFact } from "@/lib/core/reference/aws-facts";
import { generatedId, topicParticle } from "./build";
import { noteAgreesWithReference, provenanceSentence, resolveFact, type FactInput } from "./facts";
import { createRandom, shuffle } from "../random";
import { hashText } from "../hash";

const reference: ReferenceFact[] = [
  { id: "lambda-payload-async", service: "lambda", attribute: "payload.async", label: "Lambda 비동기 호출 페이로드", value: 1, unit: "MB", text: "1MB", noteVerdict: "outdated", url: "https://docs.aws.amazon.com/x", asOf: "2026-11" },
  { id: "lambda-tmp", service: "lambda", attribute: "ephemeral-storage", label: "/tmp", value: 512, valueMax: 10240, unit: "MB", text: "512–10,240MB", noteVerdict: "imprecise", url: "https://docs.aws.amazon.com/x", asOf: "2026-11" },
];
const note = (id: string, attribute: string, valueText: string, value: number, unit: string, valueMax: number | null = null): FactInput => ({
  id,
  serviceKey: "lambda",
  attribute,
  label: attribute,
  valueText,
  value,
  valueMax,
  unit,
  source: { file: "n.md", heading: "Lambda", line: 3 },
});

describe("resolveFact", () => {
  const index = indexReferenceFacts(reference);

  it("uses the reference value and names disagreeing note facts", () => {
    const resolved = resolveFact([note("a", "payload.async", "256KB", 256, "KB"), note("b", "payload.async", "1MB", 1024, "KB")], index, "lambda", "payload.async");
    expect(resolved).toMatchObject({ value: 1, unit: "MB" });
    expect(resolved?.disagreeing.map((fact) => fact.id)).toEqual(["a"]);
    expect(provenanceSentence(resolved!)).toBe("노트: 256KB → AWS 문서(2026-11 기준): 1MB. 이 문제는 AWS 문서 값을 따릅니다. 이 값은 SAA-C03 시험 가이드(v1.0) 이후에 바뀌었으므로 시험에는 이전 값 256KB가 나올 수 있습니다(현재 값 1MB).");
  });

  it("treats a note that states one end of a reference range as agreeing", () => {
    expect(noteAgreesWithReference({ value: 10, valueMax: null, unit: "GB" }, reference[1]!)).toBe(true);
    expect(noteAgreesWithReference({ value: 512, valueMax: 10240, unit: "MB" }, reference[1]!)).toBe(true);
    expect(noteAgreesWithReference({ value: 512, valueMax: 2048, unit: "MB" }, reference[1]!)).toBe(false);
  });

  it("falls back to the reference when the notes lack the fact, and to the notes when the reference does", () => {
    const fromReference = resolveFact([], index, "lambda", "ephemeral-storage");
    expect(fromReference?.noteFacts).toEqual([]);
    expect(provenanceSentence(fromReference!)).toContain("노트에 이 값이 없어 AWS 문서(2026-11 기준) 값을 썼습니다");
    const fromNotes = resolveFact([note("c", "unknown.attr", "3개", 3, "count")], index, "lambda", "unknown.attr");
    expect(fromNotes).toMatchObject({ value: 3, reference: null });
    expect(resolveFact([], index, "lambda", "unknown.attr")).toBeNull();
  });
});

describe("generator helpers", () => {
  it("builds ids from generator, template and parameters only", () => {
    expect(generatedId("lambda-limits", "timeout", "45min")).toBe("gen-lambda-limits-timeout-45min");
    expect(generatedId("definition-card", "route53-policy", "r53 Weighted")).toBe("gen-definition-card-route53-policy-r53-weighted");
  });

  it("picks the Korean topic particle", () => {
    expect(topicParticle("Lambda 메모리")).toBe("는");
    expect(topicParticle("DAX 기본 캐시 TTL")).toBe("은"); // 티티엘은
    expect(topicParticle("Aurora 최대 스토리지")).toBe("는");
    expect(topicParticle("리전당 VPC 수")).toBe("는");
    expect(topicParticle("서브넷 예약 IP 수")).toBe("는");
    expect(topicParticle("지연 시간 라우팅 정책")).toBe("은");
    expect(topicParticle("Application Load Balancer")).toBe("는");
  });

  it("shuffles deterministically per seed and hashes stably", () => {
    const items = [1, 2, 3, 4, 5, 6];
    expect(shuffle(items, createRandom(42))).toEqual(shuffle(items, createRandom(42)));
    expect(shuffle(items, createRandom("a"))).not.toEqual(shuffle(items, createRandom("b")));
    expect(hashText("구름")).toBe(hashText("구름"));
    expect(hashText("구름")).toMatch(/^[0-9a-f]{16}$/);
  });
});
