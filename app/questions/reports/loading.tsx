export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="animate-pulse space-y-4">
      <div className="h-8 w-52 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-9 w-64 rounded bg-slate-200 dark:bg-slate-800" />
      {[0, 1, 2].map((n) => (
        <div key={n} className="h-32 rounded-xl bg-slate-200 dark:bg-slate-800" />
      ))}
      <span className="sr-only">신고 목록을 불러오는 중…</span>
    </div>
  );
}
