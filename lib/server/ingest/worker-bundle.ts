// The parse workers run one plain-JavaScript file: parse-worker.ts with the lib/core code and
// the packages it imports (remark, micromark, hast utilities …), bundled by esbuild when the
// first pool of a process starts (~0.2 s, while the main thread scans the notes). Workers
// started through tsx (worker-bootstrap.mjs) each get their own module-loader thread and
// transpile and resolve every module again: ~1.1 s to start two of them here, against ~0.2 s
// for the bundle (~0.45 s when packages are left to load from node_modules). The bundle is
// content-addressed under node_modules/.cache/gureum, so concurrent ingests (parallel tests)
// share it safely and a source change makes a new file; bundles unused for a day are removed.
// A manifest beside it lists every input file with its size and modification time, so a later
// process whose inputs are unchanged reuses the bundle without running esbuild (~0.3 s saved).
// When esbuild cannot run, the pool falls back to tsx.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ENTRY = fileURLToPath(new URL("./parse-worker.ts", import.meta.url));
const PROJECT_ROOT = path.resolve(path.dirname(ENTRY), "../../..");
const CACHE_DIR = path.join(PROJECT_ROOT, "node_modules/.cache/gureum");
const MANIFEST = path.join(CACHE_DIR, "parse-worker.manifest.json");

interface Manifest {
  bundle: string;
  /** Input path (relative to the project) → [size, mtimeMs]. */
  inputs: Record<string, [number, number]>;
}

function fingerprint(file: string): [number, number] | null {
  try {
    const stat = statSync(path.join(PROJECT_ROOT, file));
    return [stat.size, stat.mtimeMs];
  } catch {
    return null;
  }
}

/** The bundle the manifest names, when it exists and none of its inputs changed since. */
function reusableBundle(): string | null {
  try {
    const manifest = JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
    const file = path.join(CACHE_DIR, path.basename(manifest.bundle));
    if (!existsSync(file)) return null;
    for (const [input, [size, mtimeMs]] of Object.entries(manifest.inputs)) {
      const now = fingerprint(input);
      if (!now || now[0] !== size || now[1] !== mtimeMs) return null;
    }
    return file;
  } catch {
    return null;
  }
}

/** A bundle in use is not stale (removeStaleBundles goes by modification time). */
function markInUse(file: string): string {
  const now = new Date();
  utimesSync(file, now, now);
  return file;
}

function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

let cached: Promise<URL | null> | null = null;

/** URL of the bundled worker, built on first use in this process; null when it cannot be built. */
export function bundledWorkerUrl(): Promise<URL | null> {
  cached ??= buildBundle().catch(() => null);
  return cached;
}

async function buildBundle(): Promise<URL | null> {
  const reused = reusableBundle();
  if (reused) return pathToFileURL(markInUse(reused));
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    absWorkingDir: PROJECT_ROOT,
  });
  const code = result.outputFiles[0]?.text;
  if (!code) return null;
  const file = path.join(CACHE_DIR, `parse-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (existsSync(file)) {
    markInUse(file);
  } else {
    mkdirSync(CACHE_DIR, { recursive: true });
    writeAtomically(file, code);
    removeStaleBundles(path.basename(file));
  }
  const inputs: Manifest["inputs"] = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const stat = fingerprint(input);
    if (stat) inputs[input] = stat;
  }
  writeAtomically(MANIFEST, JSON.stringify({ bundle: path.basename(file), inputs } satisfies Manifest));
  return pathToFileURL(file);
}

const STALE_MS = 24 * 60 * 60 * 1000;

function removeStaleBundles(keep: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    if (name === keep || !/^parse-worker-[0-9a-f]+\.mjs$/.test(name)) continue;
    const file = path.join(CACHE_DIR, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
