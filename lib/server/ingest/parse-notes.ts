// The parse + render stage over many notes: scanned on the main thread, cut into tasks of
// about TASK_CHARS characters (a large note becomes many tasks, so both cores share it), and
// parsed in worker threads — or in-process when the work is small enough that starting
// workers (~0.2 s for two) would cost more than it saves. A task that overruns its time box
// fails its note with a warning; the rest carry on.
import { availableParallelism } from "node:os";
import { parseTask, SegmentParseError } from "@/lib/core/ingest/parse-segments";
import { createImageResolver } from "@/lib/core/ingest/plugins/images";
import { groupTasks, scanNote } from "@/lib/core/ingest/scan";
import { assembleNote } from "@/lib/core/ingest/topics";
import type { IngestWarning, ParsedNote, ParsedSection, ScannedNote } from "@/lib/core/ingest/types";
import { ParsePool, TaskTimeoutError } from "./worker-pool";

export const TASK_CHARS = 48_000;
const IN_PROCESS_TOTAL_CHARS = 256_000;
const IN_PROCESS_FILE_CHARS = 96_000;

export interface ParseOptions {
  /** Worker threads: a number (0 = parse in-process), or "auto" (in-process for small work, else one per core up to 4). */
  workers: number | "auto";
  taskTimeoutMs: number;
  assets: string[];
}

export interface ParseOutcome<T> {
  notes: ParsedNote[];
  /** What `onNote` returned for each parsed note, in the order of `notes`. */
  results: T[];
  failures: IngestWarning[];
  usedWorkers: number;
}

/**
 * `onNote` runs on the main thread as each note comes back, while the workers parse the rest,
 * so per-note work (outline, facts) overlaps with parsing instead of following it.
 */
export async function parseNotes<T>(
  inputs: readonly { path: string; text: string }[],
  options: ParseOptions,
  onNote: (note: ParsedNote) => T,
): Promise<ParseOutcome<T>> {
  if (inputs.length === 0) return { notes: [], results: [], failures: [], usedWorkers: 0 };
  const total = inputs.reduce((sum, input) => sum + input.text.length, 0);
  const largest = Math.max(...inputs.map((input) => input.text.length));
  const cores = Math.max(1, Math.min(4, availableParallelism()));
  const size =
    options.workers === "auto"
      ? total <= IN_PROCESS_TOTAL_CHARS && largest <= IN_PROCESS_FILE_CHARS
        ? 0
        : cores
      : options.workers;
  // Workers take ~0.2 s to start (the first pool of a process also bundles them): scan the notes meanwhile.
  const starting = size > 0 ? ParsePool.start({ size, taskTimeoutMs: options.taskTimeoutMs, assets: options.assets }) : null;
  // One note that breaks the scan must not stop the others: it becomes a warning.
  const scanFailures: IngestWarning[] = [];
  const scanned: (ScannedNote | null)[] = inputs.map((input) => {
    try {
      return scanNote(input.path, input.text);
    } catch (error) {
      scanFailures.push({ file: input.path, line: 1, message: `노트를 읽는 중 오류가 났습니다: ${error instanceof Error ? error.message : String(error)}` });
      return null;
    }
  });
  const pool = starting ? await starting : null;
  const assets = new Set(options.assets);
  const assetsByName = new Map(options.assets.map((asset) => [asset.replace(/^.*\//, ""), asset]));

  try {
    const results = await Promise.all(
      scanned.map(async (scannedNote, index) => {
        if (!scannedNote) return { note: null, result: null, failure: null };
        const note = scannedNote;
        const tasks = groupTasks(note, TASK_CHARS);
        try {
          let sections: ParsedSection[][];
          if (pool) {
            sections = await Promise.all(tasks.map((task) => pool.run(task)));
          } else {
            const resolveImage = createImageResolver(note.path, assets, assetsByName);
            sections = tasks.map((task) => parseTask(task, { resolveImage }));
          }
          const parsed = assembleNote(note, sections.flat());
          scanned[index] = null; // its segments are a second copy of the note's text
          const result = onNote(parsed);
          // What `onNote` made of the sections is all that is kept of them (the notes are returned for their path, title and warnings).
          return { note: { ...parsed, sections: [] }, result, failure: null };
        } catch (error) {
          const message =
            error instanceof TaskTimeoutError
              ? `처리 시간이 ${error.timeoutMs < 1000 ? `${error.timeoutMs}ms` : `${Math.round(error.timeoutMs / 1000)}초`}를 넘어 이 노트를 건너뛰었습니다 (이전에 가져온 내용은 그대로 둡니다)`
              : `노트를 읽는 중 오류가 났습니다: ${error instanceof Error ? error.message : String(error)}`;
          const line = error instanceof SegmentParseError ? error.line : (tasks[0]?.segments[0]?.startLine ?? 1);
          return { note: null, result: null, failure: { file: note.path, line, message } };
        }
      }),
    );
    return {
      notes: results.flatMap((result) => (result.note ? [result.note] : [])),
      results: results.flatMap((result) => (result.note ? [result.result as T] : [])),
      failures: [...scanFailures, ...results.flatMap((result) => (result.failure ? [result.failure] : []))],
      usedWorkers: pool ? size : 0,
    };
  } finally {
    await pool?.close();
  }
}
