// A database built by the project's own migration runner must match the Prisma schema exactly
// (RECIPES.md): `prisma migrate diff` through the offline schema engine must find no
// difference. The engine is a development tool in ../shared; CI always has it.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";

const engine = path.resolve("..", "shared", "tools", "prisma-offline-engine", "schema-engine.mjs");
const haveEngine = existsSync(engine);
if (!haveEngine && process.env.CI) throw new Error(`CI 에는 ${engine} 이 있어야 합니다.`);
if (!haveEngine) console.warn(`!! schema drift test SKIPPED: ${engine} not found`);

for (const provider of haveEngine ? testProviders() : []) {
  describe(`schema drift (${provider})`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
    });
    afterAll(async () => test?.cleanup());

    it("runner-built database equals prisma/<provider>/schema.prisma", () => {
      const output = execFileSync(
        path.resolve("node_modules", ".bin", "prisma"),
        ["migrate", "diff", "--from-config-datasource", "--to-schema", `prisma/${provider}/schema.prisma`, "--exit-code"],
        { env: { ...process.env, DATABASE_URL: test.url, PRISMA_SCHEMA_ENGINE_BINARY: engine }, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] },
      );
      expect(output).toContain("No difference detected");
    });
  });
}
