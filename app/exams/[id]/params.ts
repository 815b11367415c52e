// Route params arrive percent-encoded in some Next.js versions; ids never contain "%".
export function decodeAttemptId(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** ?q=12 → question index 11; anything else → the first question. */
export function questionIndexOf(raw: string | string[] | undefined): number {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const number = value && /^\d{1,3}$/.test(value) ? Number(value) : 1;
  return Math.max(0, number - 1);
}
