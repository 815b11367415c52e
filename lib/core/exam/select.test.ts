import { describe, expect, it } from "vitest";
import { ValidationError } from "@/lib/core/errors";
import { DOMAINS, type Domain } from "@/lib/core/questions/types";
import { blueprintFor } from "./blueprint";
import { selectExamQuestions, type ExamSelectionInput } from "./select";
import type { ExamPoolQuestion } from "./types";

const NONE: ReadonlySet<string> = new Set();

function question(id: string, domain: Domain, extra: Partial<ExamPoolQuestion> = {}): ExamPoolQuestion {
  return { id, type: "single", domain, topics: ["lambda"], origin: "curated", family: id, ...extra };
}

/** `perDomain` questions in every domain, ids like "secure-007". */
function poolOf(perDomain: Partial<Record<Domain, number>> | number): ExamPoolQuestion[] {
  return DOMAINS.flatMap((domain) => {
    const size = typeof perDomain === "number" ? perDomain : (perDomain[domain] ?? 0);
    return Array.from({ length: size }, (_, index) => question(`${domain}-${String(index).padStart(3, "0")}`, domain));
  });
}

function select(overrides: Partial<ExamSelectionInput> & Pick<ExamSelectionInput, "pool">) {
  const count = overrides.count ?? 65;
  return selectExamQuestions({ count, blueprint: blueprintFor(count), seed: "seed-1", recentQuestionIds: NONE, ...overrides });
}

function countBy<T extends string>(values: readonly T[]): Partial<Record<T, number>> {
  const counts: Partial<Record<T, number>> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

describe("selectExamQuestions", () => {
  it("follows the blueprint when the bank is large enough, with no notices", () => {
    const selection = select({ pool: poolOf(40) });
    expect(selection.questionIds).toHaveLength(65);
    expect(new Set(selection.questionIds).size).toBe(65);
    expect(selection.perDomain).toEqual({ secure: 19, resilient: 17, performant: 16, cost: 13 });
    expect(countBy(selection.domains)).toEqual(selection.perDomain);
    selection.questionIds.forEach((id, index) => expect(id.startsWith(selection.domains[index] ?? "?")).toBe(true));
    expect(selection.notices).toEqual([]);
  });

  it("is reproducible from the seed and independent of the pool's order", () => {
    const pool = poolOf(40);
    const first = select({ pool });
    expect(select({ pool }).questionIds).toEqual(first.questionIds);
    expect(select({ pool: [...pool].reverse() }).questionIds).toEqual(first.questionIds);
    const other = select({ pool, seed: "seed-2" });
    expect(other.questionIds).not.toEqual(first.questionIds);
    expect(new Set(other.questionIds)).not.toEqual(new Set(first.questionIds));
  });

  it("mixes the domains in exam order instead of grouping them", () => {
    const { domains } = select({ pool: poolOf(40) });
    const changes = domains.filter((domain, index) => index > 0 && domain !== domains[index - 1]).length;
    // grouped by domain there would be 3 changes; a shuffle of 65 gives dozens
    expect(changes).toBeGreaterThan(20);
  });

  it("holds at most one question of a family", () => {
    // 30 secure questions but only 3 families among them: the rest of secure must come from elsewhere
    const pool = [
      ...poolOf({ resilient: 40, performant: 40, cost: 40 }),
      ...Array.from({ length: 30 }, (_, index) => question(`gen-timeout-${index}`, "secure", { origin: "generated", family: `gen:lambda-limits/t${index % 3}` })),
    ];
    const selection = select({ pool });
    const secure = selection.questionIds.filter((id) => id.startsWith("gen-timeout"));
    expect(secure).toHaveLength(3);
    expect(new Set(secure.map((id) => Number(id.split("-")[2]) % 3))).toEqual(new Set([0, 1, 2]));
    expect(selection.questionIds).toHaveLength(65);
    expect(selection.notices.map((notice) => notice.kind)).toEqual(["domain_shortfall"]);
    expect(selection.notices[0]).toMatchObject({ domain: "secure", wanted: 19, got: 3 });
  });

  it("avoids the questions of recent exams while the bank allows", () => {
    const pool = poolOf(40);
    const recent = new Set(pool.filter((_, index) => index % 2 === 0).map((item) => item.id)); // 20 per domain left fresh
    const selection = select({ pool, recentQuestionIds: recent });
    expect(selection.questionIds.filter((id) => recent.has(id))).toEqual([]);
    expect(selection.notices).toEqual([]);
  });

  it("reuses recent questions only to keep the domain mix, and says how many", () => {
    const pool = poolOf(20);
    // secure has 20 questions, 15 of them recent: 5 fresh + 14 recent fill its 19
    const recent = new Set(pool.filter((item) => item.domain === "secure").slice(0, 15).map((item) => item.id));
    const selection = select({ pool, recentQuestionIds: recent });
    expect(selection.perDomain).toEqual({ secure: 19, resilient: 17, performant: 16, cost: 13 });
    expect(selection.questionIds.filter((id) => recent.has(id))).toHaveLength(14);
    expect(selection.notices).toEqual([
      { kind: "recent_reused", message: "최근 시험에서 풀지 않은 문제가 부족해 최근 시험에 나온 문제 14개를 다시 냈습니다.", got: 14 },
    ]);
  });

  it("makes up a short domain from the most under-weighted others and says so in Korean", () => {
    const selection = select({ pool: poolOf({ secure: 40, resilient: 40, performant: 40, cost: 9 }) });
    expect(selection.questionIds).toHaveLength(65);
    // D'Hondt on 0.30/0.26/0.24 from 19/17/16: secure, resilient, secure, performant
    expect(selection.perDomain).toEqual({ secure: 21, resilient: 18, performant: 17, cost: 9 });
    expect(selection.notices).toEqual([
      {
        kind: "domain_shortfall",
        message: "비용 최적화 영역 문제가 13개 필요하지만 9개뿐이라 다른 영역에서 4개를 채웠습니다.",
        domain: "cost",
        wanted: 13,
        got: 9,
      },
    ]);
  });

  it("names every short domain, including an empty one", () => {
    const selection = select({ pool: poolOf({ secure: 40, resilient: 10, performant: 40, cost: 0 }) });
    expect(selection.questionIds).toHaveLength(65);
    expect(selection.notices.map((notice) => notice.message)).toEqual([
      "복원력 영역 문제가 17개 필요하지만 10개뿐이라 다른 영역에서 7개를 채웠습니다.",
      "비용 최적화 영역 문제가 13개 필요하지만 하나도 없어 다른 영역에서 13개를 채웠습니다.",
    ]);
  });

  it("gives fewer questions with a notice when the whole pool is too small", () => {
    const selection = select({ pool: poolOf({ secure: 10, resilient: 10, performant: 10, cost: 10 }) });
    expect(selection.questionIds).toHaveLength(40);
    expect(selection.perDomain).toEqual({ secure: 10, resilient: 10, performant: 10, cost: 10 });
    expect(selection.notices.find((notice) => notice.kind === "total_shortfall")).toEqual({
      kind: "total_shortfall",
      message: "조건에 맞는 서로 다른 문제가 40개뿐이라 65문제 대신 40문제로 시험을 만들었습니다.",
      wanted: 65,
      got: 40,
    });
    expect(selection.notices.find((notice) => notice.domain === "secure")?.message).toBe(
      "보안 영역 문제가 19개 필요하지만 10개뿐이고 다른 영역에도 남은 문제가 없습니다.",
    );
    const families = select({ pool: Array.from({ length: 80 }, (_, index) => question(`q${index}`, "secure", { family: `f${index % 5}` })), count: 10, blueprint: blueprintFor(10, ["secure"]) });
    expect(families.questionIds).toHaveLength(5);
    expect(families.notices.at(-1)?.message).toBe("조건에 맞는 서로 다른 문제가 5개뿐이라 10문제 대신 5문제로 시험을 만들었습니다. 숫자만 바꾼 같은 유형의 문제는 한 시험에 하나만 냅니다.");
    expect(select({ pool: [], count: 5 }).notices).toContainEqual({ kind: "total_shortfall", message: "조건에 맞는 문제가 없어 시험을 만들 수 없습니다.", wanted: 5, got: 0 });
  });

  it("never takes a domain the blueprint leaves out", () => {
    const selection = select({ pool: poolOf({ secure: 40, resilient: 40, performant: 40, cost: 3 }), count: 10, blueprint: blueprintFor(10, ["cost"]) });
    expect(selection.perDomain).toEqual({ secure: 0, resilient: 0, performant: 0, cost: 3 });
    expect(selection.notices.map((notice) => notice.kind)).toEqual(["domain_shortfall", "total_shortfall"]);
  });

  it("prefers weak questions in weighted mode and still honours the blueprint", () => {
    // in every domain half the questions are weak (1), half known (0): weights 1.05 vs 0.05
    const pool = DOMAINS.flatMap((domain) =>
      Array.from({ length: 200 }, (_, index) => question(`${domain}-${index}`, domain, { weakness: index % 2 === 0 ? 1 : 0 })),
    );
    const weak = new Set(pool.filter((item) => item.weakness === 1).map((item) => item.id));
    const weighted = select({ pool, weighted: true });
    expect(weighted.perDomain).toEqual({ secure: 19, resilient: 17, performant: 16, cost: 13 });
    const weakShare = weighted.questionIds.filter((id) => weak.has(id)).length / 65;
    expect(weakShare).toBeGreaterThan(0.85);
    // known questions keep a chance (0.05 floor), and without `weighted` weakness is ignored
    const unweighted = select({ pool });
    const unweightedShare = unweighted.questionIds.filter((id) => weak.has(id)).length / 65;
    expect(unweightedShare).toBeGreaterThan(0.3);
    expect(unweightedShare).toBeLessThan(0.7);
    expect(select({ pool, weighted: true }).questionIds).toEqual(weighted.questionIds);
  });

  it("treats a question without a weakness as never seen (0.6) in weighted mode", () => {
    const pool = [
      ...Array.from({ length: 300 }, (_, index) => question(`unknown-${index}`, "secure")),
      ...Array.from({ length: 300 }, (_, index) => question(`known-${index}`, "secure", { weakness: 0 })),
    ];
    const selection = select({ pool, count: 30, blueprint: blueprintFor(30, ["secure"]), weighted: true });
    expect(selection.questionIds.filter((id) => id.startsWith("unknown")).length).toBeGreaterThan(24);
  });

  it("assembles 65 of 10,000 questions", () => {
    const pool = Array.from({ length: 10_000 }, (_, index) =>
      question(`q${index}`, DOMAINS[index % 4] ?? "secure", { family: `f${Math.floor(index / 2)}`, weakness: (index % 10) / 10 }),
    );
    const recent = new Set(pool.slice(0, 3_000).map((item) => item.id));
    const selection = select({ pool, recentQuestionIds: recent, weighted: true });
    expect(selection.questionIds).toHaveLength(65);
    expect(new Set(selection.questionIds.map((id) => Math.floor(Number(id.slice(1)) / 2))).size).toBe(65);
    expect(selection.questionIds.some((id) => recent.has(id))).toBe(false);
  });

  it("rejects a blueprint that does not add up to the count", () => {
    expect(() => select({ pool: poolOf(10), count: 10, blueprint: blueprintFor(9) })).toThrow(ValidationError);
    expect(() => select({ pool: poolOf(10), count: -1, blueprint: blueprintFor(0) })).toThrow(/-1/);
  });
});
