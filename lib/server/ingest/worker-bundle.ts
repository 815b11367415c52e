// The parse workers run one plain-JavaScript file: parse-worker.ts with the lib/core code and
// the packages it imports (remark, micromark, hast utilities …), bundled by esbuild when the
// first pool of a process starts (~0.2 s, while the main thread scans the notes). Workers
// started through tsx (worker-bootstrap.mjs) each get their own module-loader thread and
// transpile and resolve every module again: ~1.1 s to start two of them here, against ~0.2 s
// for the bundle (~0.45 s when packages are left to load from node_modules). The bundle is
// content-addressed under node_modules/.cache/gureum, so concurrent ingests (parallel tests)
// share it safely and a source change makes a new file; bundles unused for a day are removed.
// When esbuild cannot run, the pool falls back to tsx.
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ENTRY = fileURLToPath(new URL("./parse-worker.ts", import.meta.url));
const PROJECT_ROOT = path.resolve(path.dirname(ENTRY), "../../..");
const CACHE_DIR = path.join(PROJECT_ROOT, "node_modules/.cache/gureum");

let cached: Promise<URL | null> | null = null;

/** URL of the bundled worker, built on first use in this process; null when it cannot be built. */
export function bundledWorkerUrl(): Promise<URL | null> {
  cached ??= buildBundle().catch(() => null);
  return cached;
}

async function buildBundle(): Promise<URL | null> {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
    absWorkingDir: PROJECT_ROOT,
  });
  const code = result.outputFiles[0]?.text;
  if (!code) return null;
  const file = path.join(CACHE_DIR, `parse-worker-${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (existsSync(file)) {
    const now = new Date();
    utimesSync(file, now, now); // in use: not stale
  } else {
    mkdirSync(CACHE_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, code);
    renameSync(temporary, file);
    removeStaleBundles(path.basename(file));
  }
  return pathToFileURL(file);
}

const STALE_MS = 24 * 60 * 60 * 1000;

function removeStaleBundles(keep: string): void {
  for (const name of readdirSync(CACHE_DIR)) {
    if (name === keep || !name.startsWith("parse-worker-")) continue;
    const file = path.join(CACHE_DIR, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > STALE_MS) rmSync(file, { force: true });
    } catch {
      // Another process removed it first.
    }
  }
}
