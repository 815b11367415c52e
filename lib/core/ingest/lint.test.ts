import { describe, expect, it } from "vitest";
import type { ReferenceFact } from "../reference/aws-facts";
import { conflictWarnings, formatValue, MAX_OTHER_IDS, MAX_WARNINGS_PER_NOTE_KEY, referenceWarnings, valuesAgree, type LintFact } from "./lint";

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
