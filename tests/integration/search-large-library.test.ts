// A "large library": the five notes plus 45 synthetic notes by other authors — 30 dedicated to
// one concept each, built from the same generic headings (특징, 실습, 요약, 문제, 해설, 참조) that
// mention other notes' concepts in passing, and 15 comparison notes ("A vs B") that repeat both
// concepts many times. The dedicated note for a phrase must come first, above the comparisons
// and above pages that merge many notes' generic sections, in SQLite and PostgreSQL alike.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";
import { runIngest } from "@/lib/server/ingest";
import { searchLibrary } from "@/lib/server/search";

const CONCEPTS = [
  "읽기 전용 복제본", "VPC 엔드포인트", "스팟 인스턴스", "S3 수명 주기 정책", "대상 추적 조정", "고정 세션", "다중 AZ 배포", "전송 가속",
  "버전 관리", "서명된 URL", "예약 인스턴스", "배치 그룹", "인스턴스 스토어", "프로비저닝된 동시성", "가시성 제한 시간", "배달 못한 편지 대기열",
  "전역 테이블", "교차 리전 복제", "수명 주기 관리자", "탄력적 IP", "보안 그룹 규칙", "네트워크 ACL 규칙", "인터넷 게이트웨이", "NAT 게이트웨이",
  "전송 게이트웨이", "피어링 연결", "사이트 간 VPN", "직접 연결", "호스팅 영역", "별칭 레코드",
];

const AUTHORS = ["minji", "doyun", "seoyeon", "jihoon"];

// Four styles: a flat note, a folder-per-concept README, a numbered Obsidian note, a Notion export.
function notePath(index: number, concept: string): string {
  const author = AUTHORS[index % AUTHORS.length]!;
  const slug = concept.replace(/\s+/g, "-");
  switch (index % 4) {
    case 0: return `${author}/${slug}.md`;
    case 1: return `${author}/${Math.floor(index / 4) + 1}-1. ${concept}/README.md`;
    case 2: return `${author}/${String(index).padStart(2, "0")} ${slug}.md`;
    default: return `${author}/Notion Export/${slug} 3f2a${index}.md`;
  }
}

function noteText(index: number): string {
  const concept = CONCEPTS[index]!;
  const other = (offset: number) => CONCEPTS[(index + offset) % CONCEPTS.length]!;
  return [
    `# ${concept}`,
    "",
    `${concept}을 언제 쓰는지, 비용과 가용성에 어떤 영향을 주는지 정리한다.`,
    "",
    "## 특징",
    `- ${concept}의 핵심 특징: 관리형이며 설정이 간단하다.`,
    `- ${other(1)}, ${other(2)}, ${other(3)}와 함께 자주 비교된다.`,
    `- ${other(5)} 과 헷갈리기 쉽다.`,
    "",
    "## 실습",
    `- 콘솔에서 ${concept} 을 만들고 확인한다. ${other(7)} 설정 화면도 같이 본다.`,
    "",
    "## 요약",
    `- ${concept}: 시험에서는 요구 사항의 키워드로 고른다. 비슷한 것: ${other(1)}, ${other(11)}.`,
    "",
    "## 문제",
    `- 한 회사가 ${other(13)} 없이 ${concept} 만으로 요구 사항을 맞출 수 있는가?`,
    "",
    "## 해설",
    `- ${concept} 을 쓰면 된다. ${other(13)} 은 다른 목적이다.`,
    "",
    "## 참조",
    `- https://docs.aws.amazon.com/ (${concept})`,
    "",
  ].join("\n");
}

// "A vs B": both concepts in the title and five times each in the body (the old ranking put
// these, and merged generic pages, above the note dedicated to A).
function comparisonText(first: string, second: string): string {
  const lines = [`# ${first} vs ${second}`, ""];
  for (let i = 0; i < 5; i++) lines.push(`- ${first} 와 ${second} 의 차이 ${i + 1}: ${first} 은 이런 경우, ${second} 은 저런 경우에 쓴다.`);
  return `${lines.join("\n")}\n`;
}

const text = (segments: { text: string }[]) => segments.map((s) => s.text).join("");
const ranksByProvider = new Map<string, number[]>();
const ordersByProvider = new Map<string, string[][]>();

for (const provider of testProviders()) {
  describe(`search over a large library of several authors (${provider})`, () => {
    let database: TestDatabase;
    let notesDir: string;

    beforeAll(async () => {
      notesDir = mkdtempSync(path.join(os.tmpdir(), "gureum-large-library-"));
      cpSync("content/notes", notesDir, { recursive: true });
      CONCEPTS.forEach((_, index) => {
        const file = path.join(notesDir, notePath(index, CONCEPTS[index]!));
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, noteText(index));
      });
      for (let index = 0; index < CONCEPTS.length; index += 2) {
        const file = path.join(notesDir, "hyejin", "비교", `${index / 2 + 1}. 비교.md`);
        mkdirSync(path.dirname(file), { recursive: true });
        writeFileSync(file, comparisonText(CONCEPTS[index]!, CONCEPTS[index + 1]!));
      }
      database = await createTestDatabase(provider);
      await runIngest(database.db, { notesDir, now: new Date("2026-11-20T09:00:00Z"), workers: 0 });
    }, 300_000);
    afterAll(async () => {
      await database.cleanup();
      rmSync(notesDir, { recursive: true, force: true });
    });

    it("the dedicated note for each phrase ranks first", async () => {
      const ranks: number[] = [];
      const orders: string[][] = [];
      for (const concept of CONCEPTS) {
        const result = await searchLibrary(database.db, concept);
        // The synthetic note's H1, or a section of the seed notes with exactly that heading
        // (the seed has one on 호스팅 영역): either is the passage dedicated to the phrase.
        const rank = result.topics.findIndex((hit) => text(hit.title) === concept) + 1;
        ranks.push(rank);
        orders.push(result.topics.map((hit) => `${hit.match}:${hit.slug}`));
        // Generic pages (특징, 요약, …) may follow, but a bounded list of them.
        expect(result.topics.length, concept).toBeLessThanOrEqual(60);
      }
      const misses = CONCEPTS.map((concept, i) => [concept, ranks[i]] as const).filter(([, rank]) => rank !== 1);
      console.log(`large library (${provider}): dedicated note first for ${CONCEPTS.length - misses.length}/${CONCEPTS.length}; others: ${JSON.stringify(misses)}`);
      expect(misses).toEqual([]);
      const other = [...ranksByProvider.values()][0];
      if (other) expect(ranks).toEqual(other);
      ranksByProvider.set(provider, ranks);
      const otherOrders = [...ordersByProvider.values()][0];
      if (otherOrders) expect(orders).toEqual(otherOrders);
      ordersByProvider.set(provider, orders);
    }, 120_000);
  });
}
