// Seeded randomness for generators (no Math.random in lib/core). mulberry32: small, fast, and
// good enough for shuffling options; the same seed always gives the same sequence.
import { hashText } from "./hash";

export type Random = () => number;

export function createRandom(seed: number | string): Random {
  let state = typeof seed === "number" ? seed >>> 0 : Number.parseInt(hashText(seed).slice(0, 8), 16) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffle<T>(items: readonly T[], random: Random): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
  }
  return copy;
}

export function pick<T>(items: readonly T[], random: Random): T {
  if (items.length === 0) throw new Error("pick: 빈 목록");
  return items[Math.floor(random() * items.length)] as T;
}
