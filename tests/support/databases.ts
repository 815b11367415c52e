// Each test file gets its own throwaway database: a temp SQLite file, or a fresh database in
// the PostgreSQL cluster that tests/support/global-setup.ts started. Both are migrated with the
// project's own runner, exactly as `npm start` does.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";
import { createDb, type Db } from "@/lib/server/db";
import type { DatabaseProvider } from "@/lib/server/env";
import { migrateDatabase } from "@/lib/server/migrate";
import { ensureDefaultLearner } from "@/lib/server/learners";

export interface TestDatabase {
  provider: DatabaseProvider;
  url: string;
  db: Db;
  cleanup(): Promise<void>;
}

let warned = false;

/** SQLite always; PostgreSQL when global setup could start a server (always in CI). */
export function testProviders(): DatabaseProvider[] {
  if (inject("postgresAdminUrl")) return ["sqlite", "postgresql"];
  if (!warned) {
    warned = true;
    console.warn("!! PostgreSQL 통합 테스트 SKIPPED — PostgreSQL 이 설치되어 있지 않습니다.");
  }
  return ["sqlite"];
}

export async function createTestDatabase(provider: DatabaseProvider): Promise<TestDatabase> {
  const suffix = randomBytes(6).toString("hex");
  if (provider === "sqlite") {
    const file = path.join(os.tmpdir(), `gureum-test-${suffix}.db`);
    const url = `file:${file}`;
    await migrateDatabase(url);
    const db = createDb(url);
    await ensureDefaultLearner(db);
    return {
      provider,
      url,
      db,
      async cleanup() {
        await db.$disconnect();
        for (const extra of ["", "-wal", "-shm", "-journal"]) rmSync(file + extra, { force: true });
      },
    };
  }
  const adminUrl = inject("postgresAdminUrl");
  if (!adminUrl) throw new Error("PostgreSQL 테스트 서버가 없습니다 (testProviders() 로 확인하세요).");
  const name = `gureum_test_${suffix}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = adminUrl.replace(/\/postgres$/, `/${name}`);
  await migrateDatabase(url);
  const db = createDb(url);
  await ensureDefaultLearner(db);
  return {
    provider,
    url,
    db,
    async cleanup() {
      await db.$disconnect();
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
