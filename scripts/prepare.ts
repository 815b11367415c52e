// Prepare a database for serving: apply migrations, make sure the default learner exists,
// ingest the notes, sync the question banks (curated + generated from the notes' facts) and
// suspend the cards of archived questions. Every step is idempotent: unchanged input writes nothing.
import { readEnv } from "@/lib/server/env";
import { disconnectAll, getDb } from "@/lib/server/db";
import { migrateDatabase } from "@/lib/server/migrate";
import { ensureDefaultLearner } from "@/lib/server/learners";
import { runIngest } from "@/lib/server/ingest";
import { syncQuestionBanks } from "@/lib/server/questions/sync";
import { suspendArchivedQuestionCards } from "@/lib/server/review";
import { finalizeExpiredExams } from "@/lib/server/exams";

const env = readEnv();
const now = new Date();
const migration = await migrateDatabase(env.DATABASE_URL);
if (migration.applied.length) console.log(`마이그레이션 적용: ${migration.applied.join(", ")}`);
const db = getDb(env.DATABASE_URL);
try {
  await ensureDefaultLearner(db);
  const ingest = await runIngest(db, { notesDir: env.NOTES_DIR, now });
  console.log(`노트 ${ingest.notes}개 · 주제 ${ingest.topics}개 · 사실 ${ingest.facts}개 (변경 ${ingest.changed}) · 경고 ${ingest.warnings.length}개`);
  const questions = await syncQuestionBanks(db, { questionsDir: env.QUESTIONS_DIR, now });
  console.log(`문제 ${questions.questions}개 (새로 ${questions.created}, 갱신 ${questions.updated}, 보관 ${questions.archived}, 노트에서 생성 ${questions.generated})`);
  for (const issue of questions.issues) console.warn(`  문제 은행 경고: ${issue.file}:${issue.line} ${issue.message}`);
  // Details only when the notes changed; an unchanged start stays one line per step.
  const shown = ingest.changed > 0 ? ingest.warnings.slice(0, 5) : [];
  for (const warning of shown) console.warn(`  노트 경고: ${warning.file}:${warning.line} ${warning.message}`);
  if (ingest.warnings.length > shown.length) {
    const rest = ingest.warnings.length - shown.length;
    console.warn(shown.length > 0 ? `  노트 경고 ${rest}개 더 — 앱의 /notes/lint 에서 모두 볼 수 있습니다` : `  노트 경고 ${rest}개 — 앱의 /notes/lint 에서 볼 수 있습니다`);
  }
  await suspendArchivedQuestionCards(db);
  // Exams whose deadline passed while the app was down (a closed tab, a restart) are scored now.
  const expired = await finalizeExpiredExams(db, new Date());
  if (expired > 0) console.log(`  시간이 끝난 모의고사 ${expired}개를 채점했습니다`);
} finally {
  await disconnectAll();
}
