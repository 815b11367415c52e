export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="animate-pulse space-y-4">
      <div className="h-4 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="space-y-3 rounded-xl border border-slate-200 p-5 dark:border-slate-800">
        <div className="h-5 w-56 rounded bg-slate-200 dark:bg-slate-800" />
        <div className="h-16 rounded bg-slate-200 dark:bg-slate-800" />
        {[0, 1, 2, 3].map((n) => (
          <div key={n} className="h-12 rounded bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <span className="sr-only">문제를 불러오는 중…</span>
    </div>
  );
}
