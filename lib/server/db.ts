// One Prisma client per process. It is cached on globalThis because Next.js dev mode reloads
// modules on every change and each reload would otherwise open another connection pool; the
// same cache keeps scripts and tests from opening a second SQLite handle on the same file.
import { PrismaClient as SqliteClient } from "@/generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma-postgresql/client";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { providerOf, readEnv } from "./env";

/**
 * The two generated clients expose the same model API (the schemas differ only in
 * `provider`), so the app is typed against the SQLite client and the PostgreSQL client is
 * used through that type.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

const cache = globalThis as unknown as { gureumDb?: Map<string, Db> };

export function createDb(url: string): Db {
  if (providerOf(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // Pass the URL as given: resolving it against process.cwd() here makes Turbopack trace the
  // whole project (RECIPES.md).
  return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url }) });
}

export function getDb(url: string = readEnv().DATABASE_URL): Db {
  cache.gureumDb ??= new Map();
  let db = cache.gureumDb.get(url);
  if (!db) {
    db = createDb(url);
    cache.gureumDb.set(url, db);
  }
  return db;
}

export async function disconnectAll(): Promise<void> {
  const all = cache.gureumDb ? [...cache.gureumDb.values()] : [];
  cache.gureumDb?.clear();
  await Promise.all(all.map((db) => db.$disconnect()));
}

export const DEFAULT_LEARNER_ID = "default";

/**
 * Every write that must be atomic goes through here (STYLE.md habit 4). Operations never open
 * their own transactions; they take the `Tx` this passes them.
 */
export function withTransaction<T>(db: Db, work: (tx: Tx) => Promise<T>, options?: { timeoutMs?: number }): Promise<T> {
  return db.$transaction(work, { timeout: options?.timeoutMs ?? 60_000, maxWait: 30_000 });
}
