"use client";

import Link from "next/link";

// Errors reaching here are unexpected (a missing or unmigrated database, a bug). The message
// says what the learner can do; details stay in the server log.
export default function AppError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-800 dark:bg-rose-950/30">
      <h1 className="text-lg font-semibold text-rose-900 dark:text-rose-200">화면을 불러오지 못했습니다</h1>
      <p className="mt-2 text-sm text-rose-900 dark:text-rose-200">
        데이터베이스를 읽는 중에 문제가 생겼습니다. 처음 실행이라면 터미널에서 <code className="font-mono">npm start</code> (또는{" "}
        <code className="font-mono">npm run db:migrate</code> 후 <code className="font-mono">npm run ingest</code>)를 실행하세요.
      </p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-rose-700 dark:text-rose-300">오류 번호: {error.digest}</p> : null}
      <div className="mt-4 flex flex-wrap gap-2">
        <button type="button" onClick={reset} className="rounded-lg bg-rose-700 px-4 py-2 text-sm font-semibold text-white hover:bg-rose-800 dark:bg-rose-600">
          다시 시도
        </button>
        <Link href="/" className="rounded-lg border border-rose-300 px-4 py-2 text-sm font-semibold text-rose-900 hover:bg-rose-100 dark:border-rose-700 dark:text-rose-200 dark:hover:bg-rose-900/40">
          처음으로
        </Link>
      </div>
    </div>
  );
}
