import Link from "next/link";
import type { ReactNode } from "react";

/** A number with a label; a link when `href` is given. */
export function Stat({ label, value, href, hint }: { label: string; value: ReactNode; href?: string; hint?: ReactNode }) {
  const body = (
    <>
      <span className="block text-sm text-slate-600 dark:text-slate-400">{label}</span>
      <span className="mt-1 block text-2xl font-bold tabular-nums text-slate-900 dark:text-slate-50">{value}</span>
      {hint ? <span className="mt-0.5 block text-xs text-slate-500 dark:text-slate-400">{hint}</span> : null}
    </>
  );
  const classes = "block rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900";
  return href ? (
    <Link href={href} className={`${classes} hover:border-sky-400 dark:hover:border-sky-600`}>
      {body}
    </Link>
  ) : (
    <div className={classes}>{body}</div>
  );
}
