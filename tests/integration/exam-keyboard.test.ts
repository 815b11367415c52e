// The exam's key map (components/exam/keyboard.ts): pure, so it is tested without a browser.
// Keys are read from KeyboardEvent.code, so a Korean IME (key = "ㅡ") still flags.
import { describe, expect, it } from "vitest";
import { enterActionOf, readExamKey, toggleSelection } from "@/components/exam/keyboard";

const press = (code: string, key = "", shiftKey = false) => readExamKey({ code, key, shiftKey });

describe("readExamKey", () => {
  it("maps 1–6 and A–F to options, from the digit row and the numpad", () => {
    expect(press("Digit1", "1")).toEqual({ kind: "option", index: 0 });
    expect(press("Numpad6", "6")).toEqual({ kind: "option", index: 5 });
    expect(press("KeyA", "a")).toEqual({ kind: "option", index: 0 });
    expect(press("KeyE", "ㄷ")).toEqual({ kind: "option", index: 4 });
    expect(press("KeyF", "ㄹ")).toEqual({ kind: "option", index: 5 });
    expect(press("Digit7", "7")).toBeNull();
    expect(press("Digit0", "0")).toBeNull();
  });

  it("flags with M, which no option letter uses, also under the Korean IME", () => {
    expect(press("KeyM", "m")).toEqual({ kind: "flag" });
    expect(press("KeyM", "ㅡ")).toEqual({ kind: "flag" });
    for (const code of ["KeyA", "KeyB", "KeyC", "KeyD", "KeyE", "KeyF"]) expect(press(code)?.kind).toBe("option");
  });

  it("moves with the arrow keys and reads Enter from either Enter key", () => {
    expect(press("ArrowLeft", "ArrowLeft")).toEqual({ kind: "previous" });
    expect(press("ArrowRight", "ArrowRight")).toEqual({ kind: "next" });
    expect(press("Enter", "Enter")).toEqual({ kind: "enter" });
    expect(press("NumpadEnter", "Enter")).toEqual({ kind: "enter" });
  });

  it("toggles the legend with ?, and ignores other shifted keys", () => {
    expect(press("Slash", "?", true)).toEqual({ kind: "legend" });
    expect(press("Slash", "/", true)).toEqual({ kind: "legend" });
    expect(press("Digit1", "!", true)).toBeNull();
    expect(press("KeyM", "M", true)).toBeNull();
    expect(press("Slash", "/")).toBeNull();
  });
});

describe("enterActionOf", () => {
  it("checks an open practice question and moves on otherwise", () => {
    expect(enterActionOf({ practice: true, locked: false })).toBe("check");
    expect(enterActionOf({ practice: true, locked: true })).toBe("next");
    expect(enterActionOf({ practice: false, locked: false })).toBe("next");
  });
});

describe("toggleSelection", () => {
  const single = { type: "single", selectCount: 1 } as const;
  const multiple = { type: "multiple", selectCount: 2 } as const;

  it("replaces the choice of a single-answer question", () => {
    expect(toggleSelection(["A"], "C", single)).toEqual({ selected: ["C"], overLimit: false });
    expect(toggleSelection(["A"], "A", single)).toEqual({ selected: ["A"], overLimit: false });
  });

  it("toggles a multiple-response option up to the number asked for", () => {
    expect(toggleSelection([], "B", multiple)).toEqual({ selected: ["B"], overLimit: false });
    expect(toggleSelection(["B"], "D", multiple)).toEqual({ selected: ["B", "D"], overLimit: false });
    expect(toggleSelection(["B", "D"], "B", multiple)).toEqual({ selected: ["D"], overLimit: false });
    expect(toggleSelection(["B", "D"], "E", multiple)).toEqual({ selected: ["B", "D"], overLimit: true });
  });
});
