// Worker thread: parse + render tasks (consecutive segments of one note) sent by worker-pool.ts.
import { parentPort, workerData } from "node:worker_threads";
import { parseTask, SegmentParseError } from "../../core/ingest/parse-segments";
import { createImageResolver } from "../../core/ingest/plugins/images";
import type { ParseTask } from "../../core/ingest/types";

interface WorkerInput {
  assets: string[];
}

const port = parentPort;
if (!port) throw new Error("parse-worker.ts는 워커 스레드에서만 실행됩니다");
const assets = new Set((workerData as WorkerInput).assets);
const assetsByName = new Map([...assets].map((asset) => [asset.replace(/^.*\//, ""), asset]));

port.on("message", (message: { id: number; task: ParseTask }) => {
  try {
    const resolveImage = createImageResolver(message.task.path, assets, assetsByName);
    port.postMessage({ id: message.id, sections: parseTask(message.task, { resolveImage }) });
  } catch (error) {
    port.postMessage({ id: message.id, error: error instanceof Error ? error.message : String(error), line: error instanceof SegmentParseError ? error.line : undefined });
  }
});
port.postMessage({ ready: true });
