import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache } from "react";
import { z } from "zod";
import { Breadcrumbs } from "@/components/study/breadcrumbs";
import { formatDateTime } from "@/components/study/format";
import { NoteLines } from "@/components/study/note-lines";
import { getDb } from "@/lib/server/db";
import { fetchNoteView } from "@/lib/server/study";
import { SearchHotkey } from "@/components/study/search-hotkey";
import { NoteLineJump } from "@/components/study/note-line-jump";
import { noteWindow, type NoteWindow } from "@/lib/core/study/note-window";
import { noteHref } from "@/lib/core/hrefs";

type Props = { params: Promise<{ file: string[] }>; searchParams?: Promise<Record<string, string | string[] | undefined>> };

// Note paths are relative to the notes folder: folders allowed, no "..", no empty segments.
const segmentsSchema = z
  .array(z.string().min(1).max(255))
  .min(1)
  .max(20)
  .refine((segments) => segments.every((s) => s !== "." && s !== ".."));

// Metadata and page ask for the same note; cache() makes that one query per request.
const findNote = cache(async (segments: string[]) => {
  const parsed = segmentsSchema.safeParse(segments.map(decodeSegment));
  return parsed.success ? fetchNoteView(getDb(), parsed.data.join("/")) : null;
});

// Next hands over non-ASCII segments percent-encoded; a stray "%" is kept literally.
function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch (error) {
    if (error instanceof URIError) return segment;
    throw error;
  }
}

// The page decides the 404 (notFound()); metadata only falls back to a neutral title.
export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const note = await findNote((await params).file);
  return { title: note ? `노트: ${note.title}` : "노트를 찾을 수 없음" };
}

export default async function NotePage({ params, searchParams }: Props) {
  const note = await findNote((await params).file);
  if (!note) notFound();
  const query = (await searchParams) ?? {};
  const requested = Number(Array.isArray(query.line) ? query.line[0] : query.line);
  const shown = noteWindow(note.lines, Number.isFinite(requested) ? requested : 1);
  const windowed = shown.first > 1 || shown.next !== null;
  return (
    <>
      <SearchHotkey />
      <Breadcrumbs items={[{ href: "/#notes", label: "노트" }, { label: note.path }]} />
      <header className="mb-4">
        <h1 className="text-2xl font-bold tracking-tight">{note.title}</h1>
        <p className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm text-slate-600 dark:text-slate-400">
          <span className="font-mono">{note.path}</span>
          <span>{note.lines.length}줄</span>
          <span>불러온 시각 {formatDateTime(note.ingestedAt)}</span>
          {note.lint.length ? (
            <Link href="/notes/lint" className="text-amber-800 underline underline-offset-2 dark:text-amber-300">
              점검 경고 {note.lint.length}건
            </Link>
          ) : null}
        </p>
        {note.archivedAt ? (
          <p role="note" className="mt-3 rounded-lg border border-slate-300 bg-slate-100 px-3 py-2 text-sm dark:border-slate-700 dark:bg-slate-800/60">
            <span className="font-semibold">보관됨</span> — 이 노트 파일은 더 이상 노트 폴더에 없습니다. 마지막으로 불러온 내용입니다.
          </p>
        ) : null}
        <p className="mt-2 text-xs text-slate-500 dark:text-slate-400">원본 노트를 글자 그대로 보여 줍니다. 줄 번호를 누르면 그 줄의 주소가 됩니다.</p>
      </header>
      {windowed ? <NoteWindowNav path={note.path} window={shown} /> : null}
      <NoteLineJump />
      <NoteLines lines={shown.lines} firstLine={shown.first} totalLines={shown.total} cut={shown.cut} topicsByLine={note.topicsByLine} lint={note.lint} />
      {windowed ? <NoteWindowNav path={note.path} window={shown} /> : null}
    </>
  );
}

/** Long notes: which lines this page shows, and the way to the others. */
function NoteWindowNav({ path, window }: { path: string; window: NoteWindow }) {
  const href = (line: number) => `${noteHref(path)}?line=${line}`;
  return (
    <nav aria-label="노트 구간" className="my-3 flex flex-wrap items-center gap-3 text-sm">
      <span className="text-slate-700 dark:text-slate-300">
        {window.first.toLocaleString("ko-KR")}–{window.last.toLocaleString("ko-KR")}번째 줄 / 전체 {window.total.toLocaleString("ko-KR")}줄
      </span>
      {window.previous ? (
        <a href={href(window.previous)} className="font-semibold text-sky-800 underline underline-offset-2 dark:text-sky-300">
          ← 앞 구간
        </a>
      ) : null}
      {window.next ? (
        <a href={href(window.next)} className="font-semibold text-sky-800 underline underline-offset-2 dark:text-sky-300">
          다음 구간 →
        </a>
      ) : null}
    </nav>
  );
}
