import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// Unit tests sit beside lib/core; integration tests (real database files, a real PostgreSQL)
// live in tests/integration. Playwright specs (tests/e2e) are never picked up here.
export default defineConfig({
  // `server-only` throws outside React Server Components; lib/server modules import it so a
  // client component can never pull them in. Tests run them as the server does.
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      "server-only": fileURLToPath(new URL("./node_modules/server-only/empty.js", import.meta.url)),
    },
  },
  test: {
    include: ["lib/**/*.test.ts", "scripts/**/*.test.ts", "tests/integration/**/*.test.ts"],
    exclude: ["tests/e2e/**", "node_modules/**"],
    globalSetup: ["tests/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
