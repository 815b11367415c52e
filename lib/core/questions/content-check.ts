// `npm run content:check`, the pure part: every bank file is parsed and validated, then checked
// against the other banks (unique ids), the taxonomy (topic keys), the notes (source file and
// heading) and the reference table (reference ids), and their prose for particles written apart
// from the word before them ("ALB 를"). The script only reads files and prints (or, with --fix,
// writes back the attached particles).
import { parseBankFile, type ParsedBankFile } from "./bank";
import { attachDetachedParticles, findDetachedParticles } from "./korean-spacing";
import { normalizeHeading } from "./headings";
import type { IssueSeverity } from "./bank-parser";
import { DOMAINS, DOMAIN_WEIGHTS, QUESTION_TYPES, type Domain, type Question, type QuestionType } from "./types";

export interface ContentContext {
  topicKeys: ReadonlySet<string>;
  /** note file (relative to content/notes) → normalised heading texts */
  noteHeadings: ReadonlyMap<string, ReadonlySet<string>>;
  /** reference fact id → the note verdict recorded for it */
  referenceVerdicts: ReadonlyMap<string, string>;
}

export interface ContentIssue {
  file: string;
  line: number;
  message: string;
  severity: IssueSeverity;
}

export interface CheckedBank {
  file: string;
  bankId: string | null;
  title: string | null;
  questions: Question[];
}

export interface ContentCheckResult {
  banks: CheckedBank[];
  issues: ContentIssue[];
}

/** Verdicts for which the notes disagree with AWS documentation. */
const DISAGREEING_VERDICTS = new Set(["outdated", "wrong", "partly-wrong"]);

export function checkBankFiles(files: readonly { file: string; content: string }[], context: ContentContext): ContentCheckResult {
  const issues: ContentIssue[] = [];
  const banks: CheckedBank[] = [];
  const questionOwners = new Map<string, string>();
  const bankOwners = new Map<string, string>();

  for (const { file, content } of [...files].sort((a, b) => a.file.localeCompare(b.file))) {
    const parsed: ParsedBankFile = parseBankFile(content);
    for (const issue of parsed.issues) {
      issues.push({ file, line: issue.line, message: issue.questionId ? `${issue.questionId}: ${issue.message}` : issue.message, severity: issue.severity });
    }

    if (parsed.bankId) {
      const owner = bankOwners.get(parsed.bankId);
      if (owner) issues.push({ file, line: 1, severity: "error", message: `bank id "${parsed.bankId}" 가 ${owner} 에도 있습니다` });
      else bankOwners.set(parsed.bankId, file);
    }

    const kept: Question[] = [];
    for (const question of parsed.questions) {
      const line = parsed.questionLines.get(question.id) ?? 1;
      const meta = parsed.metaLines.get(question.id);
      let ok = true;
      const fail = (at: number, message: string) => {
        ok = false;
        issues.push({ file, line: at, severity: "error", message: `${question.id}: ${message}` });
      };

      const owner = questionOwners.get(question.id);
      if (owner) fail(line, `문제 id 가 ${owner} 에도 있습니다 (id 는 모든 은행에서 유일해야 합니다)`);
      else questionOwners.set(question.id, `${file}:${line}`);

      for (const topic of question.topics) {
        if (!context.topicKeys.has(topic)) fail(meta?.topics ?? line, `topic "${topic}" 가 content/taxonomy/aws-services.json 에 없습니다`);
      }
      question.sources.forEach((source, index) => {
        const at = meta?.sources[index] ?? line;
        const headings = context.noteHeadings.get(source.file);
        if (!headings) fail(at, `source 노트 "${source.file}" 가 content/notes 에 없습니다`);
        else if (!headings.has(normalizeHeading(source.heading))) fail(at, `source 제목 "${source.heading}" 가 ${source.file} 에 없습니다`);
      });
      for (const reference of question.references) {
        if (!context.referenceVerdicts.has(reference)) fail(meta?.references ?? line, `reference "${reference}" 가 content/reference/aws-facts.json 에 없습니다`);
      }
      const disagreeing = question.references.filter((reference) => DISAGREEING_VERDICTS.has(context.referenceVerdicts.get(reference) ?? ""));
      const allText = Object.values(question.explanations).join("\n") + (question.answer ?? "");
      if (disagreeing.length > 0 && !/노트/.test(allText)) {
        issues.push({
          file,
          line: meta?.references ?? line,
          severity: "warning",
          message: `${question.id}: reference ${disagreeing.join(", ")} 는 노트와 AWS 문서가 다릅니다. 해설에 "노트: … → AWS 문서(…기준): …" 를 적어 주세요`,
        });
      }
      if (ok) kept.push(question);
    }
    issues.push(...detachedParticleIssues(file, content));
    banks.push({ file, bankId: parsed.bankId, title: parsed.title, questions: kept });
  }
  issues.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
  return { banks, issues };
}

const QUESTION_HEADING = /^##\s+(.*?)\s*#*\s*$/;
const META_LINE = /^[-*]\s+[A-Za-z][\w-]*\s*:/;
const OPTION_LINE = /^[-*]\s+\[[ xX]\]/;
const FENCE = /^\s{0,3}(?:`{3,}|~{3,})/;

interface ProseLine {
  /** 0-based index into content.split("\n") */
  index: number;
  text: string;
  questionId: string | null;
}

/**
 * The lines a learner reads: stems, options, explanations, answers. Front matter, `## id`
 * headings, metadata (`- source: 노트.md#제목` must match the note's heading character for
 * character) and code fences are not prose.
 */
function proseLines(lines: readonly string[]): ProseLine[] {
  const prose: ProseLine[] = [];
  let index = 0;
  if (lines[0]?.replace(/^\ufeff/, "").trim() === "---") {
    const close = lines.findIndex((line, at) => at > 0 && line.trim() === "---");
    index = close < 0 ? lines.length : close + 1;
  }
  let questionId: string | null = null;
  let inMeta = false;
  let fence = false;
  for (; index < lines.length; index++) {
    const text = lines[index] ?? "";
    if (FENCE.test(text)) {
      fence = !fence;
      continue;
    }
    if (fence) continue;
    const heading = QUESTION_HEADING.exec(text);
    if (heading) {
      questionId = heading[1] ?? null;
      inMeta = true;
      continue;
    }
    if (inMeta) {
      if (text.trim() === "" || (META_LINE.test(text) && !OPTION_LINE.test(text))) continue;
      inMeta = false;
    }
    prose.push({ index, text, questionId });
  }
  return prose;
}

/** One error per prose line holding a particle written apart from the word before it. */
export function detachedParticleIssues(file: string, content: string): ContentIssue[] {
  return proseLines(content.split("\n")).flatMap(({ index, text, questionId }) => {
    const found = findDetachedParticles(text);
    if (found.length === 0) return [];
    const pairs = found.map((item) => `"${item.found}" → "${item.fixed}"`).join(", ");
    return [
      {
        file,
        line: index + 1,
        severity: "error" as const,
        message: `${questionId ? `${questionId}: ` : ""}조사를 앞말에 붙여 씁니다: ${pairs} (npm run content:check -- --fix 가 고칩니다)`,
      },
    ];
  });
}

/** The bank with every detached particle in its prose attached; `count` is how many were. */
export function attachParticlesInBank(content: string): { content: string; count: number } {
  const lines = content.split("\n");
  let count = 0;
  for (const { index, text } of proseLines(lines)) {
    const found = findDetachedParticles(text).length;
    if (found === 0) continue;
    count += found;
    lines[index] = attachDetachedParticles(text);
  }
  return { content: lines.join("\n"), count };
}

// Deep-coverage groups from issue 3 §2, by topic key. A question belongs to every group one of
// its topics names. Scaling questions about DynamoDB capacity, Aurora replicas, Fargate Spot or
// SQS backlogs carry `auto-scaling` as well as their service (content/questions/README.md).
export const COVERAGE_GROUPS: Record<string, { label: string; topics: readonly string[] }> = {
  lambda: { label: "Lambda 한도와 호출", topics: ["lambda", "lambda-edge", "cloudfront-functions"] },
  scaling: { label: "스케일링 모드", topics: ["auto-scaling"] },
  routing: { label: "라우팅", topics: ["route53", "elb", "alb", "nlb", "gwlb", "clb"] },
};

export function coverageGroupsOf(question: Pick<Question, "topics">): string[] {
  return Object.entries(COVERAGE_GROUPS)
    .filter(([, group]) => question.topics.some((topic) => group.topics.includes(topic)))
    .map(([key]) => key);
}

export interface QuestionSummary {
  total: number;
  perBank: { bank: string; count: number }[];
  perDomain: { domain: Domain; count: number; share: number; examShare: number }[];
  perType: Record<QuestionType, number>;
  /** multiple-response share among choice questions (single + multiple) */
  multipleShareOfChoice: number;
  multipleShareOfAll: number;
  groups: { key: string; label: string; count: number }[];
}

export function summarizeQuestions(questions: readonly Pick<Question, "bankId" | "domain" | "type" | "topics">[]): QuestionSummary {
  const perBank = new Map<string, number>();
  const perDomain = new Map<Domain, number>(DOMAINS.map((domain) => [domain, 0]));
  const perType = Object.fromEntries(QUESTION_TYPES.map((type) => [type, 0])) as Record<QuestionType, number>;
  const groups = new Map<string, number>(Object.keys(COVERAGE_GROUPS).map((key) => [key, 0]));
  for (const question of questions) {
    perBank.set(question.bankId, (perBank.get(question.bankId) ?? 0) + 1);
    perDomain.set(question.domain, (perDomain.get(question.domain) ?? 0) + 1);
    perType[question.type] += 1;
    for (const group of coverageGroupsOf(question)) groups.set(group, (groups.get(group) ?? 0) + 1);
  }
  const total = questions.length;
  const choice = perType.single + perType.multiple;
  return {
    total,
    perBank: [...perBank].map(([bank, count]) => ({ bank, count })).sort((a, b) => a.bank.localeCompare(b.bank)),
    perDomain: DOMAINS.map((domain) => {
      const count = perDomain.get(domain) ?? 0;
      return { domain, count, share: total ? count / total : 0, examShare: DOMAIN_WEIGHTS[domain] };
    }),
    perType,
    multipleShareOfChoice: choice ? perType.multiple / choice : 0,
    multipleShareOfAll: total ? perType.multiple / total : 0,
    groups: [...groups].map(([key, count]) => ({ key, label: COVERAGE_GROUPS[key]?.label ?? key, count })),
  };
}

function percent(value: number): string {
  return `${(value * 100).toFixed(1)}%`;
}

export function formatSummary(summary: QuestionSummary): string {
  const lines = [`문제 ${summary.total}개`];
  lines.push("은행별:");
  for (const { bank, count } of summary.perBank) lines.push(`  ${bank}: ${count}`);
  lines.push("도메인별 (시험 비중 30/26/24/20):");
  for (const row of summary.perDomain) {
    lines.push(`  ${row.domain.padEnd(10)} ${String(row.count).padStart(4)}  ${percent(row.share).padStart(6)}  (시험 ${percent(row.examShare)})`);
  }
  lines.push("유형별:");
  for (const type of QUESTION_TYPES) lines.push(`  ${type.padEnd(10)} ${String(summary.perType[type]).padStart(4)}`);
  lines.push(`복수 응답 비율: 선택형 문제 중 ${percent(summary.multipleShareOfChoice)}, 전체 중 ${percent(summary.multipleShareOfAll)}`);
  lines.push("집중 영역:");
  for (const group of summary.groups) {
    lines.push(`  ${group.label} [${COVERAGE_GROUPS[group.key]?.topics.join(", ")}]: ${group.count}`);
  }
  return lines.join("\n");
}
