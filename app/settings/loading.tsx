export default function Loading() {
  return (
    <div role="status" aria-label="불러오는 중" className="mx-auto max-w-3xl animate-pulse space-y-4">
      <div className="h-9 w-32 rounded bg-slate-200 dark:bg-slate-800" />
      <div className="h-96 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <div className="h-40 rounded-xl bg-slate-200 dark:bg-slate-800" />
      <span className="sr-only">설정을 불러오는 중…</span>
    </div>
  );
}
