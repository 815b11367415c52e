// npm start: install what is missing, prepare the embedded database, ingest the notes, sync
// the question banks, build when stale, serve on http://localhost:3000 (PORT overrides).
// A second run skips every step whose inputs did not change.
import { baseEnv, ensureBuild, ensureDependencies, ensurePrismaClients, log, run, bin, serve } from "./lib/setup.mjs";

const started = Date.now();
ensureDependencies();
ensurePrismaClients();
log("데이터베이스 준비와 노트 수집…");
run(bin("tsx"), ["--conditions=react-server", "scripts/prepare.ts"]);
ensureBuild();
const port = Number(process.env.PORT ?? 3000);
log(`준비 완료 (${((Date.now() - started) / 1000).toFixed(1)}초). http://localhost:${port} 에서 공부를 시작하세요.`);
serve(port, { DATABASE_URL: baseEnv.DATABASE_URL ?? "file:./data/gureum.db" });
