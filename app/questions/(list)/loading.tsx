export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="animate-pulse space-y-4">
      <div className="h-8 w-40 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-28 rounded-xl bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2, 3].map((n) => (
        <div key={n} className="h-24 rounded-xl bg-slate-200 dark:bg-slate-800" />
      ))}
      <span className="sr-only">문제를 불러오는 중…</span>
    </div>
  );
}
