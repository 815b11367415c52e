import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { blueprintFor, blueprintTotal } from "./blueprint";

describe("blueprintFor", () => {
  it("apportions the 65-question exam by the SAA-C03 weights", () => {
    // quotas 19.5, 16.9, 15.6, 13.0 → floors 19/16/15/13, the two seats left go to .9 and .6
    expect(blueprintFor(65)).toEqual({ secure: 19, resilient: 17, performant: 16, cost: 13 });
  });

  it("gives exact shares exactly and always adds up to the total", () => {
    expect(blueprintFor(50)).toEqual({ secure: 15, resilient: 13, performant: 12, cost: 10 });
    expect(blueprintFor(100)).toEqual({ secure: 30, resilient: 26, performant: 24, cost: 20 });
    for (let total = 0; total <= 120; total++) {
      const blueprint = blueprintFor(total);
      expect(blueprintTotal(blueprint)).toBe(total);
      expect(Math.abs(blueprint.secure - total * 0.3)).toBeLessThan(1);
      expect(Math.abs(blueprint.cost - total * 0.2)).toBeLessThan(1);
    }
  });

  it("breaks equal remainders by DOMAINS order", () => {
    // 25 questions: quotas 7.5, 6.5, 6, 5 → floors 7/6/6/5, one seat left and secure and
    // resilient tie at .5 → secure, the first in DOMAINS
    expect(blueprintFor(25)).toEqual({ secure: 8, resilient: 6, performant: 6, cost: 5 });
    // 5 questions: quotas 1.5, 1.3, 1.2, 1.0 → the one seat goes to the largest remainder (.5)
    expect(blueprintFor(5)).toEqual({ secure: 2, resilient: 1, performant: 1, cost: 1 });
    // 10 questions: quotas 3, 2.6, 2.4, 2 → resilient gets the one extra
    expect(blueprintFor(10)).toEqual({ secure: 3, resilient: 3, performant: 2, cost: 2 });
    expect(blueprintFor(1)).toEqual({ secure: 1, resilient: 0, performant: 0, cost: 0 });
  });

  it("restricts to the chosen domains with re-normalised weights", () => {
    // secure .30 vs cost .20 → 60% / 40%
    expect(blueprintFor(10, ["cost", "secure"])).toEqual({ secure: 6, resilient: 0, performant: 0, cost: 4 });
    // 7 over .30/.20: quotas 4.2, 2.8 → 4 + 3
    expect(blueprintFor(7, ["secure", "cost"])).toEqual({ secure: 4, resilient: 0, performant: 0, cost: 3 });
    expect(blueprintFor(9, ["performant"])).toEqual({ secure: 0, resilient: 0, performant: 9, cost: 0 });
    expect(blueprintFor(65, [])).toEqual(blueprintFor(65));
  });

  it("rejects a negative or fractional total", () => {
    expect(() => blueprintFor(-1)).toThrow(ValidationError);
    expect(() => blueprintFor(2.5)).toThrow(/2.5/);
  });
});
