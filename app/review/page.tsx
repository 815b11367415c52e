import type { Metadata } from "next";
import Link from "next/link";
import { CramSession } from "@/components/review/cram-session";
import { ReviewSession } from "@/components/review/review-session";
import { ScopeChooser } from "@/components/review/scope-chooser";
import { reviewHref } from "@/lib/core/hrefs";
import { firstValues, reviewPageParamsSchema } from "@/lib/core/srs/inputs";
import { requestContext } from "@/lib/server/context";
import { fetchCramSession, fetchReviewSession } from "@/lib/server/review";
import { countAnsweredToday } from "@/lib/server/review/answered-today";
import { fetchScopeOptions, resolveReviewScope } from "@/lib/server/review/scope";

export const metadata: Metadata = { title: "복습" };

type SearchParams = Record<string, string | string[] | undefined>;

function UnknownScope({ message }: { message: string }) {
  return (
    <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-800 dark:bg-rose-950/30">
      <h1 className="text-lg font-semibold text-rose-900 dark:text-rose-200">복습 범위를 알 수 없습니다</h1>
      <p className="mt-1 text-sm text-rose-800 dark:text-rose-300">{message}</p>
      <Link href="/review" className="mt-3 inline-block text-sm font-semibold text-sky-700 underline dark:text-sky-400">
        전체 복습으로 가기
      </Link>
    </div>
  );
}

export default async function ReviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const parsed = reviewPageParamsSchema.safeParse(firstValues(await searchParams));
  const { db, learnerId, now } = await requestContext();
  const options = await fetchScopeOptions(db);
  if (!parsed.success) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <UnknownScope message={parsed.error.issues[0]?.message ?? "주소의 범위를 읽을 수 없습니다."} />
        <ScopeChooser topics={options.topics} banks={options.banks} values={{ topic: null, domain: null, origin: null, bank: null, mode: "review" }} open />
      </div>
    );
  }
  const params = parsed.data;
  const resolved = await resolveReviewScope(db, learnerId, params);
  const values = { topic: resolved.ok ? resolved.scope.topic : null, domain: params.domain ?? null, origin: params.origin ?? null, bank: params.bank ?? null, mode: params.mode };
  const chooser = <ScopeChooser topics={options.topics} banks={options.banks} values={values} open={!resolved.ok} />;
  if (!resolved.ok) {
    return (
      <div className="mx-auto max-w-3xl space-y-4">
        <UnknownScope message={resolved.message} />
        {chooser}
      </div>
    );
  }
  const { scope, label: scopeLabel } = resolved;
  const context = { learnerId, scope, now };
  const hrefScope = { topic: scope.topic, domain: scope.domain, origin: scope.origin, bank: scope.bank, question: params.question };

  if (params.mode === "cram") {
    const cram = await fetchCramSession(db, context);
    return (
      <div className="space-y-4">
        <div className="mx-auto max-w-3xl">{chooser}</div>
        <CramSession initial={cram} scopeLabel={scopeLabel} reviewHref={reviewHref(hrefScope)} />
      </div>
    );
  }
  const [session, answeredToday] = await Promise.all([fetchReviewSession(db, context), countAnsweredToday(db, context)]);
  // The key remounts the session when the URL's scope changes (client navigation).
  return (
    <div className="space-y-4">
      <div className="mx-auto max-w-3xl">{chooser}</div>
      <ReviewSession key={reviewHref(hrefScope)} initial={session} answeredToday={answeredToday} scopeLabel={scopeLabel} cramHref={reviewHref({ ...hrefScope, mode: "cram" })} />
    </div>
  );
}
