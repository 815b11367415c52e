// What every command needs before it touches the database, as `npm start` does
// (scripts/prepare.ts): the data directory, the committed migrations (the project's own runner)
// and the default learner. Each step is idempotent, so a CLI can run it every time; on a fresh
// clone `npm run ingest` then works without `npm run db:migrate` first.
import "server-only";
import { getDb, type Db } from "./db";
import { ensureDefaultLearner } from "./learners";
import { migrateDatabase } from "./migrate";

export class DatabaseNotReadyError extends Error {
  constructor(cause: unknown) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    super(`데이터베이스를 준비하지 못했습니다: ${reason}\nDATABASE_URL 을 확인한 뒤 npm run db:migrate 를 실행해 보세요.`);
    this.name = "DatabaseNotReadyError";
  }
}

export async function prepareDatabase(url: string): Promise<Db> {
  try {
    await migrateDatabase(url);
    const db = getDb(url);
    await ensureDefaultLearner(db);
    return db;
  } catch (error) {
    throw new DatabaseNotReadyError(error);
  }
}
