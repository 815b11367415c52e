import { describe, expect, it } from "vitest";
import { NOTE_LINE_CHARS, NOTE_WINDOW_CHARS, NOTE_WINDOW_LINES, noteWindow } from "./note-window";

describe("noteWindow", () => {
  it("shows a short note whole", () => {
    const window = noteWindow(["# a", "b", "c"]);
    expect(window).toMatchObject({ first: 1, last: 3, total: 3, previous: null, next: null, lines: ["# a", "b", "c"] });
  });

  it("pages a long note by lines, and a line always lands in the same window", () => {
    const lines = Array.from({ length: NOTE_WINDOW_LINES * 2 + 10 }, (_, index) => `line ${index + 1}`);
    expect(noteWindow(lines, 1)).toMatchObject({ first: 1, last: NOTE_WINDOW_LINES, next: NOTE_WINDOW_LINES + 1, previous: null });
    const middle = noteWindow(lines, NOTE_WINDOW_LINES + 5);
    expect(middle).toMatchObject({ first: NOTE_WINDOW_LINES + 1, last: NOTE_WINDOW_LINES * 2, previous: 1 });
    expect(middle.lines[4]).toBe(`line ${NOTE_WINDOW_LINES + 5}`);
    expect(noteWindow(lines, 999_999)).toMatchObject({ first: NOTE_WINDOW_LINES * 2 + 1, last: lines.length, next: null });
    expect(noteWindow(lines, -3).first).toBe(1);
  });

  it("bounds a window by characters and cuts a huge line", () => {
    const lines = Array.from({ length: 100 }, () => "x".repeat(NOTE_LINE_CHARS * 3));
    const window = noteWindow(lines, 1);
    const shown = window.lines.reduce((sum, line) => sum + line.length, 0);
    expect(shown).toBeLessThanOrEqual(NOTE_WINDOW_CHARS + NOTE_LINE_CHARS);
    expect(window.lines[0]).toHaveLength(NOTE_LINE_CHARS);
    expect(window.cut.get(1)).toBe(NOTE_LINE_CHARS * 2);
    expect(window.next).toBe(window.last + 1);
  });
});
