import Link from "next/link";
import type { ReactNode } from "react";

// Primary buttons keep sky-700 in dark mode too: white on sky-600 was 4.0:1, on sky-500 2.7:1
// (below WCAG AA's 4.5:1). White on sky-700 (#0069a8) is 5.9:1, on sky-800 (#00598a) 7.5:1,
// computed from Tailwind 4's oklch values; the button against slate-950/900 stays ≥ 3:1.
const variants = {
  primary: "bg-sky-700 text-white hover:bg-sky-800 dark:bg-sky-700 dark:hover:bg-sky-800",
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
