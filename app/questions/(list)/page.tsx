import type { Metadata } from "next";
import Link from "next/link";
import { z } from "zod";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Pagination } from "@/components/questions/pagination";
import { QuestionFilters } from "@/components/questions/question-filters";
import { QuestionList } from "@/components/questions/question-list";
import { DOMAINS, ORIGINS, QUESTION_TYPES } from "@/lib/core/questions/types";
import { getDb } from "@/lib/server/db";
import { findBank, listQuestionFacets, listQuestions } from "@/lib/server/questions/browse";

export const metadata: Metadata = { title: "문제" };

type SearchParams = Record<string, string | string[] | undefined>;

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);
// An unknown value in the URL (an old link, a typo) drops that filter instead of failing the page.
const lenient = <T extends z.ZodType>(schema: T) => z.preprocess(first, schema.optional().catch(undefined));
const searchSchema = z.object({
  topic: lenient(z.string().trim().min(1).max(60)),
  domain: lenient(z.enum(DOMAINS)),
  type: lenient(z.enum(QUESTION_TYPES)),
  origin: lenient(z.enum(ORIGINS)),
  bank: lenient(z.string().trim().min(1).max(120)),
  q: lenient(z.string().trim().min(1).max(200)),
  page: lenient(z.coerce.number().int().min(1)),
});

export default async function QuestionsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = searchSchema.parse(await searchParams);
  const db = getDb();
  const [facets, result, bank] = await Promise.all([
    listQuestionFacets(db),
    listQuestions(db, filters),
    filters.bank ? findBank(db, filters.bank) : Promise.resolve(null),
  ]);
  const query = { topic: filters.topic, domain: filters.domain, type: filters.type, origin: filters.origin, bank: filters.bank, q: filters.q };
  const rangeStart = (result.page - 1) * result.pageSize + 1;
  const rangeEnd = rangeStart + result.items.length - 1;
  const withoutBank = new URLSearchParams(Object.entries({ ...query, bank: undefined }).flatMap(([key, value]) => (value ? [[key, value]] : []))).toString();

  return (
    <div className="space-y-5">
      <PageHeader title="문제" description={`SAA-C03 시나리오 문제 ${facets.total.toLocaleString("ko-KR")}개. 주제·도메인·유형으로 골라 풀어 보세요.`}>
        <nav aria-label="문제 관리" className="flex flex-wrap gap-2">
          <ButtonLink href="/questions/reports" variant="secondary">
            신고 목록
          </ButtonLink>
          <ButtonLink href="/questions/import" variant="secondary">
            문제 가져오기
          </ButtonLink>
        </nav>
      </PageHeader>

      <QuestionFilters facets={facets} values={query} />

      {bank && (
        <p className="flex flex-wrap items-center gap-2 text-sm">
          <span className="rounded-full bg-sky-100 px-3 py-1 text-sky-900 dark:bg-sky-500/20 dark:text-sky-200">은행: {bank.title}</span>
          <Link href={withoutBank ? `/questions?${withoutBank}` : "/questions"} className="text-slate-600 hover:underline dark:text-slate-400">
            은행 필터 해제
          </Link>
        </p>
      )}

      {facets.total === 0 ? (
        <EmptyState title="아직 문제가 없습니다." icon="book" actions={<ButtonLink href="/questions/import">문제 은행 가져오기</ButtonLink>}>
          <code className="font-mono">npm run questions:sync</code> 로 content/questions 의 문제 은행을 불러오거나, 커뮤니티 마크다운 문제 은행을
          가져오세요.
        </EmptyState>
      ) : result.total === 0 ? (
        <EmptyState
          title="조건에 맞는 문제가 없습니다."
          icon="search"
          actions={
            <ButtonLink href="/questions" variant="secondary">
              모든 문제 보기
            </ButtonLink>
          }
        >
          필터를 줄이거나 다른 검색어를 써 보세요.
        </EmptyState>
      ) : (
        <section aria-labelledby="question-results">
          <h2 id="question-results" className="mb-3 text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
            <strong className="text-slate-900 dark:text-slate-100">{result.total.toLocaleString("ko-KR")}개</strong> 중 {rangeStart}–{rangeEnd}
          </h2>
          <QuestionList items={result.items} />
          <Pagination page={result.page} pageCount={result.pageCount} query={query} />
        </section>
      )}
    </div>
  );
}
