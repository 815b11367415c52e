import Link from "next/link";
import type { ReactNode } from "react";

const variants = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-600 dark:hover:bg-sky-500",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-200 dark:hover:bg-slate-800",
} as const;

export const buttonClasses = (variant: keyof typeof variants = "primary") =>
  `inline-flex min-h-10 items-center justify-center gap-1 rounded-lg px-4 py-2 text-sm font-semibold transition-colors ${variants[variant]}`;

export function ButtonLink({ href, variant = "primary", children }: { href: string; variant?: keyof typeof variants; children: ReactNode }) {
  return (
    <Link href={href} className={buttonClasses(variant)}>
      {children}
    </Link>
  );
}
