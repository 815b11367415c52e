// Reading the notes folder. Every markdown file is checked before it reaches the parser: a file
// that is too large, empty, binary or not UTF-8 becomes a warning naming the file (and the line
// where it goes wrong), and the other notes are ingested as usual. Everything else in the
// folder is an asset (images that embeds may point at).
import { createHash } from "node:crypto";
import { closeSync, existsSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { ValidationError } from "@/lib/core/errors";
import path from "node:path";
import type { IngestWarning } from "@/lib/core/ingest/types";

export const MAX_NOTE_BYTES = 5 * 1024 * 1024;
// The note page's route (app/notes/[...file]) takes at most 20 path segments: a deeper note
// would be ingested but its page would 404, so it is skipped with a warning instead.
export const MAX_NOTE_PATH_SEGMENTS = 20;
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
const NOTE_EXTENSION = /\.(md|markdown)$/i;

export interface NoteFile {
  /** Relative to the notes folder, forward slashes. */
  path: string;
  text: string;
  byteSize: number;
  /** sha256 of the text, for "did this note change". */
  sha256: string;
}

export interface NotesFolder {
  notes: NoteFile[];
  /** Markdown files present on disk that could not be read (they keep their previous state). */
  unreadable: string[];
  assets: string[];
  warnings: IngestWarning[];
  /** Every markdown file in the folder, read or not (`onlyFiles`): a folder note's parent is another note's folder. */
  allNotePaths: ReadonlySet<string>;
}

function listFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.push(path.relative(root, full).split(path.sep).join("/"));
    }
  };
  walk(root);
  return out.sort();
}

/** Byte offset of the first invalid UTF-8 sequence, or -1 when the buffer is valid UTF-8. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const byte = bytes[i]!;
    let extra: number;
    let min: number;
    if (byte < 0x80) {
      i++;
      continue;
    } else if (byte >= 0xc2 && byte <= 0xdf) {
      extra = 1;
      min = 0x80;
    } else if (byte >= 0xe0 && byte <= 0xef) {
      extra = 2;
      min = 0x800;
    } else if (byte >= 0xf0 && byte <= 0xf4) {
      extra = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + extra > bytes.length - 1) return i; // truncated sequence at the end
    let code = byte & (0x3f >> extra);
    for (let k = 1; k <= extra; k++) {
      const next = bytes[i + k]!;
      if ((next & 0xc0) !== 0x80) return i;
      code = (code << 6) | (next & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += extra + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export type NoteCheck = { ok: true; text: string } | { ok: false; line: number; message: string };

/** Checks one file's bytes: not too large, not empty, not binary, valid UTF-8. */
export function checkNoteBytes(bytes: Uint8Array): NoteCheck {
  if (bytes.length > MAX_NOTE_BYTES) {
    return { ok: false, line: 1, message: `파일이 너무 큽니다 (${megabytes(bytes.length)}MB, 최대 ${megabytes(MAX_NOTE_BYTES)}MB). 나누어 저장해 주세요` };
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { ok: false, line: lineAt(bytes, nul), message: "바이너리 파일로 보입니다 (NUL 바이트). 마크다운 텍스트 파일만 읽습니다" };
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    // The native decoder only says "invalid"; find where, so the warning can name the line.
    const invalid = Math.max(0, firstInvalidUtf8(bytes));
    return { ok: false, line: lineAt(bytes, invalid), message: "UTF-8이 아닌 문자가 있습니다 (이 줄에서 처음 나옴). 파일을 UTF-8로 저장해 주세요" };
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (!/[^\s\u200B\u2060\uFEFF]/.test(text)) return { ok: false, line: 1, message: "빈 파일입니다" };
  return { ok: true, text };
}

/**
 * Reads a file into one buffer reused for the whole folder (grown as needed, up to one byte past
 * the size limit so an oversized file is still recognised). A fresh buffer per file, as
 * readFileSync gives, left ~150 MB of freed native memory in the process after reading a
 * 115 MB folder (the allocator keeps it), all through the ingest that follows.
 */
function readReusing(file: string, scratch: { buffer: Buffer }): Uint8Array {
  const fd = openSync(file, "r");
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.buffer.length) {
        if (length > MAX_NOTE_BYTES) break;
        const grown = Buffer.allocUnsafe(Math.min(scratch.buffer.length * 2, MAX_NOTE_BYTES + 1));
        scratch.buffer.copy(grown, 0, 0, length);
        scratch.buffer = grown;
      }
      const read = readSync(fd, scratch.buffer, length, scratch.buffer.length - length, null);
      if (read === 0) break;
      length += read;
    }
    return scratch.buffer.subarray(0, length);
  } finally {
    closeSync(fd);
  }
}

export function readNotesFolder(notesDir: string, onlyFiles?: readonly string[]): NotesFolder {
  if (!existsSync(notesDir) || !statSync(notesDir).isDirectory()) {
    throw new ValidationError(`노트 폴더가 없습니다: ${notesDir} (NOTES_DIR 을 확인하세요)`, "notes_dir_missing");
  }
  const all = listFiles(notesDir);
  const wanted = onlyFiles ? new Set(onlyFiles.map((file) => file.split(path.sep).join("/").replace(/^\.\//, ""))) : null;
  const folder: NotesFolder = { notes: [], unreadable: [], assets: [], warnings: [], allNotePaths: new Set(all.filter((file) => NOTE_EXTENSION.test(file))) };
  const scratch = { buffer: Buffer.allocUnsafe(256 * 1024) };
  for (const file of all) {
    if (!NOTE_EXTENSION.test(file)) {
      folder.assets.push(file);
      continue;
    }
    if (wanted && !wanted.has(file)) continue;
    if (file.split("/").length > MAX_NOTE_PATH_SEGMENTS) {
      folder.unreadable.push(file);
      folder.warnings.push({ file, line: 1, message: `폴더가 너무 깊습니다 (${file.split("/").length - 1}단계, 최대 ${MAX_NOTE_PATH_SEGMENTS - 1}단계): 이 노트는 가져오지 않았습니다. 더 얕은 폴더로 옮겨 주세요` });
      continue;
    }
    const full = path.join(notesDir, file);
    const size = statSync(full).size;
    const check: NoteCheck =
      size > MAX_NOTE_BYTES
        ? { ok: false, line: 1, message: `파일이 너무 큽니다 (${megabytes(size)}MB, 최대 ${megabytes(MAX_NOTE_BYTES)}MB). 나누어 저장해 주세요` }
        : checkNoteBytes(readReusing(full, scratch));
    if (!check.ok) {
      folder.unreadable.push(file);
      folder.warnings.push({ file, line: check.line, message: check.message });
      continue;
    }
    folder.notes.push({ path: file, text: check.text, byteSize: size, sha256: createHash("sha256").update(check.text).digest("hex") });
  }
  return folder;
}
