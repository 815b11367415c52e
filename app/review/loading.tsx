export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="mx-auto max-w-3xl animate-pulse space-y-4">
      <div className="h-9 w-48 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="flex gap-2">
        {[0, 1, 2].map((n) => (
          <div key={n} className="h-14 w-20 rounded-xl bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
      <div className="h-80 rounded-2xl bg-slate-200 dark:bg-slate-800" />
      <span className="sr-only">오늘의 복습을 준비하는 중…</span>
    </div>
  );
}
