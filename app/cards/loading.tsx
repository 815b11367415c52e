export default function CardsLoading() {
  return (
    <div role="status" className="mx-auto max-w-5xl p-6 text-sm text-slate-600 dark:text-slate-400">
      카드 목록을 불러오는 중…
    </div>
  );
}
