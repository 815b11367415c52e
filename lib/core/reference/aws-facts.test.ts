import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findReference, indexReferenceFacts, parseReferenceFacts, ReferenceFormatError } from "./aws-facts";
import { convertUnit, formatQuantity, formatRange, sameQuantity } from "./units";

const fact = { id: "x", service: "lambda", attribute: "memory", label: "L", value: 1, unit: "MB", text: "t", noteVerdict: "correct", url: "https://docs.aws.amazon.com/x", asOf: "2026-11" };

describe("parseReferenceFacts", () => {
  it("parses the committed reference table", () => {
    const facts = parseReferenceFacts(JSON.parse(readFileSync("content/reference/aws-facts.json", "utf8")));
    const index = indexReferenceFacts(facts);
    expect(findReference(index, "lambda", "payload.async")).toMatchObject({ value: 1, unit: "MB", noteValue: "256KB" });
    expect(index.byId.get("lambda-timeout")?.value).toBe(900);
  });

  it("rejects bad rows and duplicate ids with every problem listed", () => {
    expect(() => parseReferenceFacts({ facts: [{ ...fact, url: "not a url", asOf: "2026" }] })).toThrow(ReferenceFormatError);
    expect(() => parseReferenceFacts({ facts: [{ ...fact, value: 5, valueMax: 1 }] })).toThrow(/valueMax/);
    expect(() => parseReferenceFacts({ facts: [fact, fact] })).toThrow(/중복/);
  });
});

describe("units", () => {
  it("converts within a family and refuses across families", () => {
    expect(convertUnit(15, "min", "s")).toBe(900);
    expect(convertUnit(1, "MB", "KB")).toBe(1024);
    expect(convertUnit(10, "GB", "MB")).toBe(10240);
    expect(convertUnit(1, "MB", "s")).toBeNull();
    expect(sameQuantity(256, "KB", 1, "MB")).toBe(false);
    expect(sameQuantity(1024, "KB", 1, "MB")).toBe(true);
  });

  it("formats Korean quantities deterministically", () => {
    expect(formatQuantity(900, "s")).toBe("900초(15분)");
    expect(formatQuantity(10240, "MB")).toBe("10,240MB");
    expect(formatQuantity(8760, "h")).toBe("8,760시간(365일)");
    expect(formatQuantity(99.999999999, "percent")).toBe("99.999999999%");
    expect(formatRange(128, 10240, "MB")).toBe("128–10,240MB");
    expect(formatRange(4, null, "KB")).toBe("4KB");
  });
});
