// Exam assembly: which questions an attempt holds, seeded and reproducible.
//
// Rules, in priority order:
// 1. At most one question per family (questions/family.ts): one template with only a number
//    changed teaches its own answer.
// 2. The blueprint (domain mix) is honoured where the bank allows. A domain's quota is filled
//    with questions of that domain that were not in the learner's recent exams, then with recent
//    ones of the same domain (with a "recent_reused" notice): the domain mix is what makes it an
//    SAA-C03 rehearsal, avoiding repeats is a preference.
// 3. A domain that has too few questions in the bank is made up from the other domains of the
//    blueprint, one question at a time to the domain most under its exam weight (largest
//    DOMAIN_WEIGHTS[d] / (taken[d] + 1), the D'Hondt rule; ties by DOMAINS order), again fresh
//    questions before recent ones. Domains the blueprint leaves at 0 are never used: they are
//    the domains the learner did not choose.
// 4. Within a domain the order is random (seeded); in weighted mode (약점 집중) it is a weighted
//    sample without replacement with weight 0.05 + weakness, by Efraimidis–Spirakis keys
//    (key = ln(u) / weight, largest first), so a known question keeps a small chance.
// The result does not depend on the order of `pool` (it is sorted by id first), only on its
// content and the seed. Cost: one sort of the pool, O(n log n); 10,000 questions take a few ms.
import { ValidationError } from "@/lib/core/errors";
import { createRandom, shuffle } from "@/lib/core/questions/random";
import { DOMAIN_WEIGHTS, DOMAINS, type Domain } from "@/lib/core/questions/types";
import { blueprintTotal, emptyBlueprint } from "./blueprint";
import { DOMAIN_SHORT_LABELS, type Blueprint, type ExamPoolQuestion, type ExamSelection, type SelectionNotice } from "./types";
import { WEAKNESS_UNSEEN } from "./weakness";

export interface ExamSelectionInput {
  /** the questions the learner allowed (choice questions, chosen topics/domains, imported or not) */
  pool: readonly ExamPoolQuestion[];
  count: number;
  /** must add up to `count` (see blueprintFor) */
  blueprint: Blueprint;
  seed: string;
  /** questions of the learner's recent exams: used only when the bank leaves no other choice */
  recentQuestionIds: ReadonlySet<string>;
  /** 약점 집중: prefer questions with a high `weakness` */
  weighted?: boolean;
}

/** Every question keeps at least this weight in weighted mode, so a weak exam is not all one topic. */
export const WEAKNESS_FLOOR = 0.05;

interface Candidate {
  question: ExamPoolQuestion;
  recent: boolean;
}

type Tier = "fresh" | "recent";
const TIERS: readonly Tier[] = ["fresh", "recent"];

/** One domain's candidates in rank order, split by recency, with a read position per tier. */
class DomainQueue {
  private readonly lists: Record<Tier, Candidate[]> = { fresh: [], recent: [] };
  private readonly positions: Record<Tier, number> = { fresh: 0, recent: 0 };

  add(candidate: Candidate): void {
    this.lists[candidate.recent ? "recent" : "fresh"].push(candidate);
  }

  /** The best candidate of the tier whose family is still free, without taking it. */
  peek(tier: Tier, usedFamilies: ReadonlySet<string>): Candidate | null {
    const list = this.lists[tier];
    let position = this.positions[tier];
    // Skipped candidates stay skipped: a family once used stays used for the whole exam.
    while (position < list.length && usedFamilies.has(list[position]?.question.family ?? "")) position++;
    this.positions[tier] = position;
    return list[position] ?? null;
  }

  take(tier: Tier, usedFamilies: ReadonlySet<string>): Candidate | null {
    const found = this.peek(tier, usedFamilies);
    if (found) this.positions[tier] += 1;
    return found;
  }
}

export function selectExamQuestions(input: ExamSelectionInput): ExamSelection {
  const { count, blueprint } = input;
  if (!Number.isInteger(count) || count < 0) throw new ValidationError(`문제 수는 0 이상의 정수여야 합니다 (받은 값: ${String(count)}).`);
  for (const domain of DOMAINS) {
    if (!Number.isInteger(blueprint[domain]) || blueprint[domain] < 0) {
      throw new ValidationError(`${domain} 영역의 문제 수는 0 이상의 정수여야 합니다 (받은 값: ${String(blueprint[domain])}).`);
    }
  }
  if (blueprintTotal(blueprint) !== count) {
    throw new ValidationError(`영역별 문제 수의 합(${blueprintTotal(blueprint)})이 문제 수(${count})와 다릅니다.`);
  }

  const random = createRandom(input.seed);
  const queues = Object.fromEntries(DOMAINS.map((domain) => [domain, new DomainQueue()])) as Record<Domain, DomainQueue>;
  const eligible = DOMAINS.filter((domain) => blueprint[domain] > 0);
  for (const candidate of rankPool(input, random)) queues[candidate.question.domain].add(candidate);

  const usedFamilies = new Set<string>();
  const taken = emptyBlueprint();
  const chosen: Candidate[] = [];
  const takeFrom = (domain: Domain, tier: Tier): boolean => {
    const candidate = queues[domain].take(tier, usedFamilies);
    if (!candidate) return false;
    usedFamilies.add(candidate.question.family);
    taken[domain] += 1;
    chosen.push(candidate);
    return true;
  };

  for (const tier of TIERS) {
    for (const domain of eligible) {
      while (taken[domain] < blueprint[domain] && takeFrom(domain, tier));
    }
  }
  const ownDomain = { ...taken };

  // Make up the short domains from the others (rule 3).
  for (const tier of TIERS) {
    while (chosen.length < count) {
      let best: Domain | null = null;
      for (const domain of eligible) {
        if (!queues[domain].peek(tier, usedFamilies)) continue;
        if (best === null || DOMAIN_WEIGHTS[domain] / (taken[domain] + 1) > DOMAIN_WEIGHTS[best] / (taken[best] + 1)) best = domain;
      }
      if (best === null) break;
      takeFrom(best, tier);
    }
  }

  const notices = shortfallNotices(blueprint, ownDomain, chosen.length - blueprintTotal(ownDomain));
  if (chosen.length < count) notices.push(totalShortfallNotice(input, eligible, count, chosen.length));
  const reused = chosen.filter((candidate) => candidate.recent).length;
  if (reused > 0) {
    notices.push({
      kind: "recent_reused",
      message: `최근 시험에서 풀지 않은 문제가 부족해 최근 시험에 나온 문제 ${reused}개를 다시 냈습니다.`,
      got: reused,
    });
  }

  // Exam order is shuffled so the domains are mixed, as on the real exam.
  const ordered = shuffle(chosen, random);
  return {
    questionIds: ordered.map((candidate) => candidate.question.id),
    domains: ordered.map((candidate) => candidate.question.domain),
    perDomain: taken,
    notices,
  };
}

/** Pool sorted by rank: seeded random order, or Efraimidis–Spirakis keys in weighted mode. */
function rankPool(input: ExamSelectionInput, random: () => number): Candidate[] {
  const seen = new Set<string>();
  const unique = input.pool.filter((question) => !seen.has(question.id) && seen.add(question.id));
  unique.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const keyed = unique.map((question) => {
    // 1 − u lies in (0, 1], so the logarithm is finite; ln(u)/w orders like u^(1/w) without underflow.
    const u = 1 - random();
    const weight = input.weighted ? WEAKNESS_FLOOR + clamp01(question.weakness ?? WEAKNESS_UNSEEN) : 1;
    return { question, recent: input.recentQuestionIds.has(question.id), key: Math.log(u) / weight };
  });
  keyed.sort((a, b) => b.key - a.key);
  return keyed;
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : WEAKNESS_UNSEEN;
}

/** One notice per domain the bank could not fill; the filled questions are credited in DOMAINS order. */
function shortfallNotices(blueprint: Blueprint, ownDomain: Blueprint, filled: number): SelectionNotice[] {
  const notices: SelectionNotice[] = [];
  let creditLeft = filled;
  for (const domain of DOMAINS) {
    const wanted = blueprint[domain];
    const got = ownDomain[domain];
    if (got >= wanted) continue;
    const credit = Math.min(wanted - got, creditLeft);
    creditLeft -= credit;
    const label = DOMAIN_SHORT_LABELS[domain];
    const have = got === 0 ? "하나도 없어" : `${got}개뿐이라`;
    const message =
      credit > 0
        ? `${label} 영역 문제가 ${wanted}개 필요하지만 ${have} 다른 영역에서 ${credit}개를 채웠습니다.`
        : `${label} 영역 문제가 ${wanted}개 필요하지만 ${got === 0 ? "하나도 없고" : `${got}개뿐이고`} 다른 영역에도 남은 문제가 없습니다.`;
    notices.push({ kind: "domain_shortfall", message, domain, wanted, got });
  }
  return notices;
}

function totalShortfallNotice(input: ExamSelectionInput, eligible: readonly Domain[], wanted: number, got: number): SelectionNotice {
  const inScope = new Set(input.pool.filter((question) => eligible.includes(question.domain)).map((question) => question.id)).size;
  const families = inScope > got ? " 숫자만 바꾼 같은 유형의 문제는 한 시험에 하나만 냅니다." : "";
  const message =
    got === 0
      ? "조건에 맞는 문제가 없어 시험을 만들 수 없습니다."
      : `조건에 맞는 서로 다른 문제가 ${got}개뿐이라 ${wanted}문제 대신 ${got}문제로 시험을 만들었습니다.${families}`;
  return { kind: "total_shortfall", message, wanted, got };
}
