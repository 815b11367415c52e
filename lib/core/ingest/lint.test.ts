import { describe, expect, it } from "vitest";
import type { ReferenceFact } from "../reference/aws-facts";
import { conflictWarnings, formatValue, lintNoteFacts, MAX_OTHER_IDS, MAX_WARNINGS_PER_NOTE_KEY, referenceWarnings, valuesAgree, type LintFact } from "./lint";

const fact = (overrides: Partial<LintFact>): LintFact => ({
  id: "f1", topicId: "t1", notePath: "a.md", line: 3, serviceKey: "lambda", attribute: "payload.async", label: "Lambda 비동기 호출 페이로드",
  valueText: "256KB", value: 256, valueMax: null, unit: "KB", reference: null, ...overrides,
});

const reference: ReferenceFact = {
  id: "lambda-payload-async", service: "lambda", attribute: "payload.async", label: "Lambda 비동기 호출 페이로드", value: 1, unit: "MB",
  text: "비동기 호출 1MB", noteVerdict: "outdated", url: "https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html", asOf: "2026-11",
};

describe("valuesAgree", () => {
  it("treats a bound of a range as agreeing with the range", () => {
    expect(valuesAgree({ value: 10240, valueMax: null }, { value: 128, valueMax: 10240 })).toBe(true);
    expect(valuesAgree({ value: 512, valueMax: null }, { value: 128, valueMax: 10240 })).toBe(false);
    expect(valuesAgree({ value: 99.999999, valueMax: null }, { value: 99.999999999, valueMax: null })).toBe(false);
  });
});

describe("referenceWarnings", () => {
  it("cites both values, the documentation date and URL, and the topic", () => {
    const [warning] = referenceWarnings([fact({})], [reference]);
    expect(warning).toMatchObject({ kind: "reference", file: "a.md", line: 3, topicId: "t1", factKey: "lambda:payload.async" });
    expect(warning!.message).toBe("노트: 256KB → AWS 문서(2026-11 기준): 1MB — 비동기 호출 1MB (https://docs.aws.amazon.com/lambda/latest/dg/API_Invoke.html)");
  });

  it("stays quiet when the note agrees after unit conversion", () => {
    expect(referenceWarnings([fact({ valueText: "1024KB", value: 1024 })], [reference])).toEqual([]);
  });

  it("always flags claims against their reference", () => {
    const claim = fact({ attribute: "rule-conditions", serviceKey: "alb", unit: "text", value: 0, valueText: "쿠키 기반 라우팅", reference: "lambda-payload-async" });
    expect(referenceWarnings([claim], [reference])[0]!.message).toContain('노트: "쿠키 기반 라우팅"');
  });
});

describe("conflictWarnings", () => {
  it("warns on every fact that disagrees with another, and keeps agreeing ones quiet", () => {
    const warnings = conflictWarnings([
      fact({ id: "a", value: 256 }),
      fact({ id: "b", notePath: "b.md", line: 9, valueText: "1MB", value: 1024 }),
      fact({ id: "c", notePath: "c.md", value: 256 }),
    ]);
    expect(warnings.map((warning) => `${warning.file}:${warning.line}`)).toEqual(["a.md:3", "b.md:9", "c.md:3"]);
    expect(warnings[1]!.message).toContain("256KB (a.md:3)");
  });
});

describe("formatValue", () => {
  it("writes values the way the notes do", () => {
    expect(formatValue(900, null, "s")).toBe("900초");
    expect(formatValue(128, 10240, "MB")).toBe("128–10,240MB");
    expect(formatValue(24, null, "cidr")).toBe("/24");
    expect(formatValue(0.2, null, "usd")).toBe("$0.2");
  });
});

describe("conflictWarnings on hostile input", () => {
  it("stays linear and small: 50,000 disagreeing facts of one key in one note", () => {
    const facts = Array.from({ length: 50_000 }, (_, i) => fact({ id: `f${i}`, line: i + 1, value: i, valueText: `${i}KB` }));
    const started = performance.now();
    const warnings = conflictWarnings(facts);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(warnings).toHaveLength(MAX_WARNINGS_PER_NOTE_KEY + 1);
    expect((warnings[0]!.detail!.others as string[]).length).toBe(MAX_OTHER_IDS);
    expect(warnings[0]!.detail!.othersCount).toBe(49_999);
    expect(warnings.at(-1)!.message).toContain(`${50_000 - MAX_WARNINGS_PER_NOTE_KEY}곳 더`);
  });

  it("warns once for a fact extracted twice from the same line", () => {
    const warnings = conflictWarnings([fact({ id: "a" }), fact({ id: "b" }), fact({ id: "c", notePath: "b.md", value: 512, valueText: "512KB" })]);
    expect(warnings.map((warning) => `${warning.file}:${warning.line}`)).toEqual(["a.md:3", "b.md:3"]);
  });
});

describe("lintNoteFacts: every warning true (issue 10)", () => {
  const regions: ReferenceFact = {
    id: "aws-regions-azs", service: "regions-azs", attribute: "counts", label: "리전과 가용 영역 수", value: 3, unit: "count",
    text: "리전 수는 30개 이상으로 늘었고, 모든 리전은 최소 3개의 가용 영역을 가진다", noteVerdict: "outdated", url: "https://docs.aws.amazon.com/global-infrastructure/", asOf: "2026-11",
  };
  const azs = (overrides: Partial<LintFact>) =>
    fact({ serviceKey: "regions-azs", attribute: "count.azs", label: "AWS 가용 영역 수", unit: "count", value: 3, valueText: "3개", reference: "aws-regions-azs", ...overrides });

  it("stays quiet when the note states the reference's value in other words", () => {
    expect(lintNoteFacts([azs({ valueText: "최소 3개" })], [regions])).toEqual([]);
    expect(lintNoteFacts([fact({ serviceKey: "regions-azs", attribute: "counts", unit: "count", value: 3, valueText: "3개" })], [regions])).toEqual([]);
    expect(lintNoteFacts([fact({ valueText: "1MB", value: 1024 })], [reference])).toEqual([]);
  });

  it("gives a fact the reference checks one warning, not a conflict as well, and leaves the right note alone", () => {
    const warnings = lintNoteFacts([fact({ id: "a" }), fact({ id: "b", notePath: "b.md", valueText: "1MB", value: 1024 })], [reference]);
    expect(warnings.map((warning) => `${warning.kind} ${warning.file}:${warning.line}`)).toEqual(["reference a.md:3"]);
  });

  it("compares only the same attribute of the same service in one unit family", () => {
    const warnings = lintNoteFacts(
      [
        fact({ id: "a", attribute: "x", value: 5, unit: "count", valueText: "5개" }),
        fact({ id: "b", attribute: "x", value: 5, unit: "MB", valueText: "5MB", notePath: "b.md" }),
        fact({ id: "c", attribute: "y", value: 7, unit: "count", valueText: "7개", notePath: "c.md" }),
      ],
      [reference],
    );
    expect(warnings).toEqual([]);
  });

  it("does not read the values one line lists as a conflict", () => {
    const speeds = [1, 10, 100].map((value, i) => fact({ id: `s${i}`, serviceKey: "direct-connect", attribute: "dedicated.speed", unit: "Gbps", value, valueText: `${value} Gbps` }));
    expect(lintNoteFacts([...speeds, fact({ id: "t", serviceKey: "direct-connect", attribute: "dedicated.speed", unit: "Gbps", value: 40, valueText: "40 Gbps", notePath: "b.md" })], [])).toEqual([]);
  });

  it("one warning per note for a value that repeats, listing the lines", () => {
    const warnings = lintNoteFacts([fact({ id: "a", line: 3 }), fact({ id: "b", line: 9 }), fact({ id: "c", line: 12, valueText: "256 KB" })], [reference]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.line).toBe(3);
    expect(warnings[0]!.message).toContain("같은 내용이 9줄, 12줄에도 있습니다");
    expect(warnings[0]!.detail).toMatchObject({ lines: [3, 9, 12], factIds: ["a", "b", "c"] });
  });

  it("one warning per note for stale counts, whatever they say", () => {
    const warnings = lintNoteFacts([azs({ id: "a", value: 80, valueText: "80개", line: 4 }), azs({ id: "b", attribute: "count.regions", value: 25, valueText: "25개", line: 5 })], [regions]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.message).toContain("5줄에도");
  });
});
