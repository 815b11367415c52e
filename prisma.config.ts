// Prisma CLI configuration. The provider follows DATABASE_URL: a postgresql:// URL selects the
// PostgreSQL schema and migrations folder, anything else the embedded SQLite ones. The app
// itself never needs the CLI at run time (scripts/migrate.ts applies the committed SQL).
import { defineConfig } from "prisma/config";

const url = process.env.DATABASE_URL ?? "file:./data/gureum.db";
const provider = /^postgres(ql)?:\/\//.test(url) ? "postgresql" : "sqlite";

export default defineConfig({
  schema: `prisma/${provider}/schema.prisma`,
  migrations: { path: `prisma/${provider}/migrations` },
  datasource: { url },
});
