// The server Playwright tests run against: a fresh database file of its own, the learner's
// notes plus the e2e-only notes (tests/e2e/notes-extra: a note with a <script> tag, …),
// every question bank, then `next start` on the built app.
import { cpSync, mkdirSync, readdirSync, rmSync, existsSync } from "node:fs";
import path from "node:path";
import { bin, log, root, run, serve } from "./lib/setup.mjs";

const port = Number(process.env.E2E_PORT ?? 3100);
const dbFile = path.join(root, "data", `e2e-${port}.db`);
const notesDir = path.join(root, "data", `e2e-notes-${port}`);
for (const suffix of ["", "-wal", "-shm", "-journal"]) rmSync(dbFile + suffix, { force: true });
rmSync(notesDir, { recursive: true, force: true });
mkdirSync(notesDir, { recursive: true });
cpSync(path.join(root, "content", "notes"), notesDir, { recursive: true });
const extra = path.join(root, "tests", "e2e", "notes-extra");
if (existsSync(extra)) for (const file of readdirSync(extra)) cpSync(path.join(extra, file), path.join(notesDir, file));

const env = { DATABASE_URL: `file:./data/e2e-${port}.db`, NOTES_DIR: path.relative(root, notesDir) };
log(`e2e 데이터베이스 준비 (${env.DATABASE_URL})…`);
run(bin("tsx"), ["--conditions=react-server", "scripts/prepare.ts"], { env });
serve(port, env);
