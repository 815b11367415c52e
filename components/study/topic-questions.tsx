import Link from "next/link";

export interface TopicQuestionsProps {
  total: number;
  service: { key: string; name: string; count: number; href: string } | null;
  first: { id: string; stem: string; href: string }[];
}

/** Cloze blanks would give the answer away; shown as empty slots as in the question list. */
function previewOf(stem: string): string {
  return stem
    .replace(/\{\{[^{}\n]+\}\}/g, "____")
    .replace(/`/g, "")
    .replace(/\s+/g, " ")
    .trim();
}

/** "이 주제를 다루는 문제 N개": the first few by stem, the rest one link away (/questions filtered). */
export function TopicQuestions({ total, service, first }: TopicQuestionsProps) {
  return (
    <section aria-labelledby="topic-questions-title" className="rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900">
      <h2 id="topic-questions-title" className="mb-2 text-sm font-semibold text-slate-900 dark:text-slate-100">
        이 주제를 다루는 문제 {total.toLocaleString("ko-KR")}개
      </h2>
      {total === 0 ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">아직 이 주제를 묻는 문제가 없습니다.</p>
      ) : (
        <ol className="space-y-1.5 text-sm">
          {first.map((question) => (
            <li key={question.id}>
              <Link href={question.href} className="line-clamp-2 text-slate-800 underline-offset-2 hover:text-sky-700 hover:underline dark:text-slate-200 dark:hover:text-sky-300">
                {previewOf(question.stem)}
              </Link>
            </li>
          ))}
        </ol>
      )}
      {service && service.count > 0 ? (
        <p className="mt-3 text-sm">
          <Link href={service.href} className="font-medium text-sky-700 underline-offset-2 hover:underline dark:text-sky-300">
            {service.name} 문제 {service.count.toLocaleString("ko-KR")}개 모두 보기 →
          </Link>
        </p>
      ) : null}
    </section>
  );
}
