// Shared steps of `npm start`, `npm test` and the e2e server. Plain JavaScript on purpose:
// this runs before node_modules exists, so it may only use Node's own modules.
import { spawnSync, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..", "..");

export const baseEnv = {
  ...process.env,
  NEXT_TELEMETRY_DISABLED: "1",
  // Prisma's CLI looks for a native schema engine it would download; `generate` only needs
  // the variable to point at an existing executable (RECIPES.md). Node itself will do.
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  npm_config_update_notifier: "false",
  npm_config_fund: "false",
  npm_config_audit: "false",
};

export function log(message) {
  console.log(`\x1b[36m[구름]\x1b[0m ${message}`);
}

export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...baseEnv, ...options.env } });
  if (result.status !== 0) {
    if (options.allowFailure) return result.status ?? 1;
    console.error(`\n[구름] 실패: ${command} ${args.join(" ")} (종료 코드 ${result.status})`);
    process.exit(result.status ?? 1);
  }
  return 0;
}

export function bin(name) {
  return path.join(root, "node_modules", ".bin", name);
}

function mtime(file) {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

/** npm ci when node_modules is missing or older than the lock file. */
export function ensureDependencies() {
  const marker = path.join(root, "node_modules", ".package-lock.json");
  const lock = path.join(root, "package-lock.json");
  if (existsSync(marker) && mtime(marker) >= mtime(lock)) return false;
  log("의존성 설치 중 (npm ci; better-sqlite3 는 소스에서 컴파일되어 1–2분 걸릴 수 있습니다)…");
  run("npm", ["ci", "--no-audit", "--no-fund"]);
  return true;
}

/** prisma generate for both providers when a client is missing or older than its schema. */
export function ensurePrismaClients() {
  for (const provider of ["sqlite", "postgresql"]) {
    const schema = path.join(root, "prisma", provider, "schema.prisma");
    const client = path.join(root, "generated", `prisma-${provider}`, "client.ts");
    if (existsSync(client) && mtime(client) >= mtime(schema) && mtime(client) >= mtime(path.join(root, "node_modules", ".package-lock.json"))) continue;
    log(`Prisma 클라이언트 생성 (${provider})…`);
    const url = provider === "postgresql" ? "postgresql://localhost/unused" : "file:./data/unused.db";
    run(bin("prisma"), ["generate", "--schema", `prisma/${provider}/schema.prisma`], { env: { DATABASE_URL: url } });
  }
}

const BUILD_INPUTS = ["app", "components", "lib", "generated", "content/taxonomy", "next.config.js", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];

function hashTree(hash, target) {
  const full = path.join(root, target);
  if (!existsSync(full)) return;
  const stat = statSync(full);
  if (stat.isDirectory()) {
    for (const entry of readdirSync(full).sort()) {
      if (entry.endsWith(".test.ts")) continue;
      hashTree(hash, path.join(target, entry));
    }
  } else {
    hash.update(target);
    hash.update(readFileSync(full));
  }
}

/** `next build` when the build is missing or any of its inputs changed (content hash). */
export function ensureBuild(distDir = ".next") {
  const hash = createHash("sha256");
  for (const input of BUILD_INPUTS) hashTree(hash, input);
  const digest = hash.digest("hex");
  const stamp = path.join(root, distDir, "gureum-build-hash");
  if (existsSync(path.join(root, distDir, "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === digest) {
    log("빌드가 최신입니다.");
    return false;
  }
  log("앱 빌드 중 (next build)…");
  run(bin("next"), ["build"], { env: { NEXT_DIST_DIR: distDir } });
  writeFileSync(stamp, digest);
  return true;
}

export function serve(port, env = {}) {
  const child = spawn(bin("next"), ["start", "-p", String(port)], { cwd: root, stdio: "inherit", env: { ...baseEnv, ...env } });
  for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
  return child;
}
