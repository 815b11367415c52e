import type { ReactNode } from "react";

export function PageHeader({ title, description, children }: { title: ReactNode; description?: ReactNode; children?: ReactNode }) {
  return (
    <header className="mb-6">
      <h1 className="text-2xl font-bold tracking-tight text-slate-900 sm:text-3xl dark:text-slate-50">{title}</h1>
      {description ? <p className="mt-2 max-w-3xl text-sm text-slate-600 sm:text-base dark:text-slate-400">{description}</p> : null}
      {children ? <div className="mt-3">{children}</div> : null}
    </header>
  );
}
