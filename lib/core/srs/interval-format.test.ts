import { describe, expect, it } from "vitest";
import { formatInterval } from "./interval-format";

const MIN = 60_000;
const DAY = 86_400_000;

describe("formatInterval", () => {
  it("labels intervals like Anki's answer buttons", () => {
    expect(formatInterval(30_000)).toBe("30초");
    expect(formatInterval(MIN)).toBe("1분");
    expect(formatInterval(10 * MIN)).toBe("10분");
    expect(formatInterval(90 * MIN)).toBe("1.5시간");
    expect(formatInterval(DAY)).toBe("1일");
    expect(formatInterval(29.4 * DAY)).toBe("29일");
    expect(formatInterval(96 * DAY)).toBe("3.2개월");
    expect(formatInterval(60 * DAY)).toBe("2개월");
    expect(formatInterval(365 * DAY)).toBe("1년");
    expect(formatInterval(550 * DAY)).toBe("1.5년");
  });
});
