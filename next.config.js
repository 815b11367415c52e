// @ts-check
/** @type {import('next').NextConfig} */
const nextConfig = {
  // Server components read the database on every request; nothing is prerendered from it.
  serverExternalPackages: ["better-sqlite3", "pg", "@open-spaced-repetition/binding"],
  typedRoutes: false,
  poweredByHeader: false,
  // Separate build folders let tests and parallel dev servers build without clobbering each other.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};
export default nextConfig;
