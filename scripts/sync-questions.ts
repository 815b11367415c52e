// npm run questions:sync — write the curated banks and the questions generated from the
// ingested notes into the database (DATABASE_URL). Run `npm run ingest` first so the facts
// are current; unchanged input writes nothing. Then, as `npm start` does, cards of questions
// the sync archived are suspended (and cards of restored questions resume) at once: otherwise
// they stayed in review until the next `npm start`.
import { disconnectAll } from "@/lib/server/db";
import { readEnv } from "@/lib/server/env";
import { DatabaseNotReadyError, prepareDatabase } from "@/lib/server/prepare-database";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { suspendArchivedQuestionCards } from "@/lib/server/review";

const env = readEnv();
try {
  const db = await prepareDatabase(env.DATABASE_URL);
  const result = await syncQuestionBanks(db, { questionsDir: env.QUESTIONS_DIR, now: new Date() });
  for (const issue of result.issues) console.warn(`${issue.file}:${issue.line}: 건너뜀: ${issue.message}`);
  console.log(
    `은행 ${result.banks}개 · 문제 ${result.questions}개 (노트에서 생성 ${result.generated}) · 새로 ${result.created} · 갱신 ${result.updated} · 보관 ${result.archived}`,
  );
  const cards = await suspendArchivedQuestionCards(db);
  if (cards.suspended > 0 || cards.resumed > 0) console.log(`보관된 문제의 카드 ${cards.suspended}장 복습 중지 · 되살아난 문제의 카드 ${cards.resumed}장 복습 재개`);
  if (result.issues.length > 0) console.warn(`건너뛴 항목 ${result.issues.length}개: npm run content:check 로 자세히 확인하세요`);
} catch (error) {
  if (!(error instanceof DatabaseNotReadyError)) throw error;
  console.error(error.message);
  process.exitCode = 1;
} finally {
  await disconnectAll();
}
