// Which lines of a note one page shows. A 5 MB note shown whole was 130 MB of HTML (each line
// is a table row with its anchor), so long notes are shown a window at a time: at most
// NOTE_WINDOW_LINES lines and about NOTE_WINDOW_CHARS characters, a single line cut at
// NOTE_LINE_CHARS. The seed notes fit in one window, so their pages are unchanged.
export const NOTE_WINDOW_LINES = 2000;
export const NOTE_WINDOW_CHARS = 400_000;
export const NOTE_LINE_CHARS = 20_000;

export interface NoteWindow {
  /** 1-based number of the first line shown */
  first: number;
  /** 1-based number of the last line shown */
  last: number;
  total: number;
  /** first line of the previous and next windows, null at either end */
  previous: number | null;
  next: number | null;
  lines: string[];
  /** lines cut at NOTE_LINE_CHARS: their number → characters left out */
  cut: Map<number, number>;
}

function windowFrom(lines: readonly string[], start: number): { end: number } {
  let chars = 0;
  let end = start;
  while (end < lines.length && end - start < NOTE_WINDOW_LINES) {
    chars += Math.min(lines[end]?.length ?? 0, NOTE_LINE_CHARS) + 1;
    if (chars > NOTE_WINDOW_CHARS && end > start) break;
    end += 1;
  }
  return { end };
}

/**
 * The window holding `line` (1-based; out-of-range values are clamped). Windows are laid out
 * from line 1 so a line always falls in the same window, whichever link led to it.
 */
export function noteWindow(lines: readonly string[], line = 1): NoteWindow {
  const target = Math.min(Math.max(1, Math.floor(line) || 1), Math.max(1, lines.length)) - 1;
  let start = 0;
  let previous: number | null = null;
  for (;;) {
    const { end } = windowFrom(lines, start);
    if (target < end || end >= lines.length) {
      const cut = new Map<number, number>();
      const shown = lines.slice(start, end).map((text, index) => {
        if (text.length <= NOTE_LINE_CHARS) return text;
        cut.set(start + index + 1, text.length - NOTE_LINE_CHARS);
        return text.slice(0, NOTE_LINE_CHARS);
      });
      return { first: start + 1, last: end, total: lines.length, previous, next: end < lines.length ? end + 1 : null, lines: shown, cut };
    }
    previous = start + 1;
    start = end;
  }
}
