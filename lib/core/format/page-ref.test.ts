import { describe, expect, it } from "vitest";
import { formatPageRef } from "./page-ref";

describe("formatPageRef", () => {
  it("shows a page marker as 원본 N쪽, whatever its spelling", () => {
    expect(formatPageRef("215")).toBe("원본 215쪽");
    expect(formatPageRef("P215")).toBe("원본 215쪽");
    expect(formatPageRef("p 175")).toBe("원본 175쪽");
    expect(formatPageRef("pp. 12-13")).toBe("원본 12–13쪽");
    expect(formatPageRef("페이지 9")).toBe("원본 9쪽");
    expect(formatPageRef("부록 A")).toBe("원본 부록 A");
  });
});
