// Scoring a finished attempt the way SAA-C03 does: every question counts one point, an
// unanswered question is wrong, there is no guessing penalty, multiple response has no partial
// credit, and only the total decides pass or fail (compensatory scoring).
import { ValidationError } from "@/lib/core/errors";
import { gradeChoice, requiredSelectionCount, type ChoiceGrade } from "@/lib/core/questions/grading";
import { DOMAIN_LABELS, DOMAINS, isChoiceQuestion, type Domain, type Question } from "@/lib/core/questions/types";
import { SAA_C03, type DomainScore, type ExamItemState, type ExamScore, type TopicScore } from "./types";

/** The raw percentage at which the scaled score reaches the pass mark (see scaledScoreOf). Integer, so comparisons are exact. */
export const PASS_PERCENT = 72;

/**
 * Our approximation of AWS's section-level feedback ("Meets competencies" / "Needs
 * improvement"): AWS does not publish its rule, so a domain meets the mark when its fraction
 * correct is at least the fraction that passes the whole exam.
 */
export const DOMAIN_MEETS_PERCENT = PASS_PERCENT;

/**
 * Approximate scaled score, 100–1000. AWS equates scaled scores across exam forms and publishes
 * no raw→scaled mapping; ours (also stated on the results page) is piecewise linear through
 *   0% → 100,  72% → 720 (the pass mark),  100% → 1000,
 * rounded to the nearest integer. Below 72% that is 100 + 620 · p / 0.72; from 72% up it is
 * 1000 · p. The comparison with 72% is done in integers (100 · correct vs 72 · total) so an exact
 * 72% is never lost to floating point.
 */
export function scaledScoreOf(correct: number, total: number): number {
  if (!Number.isInteger(correct) || !Number.isInteger(total) || correct < 0 || total < 0 || correct > total) {
    throw new ValidationError(`점수를 계산할 수 없습니다: 맞힌 수 ${String(correct)}, 전체 ${String(total)}.`);
  }
  if (total === 0) return SAA_C03.minScaled;
  const scaled =
    100 * correct <= PASS_PERCENT * total
      ? SAA_C03.minScaled + ((SAA_C03.passScaled - SAA_C03.minScaled) * 100 * correct) / (PASS_PERCENT * total)
      : (SAA_C03.maxScaled * correct) / total;
  return Math.round(scaled);
}

export interface ScoreOptions {
  /** domains to report even when the exam held none of them (default: the domains it held, in DOMAINS order) */
  domains?: readonly Domain[];
}

/**
 * `items` carry `correct` already graded (gradeExamItem); null (never graded) counts as wrong.
 * `passed` is decided on the rounded scaled score, so the number on the page and the verdict
 * never disagree; domain verdicts inform but do not decide (compensatory scoring).
 */
export function scoreExam(items: readonly ExamItemState[], options: ScoreOptions = {}): ExamScore {
  const total = items.length;
  const correct = items.filter((item) => item.correct === true).length;
  const unanswered = items.filter((item) => item.selected.length === 0).length;
  const scaled = scaledScoreOf(correct, total);

  const reported = new Set<Domain>([...(options.domains ?? []), ...items.map((item) => item.domain)]);
  const domains: DomainScore[] = DOMAINS.filter((domain) => reported.has(domain)).map((domain) => {
    const inDomain = items.filter((item) => item.domain === domain);
    const right = inDomain.filter((item) => item.correct === true).length;
    const fraction = inDomain.length === 0 ? 0 : right / inDomain.length;
    return {
      domain,
      label: DOMAIN_LABELS[domain],
      correct: right,
      total: inDomain.length,
      fraction,
      verdict: inDomain.length > 0 && 100 * right >= DOMAIN_MEETS_PERCENT * inDomain.length ? "meets" : "needs_improvement",
    };
  });

  const byTopic = new Map<string, { correct: number; total: number }>();
  for (const item of items) {
    for (const topic of new Set(item.topics)) {
      const tally = byTopic.get(topic) ?? { correct: 0, total: 0 };
      tally.total += 1;
      if (item.correct === true) tally.correct += 1;
      byTopic.set(topic, tally);
    }
  }
  const topics: TopicScore[] = [...byTopic]
    .map(([topic, tally]) => ({ topic, ...tally, fraction: tally.correct / tally.total }))
    // weakest first; among equals the topic with more questions (stronger evidence), then by key
    .sort((a, b) => a.fraction - b.fraction || b.total - a.total || (a.topic < b.topic ? -1 : a.topic > b.topic ? 1 : 0));

  return { correct, total, unanswered, scaled, passed: scaled >= SAA_C03.passScaled, domains, topics };
}

/**
 * One exam answer. An empty selection is simply wrong (unanswered), and so is an incomplete or
 * overfull one (a multiple-response answer saved while the learner was still choosing): the
 * exam gives no partial credit. An option the question does not have is a tampered request
 * and throws gradeChoice's ValidationError.
 */
export function gradeExamItem(question: Pick<Question, "type" | "options" | "correct" | "chooseCount">, selected: readonly string[]): ChoiceGrade {
  const chosen = [...new Set(selected)].sort();
  if (!isChoiceQuestion(question)) return gradeChoice(question, chosen); // throws: flashcards and cloze are never exam questions
  const validKeys = new Set(question.options.map((option) => option.key));
  const tampered = chosen.some((key) => !validKeys.has(key));
  const complete = chosen.length > 0 && chosen.length === requiredSelectionCount(question);
  if (tampered || complete) return gradeChoice(question, chosen);
  const correctKeys = [...question.correct].sort();
  const correctSet = new Set(correctKeys);
  const chosenSet = new Set(chosen);
  return {
    correct: false,
    selectedKeys: chosen,
    correctKeys,
    missedKeys: correctKeys.filter((key) => !chosenSet.has(key)),
    wrongKeys: chosen.filter((key) => !correctSet.has(key)),
  };
}
