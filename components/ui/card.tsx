import type { ReactNode } from "react";

type Landmark = "div" | "section" | "article" | "aside" | "nav";

/** A bordered surface. `as` keeps landmarks right (section, aside, nav). */
export function Card({ as: Tag = "div", className = "", children, id, labelledBy }: { as?: Landmark; className?: string; children: ReactNode; id?: string; labelledBy?: string }) {
  return (
    <Tag id={id} aria-labelledby={labelledBy} className={`rounded-xl border border-slate-200 bg-white p-4 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}>
      {children}
    </Tag>
  );
}

export function SectionTitle({ id, children, className = "" }: { id?: string; children: ReactNode; className?: string }) {
  return (
    <h2 id={id} className={`text-base font-semibold text-slate-900 dark:text-slate-100 ${className}`}>
      {children}
    </h2>
  );
}
