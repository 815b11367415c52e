// One Prisma client per process. It is cached on globalThis because Next.js dev mode reloads
// modules on every change and each reload would otherwise open another connection pool; the
// same cache keeps scripts and tests from opening a second SQLite handle on the same file.
import "server-only";
import { PrismaClient as SqliteClient } from "@/generated/prisma-sqlite/client";
import { PrismaClient as PostgresClient } from "@/generated/prisma-postgresql/client";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { Database as SqliteConnection } from "better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { providerOf, readEnv, type DatabaseProvider } from "./env";

/**
 * The two generated clients expose the same model API (the schemas differ only in
 * `provider`), so the app is typed against the SQLite client and the PostgreSQL client is
 * used through that type.
 */
export type Db = SqliteClient;
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/**
 * Prisma clients carry their provider; raw SQL needs it for date arithmetic. Reading it from the
 * client (not DATABASE_URL) keeps tests that open several databases correct.
 */
export function providerOfDb(db: Db | Tx): DatabaseProvider {
  return (db as unknown as { _activeProvider?: string })._activeProvider === "postgresql" ? "postgresql" : "sqlite";
}

const tunedClients = new WeakSet<object>();

/**
 * SQLite's default page cache is 2 MB: a 100k-card review queue reads ~20 MB of card rows
 * (bench:review was 3–10× slower without this). A 64 MB cache and memory-mapped reads are per
 * connection and harmless for everything else on it. Prisma opens the connection lazily and
 * offers no hook for it, so callers that read a lot call this first (once per client; a no-op
 * on PostgreSQL). The ingest does not: its writes measured no faster with the larger cache.
 */
export async function tuneSqlite(db: Db | Tx): Promise<void> {
  if (tunedClients.has(db) || providerOfDb(db) !== "sqlite") return;
  tunedClients.add(db);
  await db.$queryRawUnsafe("PRAGMA cache_size = -65536");
  await db.$queryRawUnsafe("PRAGMA mmap_size = 268435456");
}

const cache = globalThis as unknown as { gureumDb?: Map<string, Db> };

function isSqliteConnection(value: unknown): value is SqliteConnection {
  return typeof value === "object" && value !== null && typeof (value as SqliteConnection).prepare === "function" && typeof (value as SqliteConnection).inTransaction === "boolean";
}

/**
 * The better-sqlite3 adapter, remembering the connection it opens. Prisma's raw-SQL path costs
 * far more than SQLite itself for bulk inserts (the ingest of a large library writes ~80,000
 * rows), so the ingester writes those through the same connection, inside the transaction
 * Prisma opened on it (sqliteConnectionInTransaction). The adapter keeps the connection in its `client`
 * field, which its types do not declare: when a later version moves it, `connection` stays
 * null and every write goes through Prisma as before.
 */
class ObservedBetterSqlite3 extends PrismaBetterSqlite3 {
  connection: SqliteConnection | null = null;

  override async connect(): ReturnType<PrismaBetterSqlite3["connect"]> {
    const adapter = await super.connect();
    const client = (adapter as unknown as { client?: unknown }).client;
    this.connection = isSqliteConnection(client) ? client : null;
    return adapter;
  }
}

const sqliteAdapters = new WeakMap<object, ObservedBetterSqlite3>();

export function createDb(url: string): Db {
  if (providerOf(url) === "postgresql") {
    return new PostgresClient({ adapter: new PrismaPg({ connectionString: url }) }) as unknown as Db;
  }
  // Pass the URL as given: resolving it against process.cwd() here makes Turbopack trace the
  // whole project (RECIPES.md).
  const adapter = new ObservedBetterSqlite3({ url });
  const db = new SqliteClient({ adapter });
  sqliteAdapters.set(db, adapter);
  return db;
}

/**
 * The SQLite connection under `db` while it is inside a transaction (so whatever is written on
 * it belongs to that transaction); null on PostgreSQL, outside a transaction, or when the
 * adapter does not expose it.
 */
export function sqliteConnectionInTransaction(db: Db): SqliteConnection | null {
  const connection = sqliteAdapters.get(db)?.connection ?? null;
  return connection?.open && connection.inTransaction ? connection : null;
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
