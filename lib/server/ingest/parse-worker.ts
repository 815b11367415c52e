// Worker thread: parse + render tasks (consecutive segments of one note) sent by worker-pool.ts.
import { getHeapStatistics } from "node:v8";
import { parentPort, workerData } from "node:worker_threads";
import { parseTask, SegmentParseError } from "../../core/ingest/parse-segments";
import { createImageResolver } from "../../core/ingest/plugins/images";
import type { ParseTask } from "../../core/ingest/types";
import { exposedGc } from "./expose-gc";

interface WorkerInput {
  assets: string[];
}

const port = parentPort;
if (!port) throw new Error("parse-worker.ts는 워커 스레드에서만 실행됩니다");
const assets = new Set((workerData as WorkerInput).assets);
const assetsByName = new Map([...assets].map((asset) => [asset.replace(/^.*\//, ""), asset]));

/**
 * A task's live data is a few MB, but V8 lets a worker's heap grow to ~180 MB of garbage before
 * it collects, and two workers then held ~360 MB of the 1,000-note hostile run's peak. A full
 * collection whenever more than COLLECT_AT_BYTES are in use keeps each near that size. Measured
 * on that run (bench:ingest --hostile-only, main-thread collections included): peak RSS
 * 1,040–1,250 → ~920 MB for ~5% more parse CPU; at 96 MB the CPU cost was ~20%. V8's heap
 * limits (resourceLimits) cost ~30% (worker-pool.ts).
 */
const COLLECT_AT_BYTES = 128 * 1024 * 1024;
const collect = exposedGc();

port.on("message", (message: { id: number; task: ParseTask }) => {
  try {
    const resolveImage = createImageResolver(message.task.path, assets, assetsByName);
    const sections = parseTask(message.task, { resolveImage });
    if (collect && getHeapStatistics().used_heap_size > COLLECT_AT_BYTES) collect();
    port.postMessage({ id: message.id, sections });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error), line: error instanceof SegmentParseError ? error.line : undefined });
  }
});
port.postMessage({ ready: true });
