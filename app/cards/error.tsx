"use client";

export default function CardsError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="mx-auto max-w-3xl rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-800 dark:bg-rose-950/30">
      <h1 className="text-lg font-semibold text-rose-900 dark:text-rose-200">카드 목록을 불러오지 못했습니다.</h1>
      <p className="mt-1 text-sm text-rose-800 dark:text-rose-300">데이터베이스에 연결할 수 없거나 일시적인 오류입니다. 카드는 바뀌지 않았습니다.</p>
      <button type="button" onClick={reset} className="mt-3 min-h-10 rounded-lg bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800 dark:bg-rose-600">
        다시 시도
      </button>
    </div>
  );
}
