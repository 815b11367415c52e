import type { Metadata } from "next";
import Link from "next/link";
import { CramSession } from "@/components/review/cram-session";
import { ReviewSession } from "@/components/review/review-session";
import { reviewHref } from "@/lib/core/hrefs";
import { DOMAIN_LABELS, type Domain } from "@/lib/core/questions/types";
import { firstValues, reviewPageParamsSchema } from "@/lib/core/srs/inputs";
import { requestContext } from "@/lib/server/context";
import { fetchCramSession, fetchReviewSession } from "@/lib/server/review";
import { countAnsweredToday } from "@/lib/server/review/answered-today";
import { serviceName } from "@/lib/server/study/taxonomy";

export const metadata: Metadata = { title: "복습" };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const parsed = reviewPageParamsSchema.safeParse(firstValues(await searchParams));
  if (!parsed.success) {
    return (
      <div role="alert" className="mx-auto max-w-3xl rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-800 dark:bg-rose-950/30">
        <h1 className="text-lg font-semibold text-rose-900 dark:text-rose-200">복습 범위를 알 수 없습니다</h1>
        <p className="mt-1 text-sm text-rose-800 dark:text-rose-300">{parsed.error.issues[0]?.message}</p>
        <Link href="/review" className="mt-3 inline-block text-sm font-semibold text-sky-700 underline dark:text-sky-400">
          전체 복습으로 가기
        </Link>
      </div>
    );
  }
  const { topic, domain, mode } = parsed.data;
  const scope = { topic: topic ?? null, domain: domain ?? null };
  const scopeLabel = [topic ? `주제: ${serviceName(topic)}` : null, domain ? `영역: ${DOMAIN_LABELS[domain as Domain]}` : null].filter(Boolean).join(" · ") || "전체 범위";
  const { db, learnerId, now } = await requestContext();
  const context = { learnerId, scope, now };

  if (mode === "cram") {
    const cram = await fetchCramSession(db, context);
    return <CramSession initial={cram} scopeLabel={scopeLabel} reviewHref={reviewHref({ topic, domain })} />;
  }
  const [session, answeredToday] = await Promise.all([fetchReviewSession(db, context), countAnsweredToday(db, context)]);
  // The key remounts the session when the URL's scope changes (client navigation).
  return <ReviewSession key={reviewHref({ topic, domain })} initial={session} answeredToday={answeredToday} scopeLabel={scopeLabel} cramHref={reviewHref({ topic, domain, mode: "cram" })} />;
}
