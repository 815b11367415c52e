// Vitest global setup: starts one PostgreSQL cluster for the whole run (each test file then
// creates its own throwaway database in it). Outside CI a machine without PostgreSQL runs the
// SQLite tests only and says so loudly; in CI a missing PostgreSQL fails the run.
import type { TestProject } from "vitest/node";
import { findPostgresBin, startPostgresCluster } from "./postgres-cluster";

declare module "vitest" {
  export interface ProvidedContext {
    postgresAdminUrl: string | null;
  }
}

export default async function setup(project: TestProject) {
  const bin = findPostgresBin();
  if (!bin) {
    if (process.env.CI) throw new Error("CI에서는 PostgreSQL 이 필요합니다 (apt-get install postgresql).");
    console.warn(
      "\n" + "!".repeat(78) + "\n!! PostgreSQL 이 설치되어 있지 않아 PostgreSQL 통합 테스트를 건너뜁니다 (SKIPPED).\n" +
        "!! PostgreSQL integration tests SKIPPED: install it with `apt-get install postgresql`.\n" + "!".repeat(78) + "\n",
    );
    project.provide("postgresAdminUrl", null);
    return;
  }
  const cluster = await startPostgresCluster(bin);
  project.provide("postgresAdminUrl", cluster.adminUrl);
  return () => cluster.stop();
}
