// The project's own migration runner. `prisma migrate deploy` needs the native schema engine,
// which a learner's offline machine cannot download, so start-up applies the committed
// migration.sql files itself and records them in `_prisma_migrations` exactly as Prisma does
// (checksum = sha256 of the file), so `prisma migrate status` agrees with it.
import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, existsSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { providerOf, sqliteFilePath, type DatabaseProvider } from "./env";

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrationResult {
  provider: DatabaseProvider;
  applied: string[];
  alreadyApplied: number;
}

export function readMigrations(provider: DatabaseProvider, root = process.cwd()): Migration[] {
  const dir = path.join(root, "prisma", provider, "migrations");
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const bytes = readFileSync(path.join(dir, name, "migration.sql"));
      return { name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") };
    });
}

const SQLITE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRES_TABLE = `CREATE TABLE IF NOT EXISTS _prisma_migrations (
    id                      VARCHAR(36) PRIMARY KEY NOT NULL,
    checksum                VARCHAR(64) NOT NULL,
    finished_at             TIMESTAMPTZ,
    migration_name          VARCHAR(255) NOT NULL,
    logs                    TEXT,
    rolled_back_at          TIMESTAMPTZ,
    started_at              TIMESTAMPTZ NOT NULL DEFAULT now(),
    applied_steps_count     INTEGER NOT NULL DEFAULT 0
)`;

class MigrationError extends Error {}

function checkApplied(migrations: Migration[], applied: Map<string, string>): Migration[] {
  for (const [name, checksum] of applied) {
    const local = migrations.find((m) => m.name === name);
    if (local && local.checksum !== checksum) {
      throw new MigrationError(`마이그레이션 ${name}의 내용이 적용된 뒤 바뀌었습니다 (checksum 불일치).`);
    }
  }
  return migrations.filter((m) => !applied.has(m.name));
}

function migrateSqlite(url: string, migrations: Migration[]): MigrationResult {
  const file = sqliteFilePath(url);
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    db.pragma("journal_mode = WAL");
    db.exec(SQLITE_TABLE);
    const rows = db
      .prepare(`SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`)
      .all() as { migration_name: string; checksum: string }[];
    const pending = checkApplied(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const migration of pending) {
      const id = randomUUID();
      const startedAt = new Date().toISOString();
      db.transaction(() => {
        db.exec(migration.sql);
        db.prepare(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES (?, ?, ?, ?, NULL, NULL, ?, 1)`,
        ).run(id, migration.checksum, new Date().toISOString(), migration.name, startedAt);
      })();
    }
    return { provider: "sqlite", applied: pending.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    db.close();
  }
}

async function migratePostgres(url: string, migrations: Migration[]): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // Two app servers starting at once must not both apply the same migration.
    await client.query("SELECT pg_advisory_lock(72707301)");
    await client.query(POSTGRES_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string }>(
      `SELECT migration_name, checksum FROM _prisma_migrations WHERE rolled_back_at IS NULL AND finished_at IS NOT NULL`,
    );
    const pending = checkApplied(migrations, new Map(rows.map((r) => [r.migration_name, r.checksum])));
    for (const migration of pending) {
      const startedAt = new Date();
      await client.query("BEGIN");
      try {
        await client.query(migration.sql);
        await client.query(
          `INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)
           VALUES ($1, $2, now(), $3, NULL, NULL, $4, 1)`,
          [randomUUID(), migration.checksum, migration.name, startedAt],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw error;
      }
    }
    return { provider: "postgresql", applied: pending.map((m) => m.name), alreadyApplied: rows.length };
  } finally {
    await client.query("SELECT pg_advisory_unlock(72707301)").catch(() => undefined);
    await client.end();
  }
}

export async function migrateDatabase(url: string, root = process.cwd()): Promise<MigrationResult> {
  const provider = providerOf(url);
  const migrations = readMigrations(provider, root);
  if (migrations.length === 0) throw new MigrationError(`prisma/${provider}/migrations 에 마이그레이션이 없습니다.`);
  return provider === "postgresql" ? migratePostgres(url, migrations) : migrateSqlite(url, migrations);
}
