export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="animate-pulse space-y-4">
      <div className="h-9 w-40 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-48 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-80 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <span className="sr-only">진도를 계산하는 중…</span>
    </div>
  );
}
