// Imported drafts → core Questions: stable ids, taxonomy topics by keyword, a guessed domain.
import { z } from "zod";
import { hashText } from "./hash";
import type { ImportedDraft } from "./import-parser";
import { validateQuestion } from "./question-schema";
import { DOMAINS, type Domain, type Question } from "./types";

const taxonomySchema = z.object({
  services: z.array(z.object({ key: z.string().min(1), name: z.string().min(1), aliases: z.array(z.string()).default([]) }).loose()),
});

export interface TaxonomyService {
  key: string;
  name: string;
  aliases: string[];
}

/** The part of content/taxonomy/aws-services.json questions need. */
export function parseTaxonomyServices(json: unknown): TaxonomyService[] {
  return taxonomySchema.parse(json).services;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type TopicMatcher = (text: string) => string[];

/**
 * Topic keys whose name or alias occurs in the text, in order of first occurrence. Latin
 * aliases must stand alone (so "SG" does not match inside "SGX" and "AZ" not inside "AZURE");
 * Korean aliases match as substrings because particles attach to them (람다를, 큐에).
 */
export function buildTopicMatcher(services: readonly TaxonomyService[], limit = 5): TopicMatcher {
  const patterns = services.map((service) => {
    const terms = [...new Set([service.name, ...service.aliases].map((term) => term.trim()).filter((term) => term.length >= 2))];
    const sources = terms.map((term) =>
      /^[\x20-\x7e]+$/.test(term) ? `(?<![A-Za-z0-9])${escapeRegExp(term)}(?![A-Za-z0-9])` : escapeRegExp(term),
    );
    return { key: service.key, pattern: new RegExp(sources.join("|"), "i") };
  });
  return (text) =>
    patterns
      .map(({ key, pattern }) => ({ key, index: text.search(pattern) }))
      .filter((hit) => hit.index >= 0)
      .sort((a, b) => a.index - b.index || a.key.localeCompare(b.key))
      .slice(0, limit)
      .map((hit) => hit.key);
}

// Domain guess for imported questions: count keyword hits per SAA-C03 domain in the stem
// (weight 2, where the requirement is stated) and in the correct options (weight 1). The domain
// with most points wins; a tie or no hit falls back to "resilient" when it is among the best,
// else to the first best in exam order (secure, resilient, performant, cost).
// Documented in content/questions/README.md.
export const DOMAIN_KEYWORDS: Record<Domain, readonly string[]> = {
  secure: ["암호화", "encrypt", "kms", "iam", "권한", "permission", "least privilege", "최소 권한", "보안", "security", "secure", "waf", "shield", "secrets manager", "자격 증명", "credential", "인증", "authentication", "authoriz", "compliance", "규정", "guardduty", "cognito", "macie", "private"],
  resilient: ["고가용성", "가용성", "high availability", "highly available", "내결함성", "fault", "장애", "failover", "multi-az", "다중 az", "재해 복구", "disaster", "백업", "backup", "decouple", "분리", "durab", "내구성", "복원", "resilien", "retry", "재시도", "dlq"],
  performant: ["성능", "performance", "지연", "latency", "처리량", "throughput", "캐시", "cach", "빠르", "fast", "iops", "확장", "scal", "밀리초", "millisecond", "마이크로초", "microsecond"],
  cost: ["비용", "cost", "저렴", "cheap", "절감", "경제", "spot", "스팟", "reserved", "예약 인스턴스", "savings plan", "요금", "pric"],
};

export function guessDomain(stem: string, correctOptions: readonly string[]): Domain {
  const score = (text: string, weight: number, domain: Domain) => {
    const lower = text.toLowerCase();
    return DOMAIN_KEYWORDS[domain].reduce((sum, keyword) => sum + (lower.includes(keyword) ? weight : 0), 0);
  };
  const points = DOMAINS.map((domain) => ({
    domain,
    points: score(stem, 2, domain) + correctOptions.reduce((sum, option) => sum + score(option, 1, domain), 0),
  }));
  const best = Math.max(...points.map((entry) => entry.points));
  const leaders = points.filter((entry) => entry.points === best).map((entry) => entry.domain);
  if (best === 0 || (leaders.length > 1 && leaders.includes("resilient"))) return "resilient";
  return leaders[0] ?? "resilient";
}

/** One bank per imported file name: importing the same file again updates that bank. */
export function importedBankId(fileName: string): string {
  return `imported-${hashText(fileName.trim().toLowerCase()).slice(0, 12)}`;
}

export function importedBankTitle(fileName: string): string {
  return fileName.trim().replace(/\.(md|markdown|txt)$/i, "") || "가져온 문제";
}

/** Stable: the same stem in the same bank keeps its id (and so its review history). */
export function importedQuestionId(bankId: string, stem: string): string {
  return `imp-${hashText(`${bankId}\n${stem.toLowerCase().replace(/\s+/g, " ").trim()}`)}`;
}

export function toImportedQuestion(draft: ImportedDraft, bankId: string, matchTopics: TopicMatcher): { question: Question | null; message: string | null } {
  const correctTexts = draft.options.filter((option) => draft.correct.includes(option.key)).map((option) => option.text);
  const candidate: Question = {
    id: importedQuestionId(bankId, draft.stem),
    bankId,
    type: draft.correct.length > 1 ? "multiple" : "single",
    domain: guessDomain(draft.stem, correctTexts),
    topics: matchTopics(`${draft.stem}\n${correctTexts.join("\n")}`),
    difficulty: 2,
    stem: draft.stem,
    options: draft.options,
    correct: draft.correct,
    chooseCount: draft.correct.length > 1 ? draft.correct.length : null,
    answer: null,
    explanations: draft.explanation ? { _: draft.explanation } : {},
    sources: [],
    references: [],
    origin: "imported",
    generator: null,
    factIds: [],
    archived: false,
  };
  const result = validateQuestion(candidate);
  if (!result.question) return { question: null, message: result.issues.map((issue) => issue.message).join("; ") };
  return { question: result.question, message: null };
}
