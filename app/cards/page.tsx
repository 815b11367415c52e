import type { Metadata } from "next";
import Link from "next/link";
import { CARD_FORM_ID, CardOperationForm, SelectAllOnPage } from "@/components/cards/card-operation-form";
import { cardsHref, questionHref } from "@/lib/core/hrefs";
import { formatShortDateTime } from "@/lib/core/format/datetime";
import { CARD_PAGE_SIZE, DUE_LABELS, DUE_FILTERS, filterParams, ORIGIN_FILTERS, parseCardFilters, STATE_FILTERS, STATE_LABELS, STATUS_FILTERS, STATUS_LABELS, type CardFilters } from "@/lib/core/srs/card-filters";
import { FLAG_LABELS } from "@/lib/core/srs/card-operations";
import { firstValues } from "@/lib/core/srs/inputs";
import { listCards } from "@/lib/server/card-browser";
import { readSettings } from "@/lib/server/cards";
import { requestContext } from "@/lib/server/context";
import { fetchScopeOptions, ORIGIN_LABELS } from "@/lib/server/review/scope";
import { cardOperationAction, undoCardOperationAction } from "./actions";

export const metadata: Metadata = { title: "카드" };

type SearchParams = Record<string, string | string[] | undefined>;

const STATE_NAMES = ["새 카드", "학습 중", "복습", "재학습"] as const;
const FLAG_DOTS: Record<number, string> = { 1: "bg-rose-600", 2: "bg-orange-500", 3: "bg-emerald-600", 4: "bg-sky-600" };
const field = "min-h-11 w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-700 dark:bg-slate-900";

function Select({ name, label, value, options }: { name: keyof CardFilters; label: string; value: string | number | null; options: [string, string][] }) {
  return (
    <label className="space-y-1 text-sm">
      <span className="font-medium text-slate-700 dark:text-slate-300">{label}</span>
      <select name={name} defaultValue={value == null ? "" : String(value)} className={field}>
        <option value="">전체</option>
        {options.map(([optionValue, optionLabel]) => (
          <option key={optionValue} value={optionValue}>
            {optionLabel}
          </option>
        ))}
      </select>
    </label>
  );
}

export default async function CardsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const { filters, problems } = parseCardFilters(firstValues(await searchParams));
  const { db, learnerId, now } = await requestContext();
  const [list, options, settings] = await Promise.all([listCards(db, { learnerId, filters, now }), fetchScopeOptions(db), readSettings(db, learnerId)]);
  const pageHref = (page: number) => cardsHref(filterParams(filters, page));
  return (
    <div className="mx-auto max-w-5xl space-y-4">
      <header>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">카드</h1>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">
          내 복습 카드를 찾아 일시 중지·숨기기·깃발·새 카드로 되돌리기·오늘로 당기기를 합니다. 바꾼 것은 바로 되돌릴 수 있습니다.
        </p>
      </header>

      {problems.length > 0 ? (
        <div role="alert" className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          다음 조건은 알 수 없어 빼고 찾았습니다: {problems.join(" ")}
        </div>
      ) : null}

      <form method="get" action="/cards" aria-label="카드 찾기" className="grid gap-3 rounded-xl border border-slate-200 bg-white p-3 shadow-sm sm:grid-cols-4 dark:border-slate-800 dark:bg-slate-900">
        <label className="space-y-1 text-sm sm:col-span-2">
          <span className="font-medium text-slate-700 dark:text-slate-300">문제 내용</span>
          <input type="search" name="q" defaultValue={filters.q ?? ""} placeholder="예: API Gateway" className={field} />
        </label>
        <Select name="state" label="상태" value={filters.state} options={STATE_FILTERS.map((value) => [value, STATE_LABELS[value]])} />
        <Select name="due" label="복습 기한" value={filters.due} options={DUE_FILTERS.map((value) => [value, DUE_LABELS[value]])} />
        <Select name="topic" label="주제" value={filters.topic} options={options.topics.map((topic) => [topic.value, topic.label])} />
        <Select name="origin" label="출처" value={filters.origin} options={ORIGIN_FILTERS.map((value) => [value, ORIGIN_LABELS[value]])} />
        <Select name="flag" label="깃발" value={filters.flag} options={[0, 1, 2, 3, 4].map((value) => [String(value), FLAG_LABELS[value] ?? String(value)])} />
        <Select name="status" label="복습에 나오는지" value={filters.status} options={STATUS_FILTERS.map((value) => [value, STATUS_LABELS[value]])} />
        <label className="space-y-1 text-sm">
          <span className="font-medium text-slate-700 dark:text-slate-300">잊은 횟수 (이상)</span>
          <input type="number" name="lapses" min={0} inputMode="numeric" defaultValue={filters.lapses ?? ""} className={field} />
        </label>
        <div className="flex items-end gap-2 sm:col-span-3">
          <button type="submit" className="min-h-11 rounded-lg bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800">
            찾기
          </button>
          <Link href="/cards" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 text-sm font-semibold dark:border-slate-700">
            조건 지우기
          </Link>
        </div>
      </form>

      <CardOperationForm apply={cardOperationAction} undo={undoCardOperationAction} />

      <p className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {list.total}장 중 {list.total === 0 ? 0 : (list.page - 1) * CARD_PAGE_SIZE + 1}–{Math.min(list.total, list.page * CARD_PAGE_SIZE)}장 · {list.page}/{list.pageCount}쪽
      </p>

      {list.cards.length === 0 ? (
        <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">조건에 맞는 카드가 없습니다.</p>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-sm dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full min-w-[40rem] text-left text-sm">
            <caption className="sr-only">카드 목록 (복습 기한 순)</caption>
            <thead className="border-b border-slate-200 text-slate-600 dark:border-slate-800 dark:text-slate-400">
              <tr>
                <th scope="col" className="w-10 px-3 py-2">
                  <SelectAllOnPage />
                </th>
                <th scope="col" className="px-3 py-2">문제</th>
                <th scope="col" className="px-3 py-2">상태</th>
                <th scope="col" className="px-3 py-2">복습 기한</th>
                <th scope="col" className="px-3 py-2 text-right">잊은 횟수</th>
              </tr>
            </thead>
            <tbody>
              {list.cards.map((card) => (
                <tr key={card.cardId} data-card-id={card.cardId} className="border-b border-slate-100 last:border-0 dark:border-slate-800">
                  <td className="px-3 py-2 align-top">
                    <input type="checkbox" name="cardId" value={card.cardId} form={CARD_FORM_ID} aria-label={`고르기: ${card.questionId}`} className="h-5 w-5 accent-sky-700" />
                  </td>
                  <td className="px-3 py-2 align-top">
                    <Link href={questionHref(card.questionId)} className="line-clamp-2 text-slate-900 hover:text-sky-700 hover:underline dark:text-slate-100 dark:hover:text-sky-400">
                      {card.stem}
                    </Link>
                    <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">
                      {card.questionId} · {ORIGIN_LABELS[card.origin as keyof typeof ORIGIN_LABELS] ?? card.origin}
                      {card.topics.length > 0 ? ` · ${card.topics.join(", ")}` : ""}
                    </span>
                  </td>
                  <td className="px-3 py-2 align-top whitespace-nowrap">
                    <span className="block">{STATE_NAMES[card.state] ?? card.state}</span>
                    <span className="flex flex-wrap gap-1 text-xs">
                      {card.suspended ? <span className="rounded bg-slate-200 px-1.5 text-slate-800 dark:bg-slate-700 dark:text-slate-100">일시 중지</span> : null}
                      {card.buried ? <span className="rounded bg-amber-100 px-1.5 text-amber-900 dark:bg-amber-900/50 dark:text-amber-100">오늘 숨김</span> : null}
                      {card.leech ? <span className="rounded bg-rose-100 px-1.5 text-rose-900 dark:bg-rose-900/50 dark:text-rose-100">거머리</span> : null}
                      {card.archived ? <span className="rounded bg-slate-100 px-1.5 text-slate-700 dark:bg-slate-800 dark:text-slate-300">보관됨</span> : null}
                      {card.flag > 0 ? (
                        <span className="inline-flex items-center gap-1">
                          <span aria-hidden="true" className={`inline-block h-2.5 w-2.5 rounded-full ${FLAG_DOTS[card.flag] ?? ""}`} />
                          깃발 {FLAG_LABELS[card.flag]}
                        </span>
                      ) : null}
                    </span>
                  </td>
                  <td className="px-3 py-2 align-top whitespace-nowrap tabular-nums">{card.state === 0 ? "새 카드" : formatShortDateTime(card.due, settings.timeZone)}</td>
                  <td className="px-3 py-2 text-right align-top tabular-nums">{card.lapses}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.pageCount > 1 ? (
        <nav aria-label="쪽 이동" className="flex items-center justify-between gap-3 text-sm">
          {list.page > 1 ? (
            <Link href={pageHref(list.page - 1)} rel="prev" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 font-semibold dark:border-slate-700">
              이전 쪽
            </Link>
          ) : (
            <span />
          )}
          <span className="text-slate-600 dark:text-slate-400">
            {list.page}/{list.pageCount}쪽
          </span>
          {list.page < list.pageCount ? (
            <Link href={pageHref(list.page + 1)} rel="next" className="inline-flex min-h-11 items-center rounded-lg border border-slate-300 px-4 font-semibold dark:border-slate-700">
              다음 쪽
            </Link>
          ) : (
            <span />
          )}
        </nav>
      ) : null}
    </div>
  );
}
