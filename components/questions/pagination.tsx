import Link from "next/link";

/** Page numbers around the current page, with the first and last always reachable. */
function pagesToShow(page: number, pageCount: number): (number | "gap")[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((n) => n >= 1 && n <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const result: (number | "gap")[] = [];
  for (const [index, n] of sorted.entries()) {
    const previous = sorted[index - 1];
    if (previous !== undefined && n - previous > 1) result.push("gap");
    result.push(n);
  }
  return result;
}

const item = "inline-flex min-w-10 items-center justify-center rounded-md px-3 py-2 text-sm";

export function Pagination({ page, pageCount, query }: { page: number; pageCount: number; query: Record<string, string | undefined> }) {
  if (pageCount <= 1) return null;
  const hrefFor = (target: number) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
    if (target > 1) params.set("page", String(target));
    const text = params.toString();
    return text ? `/questions?${text}` : "/questions";
  };
  const link = `${item} border border-slate-300 bg-white text-slate-700 hover:border-sky-500 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200`;
  const disabled = `${item} border border-slate-200 text-slate-500 dark:border-slate-800 dark:text-slate-400`;
  return (
    <nav aria-label="페이지" className="mt-6 flex flex-wrap items-center justify-center gap-1.5">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} className={link} rel="prev">
          ← 이전
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          ← 이전
        </span>
      )}
      {pagesToShow(page, pageCount).map((n, index) =>
        n === "gap" ? (
          <span key={`gap-${index}`} className="px-1 text-slate-500 dark:text-slate-400" aria-hidden="true">
            …
          </span>
        ) : n === page ? (
          <span key={n} aria-current="page" className={`${item} bg-sky-700 font-semibold text-white dark:bg-sky-700`}>
            {n}
          </span>
        ) : (
          <Link key={n} href={hrefFor(n)} className={link} aria-label={`${n}쪽`}>
            {n}
          </Link>
        ),
      )}
      {page < pageCount ? (
        <Link href={hrefFor(page + 1)} className={link} rel="next">
          다음 →
        </Link>
      ) : (
        <span className={disabled} aria-disabled="true">
          다음 →
        </span>
      )}
    </nav>
  );
}
