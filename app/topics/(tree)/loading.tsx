export default function TopicsLoading() {
  return (
    <div role="status" aria-label="불러오는 중" className="animate-pulse space-y-4">
      <div className="h-8 w-32 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-4 w-2/3 rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2].map((n) => (
        <div key={n} className="h-40 rounded-xl bg-slate-200 dark:bg-slate-800" />
      ))}
      <span className="sr-only">주제를 불러오는 중…</span>
    </div>
  );
}
