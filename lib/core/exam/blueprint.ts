// How many questions of each domain an exam holds: the SAA-C03 weights (exam guide v1.0:
// secure 30%, resilient 26%, performant 24%, cost 20%) apportioned by the largest-remainder
// (Hamilton) method, so the counts always add up to the total and no domain is more than one
// question away from its exact share.
import { ValidationError } from "@/lib/core/errors";
import { DOMAIN_WEIGHTS, DOMAINS, type Domain } from "@/lib/core/questions/types";
import type { Blueprint } from "./types";

/** Weights as integers (basis points) so quotas and remainders are exact: 65 × 0.3 is 19.499… in floating point. */
const WEIGHT_UNITS: Record<Domain, number> = Object.fromEntries(DOMAINS.map((domain) => [domain, Math.round(DOMAIN_WEIGHTS[domain] * 10_000)])) as Record<Domain, number>;

export function emptyBlueprint(): Blueprint {
  return { secure: 0, resilient: 0, performant: 0, cost: 0 };
}

/**
 * `domains` restricts the exam to those domains, their weights re-normalised (empty or absent =
 * all four). Equal remainders go to the domain that comes first in DOMAINS.
 * 65 → secure 19, resilient 17, performant 16, cost 13 (quotas 19.5, 16.9, 15.6, 13).
 */
export function blueprintFor(total: number, domains?: readonly Domain[]): Blueprint {
  if (!Number.isInteger(total) || total < 0) {
    throw new ValidationError(`문제 수는 0 이상의 정수여야 합니다 (받은 값: ${String(total)}).`);
  }
  const chosen = domains && domains.length > 0 ? DOMAINS.filter((domain) => domains.includes(domain)) : [...DOMAINS];
  const blueprint = emptyBlueprint();
  if (chosen.length === 0 || total === 0) return blueprint;
  const weightSum = chosen.reduce((sum, domain) => sum + WEIGHT_UNITS[domain], 0);
  const remainders: { domain: Domain; remainder: number }[] = [];
  let assigned = 0;
  for (const domain of chosen) {
    const numerator = total * WEIGHT_UNITS[domain];
    blueprint[domain] = Math.floor(numerator / weightSum);
    assigned += blueprint[domain];
    remainders.push({ domain, remainder: numerator % weightSum });
  }
  // Array.prototype.sort is stable, so equal remainders keep DOMAINS order.
  remainders.sort((a, b) => b.remainder - a.remainder);
  for (let index = 0; index < total - assigned; index++) {
    const entry = remainders[index];
    if (entry) blueprint[entry.domain] += 1;
  }
  return blueprint;
}

export function blueprintTotal(blueprint: Blueprint): number {
  return DOMAINS.reduce((sum, domain) => sum + blueprint[domain], 0);
}
