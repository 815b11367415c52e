"use client";
// Leech cards with the topic to re-study; "다시 공부함" clears the mark (schedule unchanged).
import { questionHref } from "@/lib/core/hrefs";
import Link from "next/link";
import { useActionState } from "react";
import { RichText } from "@/components/questions/rich-text";

export interface LeechItem {
  cardId: string;
  questionId: string;
  stem: string;
  lapses: number;
  reps: number;
  topics: { key: string; label: string; href: string }[];
  sources: { file: string; heading: string }[];
}

type Action = (previous: string | null, formData: FormData) => Promise<string | null>;

export function LeechList({ leeches, action }: { leeches: LeechItem[]; action: Action }) {
  return (
    <ul className="space-y-3">
      {leeches.map((leech) => (
        <LeechRow key={leech.cardId} leech={leech} action={action} />
      ))}
    </ul>
  );
}

function LeechRow({ leech, action }: { leech: LeechItem; action: Action }) {
  const [error, formAction, pending] = useActionState(action, null);
  return (
    <li className="rounded-xl border border-rose-200 bg-white p-4 shadow-sm dark:border-rose-900 dark:bg-slate-900">
      <p className="text-sm font-semibold text-rose-800 dark:text-rose-300">
        {leech.lapses}번 잊음 · {leech.reps}번 복습
      </p>
      <p className="mt-1 leading-relaxed">
        <RichText text={leech.stem} />
      </p>
      <div className="mt-3 flex flex-wrap items-center gap-2 text-sm">
        {leech.topics.map((topic) => (
          <Link key={topic.key} href={topic.href} className="inline-flex min-h-10 items-center rounded-lg bg-sky-700 px-3 font-semibold text-white hover:bg-sky-800">
            {topic.label} 다시 공부하기 →
          </Link>
        ))}
        <Link href={questionHref(leech.questionId)} className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 px-3 dark:border-slate-700">
          문제와 해설
        </Link>
        <form action={formAction}>
          <input type="hidden" name="cardId" value={leech.cardId} />
          <button type="submit" disabled={pending} className="inline-flex min-h-10 items-center rounded-lg border border-slate-300 px-3 disabled:opacity-60 dark:border-slate-700">
            다시 공부함 (표시 지우기)
          </button>
        </form>
      </div>
      {leech.sources.length > 0 ? <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">출처: {leech.sources.map((source) => `${source.file} › ${source.heading}`).join(" · ")}</p> : null}
      {error ? (
        <p role="alert" className="mt-2 text-sm text-rose-700 dark:text-rose-300">
          {error}
        </p>
      ) : null}
    </li>
  );
}
