// A small pool of parse workers (node:worker_threads), one task at a time per worker, with a
// time box per task: a worker that overruns is terminated and replaced, and its task fails
// with TaskTimeoutError so the ingester can report that note and carry on. Workers run an
// esbuild bundle of the TypeScript sources (worker-bundle.ts), or the sources themselves through
// tsx (worker-bootstrap.mjs) where no bundle can be built, so this works the same under
// `tsx scripts/ingest.ts` and inside vitest.
import { Worker } from "node:worker_threads";
import { SegmentParseError } from "@/lib/core/ingest/parse-segments";
import type { ParsedSection, ParseTask } from "@/lib/core/ingest/types";
import { bundledWorkerUrl } from "./worker-bundle";

export class TaskTimeoutError extends Error {
  constructor(readonly path: string, readonly timeoutMs: number) {
    super(`${path}: ${timeoutMs}ms 안에 처리되지 않았습니다`);
    this.name = "TaskTimeoutError";
  }
}

interface Pending {
  id: number;
  task: ParseTask;
  resolve: (sections: ParsedSection[]) => void;
  reject: (error: Error) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: (Pending & { timer: NodeJS.Timeout }) | null;
}

export interface PoolOptions {
  size: number;
  taskTimeoutMs: number;
  assets: string[];
  /** Run the esbuild bundle of the worker (default) rather than its sources through tsx. */
  bundle?: boolean;
  /** How long workers may take to start before the pool gives up (the caller then parses in-process). */
  startTimeoutMs?: number;
}

const BOOTSTRAP = new URL("./worker-bootstrap.mjs", import.meta.url);
const ENTRY = new URL("./parse-worker.ts", import.meta.url);

export class ParsePool {
  private readonly slots: Slot[] = [];
  private readonly queue: Pending[] = [];
  private nextId = 1;
  private closed = false;

  /** The bundle the workers run; null when they run the sources through tsx. */
  bundle: URL | null = null;

  private constructor(private readonly options: PoolOptions) {}

  /** Starts the workers; null when they cannot start here (no tsx, a bundler, …). */
  static async start(options: PoolOptions): Promise<ParsePool | null> {
    const pool = new ParsePool(options);
    try {
      pool.bundle = options.bundle === false ? null : await bundledWorkerUrl();
      await Promise.all(Array.from({ length: options.size }, () => pool.spawn()));
      return pool;
    } catch {
      await pool.close();
      return null;
    }
  }

  private spawn(): Promise<void> {
    return new Promise((resolve, reject) => {
      const worker = new Worker(this.bundle ?? BOOTSTRAP, {
        workerData: { entry: ENTRY.href, assets: this.options.assets },
        // No resourceLimits: any of them (even a 1 GB old-generation cap) made V8 size the
        // worker heaps for collecting early, and parsing cost ~30% more CPU on the 12 MB
        // benchmark (bench:ingest, three alternating runs each). Peak RSS with V8's defaults is
        // ~510–580 MB there, under the 600 MB target; a ~48 KB task needs far less.
      });
      const slot: Slot = { worker, ready: false, current: null };
      this.slots.push(slot);
      const startTimer = setTimeout(() => reject(new Error("parse worker did not start")), this.options.startTimeoutMs ?? 30_000);
      worker.on("message", (message: { ready?: true; id?: number; sections?: ParsedSection[]; error?: string; line?: number }) => {
        if (message.ready) {
          clearTimeout(startTimer);
          slot.ready = true;
          resolve();
          this.dispatch();
          return;
        }
        const current = slot.current;
        if (!current || current.id !== message.id) return;
        clearTimeout(current.timer);
        slot.current = null;
        if (message.error !== undefined) current.reject(message.line !== undefined ? new SegmentParseError(message.line, message.error) : new Error(message.error));
        else current.resolve(message.sections ?? []);
        this.dispatch();
      });
      worker.on("error", (error) => {
        clearTimeout(startTimer);
        if (!slot.ready) reject(error);
        this.fail(slot, error);
      });
      worker.on("exit", () => {
        if (!slot.ready) {
          clearTimeout(startTimer);
          reject(new Error("parse worker exited while starting"));
        }
        this.fail(slot, new Error("parse worker exited"));
      });
    });
  }

  /** The worker died or overran: fail its task, replace it, keep going. */
  private fail(slot: Slot, error: Error): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    const current = slot.current;
    slot.current = null;
    if (current) {
      clearTimeout(current.timer);
      current.reject(error);
    }
    void slot.worker.terminate();
    if (!this.closed && slot.ready) {
      this.spawn().catch((spawnError: Error) => {
        for (const pending of this.queue.splice(0)) pending.reject(spawnError);
      });
    }
  }

  private dispatch(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.current) continue;
      const next = this.queue.shift();
      if (!next) return;
      const timer = setTimeout(() => this.fail(slot, new TaskTimeoutError(next.task.path, this.options.taskTimeoutMs)), this.options.taskTimeoutMs);
      slot.current = { ...next, timer };
      slot.worker.postMessage({ id: next.id, task: next.task });
    }
  }

  run(task: ParseTask): Promise<ParsedSection[]> {
    if (this.closed) return Promise.reject(new Error("pool closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, task, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const pending of this.queue.splice(0)) pending.reject(new Error("pool closed"));
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}
