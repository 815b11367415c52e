// The project's migration runner must build the same database Prisma would, on both providers,
// and the two schema files must stay identical except for the provider.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateDatabase } from "@/lib/server/migrate";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";

describe("schema files", () => {
  it("differ only in provider and generated output folder", () => {
    const normalise = (text: string) =>
      text
        .replace(/provider = "(sqlite|postgresql)"/, 'provider = "<db>"')
        .replace(/prisma-(sqlite|postgresql)"/, 'prisma-<db>"');
    const sqlite = readFileSync("prisma/sqlite/schema.prisma", "utf8");
    const postgres = readFileSync("prisma/postgresql/schema.prisma", "utf8");
    expect(sqlite).not.toEqual(postgres);
    expect(normalise(sqlite)).toEqual(normalise(postgres));
  });
});

for (const provider of testProviders()) {
  describe(`migration runner (${provider})`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
    });
    afterAll(async () => test?.cleanup());

    it("records migrations as Prisma does and is idempotent", async () => {
      const rows = await test.db.$queryRawUnsafe<{ migration_name: string; checksum: string; applied_steps_count: number | bigint }[]>(
        `SELECT migration_name, checksum, applied_steps_count FROM _prisma_migrations ORDER BY migration_name`,
      );
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) {
        expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
        expect(Number(row.applied_steps_count)).toBe(1);
      }
      const again = await migrateDatabase(test.url);
      expect(again.applied).toEqual([]);
      expect(again.alreadyApplied).toBe(rows.length);
    });

    it("creates a usable schema with the default learner", async () => {
      const learner = await test.db.learner.findUnique({ where: { id: "default" }, include: { settings: true } });
      expect(learner?.settings?.desiredRetention).toBeCloseTo(0.9);
      expect(learner?.settings?.dailyNewLimit).toBe(20);
    });
  });
}
