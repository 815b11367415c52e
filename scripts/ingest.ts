// npm run ingest [-- --json] — reads NOTES_DIR (default content/notes) into DATABASE_URL
// (default file:./data/gureum.db; created and migrated here when needed, as `npm start` does). Prints a Korean
// summary; with --json the last line is the JSON summary
// {"notes":N,"topics":N,"facts":N,"warnings":[{"file","line","message"}]}.
// Exit code 1 only when nothing could be ingested (no readable note) or the ingest failed.
import path from "node:path";
import { disconnectAll } from "@/lib/server/db";
import { readEnv } from "@/lib/server/env";
import { runIngest } from "@/lib/server/ingest";
import { prepareDatabase } from "@/lib/server/prepare-database";

const json = process.argv.includes("--json");
const env = readEnv();
const started = performance.now();
let exitCode = 0;
try {
  const summary = await runIngest(await prepareDatabase(env.DATABASE_URL), { notesDir: path.resolve(env.NOTES_DIR), now: new Date() });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const lines = [
    `노트 ${summary.notes}개 · 주제 ${summary.topics}개 · 사실 ${summary.facts}개 (바뀐 행 ${summary.changed}개, ${seconds}초)`,
    summary.changed === 0 ? "바뀐 내용이 없어 데이터베이스에 아무것도 쓰지 않았습니다." : "",
  ];
  if (summary.warnings.length > 0) {
    lines.push(`경고 ${summary.warnings.length}개:`);
    for (const warning of summary.warnings) lines.push(`  ${warning.file}:${warning.line}  ${warning.message}`);
  }
  if (summary.notes === 0) {
    lines.push(`가져온 노트가 없습니다: ${env.NOTES_DIR} 에 읽을 수 있는 .md 파일이 있는지 확인하세요.`);
    exitCode = 1;
  }
  const text = lines.filter(Boolean).join("\n");
  if (json) {
    console.log(text);
    console.log(JSON.stringify({ notes: summary.notes, topics: summary.topics, facts: summary.facts, warnings: summary.warnings }));
  } else {
    console.log(text);
  }
} catch (error) {
  console.error(`노트를 가져오지 못했습니다: ${error instanceof Error ? error.message : String(error)}`);
  exitCode = 1;
} finally {
  await disconnectAll();
}
process.exit(exitCode);
