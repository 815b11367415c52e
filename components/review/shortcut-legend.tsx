// The keyboard shortcuts, always visible on wide screens (phones have no keyboard).
function Key({ children }: { children: string }) {
  return <kbd className="rounded border border-slate-300 bg-white px-1.5 py-0.5 font-mono text-xs text-slate-700 shadow-sm dark:border-slate-600 dark:bg-slate-800 dark:text-slate-200">{children}</kbd>;
}

export function ShortcutLegend({ cram = false }: { cram?: boolean }) {
  // What each key does is exactly what the session's key handler does (review-session.tsx):
  // on a choice card Space submits like Enter; on a flashcard or cloze it shows the answer.
  const items: [string[], string][] = [
    [["1–5", "A–E"], "선택지 고르기"],
    [["Enter", "Space"], "제출 · 정답 보기"],
    [["1–4"], cram ? "다음 카드" : "평가 (채점 후)"],
  ];
  if (!cram) items.splice(1, 0, [["G"], "찍었음 (다시로 평가)"]);
  if (!cram) items.push([["Enter", "Space"], "추천 평가로 넘기기"], [["U"], "되돌리기"]);
  return (
    <section aria-label="키보드 단축키" className="hidden flex-wrap items-center gap-x-4 gap-y-2 text-xs text-slate-600 sm:flex dark:text-slate-400">
      <span className="font-semibold">단축키</span>
      {items.map(([keys, label]) => (
        <span key={label} className="inline-flex items-center gap-1">
          {keys.map((key, index) => (
            <span key={key} className="inline-flex items-center gap-1">
              {index > 0 ? <span aria-hidden="true">/</span> : null}
              <Key>{key}</Key>
            </span>
          ))}
          <span className="ml-0.5">{label}</span>
        </span>
      ))}
    </section>
  );
}
