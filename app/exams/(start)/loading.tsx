// Loading UI for the start screen only: it sits in the (start) route group so that /exams/<id>
// and its results, which call notFound(), are not wrapped in a Suspense boundary that would
// turn their 404 into a 200 (see app/questions/(list)).
export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="animate-pulse space-y-6">
      <div className="h-9 w-40 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="grid gap-3 sm:grid-cols-3">
        {[0, 1, 2].map((n) => (
          <div key={n} className="h-32 rounded-xl bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="h-64 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <span className="sr-only">모의고사를 준비하는 중…</span>
    </div>
  );
}
