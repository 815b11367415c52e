// A list bound into one query costs one parameter per item, and SQLite through Prisma takes at
// most 999 (P2029; PostgreSQL 32,767). Lists that grow with the library are written in chunks.
import "server-only";
export const ID_CHUNK = 500;

export function inChunks<T>(items: readonly T[], size = ID_CHUNK): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}
