// Worker threads start as plain JavaScript: on Node 20 a worker's `--import tsx` hooks are not
// yet active when its entry module loads, so the entry cannot be TypeScript. This file
// registers tsx first, then imports the TypeScript worker it was given.
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.entry);
