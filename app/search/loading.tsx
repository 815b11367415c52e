export default function SearchLoading() {
  return (
    <div role="status" aria-label="검색 중" className="animate-pulse space-y-4">
      <div className="h-8 w-24 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-12 rounded-lg bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2, 3].map((n) => (
        <div key={n} className="h-24 rounded-xl bg-slate-200 dark:bg-slate-800" />
      ))}
      <span className="sr-only">검색하는 중…</span>
    </div>
  );
}
