// Review shortcuts, read from KeyboardEvent.code so they work with a Korean IME active
// (with 한글 input, the U key produces "ㅕ" in `key` but is still "KeyU" in `code`).

export type ReviewKey =
  | { kind: "option"; index: number }
  | { kind: "rate"; rating: 1 | 2 | 3 | 4 }
  | { kind: "submit" }
  | { kind: "reveal" }
  | { kind: "undo" }
  | { kind: "guess" };

const LETTERS = ["KeyA", "KeyB", "KeyC", "KeyD", "KeyE", "KeyF"];

function digitOf(code: string): number | null {
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  return match ? Number(match[1]) : null;
}

/** What a key means in the current phase; null when it means nothing. */
export function readReviewKey(event: Pick<KeyboardEvent, "code" | "key">, phase: "answering" | "revealed"): ReviewKey | null {
  const { code, key } = event;
  if (code === "KeyU") return { kind: "undo" };
  if (code === "KeyG" && phase === "answering") return { kind: "guess" };
  if (key === "Enter" || code === "Enter" || code === "NumpadEnter") return { kind: "submit" };
  if (code === "Space" || key === " ") return { kind: "reveal" };
  const digit = digitOf(code);
  if (phase === "revealed") {
    if (digit != null && digit >= 1 && digit <= 4) return { kind: "rate", rating: digit as 1 | 2 | 3 | 4 };
    return null;
  }
  if (digit != null && digit >= 1 && digit <= 6) return { kind: "option", index: digit - 1 };
  const letter = LETTERS.indexOf(code);
  if (letter >= 0) return { kind: "option", index: letter };
  return null;
}

/** Shortcuts must not fire while typing, with modifiers, or from the site navigation. */
export function shouldIgnoreKey(event: KeyboardEvent, root: HTMLElement | null): boolean {
  // A held key repeats: never let it answer the next card too.
  if (event.repeat || event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return true;
  const target = event.target as HTMLElement | null;
  if (!target || target === document.body || target === document.documentElement) return false;
  if (target.closest("input, textarea, select, [contenteditable='true']")) return true;
  return root != null && !root.contains(target);
}
