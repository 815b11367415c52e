import Link from "next/link";
import type { Domain, QuestionOrigin, QuestionType } from "@/lib/core/questions/types";
import { DOMAIN_SHORT_LABELS, ORIGIN_LABELS, TYPE_LABELS } from "./labels";

export interface FilterValues {
  topic?: string;
  domain?: string;
  type?: string;
  origin?: string;
  q?: string;
}

export interface FilterFacets {
  topics: { key: string; name: string; count: number }[];
  domains: { key: Domain; count: number }[];
  types: { key: QuestionType; count: number }[];
  origins: { key: QuestionOrigin; count: number }[];
}

const control =
  "w-full min-w-0 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:border-sky-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100";
const label = "mb-1 block text-xs font-semibold text-slate-600 dark:text-slate-400";

/**
 * A plain GET form: filters live in the URL, so a filtered list can be bookmarked, shared,
 * and works before (or without) JavaScript.
 */
export function QuestionFilters({ facets, values }: { facets: FilterFacets; values: FilterValues }) {
  const anyActive = Boolean(values.topic || values.domain || values.type || values.origin || values.q);
  return (
    <form
      method="get"
      action="/questions"
      role="search"
      aria-label="문제 필터"
      className="grid grid-cols-2 gap-3 rounded-xl border border-slate-200 bg-white shadow-sm p-3 sm:p-4 lg:grid-cols-6 dark:border-slate-800 dark:bg-slate-900"
    >
      <div className="col-span-2 lg:col-span-6">
        <label htmlFor="filter-q" className={label}>
          검색
        </label>
        <input
          id="filter-q"
          name="q"
          type="search"
          defaultValue={values.q ?? ""}
          placeholder="예: 람다 타임아웃, 가중치, DAX"
          maxLength={200}
          className={control}
        />
      </div>
      <div className="col-span-2">
        <label htmlFor="filter-topic" className={label}>
          주제
        </label>
        <select id="filter-topic" name="topic" defaultValue={values.topic ?? ""} className={control}>
          <option value="">모든 주제</option>
          {facets.topics.map((topic) => (
            <option key={topic.key} value={topic.key}>
              {topic.name} ({topic.count})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-domain" className={label}>
          도메인
        </label>
        <select id="filter-domain" name="domain" defaultValue={values.domain ?? ""} className={control}>
          <option value="">모든 도메인</option>
          {facets.domains.map((domain) => (
            <option key={domain.key} value={domain.key}>
              {DOMAIN_SHORT_LABELS[domain.key]} ({domain.count})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-type" className={label}>
          유형
        </label>
        <select id="filter-type" name="type" defaultValue={values.type ?? ""} className={control}>
          <option value="">모든 유형</option>
          {facets.types.map((type) => (
            <option key={type.key} value={type.key}>
              {TYPE_LABELS[type.key]} ({type.count})
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-origin" className={label}>
          출처
        </label>
        <select id="filter-origin" name="origin" defaultValue={values.origin ?? ""} className={control}>
          <option value="">모든 출처</option>
          {facets.origins.map((origin) => (
            <option key={origin.key} value={origin.key}>
              {ORIGIN_LABELS[origin.key]} ({origin.count})
            </option>
          ))}
        </select>
      </div>
      <div className="flex items-end gap-2">
        <button
          type="submit"
          className="w-full rounded-md bg-sky-700 px-4 py-2 text-sm font-semibold text-white hover:bg-sky-800 dark:bg-sky-700 dark:hover:bg-sky-800"
        >
          적용
        </button>
        {anyActive && (
          <Link
            href="/questions"
            className="shrink-0 rounded-md px-3 py-2 text-sm text-slate-600 underline-offset-2 hover:underline dark:text-slate-300"
          >
            초기화
          </Link>
        )}
      </div>
    </form>
  );
}
