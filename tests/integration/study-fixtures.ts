// A small library written straight into the tables the ingester fills, so the study pages and
// search can be tested without depending on the ingester's exact output. Shapes follow
// prisma/sqlite/schema.prisma; html is what the ingester stores (already sanitised).
import type { Db } from "@/lib/server/db";

export const fixtureNotes = {
  lambda: {
    id: "note-lambda",
    path: "lambda-limits.md",
    title: "람다 노트",
    content: [
      "# Solution Architecture", // 1
      "", // 2
      "## AWS Lambda - Part 1", // 3
      "Lambda의 한계", // 4
      "* Timeout 은 15분(15분 이상 걸리는 작업 비적합)", // 5
      "* 10GB RAM", // 6
      "<script>window.__xss = 1</script>", // 7
      "### Lambda Concurrency and Throttling", // 8
      "계정당 동시 실행 수 1000건", // 9
    ].join("\n"),
  },
  route53: {
    id: "note-route53",
    path: "네트워크/route53.md",
    title: "Route 53 노트",
    content: ["# Route53", "## 라우팅 정책", "- 가중치 라우팅 정책", "  - 트래픽을 여러 리소스 간에 비율에 따라 분산", "# Fargate", "Fargate는 서버리스 컨테이너 실행 환경"].join("\n"),
  },
} as const;

interface TopicSeed {
  id: string;
  slug: string;
  title: string;
  headingPath: string[];
  serviceKey: string | null;
  categoryKey: string;
  parentId: string | null;
  depth: number;
  sortOrder: number;
  html: string;
  text: string;
  keywords: string;
  archived?: boolean;
  note: keyof typeof fixtureNotes;
  line: number;
  endLine: number;
}

export const fixtureTopics: TopicSeed[] = [
  { id: "t-arch", slug: "solution-architecture", title: "Solution Architecture", headingPath: ["Solution Architecture"], serviceKey: "solution-architecture", categoryKey: "architecture", parentId: null, depth: 1, sortOrder: 1, html: "<p>아키텍처 개요</p>", text: "아키텍처 개요", keywords: "솔루션 아키텍처 계층 Solution Architecture", note: "lambda", line: 1, endLine: 2 },
  {
    id: "t-lambda",
    slug: "aws-lambda-part-1",
    title: "AWS Lambda - Part 1",
    headingPath: ["Solution Architecture", "AWS Lambda - Part 1"],
    serviceKey: "lambda",
    categoryKey: "serverless",
    parentId: "t-arch",
    depth: 2,
    sortOrder: 2,
    html: [
      "<p>Lambda의 한계</p>",
      "<ul><li>Timeout 은 15분(15분 이상 걸리는 작업 비적합)</li><li>10GB RAM</li></ul>",
      "<p>&lt;script&gt;window.__xss = 1&lt;/script&gt;</p>",
      '<aside class="callout callout-question"><div class="callout-title">비동기호출이란?</div><p>AWS 서비스에서 발생한 이벤트로 호출하는 경우</p></aside>',
      '<aside class="callout callout-tip"><div class="callout-title">팁</div><p>15분이 넘는 작업은 Step Functions나 Fargate로</p></aside>',
      '<figure class="image-missing" title="diagram.png"><figcaption><span class="image-missing-label">이미지 없음</span> <span class="image-missing-name">diagram.png</span></figcaption></figure>',
      '<p>본문 속 그림 <span class="image-missing" title="inline.png"><span class="image-missing-label">이미지 없음</span> <span class="image-missing-name">inline.png</span></span> 도 있음</p>',
      "<table><thead><tr><th>항목</th><th>한도</th></tr></thead><tbody><tr><td>Timeout</td><td>15분</td></tr></tbody></table>",
    ].join("\n"),
    text: "Lambda의 한계 Timeout 은 15분(15분 이상 걸리는 작업 비적합) 10GB RAM <script>window.__xss = 1</script> 비동기호출이란?",
    keywords: "AWS Lambda Lambda 람다 AWS 람다 lambda function 람다 함수",
    note: "lambda",
    line: 3,
    endLine: 7,
  },
  { id: "t-lambda-conc", slug: "lambda-concurrency-and-throttling", title: "Lambda Concurrency and Throttling", headingPath: ["Solution Architecture", "AWS Lambda - Part 1", "Lambda Concurrency and Throttling"], serviceKey: "lambda", categoryKey: "serverless", parentId: "t-lambda", depth: 3, sortOrder: 3, html: "<p>계정당 동시 실행 수 1000건</p>", text: "계정당 동시 실행 수 1000건", keywords: "AWS Lambda Lambda 람다", note: "lambda", line: 8, endLine: 9 },
  { id: "t-route53", slug: "route53", title: "Route53", headingPath: ["Route53"], serviceKey: "route53", categoryKey: "networking", parentId: null, depth: 1, sortOrder: 4, html: "<p>DNS 서비스</p>", text: "DNS 서비스", keywords: "Amazon Route 53 Route 53 Route53 라우트53", note: "route53", line: 1, endLine: 1 },
  { id: "t-routing", slug: "route53-routing-policy", title: "라우팅 정책", headingPath: ["Route53", "라우팅 정책"], serviceKey: "route53", categoryKey: "networking", parentId: "t-route53", depth: 2, sortOrder: 5, html: "<ul><li>가중치 라우팅 정책<ul><li>트래픽을 여러 리소스 간에 비율에 따라 분산</li></ul></li></ul>", text: "가중치 라우팅 정책 트래픽을 여러 리소스 간에 비율에 따라 분산", keywords: "Amazon Route 53 Route 53 라우팅 정책", note: "route53", line: 2, endLine: 4 },
  { id: "t-fargate", slug: "fargate", title: "Fargate", headingPath: ["Fargate"], serviceKey: "fargate", categoryKey: "containers", parentId: null, depth: 1, sortOrder: 6, html: "<p>Fargate는 서버리스 컨테이너 실행 환경</p>", text: "Fargate는 서버리스 컨테이너 실행 환경", keywords: "AWS Fargate Fargate 파게이트", note: "route53", line: 5, endLine: 6 },
  { id: "t-old", slug: "old-lambda-notes", title: "옛 람다 타임아웃 메모", headingPath: ["옛 람다 타임아웃 메모"], serviceKey: "lambda", categoryKey: "serverless", parentId: null, depth: 1, sortOrder: 7, html: "<p>삭제된 절</p>", text: "람다 타임아웃 5분이라고 잘못 적음", keywords: "AWS Lambda 람다", archived: true, note: "lambda", line: 1, endLine: 1 },
];

export const fixtureFacts = [
  { id: "f-timeout", topicId: "t-lambda", serviceKey: "lambda", attribute: "timeout.max", label: "Lambda 최대 실행 시간", valueText: "15분", value: 900, unit: "s", note: "lambda", line: 5, excerpt: "Timeout 은 15분(15분 이상 걸리는 작업 비적합)" },
  { id: "f-memory", topicId: "t-lambda", serviceKey: "lambda", attribute: "memory", label: "Lambda 메모리", valueText: "10GB", value: 10240, unit: "MB", note: "lambda", line: 6, excerpt: "10GB RAM" },
  { id: "f-concurrency", topicId: "t-lambda-conc", serviceKey: "lambda", attribute: "concurrency.account", label: "Lambda 계정 동시 실행 한도", valueText: "1000건", value: 1000, unit: "count", note: "lambda", line: 9, excerpt: "계정당 동시 실행 수 1000건" },
] as const;

export const fixtureLint = [
  { id: "w-ref", kind: "reference", file: "lambda-limits.md", line: 5, topicId: "t-lambda", message: "노트: 256KB → AWS 문서(2026-11 기준): 1MB" },
  { id: "w-conflict", kind: "conflict", file: "lambda-limits.md", line: 9, topicId: "t-lambda-conc", message: "동시 실행 한도가 노트마다 다릅니다: 1000건 / 500건" },
  { id: "w-input", kind: "input", file: "broken.md", line: 1, topicId: null, message: "UTF-8 이 아닌 파일이라 건너뛰었습니다" },
] as const;

export async function seedStudyLibrary(db: Db, now = new Date("2026-11-20T09:00:00Z")): Promise<void> {
  for (const note of Object.values(fixtureNotes)) {
    await db.note.create({ data: { id: note.id, path: note.path, title: note.title, content: note.content, contentHash: note.id, byteSize: Buffer.byteLength(note.content), ingestedAt: now } });
  }
  for (const topic of fixtureTopics) {
    await db.topic.create({
      data: {
        id: topic.id,
        slug: topic.slug,
        title: topic.title,
        headingPath: JSON.stringify(topic.headingPath),
        serviceKey: topic.serviceKey,
        categoryKey: topic.categoryKey,
        parentId: topic.parentId,
        depth: topic.depth,
        sortOrder: topic.sortOrder,
        html: topic.html,
        contentHash: topic.id,
        archivedAt: topic.archived ? now : null,
      },
    });
    await db.topicSource.create({ data: { topicId: topic.id, noteId: fixtureNotes[topic.note].id, line: topic.line, endLine: topic.endLine, heading: topic.title, pageRef: topic.id === "t-lambda" ? "p 175" : null } });
    await db.searchDocument.create({ data: { id: `topic:${topic.id}`, kind: "topic", refId: topic.id, topicId: topic.id, title: topic.title, body: topic.text, keywords: topic.keywords } });
  }
  for (const { note, ...fact } of fixtureFacts) {
    await db.fact.create({ data: { ...fact, noteId: fixtureNotes[note].id } });
    const topic = fixtureTopics.find((t) => t.id === fact.topicId)!;
    await db.searchDocument.create({ data: { id: `fact:${fact.id}`, kind: "fact", refId: fact.id, topicId: fact.topicId, title: fact.label, body: `${fact.label} ${fact.valueText} ${fact.excerpt}`, keywords: topic.keywords } });
  }
  for (const warning of fixtureLint) await db.lintWarning.create({ data: { ...warning } });
  await db.ingestRun.create({ data: { id: "run-1", startedAt: now, finishedAt: now, notes: 2, topics: fixtureTopics.length, facts: fixtureFacts.length, changed: 0, warnings: "[]" } });
}
