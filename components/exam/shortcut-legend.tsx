// The exam's keyboard shortcuts. "?" shows or hides it; phones (no keyboard) never see it.
function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-700 shadow-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">{children}</kbd>;
}

export function ExamShortcutLegend({ practice, open, onToggle }: { practice: boolean; open: boolean; onToggle: () => void }) {
  const items: [string[], string][] = [
    [["1–6", "A–F"], "선택지 고르기"],
    [["M"], "검토 표시"],
    [["←", "→"], "이전 · 다음 문제"],
    [["Enter"], practice ? "정답 확인 / 다음 문제" : "다음 문제"],
    [["?"], "단축키 보이기 · 숨기기"],
  ];
  return (
    <section aria-label="키보드 단축키" className="hidden flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600 sm:flex dark:text-slate-400">
      <button type="button" onClick={onToggle} aria-expanded={open} aria-keyshortcuts="Shift+Slash" className="inline-flex min-h-8 items-center gap-1 rounded-md px-1 font-semibold hover:text-sky-700 dark:hover:text-sky-400">
        단축키 <Key>?</Key>
      </button>
      {open
        ? items.map(([keys, label]) => (
            <span key={label} className="inline-flex items-center gap-1">
              {keys.map((key, index) => (
                <span key={key} className="inline-flex items-center gap-1">
                  {index > 0 ? <span aria-hidden="true">/</span> : null}
                  <Key>{key}</Key>
                </span>
              ))}
              <span className="ml-0.5">{label}</span>
            </span>
          ))
        : null}
    </section>
  );
}
