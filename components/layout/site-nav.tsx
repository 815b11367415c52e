"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const links = [
  { href: "/topics", label: "주제" },
  { href: "/search", label: "검색" },
  { href: "/questions", label: "문제" },
  { href: "/review", label: "복습" },
  { href: "/cards", label: "카드" },
  { href: "/exams", label: "모의고사" },
  { href: "/progress", label: "진도" },
  { href: "/notes/lint", label: "노트 점검" },
  { href: "/settings", label: "설정" },
] as const;

function isActive(pathname: string, href: string): boolean {
  if (href === "/notes/lint") return pathname.startsWith("/notes/lint");
  return pathname === href || pathname.startsWith(`${href}/`);
}

export function SiteNav() {
  const pathname = usePathname() ?? "/";
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <nav aria-label="주 메뉴" className="mx-auto flex max-w-5xl items-center gap-1 px-3 py-2 sm:gap-3 sm:px-4 sm:py-3">
        <Link href="/" className="mr-1 shrink-0 text-lg font-bold text-sky-700 dark:text-sky-400">
          구름 <span className="hidden text-sm font-normal text-slate-500 sm:inline dark:text-slate-400">SAA-C03</span>
        </Link>
        {/* On a phone the links scroll sideways instead of wrapping onto a second line. */}
        <div className="-mx-1 flex min-w-0 flex-1 gap-1 overflow-x-auto px-1 [scrollbar-width:none]">
          {links.map((link) => {
            const active = isActive(pathname, link.href);
            return (
              <Link
                key={link.href}
                href={link.href}
                aria-current={active ? "page" : undefined}
                className={`shrink-0 whitespace-nowrap rounded-md px-2 py-1.5 text-sm ${
                  active
                    ? "bg-sky-100 font-semibold text-sky-800 dark:bg-sky-900/50 dark:text-sky-200"
                    : "text-slate-700 hover:bg-slate-100 hover:text-sky-700 dark:text-slate-300 dark:hover:bg-slate-800 dark:hover:text-sky-400"
                }`}
              >
                {link.label}
              </Link>
            );
          })}
        </div>
      </nav>
    </header>
  );
}
