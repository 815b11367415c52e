// npm run db:migrate — apply committed migrations and make sure the default learner exists.
import { migrateDatabase } from "@/lib/server/migrate";
import { readEnv } from "@/lib/server/env";
import { disconnectAll, getDb } from "@/lib/server/db";
import { ensureDefaultLearner } from "@/lib/server/learners";

const { DATABASE_URL } = readEnv();
const result = await migrateDatabase(DATABASE_URL);
await ensureDefaultLearner(getDb(DATABASE_URL));
await disconnectAll();
console.log(
  result.applied.length
    ? `마이그레이션 적용 (${result.provider}): ${result.applied.join(", ")}`
    : `데이터베이스가 최신입니다 (${result.provider}, ${result.alreadyApplied}개 적용됨)`,
);
