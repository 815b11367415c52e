import type { ReactNode } from "react";

const TOKEN = /(`[^`\n]+`|\{\{[^{}\n]+\}\})/g;

/**
 * Question text is plain text with two bits of markup: `code` and cloze blanks {{answer}}.
 * React escapes everything else, so imported banks cannot inject HTML.
 * `blanks`: "hide" shows an empty slot (the question), "show" the answer highlighted (the reveal).
 */
/**
 * Bank files wrap long stems over several lines; those breaks are not meant for the reader.
 * A blank line (paragraph) and a line that starts a list item keep their break.
 */
export function unwrapLines(text: string): string {
  const lines = text.split(/\r?\n/);
  let result = lines[0] ?? "";
  for (let index = 1; index < lines.length; index += 1) {
    const line = lines[index] ?? "";
    const previous = lines[index - 1] ?? "";
    const keepBreak = line.trim() === "" || previous.trim() === "" || /^\s*([-*•]|\d+[.)])\s/.test(line);
    result += keepBreak ? `\n${line}` : ` ${line.trim()}`;
  }
  return result;
}

export function RichText({ text, blanks = "hide" }: { text: string; blanks?: "hide" | "show" }) {
  const parts: ReactNode[] = [];
  let blankNumber = 0;
  for (const [index, part] of unwrapLines(text).split(TOKEN).entries()) {
    if (part === "") continue;
    if (part.startsWith("`") && part.endsWith("`") && part.length > 2) {
      parts.push(
        <code key={index} className="rounded bg-slate-100 px-1 py-0.5 font-mono text-[0.9em] dark:bg-slate-800">
          {part.slice(1, -1)}
        </code>,
      );
    } else if (part.startsWith("{{") && part.endsWith("}}")) {
      blankNumber += 1;
      parts.push(
        blanks === "hide" ? (
          <span
            key={index}
            className="mx-0.5 inline-block min-w-16 border-b-2 border-sky-600 text-center text-sm text-sky-700 dark:border-sky-400 dark:text-sky-300"
          >
            <span className="sr-only">빈칸 {blankNumber}</span>
            <span aria-hidden="true">({blankNumber})</span>
          </span>
        ) : (
          <mark key={index} className="rounded bg-amber-100 px-1 font-semibold text-amber-900 dark:bg-amber-500/20 dark:text-amber-200">
            {part.slice(2, -2)}
          </mark>
        ),
      );
    } else {
      parts.push(part);
    }
  }
  return <span className="whitespace-pre-line">{parts}</span>;
}

/** Bank authors often start an option's explanation with "정답:" / "오답:"; the page shows its own mark. */
export function stripVerdict(explanation: string): string {
  return explanation.replace(/^\s*(정답|오답)\s*[:：]\s*/, "");
}
