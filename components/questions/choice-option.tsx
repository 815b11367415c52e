// One option of a choice question while the learner is choosing: review cards and exam
// questions show the same button, so they look and read alike (key bubble: round for single,
// square for multiple response; white on sky-700 when chosen, 5.9:1).
import { RichText } from "./rich-text";

export function ChoiceOption({
  optionKey,
  text,
  index,
  selected,
  multiple,
  disabled,
  onToggle,
}: {
  optionKey: string;
  text: string;
  /** position, for the 1–6 shortcut */
  index: number;
  selected: boolean;
  multiple: boolean;
  disabled?: boolean;
  onToggle: (key: string) => void;
}) {
  return (
    <button
      type="button"
      data-option={optionKey}
      aria-pressed={selected}
      aria-keyshortcuts={`${index + 1} ${optionKey}`}
      disabled={disabled}
      onClick={() => onToggle(optionKey)}
      className={`flex min-h-14 w-full items-start gap-3 rounded-xl border-2 px-3 py-3 text-left text-base transition-colors disabled:opacity-70 ${
        selected
          ? "border-sky-600 bg-sky-50 text-slate-900 dark:border-sky-400 dark:bg-sky-950/50 dark:text-slate-50"
          : "border-slate-200 bg-white hover:border-sky-400 dark:border-slate-700 dark:bg-slate-900 dark:hover:border-sky-600"
      }`}
    >
      <span
        aria-hidden="true"
        className={`flex h-7 w-7 shrink-0 items-center justify-center border text-sm font-bold ${multiple ? "rounded-md" : "rounded-full"} ${
          selected ? "border-sky-700 bg-sky-700 text-white dark:border-sky-400 dark:bg-sky-400 dark:text-slate-950" : "border-slate-300 text-slate-600 dark:border-slate-600 dark:text-slate-300"
        }`}
      >
        {optionKey}
      </span>
      <span className="min-w-0 pt-0.5">
        <RichText text={text} />
      </span>
    </button>
  );
}
