// V8's full collection for the ingest's large runs (persist.ts, between stages and writes) and
// for the parse workers (parse-worker.ts). No "server-only": the worker bundle imports this.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

/**
 * `gc` is the process's own when it runs with --expose-gc; otherwise it is obtained the
 * documented way a process can expose it after start-up, at the moment this is called (never
 * on import). Null where that fails: callers then keep V8's default behaviour.
 */
export function exposedGc(): (() => void) | null {
  const own = (globalThis as { gc?: () => void }).gc;
  if (own) return own;
  try {
    setFlagsFromString("--expose-gc");
    return runInNewContext("gc") as () => void;
  } catch {
    return null;
  }
}
