// Exam readiness: today's estimated SAA-C03 scaled score, its uncertainty band, the score the
// learner would have on the exam date if they stopped studying now, whether the current pace
// reaches the pass mark by then, and the topics whose study raises the estimate most.
//
// The method (also stated on /progress):
// 1. Per domain d, the memory estimate m_d is the domain's mastery: mean FSRS retrievability of
//    its active cards now, unseen cards counting 0 (a conservative convention: no guessing).
// 2. Recent exam evidence: answers of practice exams finished in the last 30 days in d,
//    c_d correct of t_d.
// 3. Both are combined in a Beta posterior per domain with a Jeffreys prior:
//      α_d = ½ + m_d·n_d + c_d,   β_d = ½ + (1 − m_d)·n_d + (t_d − c_d)
//    where n_d = min(cards seen in d, MEMORY_EVIDENCE_CAP) is the effective number of
//    observations the memory model contributes. Few cards seen → few pseudo-answers → a wide
//    band; the cap keeps the model from claiming more certainty than FSRS' own predictions
//    have (a real exam answer is worth as much as a card's predicted recall).
// 4. The exam fraction F = Σ W_d·E[p_d] with the SAA-C03 domain weights, and
//    Var F = Σ W_d²·Var p_d (domains independent). The 90% band is F ± 1.645·√Var F, clipped to
//    [0, 1]. Fractions become scaled scores with the exam's mapping (scaledScoreOf: 72% → 720).
import { scaledScoreOf } from "@/lib/core/exam/scoring";
import { SAA_C03 } from "@/lib/core/exam/types";
import { DOMAIN_WEIGHTS, DOMAINS, type Domain } from "@/lib/core/questions/types";
import type { AnswerTally, CardAggregate } from "./mastery";

export const MEMORY_EVIDENCE_CAP = 40;
export const PASS_FRACTION = 0.72;
/** z for a two-sided 90% interval */
const Z90 = 1.6449;

export type DomainAggregates = Record<Domain, CardAggregate>;
export type DomainExamTallies = Record<Domain, AnswerTally>;

export interface DomainEstimate {
  domain: Domain;
  weight: number;
  /** memory estimate m_d (mastery) */
  memory: number;
  memoryEvidence: number;
  examAnswers: number;
  examCorrect: number;
  /** posterior mean and standard deviation of the domain's fraction correct */
  mean: number;
  sd: number;
}

export interface ScoreBand {
  fraction: number;
  low: number;
  high: number;
  scaled: number;
  scaledLow: number;
  scaledHigh: number;
  passes: boolean;
}

export interface ReadinessEstimate extends ScoreBand {
  domains: DomainEstimate[];
  seenCards: number;
  examAnswers: number;
}

/** A fraction correct (0–1) as a scaled score, with the exam's own mapping (rounded to 1/10 000). */
export function scaledOfFraction(fraction: number): number {
  const clipped = Math.min(1, Math.max(0, fraction));
  return scaledScoreOf(Math.round(clipped * 10_000), 10_000);
}

function betaMoments(alpha: number, beta: number): { mean: number; sd: number } {
  const total = alpha + beta;
  return { mean: alpha / total, sd: Math.sqrt((alpha * beta) / (total * total * (total + 1))) };
}

function bandOf(fraction: number, variance: number): ScoreBand {
  const half = Z90 * Math.sqrt(variance);
  const low = Math.max(0, fraction - half);
  const high = Math.min(1, fraction + half);
  const scaled = scaledOfFraction(fraction);
  return { fraction, low, high, scaled, scaledLow: scaledOfFraction(low), scaledHigh: scaledOfFraction(high), passes: scaled >= SAA_C03.passScaled };
}

/**
 * `memoryOf` picks the retrievability sum to use (now, or on the exam date). Null when there is
 * no evidence at all (no card answered, no exam answer): there is nothing to estimate from.
 */
export function estimateReadiness(
  domains: DomainAggregates,
  exams: DomainExamTallies,
  options: { memoryOf?: (aggregate: CardAggregate) => number; examScale?: (domain: Domain) => number } = {},
): ReadinessEstimate | null {
  const memorySum = options.memoryOf ?? ((aggregate) => aggregate.retrievabilitySum);
  let seenCards = 0;
  let examAnswers = 0;
  let fraction = 0;
  let variance = 0;
  const estimates: DomainEstimate[] = DOMAINS.map((domain) => {
    const aggregate = domains[domain];
    const memory = aggregate.cards === 0 ? 0 : memorySum(aggregate) / aggregate.cards;
    const evidence = Math.min(aggregate.seen, MEMORY_EVIDENCE_CAP);
    const tally = exams[domain];
    const scale = options.examScale?.(domain) ?? 1;
    const correct = tally.correct * scale;
    const alpha = 0.5 + memory * evidence + correct;
    const beta = 0.5 + (1 - memory) * evidence + (tally.answers - correct);
    const { mean, sd } = betaMoments(alpha, beta);
    const weight = DOMAIN_WEIGHTS[domain];
    seenCards += aggregate.seen;
    examAnswers += tally.answers;
    fraction += weight * mean;
    variance += weight * weight * sd * sd;
    return { domain, weight, memory, memoryEvidence: evidence, examAnswers: tally.answers, examCorrect: tally.correct, mean, sd };
  });
  if (seenCards === 0 && examAnswers === 0) return null;
  return { ...bandOf(fraction, variance), domains: estimates, seenCards, examAnswers };
}

export interface ExamDayForecast {
  /** learner days from today to the exam day (0 = today) */
  daysLeft: number;
  /** if the learner stops now: mean retrievability on the exam date, and the estimate from it */
  stopNowRetrievability: number;
  stopNow: ScoreBand | null;
  /** new cards per day over the last PACE_WINDOW_DAYS */
  pacePerDay: number;
  /** estimated fraction if the current pace continues until the exam */
  paceFraction: number;
  paceScaled: number;
  paceReaches: boolean;
  /** new cards a day needed to reach 720 by the exam (null: unreachable by new cards alone) */
  neededPerDay: number | null;
}

export const PACE_WINDOW_DAYS = 14;

/**
 * Stop-now: every card decays along its forgetting curve to the exam date (forecastSum) and
 * exam evidence is assumed to decay in the same proportion as the domain's memory.
 *
 * Pace: the learner keeps adding new cards at the rate of the last 14 days, spread over the
 * domains in proportion to their unseen cards, and keeps reviewing, so seen cards hold today's
 * mean recall (FSRS schedules reviews to keep it near the desired retention). The projected
 * domain fraction is coverage_d(T) × mean recall of seen cards in d; with no seen card in d the
 * desired retention stands in.
 */
export function forecastExamDay(input: {
  domains: DomainAggregates;
  exams: DomainExamTallies;
  daysLeft: number;
  newCardsInWindow: number;
  desiredRetention: number;
}): ExamDayForecast {
  const { domains, daysLeft } = input;
  const totals = DOMAINS.reduce(
    (sum, domain) => ({ cards: sum.cards + domains[domain].cards, now: sum.now + domains[domain].retrievabilitySum, later: sum.later + domains[domain].forecastSum }),
    { cards: 0, now: 0, later: 0 },
  );
  const stopNowRetrievability = totals.cards === 0 ? 0 : totals.later / totals.cards;
  const stopNow = estimateReadiness(domains, input.exams, {
    memoryOf: (aggregate) => aggregate.forecastSum,
    examScale: (domain) => {
      const aggregate = domains[domain];
      return aggregate.retrievabilitySum > 0 ? Math.min(1, aggregate.forecastSum / aggregate.retrievabilitySum) : 1;
    },
  });

  const pacePerDay = input.newCardsInWindow / PACE_WINDOW_DAYS;
  const projected = (newCards: number) => projectedFraction(domains, newCards, input.desiredRetention);
  const paceFraction = projected(pacePerDay * Math.max(0, daysLeft));
  const unseenTotal = DOMAINS.reduce((sum, domain) => sum + domains[domain].cards - domains[domain].seen, 0);
  let neededPerDay: number | null = null;
  if (projected(0) >= PASS_FRACTION) neededPerDay = 0;
  else if (daysLeft > 0 && projected(unseenTotal) >= PASS_FRACTION) {
    // projectedFraction is increasing in the number of new cards: bisect on it.
    let low = 0;
    let high = unseenTotal;
    for (let step = 0; step < 40; step += 1) {
      const middle = (low + high) / 2;
      if (projected(middle) >= PASS_FRACTION) high = middle;
      else low = middle;
    }
    neededPerDay = Math.ceil(high / daysLeft - 1e-6);
  }
  const paceScaled = scaledOfFraction(paceFraction);
  return { daysLeft, stopNowRetrievability, stopNow, pacePerDay, paceFraction, paceScaled, paceReaches: paceScaled >= SAA_C03.passScaled, neededPerDay };
}

function projectedFraction(domains: DomainAggregates, newCards: number, desiredRetention: number): number {
  const unseenTotal = DOMAINS.reduce((sum, domain) => sum + domains[domain].cards - domains[domain].seen, 0);
  let fraction = 0;
  for (const domain of DOMAINS) {
    const aggregate = domains[domain];
    if (aggregate.cards === 0) continue;
    const unseen = aggregate.cards - aggregate.seen;
    const added = unseenTotal === 0 ? 0 : Math.min(unseen, (newCards * unseen) / unseenTotal);
    const recall = aggregate.seen === 0 ? desiredRetention : aggregate.retrievabilitySum / aggregate.seen;
    fraction += DOMAIN_WEIGHTS[domain] * ((aggregate.seen + added) / aggregate.cards) * recall;
  }
  return fraction;
}

export interface TopicDomainAggregate {
  topicKey: string;
  domain: Domain;
  cards: number;
  retrievabilitySum: number;
}

export interface NextAction {
  topicKey: string;
  /** estimated rise of the exam fraction if every card of the topic were fully recalled */
  gain: number;
  /** the same in scaled points (approximate: the mapping's slope below 72%) */
  gainScaled: number;
  mastery: number;
  cards: number;
}

/**
 * "다음에 할 일": for each topic, Σ_d W_d × (share of domain d's cards that are the topic's) ×
 * (1 − the topic's mastery in d) = Σ_d W_d × (cards − ΣR)_{t,d} / cards_d. That is how much the
 * memory estimate rises if the topic's cards were all recalled: domain weight × what is not yet
 * known. The `limit` topics with the largest gain, ties by key.
 */
export function rankNextActions(topicDomains: readonly TopicDomainAggregate[], domains: DomainAggregates, limit = 5): NextAction[] {
  const byTopic = new Map<string, { gain: number; cards: number; sum: number }>();
  for (const row of topicDomains) {
    const domainCards = domains[row.domain].cards;
    if (domainCards === 0 || row.cards === 0) continue;
    const entry = byTopic.get(row.topicKey) ?? { gain: 0, cards: 0, sum: 0 };
    entry.gain += (DOMAIN_WEIGHTS[row.domain] * (row.cards - row.retrievabilitySum)) / domainCards;
    entry.cards += row.cards;
    entry.sum += row.retrievabilitySum;
    byTopic.set(row.topicKey, entry);
  }
  const slope = (SAA_C03.passScaled - SAA_C03.minScaled) / PASS_FRACTION;
  return [...byTopic]
    .map(([topicKey, entry]) => ({ topicKey, gain: entry.gain, gainScaled: Math.round(entry.gain * slope), mastery: entry.sum / entry.cards, cards: entry.cards }))
    .filter((action) => action.gain > 1e-9)
    .sort((a, b) => b.gain - a.gain || (a.topicKey < b.topicKey ? -1 : 1))
    .slice(0, limit);
}
