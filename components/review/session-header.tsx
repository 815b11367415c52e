// Session title, scope and what is left today: new, learning and review cards.
import Link from "next/link";
import type { SessionCounts } from "@/lib/core/srs/views";

function Count({ label, value, tone }: { label: string; value: number; tone: string }) {
  return (
    <div className="flex min-w-20 flex-col items-center rounded-xl bg-white px-3 py-2 ring-1 ring-slate-200 dark:bg-slate-900 dark:ring-slate-800">
      <span className={`text-xl font-bold tabular-nums ${tone}`} data-count={label}>
        {value}
      </span>
      <span className="text-xs text-slate-600 dark:text-slate-400">{label}</span>
    </div>
  );
}

export function SessionHeader({
  counts,
  newStartedToday,
  newLimit,
  leechCount,
  scopeLabel,
  cramHref,
  answered,
}: {
  counts: SessionCounts;
  newStartedToday: number;
  newLimit: number;
  leechCount: number;
  scopeLabel: string;
  cramHref: string;
  /** review answers today in this scope (from the server, then counted in the tab) */
  answered: number;
}) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">오늘의 복습</h1>
          <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            {scopeLabel} · 새 카드 {newStartedToday}/{newLimit}장 시작
            {answered > 0 ? ` · 오늘 ${answered}장 답함` : ""}
          </p>
        </div>
        <nav aria-label="복습 메뉴" className="flex flex-wrap gap-2 text-sm">
          <Link href={cramHref} className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 px-3 hover:border-sky-500 dark:border-slate-700">
            벼락치기
          </Link>
          <Link href="/settings" className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 px-3 hover:border-sky-500 dark:border-slate-700">
            설정
          </Link>
        </nav>
      </div>
      <div className="flex flex-wrap gap-2" aria-label="남은 카드">
        <Count label="새 카드" value={counts.new} tone="text-sky-700 dark:text-sky-300" />
        <Count label="학습 중" value={counts.learning} tone="text-amber-700 dark:text-amber-300" />
        <Count label="복습" value={counts.review} tone="text-emerald-700 dark:text-emerald-300" />
      </div>
      {leechCount > 0 ? (
        <p className="rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-900 dark:bg-rose-950/40 dark:text-rose-200">
          자꾸 잊는 거머리 카드가 {leechCount}장 있습니다.{" "}
          <Link href="/review/leeches" className="font-semibold underline underline-offset-2">
            주제를 다시 공부하기 →
          </Link>
        </p>
      ) : null}
    </header>
  );
}
