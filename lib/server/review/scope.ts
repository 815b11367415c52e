// The review page's scope from its URL: a topic may be a taxonomy service key (what the queue
// filters by) or a topic page slug (what the topic pages show), a bank must exist, a question
// becomes the learner's card. Anything unknown is said in Korean instead of an empty queue
// that reads "오늘 복습을 마쳤습니다".
import "server-only";
import type { Db } from "@/lib/server/db";
import { DOMAIN_LABELS, type Domain } from "@/lib/core/questions/types";
import type { ReviewPageParams } from "@/lib/core/srs/inputs";
import { countFamilies } from "@/lib/core/srs/siblings";
import type { ReviewScope } from "@/lib/core/srs/views";
import { serviceName, taxonomyData } from "@/lib/server/study/taxonomy";
import { familyOfRow } from "./repository";

export const ORIGIN_LABELS = { curated: "큐레이션", generated: "노트에서 생성", imported: "가져온 문제" } as const;

export type ResolvedScope = { ok: true; scope: ReviewScope; label: string } | { ok: false; message: string };

function isServiceKey(key: string): boolean {
  return taxonomyData().services.some((service) => service.key === key);
}

export async function resolveReviewScope(db: Db, learnerId: string, params: ReviewPageParams): Promise<ResolvedScope> {
  const labels: string[] = [];
  let topic: string | null = null;
  if (params.topic) {
    if (isServiceKey(params.topic)) {
      topic = params.topic;
    } else {
      const page = await db.topic.findFirst({ where: { slug: params.topic, archivedAt: null }, select: { serviceKey: true, title: true } });
      if (!page) return { ok: false, message: `주제 "${params.topic}" 를 찾을 수 없습니다. 주제 목록에서 골라 주세요.` };
      if (!page.serviceKey) return { ok: false, message: `주제 "${page.title}" 는 AWS 서비스에 연결되지 않아 복습 범위로 쓸 수 없습니다. 상위 주제나 서비스를 골라 주세요.` };
      topic = page.serviceKey;
    }
    labels.push(`주제: ${serviceName(topic)}`);
  }
  if (params.domain) labels.push(`영역: ${DOMAIN_LABELS[params.domain as Domain]}`);
  if (params.origin) labels.push(`출처: ${ORIGIN_LABELS[params.origin]}`);
  if (params.bank) {
    const bank = await db.questionBank.findUnique({ where: { id: params.bank }, select: { title: true } });
    if (!bank) return { ok: false, message: `문제 은행 "${params.bank}" 를 찾을 수 없습니다. 문제 목록에서 은행을 확인하세요.` };
    labels.push(`은행: ${bank.title}`);
  }
  let card: string | null = null;
  if (params.question) {
    const row = await db.card.findUnique({ where: { learnerId_questionId: { learnerId, questionId: params.question } }, select: { id: true } });
    const question = row ? null : await db.question.findUnique({ where: { id: params.question }, select: { id: true } });
    if (!row && !question) return { ok: false, message: `문제 "${params.question}" 를 찾을 수 없습니다.` };
    // A question without a card yet gets one on the page load (ensureCards); its id is fixed.
    card = row?.id ?? `${learnerId}:${params.question}`;
    labels.push(`문제: ${params.question}`);
  }
  return {
    ok: true,
    scope: { topic, domain: params.domain ?? null, origin: params.origin ?? null, bank: params.bank ?? null, card },
    label: labels.join(" · ") || "전체 범위",
  };
}

export interface ScopeOption {
  value: string;
  label: string;
  /** questions, a family counted once (siblings.ts) */
  questions: number;
}

export interface ScopeOptions {
  topics: ScopeOption[];
  banks: ScopeOption[];
}

function pushTo(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** What the scope chooser offers: services and banks that have live questions, with counts. */
export async function fetchScopeOptions(db: Db): Promise<ScopeOptions> {
  const [rows, banks] = await Promise.all([
    db.question.findMany({
      where: { archivedAt: null },
      select: { id: true, origin: true, generator: true, type: true, factIds: true, bankId: true, topics: { select: { topicKey: true } } },
    }),
    db.questionBank.findMany({ select: { id: true, title: true } }),
  ]);
  const byTopic = new Map<string, string[]>();
  const byBank = new Map<string, string[]>();
  for (const row of rows) {
    const family = familyOfRow(row);
    for (const { topicKey } of row.topics) pushTo(byTopic, topicKey, family);
    pushTo(byBank, row.bankId, family);
  }
  const titles = new Map(banks.map((bank) => [bank.id, bank.title]));
  const collator = new Intl.Collator("ko");
  return {
    topics: [...byTopic].map(([key, families]) => ({ value: key, label: serviceName(key) ?? key, questions: countFamilies(families) })).sort((a, b) => collator.compare(a.label, b.label)),
    banks: [...byBank].map(([id, families]) => ({ value: id, label: titles.get(id) ?? id, questions: countFamilies(families) })).sort((a, b) => collator.compare(a.label, b.label)),
  };
}
