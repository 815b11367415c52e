export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="animate-pulse space-y-4">
      <div className="h-8 w-44 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-72 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-20 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <span className="sr-only">불러오는 중…</span>
    </div>
  );
}
