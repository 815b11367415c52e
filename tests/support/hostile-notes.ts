// Seeded generator of hostile notes for the ingest (tests/integration/ingest-hostile.test.ts,
// npm run bench:ingest): every kind the fuzz run of issue 10 found, and random mixes of them.
// Deterministic: the same seed gives the same files, byte for byte (mulberry32, no Math.random).
import { createRandom } from "@/lib/core/questions/random";

export interface HostileNote {
  path: string;
  bytes: Buffer;
  kind: string;
}

/** mulberry32, seeded (the project's one copy: lib/core/questions/random.ts). */
const mulberry32 = (seed: number) => createRandom(seed);

type Random = { int(max: number): number; pick<T>(items: readonly T[]): T };

const WORDS = ["람다", "타임아웃", "15분", "S3", "버킷", "VPC", "서브넷", "최대", "5개", "리전", "**굵게**", "_기울임_", "`코드`", "www.example.com을", "[[위키]]", "[x](gureum-wiki:가)"];

const text = (random: Random, words: number) => Array.from({ length: words }, () => random.pick(WORDS)).join(" ");

/** Each kind: (random, scale) → note text or bytes. `scale` 1 is the small test size. */
const KINDS: Record<string, (random: Random, scale: number) => string | Buffer> = {
  aliasBomb: () => ["---", "a: &a [x, x, x, x, x, x, x, x, x]", "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]", "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]", "d: [*c, *c, *c, *c, *c, *c, *c, *c, *c]", "---", "# 폭탄", "본문"].join("\n"),
  lateFrontMatter: (_random, scale) => ["---", ...Array.from({ length: 520 * scale }, (_, i) => `k${i}: ${i}`), "---", "# 늦게 닫힘", "본문"].join("\n"),
  unclosedFrontMatter: (random) => `---\ntitle: 열림\n# 제목\n${text(random, 30)}\n`,
  tableRows: (_random, scale) => `# 큰 표\n\n| 항목 | 값 |\n|---|---|\n${Array.from({ length: 2_000 * scale }, (_, i) => `| 람다 타임아웃 | ${i}분 |`).join("\n")}\n`,
  headings: (_random, scale) => Array.from({ length: 1_000 * scale }, (_, i) => `## 제목 ${i}\n람다 타임아웃 ${i % 60}분`).join("\n"),
  nestedEmphasis: (_random, scale) => `# 강조\n\n${"*a _b ".repeat(2_000 * scale)}c${" d_ e*".repeat(2_000 * scale)}\n`,
  dashes: (_random, scale) => `# 목록\n\n${"- ".repeat(2_000 * scale)}x\n`,
  quotes: (_random, scale) => Array.from({ length: 1_000 * scale }, (_, i) => `${"> ".repeat(i % 30)}인용 ${i}`).join("\n"),
  indentedList: (_random, scale) => Array.from({ length: 300 * scale }, (_, i) => `${" ".repeat(2 * i)}- 항목 ${i}`).join("\n"),
  hugeLine: (random, scale) => `# 긴 줄\n${"가나다라마바사".repeat(20_000 * scale)}${text(random, 5)}\n`,
  unclosedFence: (random) => `# 코드\n\n\`\`\`js\n${text(random, 200)}\n`,
  brackets: (_random, scale) => `# 괄호\n\n${"[a](".repeat(3_000 * scale)}\n`,
  binary: (random) => Buffer.from(Array.from({ length: 512 }, () => random.int(256))),
  invalidUtf8: (random) => Buffer.concat([Buffer.from(`# 제목\n${text(random, 20)}\n`), Buffer.from([0xc3, 0x28, 0xff, 0x0a])]),
  nul: (random) => `# 널\n${text(random, 10)}\u0000${text(random, 10)}\n`,
  crlfBom: (random) => `\uFEFF# 윈도우\r\n\r\n${text(random, 40)}\r\n- 항목\r\n`,
  rtl: (random) => `# \u202E거꾸로\u202C 제목\n\u200F${text(random, 30)}\u200E\n`,
  wikiProtocol: () => `# 링크\n\n[x](gureum-wiki:노트) 와 <GUREUM-WIKI:abc>\n\n[r]: gureum-wiki:zz\n[y][r]\n`,
  empty: () => "",
};

export const HOSTILE_KINDS = Object.keys(KINDS);

/** `count` notes: every kind once (in order), then random mixes of two to four kinds. */
export function generateHostileNotes(count: number, seed = 10, scale = 1): HostileNote[] {
  const next = mulberry32(seed);
  const random: Random = { int: (max) => Math.floor(next() * max), pick: (items) => items[Math.floor(next() * items.length)]! };
  const notes: HostileNote[] = [];
  const asBytes = (value: string | Buffer) => (typeof value === "string" ? Buffer.from(value, "utf8") : value);
  for (let i = 0; i < count; i++) {
    const id = String(i).padStart(4, "0");
    if (i < HOSTILE_KINDS.length) {
      const kind = HOSTILE_KINDS[i]!;
      notes.push({ path: `hostile/${kind}-${id}.md`, bytes: asBytes(KINDS[kind]!(random, scale)), kind });
      continue;
    }
    const parts = Array.from({ length: 2 + random.int(3) }, () => random.pick(HOSTILE_KINDS.filter((kind) => kind !== "empty")));
    // Binary parts only at the end, so the text before them is what a reader would see.
    const bytes = Buffer.concat(parts.map((kind) => asBytes(KINDS[kind]!(random, scale))).flatMap((part) => [part, Buffer.from("\n\n")]));
    notes.push({ path: `hostile/mix-${id}.md`, bytes, kind: `mix:${parts.join("+")}` });
  }
  // One note nested deeper than the note page's route allows (20 path segments).
  notes.push({ path: `${Array.from({ length: 21 }, (_, i) => `d${i}`).join("/")}/deep.md`, bytes: Buffer.from("# 깊은 폴더\n본문\n"), kind: "deepFolder" });
  return notes;
}
