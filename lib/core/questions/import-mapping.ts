// Imported drafts → core Questions: stable ids, taxonomy topics by keyword, a guessed domain.
import { hashText } from "./hash";
import { parseBankFile } from "./bank";
import { parseCommunityBank, stemKey, type ImportedDraft, type ImportProblem, type ImportSection } from "./import-parser";
import { validateQuestion } from "./question-schema";
import { DOMAINS, type Domain, type Question } from "./types";

/** The part of a taxonomy service questions need (validated by lib/server/taxonomy.ts). */
export interface TaxonomyService {
  key: string;
  name: string;
  aliases: string[];
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export type TopicMatcher = (text: string) => string[];

/**
 * One form for an English word and its plural or possessive, so "security groups", "Read
 * Replicas", "Availability Zones" and "VPCs" meet the aliases "Security Group", "Read Replica",
 * "Availability Zone" and "VPC". Not a stemmer: both sides go through the same function, so it
 * only has to send a word and its plural to the same string ("cache"/"caches" → "cach",
 * "policy"/"policies" → "policy", "address"/"addresses" → "address"). Acronyms keep their
 * letters (ECS, SQS, DNS) and lose only a lowercase plural s (AMIs, AZs); words of three letters
 * or fewer are left alone (sns, dns, iam).
 */
export function singularWord(word: string): string {
  const bare = word.replace(/['’]s$/i, "");
  if (/^[A-Z][A-Z0-9]+s$/.test(bare)) return bare.slice(0, -1).toLowerCase();
  if (/^[A-Z0-9]+$/.test(bare) || /\d/.test(bare)) return bare.toLowerCase();
  const lower = bare.toLowerCase();
  if (lower.length <= 3) return lower;
  if (/[^aeiou]ies$/.test(lower)) return `${lower.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(lower)) return lower;
  return lower.replace(/s$/, "").replace(/e$/, "");
}

/**
 * Text as the topic matcher compares it: Unicode NFC, English words through singularWord,
 * hyphens between words as spaces ("Read-Replica", "Multi-AZ"), runs of spaces as one. Korean
 * is left as written: particles attach to it and it is matched as a substring.
 */
export function normaliseForTopics(text: string): string {
  return text
    .normalize("NFC")
    .replace(/(?<=[A-Za-z0-9])-(?=[A-Za-z])/g, " ")
    .replace(/[A-Za-z][A-Za-z0-9]*(?:['’]s)?/g, singularWord)
    .replace(/\s+/g, " ");
}

/**
 * Topic keys whose name or alias occurs in the text, in order of first occurrence. Latin
 * aliases must stand alone (so "SG" does not match inside "SGX" and "AZ" not inside "AZURE") and
 * match their plurals (normaliseForTopics); Korean aliases match as substrings because
 * particles attach to them (람다를, 큐에).
 */
/**
 * Service names that are also ordinary English words: "a nightly batch job" is not AWS Batch,
 * "the config file" is not AWS Config. Such aliases match only capitalised, in the text as
 * written ("Batch", "Config"); other names (Lambda, Aurora, Fargate) match in any case.
 */
const COMMON_WORDS = new Set(["batch", "config", "shield", "backup", "inspector", "detective", "glue", "forecast", "translate", "comprehend", "artifact", "budgets", "outposts", "proxy", "health"]);
const isCommonWordName = (term: string) => /^[A-Z][a-z]+$/.test(term) && COMMON_WORDS.has(term.toLowerCase());

export function buildTopicMatcher(services: readonly TaxonomyService[], limit = 5): TopicMatcher {
  const patterns = services.map((service) => {
    const written = [...new Set([service.name, ...service.aliases].map((term) => term.trim()).filter((term) => term.length >= 2))];
    const terms = [...new Set(written.filter((term) => !isCommonWordName(term)).map(normaliseForTopics))];
    const sources = terms.map((term) =>
      /^[\x20-\x7e]+$/.test(term) ? `(?<![A-Za-z0-9])${escapeRegExp(term)}(?![A-Za-z0-9])` : escapeRegExp(term),
    );
    const names = written.filter(isCommonWordName).map((term) => `(?<![A-Za-z0-9])${escapeRegExp(term)}s?(?![A-Za-z0-9])`);
    return {
      key: service.key,
      pattern: sources.length > 0 ? new RegExp(sources.join("|"), "i") : null,
      namePattern: names.length > 0 ? new RegExp(names.join("|")) : null,
    };
  });
  return (text) => {
    const normalised = normaliseForTopics(text);
    const written = text.normalize("NFC");
    return patterns
      .map(({ key, pattern, namePattern }) => {
        // Indexes into two spellings of the text only order the hits; they stay close enough.
        const hits = [pattern ? normalised.search(pattern) : -1, namePattern ? written.search(namePattern) : -1].filter((index) => index >= 0);
        return { key, index: hits.length > 0 ? Math.min(...hits) : -1 };
      })
      .filter((hit) => hit.index >= 0)
      .sort((a, b) => a.index - b.index || a.key.localeCompare(b.key))
      .slice(0, limit)
      .map((hit) => hit.key);
  };
}

// Domain guess for imported questions: count keyword hits per SAA-C03 domain in the stem
// (weight 2, where the requirement is stated) and in the correct options (weight 1). The domain
// with most points wins; a tie or no hit falls back to "resilient" when it is among the best,
// else to the first best in exam order (secure, resilient, performant, cost).
// Documented in content/questions/README.md.
// Billing and purchase options are Domain 4 of the exam guide (cost management tools, pricing
// models), even when the stem also names IAM or a permission ("let the finance team see the
// bill"): a COST_MANAGEMENT_KEYWORDS hit counts three times a DOMAIN_KEYWORDS hit, so one
// billing word outweighs "IAM" + "permission". Plain "reserved" is in neither list: Lambda
// reserved concurrency and a subnet's reserved addresses are not about cost.
export const DOMAIN_KEYWORDS: Record<Domain, readonly string[]> = {
  secure: ["암호화", "encrypt", "kms", "iam", "권한", "permission", "least privilege", "최소 권한", "보안", "security", "secure", "waf", "shield", "secrets manager", "자격 증명", "credential", "인증", "authentication", "authoriz", "compliance", "규정", "guardduty", "cognito", "macie", "private"],
  resilient: ["고가용성", "가용성", "high availability", "highly available", "내결함성", "fault", "장애", "failover", "multi-az", "다중 az", "재해 복구", "disaster", "백업", "backup", "decouple", "분리", "durab", "내구성", "복원", "resilien", "retry", "재시도", "dlq"],
  performant: ["성능", "performance", "지연", "latency", "처리량", "throughput", "캐시", "cach", "빠르", "fast", "iops", "확장", "scal", "밀리초", "millisecond", "마이크로초", "microsecond"],
  cost: ["비용", "cost", "저렴", "cheap", "절감", "경제", "spot", "스팟", "reserved capacity", "reserved node", "reserved db", "예약 용량", "pric", "가격", "bills", "free tier", "프리 티어"],
};

export const COST_MANAGEMENT_KEYWORDS: readonly string[] = [
  "billing", "청구", "invoice", "cost allocation", "비용 할당", "cost explorer", "비용 탐색기", "cost and usage report", "비용 및 사용 보고서",
  "budget", "예산", "savings plan", "절감형 플랜", "reserved instance", "예약 인스턴스", "spot instance", "스팟 인스턴스", "pricing", "요금",
  "consolidated billing", "통합 결제", "chargeback", "showback",
];

export function guessDomain(stem: string, correctOptions: readonly string[]): Domain {
  const score = (text: string, weight: number, domain: Domain) => {
    const lower = text.normalize("NFC").toLowerCase();
    const hits = DOMAIN_KEYWORDS[domain].reduce((sum, keyword) => sum + (lower.includes(keyword) ? weight : 0), 0);
    if (domain !== "cost") return hits;
    return hits + COST_MANAGEMENT_KEYWORDS.reduce((sum, keyword) => sum + (lower.includes(keyword) ? 3 * weight : 0), 0);
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
    explanations: { ...draft.optionExplanations, ...(draft.explanation ? { _: draft.explanation } : {}) },
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

/** A file written in our own bank format (front matter `bank:`, or `- type: …` metadata). */
export function looksLikeBankFormat(content: string): boolean {
  const text = content.replace(/^\ufeff/, "");
  return /^---\r?\n[\s\S]*?^bank\s*:/m.test(text) || /^##\s+\S+\s*\r?\n(?:\s*\r?\n)*[-*]\s+type\s*:\s*(single|multiple|flashcard|cloze)\b/m.test(text);
}

export interface ImportFileResult {
  format: "bank" | "community";
  questions: Question[];
  skipped: ImportProblem[];
  /** imported with a change the learner should know about (import-parser.ts) */
  warnings: ImportProblem[];
  /** headings that are not questions ("문제가 아닌 절") */
  sections: ImportSection[];
}

/**
 * Reads an uploaded file: our own bank format (content/questions/README.md) or a community
 * format. Either way the questions become imported ones: ids from the bank and stem (so they
 * never collide with curated ids), unknown topics dropped or matched by keyword.
 */
export function readImportFile(content: string, bankId: string, services: readonly { key: string }[], matchTopics: TopicMatcher): ImportFileResult {
  const skipped: ImportFileResult["skipped"] = [];
  const questions: Question[] = [];
  if (looksLikeBankFormat(content)) {
    const parsed = parseBankFile(content);
    const known = new Set(services.map((service) => service.key));
    for (const issue of parsed.issues) if (issue.severity === "error") skipped.push({ line: issue.line, message: issue.message });
    for (const question of parsed.questions) {
      const topics = question.topics.filter((topic) => known.has(topic));
      const candidate: Question = { ...question, id: importedQuestionId(bankId, question.stem), bankId, origin: "imported", topics: topics.length ? topics : matchTopics(question.stem) };
      const result = validateQuestion(candidate);
      if (result.question) questions.push(result.question);
      else skipped.push({ line: parsed.questionLines.get(question.id) ?? 1, message: result.issues.map((issue) => issue.message).join("; ") });
    }
    return { format: "bank", questions: dedupe(questions, skipped), skipped: skipped.sort((a, b) => a.line - b.line), warnings: [], sections: [] };
  }
  const parsed = parseCommunityBank(content);
  skipped.push(...parsed.skipped);
  for (const draft of parsed.questions) {
    const { question, message } = toImportedQuestion(draft, bankId, matchTopics);
    if (question) questions.push(question);
    else skipped.push({ line: draft.line, message: message ?? "형식 오류" });
  }
  return { format: "community", questions, skipped: skipped.sort((a, b) => a.line - b.line), warnings: parsed.warnings, sections: parsed.sections };
}

/** Two bank-format questions with the same stem (stemKey) are one question: keep the first. */
function dedupe(questions: Question[], skipped: ImportFileResult["skipped"]): Question[] {
  const seen = new Set<string>();
  return questions.filter((question) => {
    const key = stemKey(question.stem);
    if (!seen.has(key)) {
      seen.add(key);
      return true;
    }
    skipped.push({ line: 1, message: "같은 본문의 문제가 두 번 있습니다" });
    return false;
  });
}
