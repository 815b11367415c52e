import Link from "next/link";

const links = [
  { href: "/topics", label: "주제" },
  { href: "/search", label: "검색" },
  { href: "/questions", label: "문제" },
  { href: "/review", label: "복습" },
  { href: "/notes/lint", label: "노트 점검" },
  { href: "/settings", label: "설정" },
] as const;

export function SiteNav() {
  return (
    <header className="border-b border-slate-200 bg-white/90 backdrop-blur dark:border-slate-800 dark:bg-slate-950/90">
      <nav aria-label="주 메뉴" className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-3">
        <Link href="/" className="mr-2 text-lg font-bold text-sky-700 dark:text-sky-400">
          구름 <span className="text-sm font-normal text-slate-500">SAA-C03</span>
        </Link>
        {links.map((link) => (
          <Link key={link.href} href={link.href} className="rounded px-1 py-1 text-sm text-slate-700 hover:text-sky-700 dark:text-slate-300 dark:hover:text-sky-400">
            {link.label}
          </Link>
        ))}
      </nav>
    </header>
  );
}
