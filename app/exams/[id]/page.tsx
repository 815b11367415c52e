import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ExamRunner } from "@/components/exam/exam-runner";
import { examResultsHref } from "@/lib/core/hrefs";
import { requestContext } from "@/lib/server/context";
import { fetchExamAttemptView } from "@/lib/server/exams";
import { decodeAttemptId, questionIndexOf } from "./params";

export const metadata: Metadata = { title: "모의고사 응시" };

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

// The view is answer-free (ExamAttemptView): nothing on this page can carry a key or an
// explanation before the exam is finished. An exam past its deadline is finalised by the fetch.
export default async function ExamPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const [{ id: raw }, query] = await Promise.all([params, searchParams]);
  const attemptId = decodeAttemptId(raw);
  const { db, learnerId, now } = await requestContext();
  const attempt = await fetchExamAttemptView(db, { learnerId, attemptId, now });
  if (!attempt) notFound();
  if (attempt.kind === "finished") redirect(examResultsHref(attempt.id));
  // The key remounts the runner when the server's state is newer than the one on screen.
  return <ExamRunner key={`${attempt.view.id}@${attempt.view.version}`} view={attempt.view} initialIndex={questionIndexOf(query.q)} />;
}
