import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ExamResults, RESULT_FILTERS, type ResultFilter } from "@/components/exam/results";
import { examHref } from "@/lib/core/hrefs";
import { requestContext } from "@/lib/server/context";
import { fetchExamResultView } from "@/lib/server/exams";
import { startExamAction } from "../../actions";
import { decodeAttemptId } from "../params";

export const metadata: Metadata = { title: "모의고사 결과" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ExamResultsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id: raw }, query] = await Promise.all([params, searchParams]);
  const attemptId = decodeAttemptId(raw);
  const { db, learnerId, now } = await requestContext();
  const result = await fetchExamResultView(db, { learnerId, attemptId, now });
  if (!result) notFound();
  if (result.status === "in_progress") redirect(examHref(result.id));
  const filter = (RESULT_FILTERS as readonly string[]).includes(String(query.filter)) ? (query.filter as ResultFilter) : "all";
  return <ExamResults result={result} filter={filter} retryAction={startExamAction} />;
}
