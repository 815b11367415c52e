import type { ReactNode } from "react";
import { Icon, type IconName } from "./icons";

export function EmptyState({ title, children, actions, icon = "cloud" }: { title: ReactNode; children?: ReactNode; actions?: ReactNode; icon?: IconName }) {
  return (
    <div role="status" className="rounded-xl border border-dashed border-slate-300 bg-white/60 px-6 py-10 text-center dark:border-slate-700 dark:bg-slate-900/40">
      <Icon name={icon} className="mx-auto h-10 w-10 text-sky-600 dark:text-sky-400" />
      <p className="mt-3 text-lg font-semibold text-slate-900 dark:text-slate-100">{title}</p>
      {children ? <div className="mx-auto mt-2 max-w-xl text-sm text-slate-600 dark:text-slate-400">{children}</div> : null}
      {actions ? <div className="mt-5 flex flex-wrap justify-center gap-2">{actions}</div> : null}
    </div>
  );
}
