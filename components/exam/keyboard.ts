// Exam shortcuts, read from KeyboardEvent.code so they work with a Korean IME active (with 한글
// input, the M key produces "ㅡ" in `key` but is still "KeyM" in `code`). Options take review's
// keys (1–6, A–F); the flag key is M (표시) because no option letter uses it — F is the sixth
// option of a six-option question. Pure: the runner decides what a key does on screen.

export type ExamKey =
  | { kind: "option"; index: number }
  | { kind: "flag" }
  | { kind: "previous" }
  | { kind: "next" }
  | { kind: "enter" }
  | { kind: "legend" };

const LETTERS = ["KeyA", "KeyB", "KeyC", "KeyD", "KeyE", "KeyF"];

function digitOf(code: string): number | null {
  const match = /^(?:Digit|Numpad)([0-9])$/.exec(code);
  return match ? Number(match[1]) : null;
}

/** What a key means on the exam screen; null when it means nothing. */
export function readExamKey(event: Pick<KeyboardEvent, "code" | "key" | "shiftKey">): ExamKey | null {
  const { code, key, shiftKey } = event;
  // "?" is Shift+Slash on most layouts; `key` covers layouts where it sits elsewhere.
  if (key === "?" || (code === "Slash" && shiftKey)) return { kind: "legend" };
  if (key === "Enter" || code === "Enter" || code === "NumpadEnter") return { kind: "enter" };
  if (code === "ArrowLeft") return { kind: "previous" };
  if (code === "ArrowRight") return { kind: "next" };
  // Shift+digit types a symbol; shortcuts stay unshifted so a stray Shift does not answer.
  if (shiftKey) return null;
  if (code === "KeyM") return { kind: "flag" };
  const digit = digitOf(code);
  if (digit != null && digit >= 1 && digit <= 6) return { kind: "option", index: digit - 1 };
  const letter = LETTERS.indexOf(code);
  if (letter >= 0) return { kind: "option", index: letter };
  return null;
}

/**
 * Enter checks the answer in practice mode while the question is still open, and moves on
 * otherwise (exam mode, or a question already checked).
 */
export function enterActionOf(question: { practice: boolean; locked: boolean }): "check" | "next" {
  return question.practice && !question.locked ? "check" : "next";
}

/** Selecting an option: single replaces, multiple toggles up to `selectCount`. */
export function toggleSelection(
  selected: readonly string[],
  key: string,
  question: { type: "single" | "multiple"; selectCount: number },
): { selected: string[]; overLimit: boolean } {
  if (question.type === "single") return { selected: [key], overLimit: false };
  if (selected.includes(key)) return { selected: selected.filter((k) => k !== key), overLimit: false };
  if (selected.length >= question.selectCount) return { selected: [...selected], overLimit: true };
  return { selected: [...selected, key], overLimit: false };
}
