import { describe, expect, it } from "vitest";
import { convertUnit as referenceConvertUnit } from "../reference/units";
import { convertUnit, parseQuantities, unitFamily } from "./quantities";

const parse = (text: string) => parseQuantities(text).map(({ value, valueMax, unit, bare, text: written }) => ({ value, valueMax, unit, bare, text: written }));

describe("parseQuantities", () => {
  it("reads Korean and English units", () => {
    expect(parse("실행시간 900초, 타임아웃 15분, 24시간, 35일까지, 1년간")).toEqual([
      { value: 900, valueMax: null, unit: "s", bare: false, text: "900초" },
      { value: 15, valueMax: null, unit: "min", bare: false, text: "15분" },
      { value: 24, valueMax: null, unit: "h", bare: false, text: "24시간" },
      { value: 35, valueMax: null, unit: "day", bare: false, text: "35일" },
      { value: 1, valueMax: null, unit: "year", bare: false, text: "1년" },
    ]);
    expect(parse("400KB로 10GB의 6 MB 128TB 10밀리초 72%")).toMatchObject([
      { value: 400, unit: "KB" }, { value: 10, unit: "GB" }, { value: 6, unit: "MB" }, { value: 128, unit: "TB" }, { value: 10, unit: "ms" }, { value: 72, unit: "percent" },
    ]);
  });

  it("joins ranges and converts the lower bound to the upper bound's unit", () => {
    expect(parse("RAM 128MB ~ 10GB")).toEqual([{ value: 0.125, valueMax: 10, unit: "GB", bare: false, text: "128MB ~ 10GB" }]);
    expect(parse("일반적으로 1~2분")).toEqual([{ value: 1, valueMax: 2, unit: "min", bare: false, text: "1~2분" }]);
    expect(parse("/28–/16")).toMatchObject([{ value: 16, valueMax: 28, unit: "cidr" }]);
  });

  it("reads thousands separators, Korean multipliers, dollars and GB-seconds", () => {
    expect(parse("1,000,000회, 1백만 요청, $0.2, 600,000GB초당, 400,000GB 초")).toMatchObject([
      { value: 1_000_000, unit: "count" }, { value: 1_000_000, unit: "count", bare: true }, { value: 0.2, unit: "usd" }, { value: 600_000, unit: "GB-s" }, { value: 400_000, unit: "GB-s" },
    ]);
  });

  it("keeps bare numbers only when they end a word, and skips versions, IPs and service names", () => {
    expect(parse("동시 실행수 1000 (증가 가능)")).toMatchObject([{ value: 1000, unit: "count", bare: true }]);
    expect(parse("MySQL보다 5배, 1계정당, 3번째, S3, EC2, 192.168.0.1, 1/10 비용")).toEqual([]);
    expect(parse("/16 VPC (64k address)")).toMatchObject([{ value: 16, unit: "cidr" }, { value: 64_000, unit: "count", bare: true }]);
  });

  it("does not read 초과 (exceeding) as seconds", () => {
    expect(parse("10GB 초과")).toMatchObject([{ value: 10, unit: "GB" }]);
  });
});

describe("convertUnit", () => {
  it("uses binary sizes and converts time", () => {
    expect(convertUnit(10, "GB", "MB")).toBe(10240);
    expect(convertUnit(256, "KB", "MB")).toBe(0.25);
    expect(convertUnit(15, "min", "s")).toBe(900);
    expect(convertUnit(1, "year", "h")).toBe(8760);
    expect(convertUnit(1, "count", "MB")).toBeNull();
  });

  it("is the reference table's conversion: text never converts, months, years and PB do", () => {
    expect(convertUnit).toBe(referenceConvertUnit);
    expect(convertUnit(0, "text", "text")).toBeNull();
    expect(convertUnit(3, "count", "count")).toBe(3);
    expect(convertUnit(12, "month", "day")).toBe(360);
    expect(convertUnit(1, "PB", "TB")).toBe(1024);
    expect(unitFamily("month")).toBe("time");
    expect(unitFamily("cidr")).toBe("cidr");
  });
});
