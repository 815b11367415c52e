"use client";

import { useEffect, useRef } from "react";

/**
 * A plain GET form (works without JavaScript); the script only adds the "/" shortcut that
 * focuses the field, as on GitHub and MDN, unless the learner is already typing somewhere.
 */
export function SearchForm({ defaultValue = "", autoFocus = false, size = "large" }: { defaultValue?: string; autoFocus?: boolean; size?: "large" | "compact" }) {
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      const target = event.target as HTMLElement | null;
      if (target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName))) return;
      event.preventDefault();
      input.current?.focus();
      input.current?.select();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const large = size === "large";
  return (
    <form role="search" action="/search" method="get" className="flex w-full gap-2">
      <label htmlFor="search-q" className="sr-only">
        노트 검색
      </label>
      <div className="relative min-w-0 flex-1">
        <input
          ref={input}
          id="search-q"
          name="q"
          type="search"
          defaultValue={defaultValue}
          autoFocus={autoFocus}
          maxLength={200}
          autoComplete="off"
          enterKeyHint="search"
          // Short enough for a 320 px phone: the two-example placeholder was cut off mid-word there.
          placeholder="예: 람다 타임아웃"
          className={`peer w-full rounded-lg border border-slate-300 bg-white text-slate-900 shadow-sm placeholder:text-slate-500 dark:placeholder:text-slate-400 focus:border-sky-500 focus:outline-none focus:ring-2 focus:ring-sky-500/30 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100 ${large ? "px-4 py-3 text-base" : "px-3 py-2 text-sm"} sm:pr-10`}
        />
        <kbd aria-hidden className="pointer-events-none absolute right-3 top-1/2 hidden -translate-y-1/2 sm:peer-placeholder-shown:block rounded border border-slate-300 px-1.5 font-mono text-xs text-slate-500 dark:border-slate-600 dark:text-slate-400">
          /
        </kbd>
      </div>
      <button type="submit" className={`shrink-0 rounded-lg bg-sky-700 font-semibold text-white hover:bg-sky-800 dark:bg-sky-700 dark:hover:bg-sky-800 ${large ? "px-5 py-3" : "px-4 py-2 text-sm"}`}>
        검색
      </button>
    </form>
  );
}
