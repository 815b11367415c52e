// Korean particles (조사) attach to the word before them, English words, numbers and units
// included: "ALB를", "6MB이므로", "Route 53의", "(VPC)와". Writing "ALB 를" with a space is the
// most common slip in text mixing English service names into Korean. This module finds such
// detached particles and attaches them, and chooses the particle form (를/을, 는/은 …) for a
// word whose reading it can guess, for generated text that interpolates values.
//
// The detector only looks at a particle after a Latin letter, a digit, a unit sign or a closing
// bracket/quote, and only when the particle ends at a word boundary, so "S3 이벤트",
// "EC2 인스턴스" and "API 가용성" (words that merely start with a particle syllable) are left
// alone. "이" is also the demonstrative ("Lambda 이 함수"): after a word read with a final vowel
// the subject particle would be "가", so there "이" + noun is taken to be the demonstrative.

/**
 * Particles and particle sequences, longest first so the regex prefers "이므로" over "이".
 * Forms that equal a common standalone word are left out on purpose.
 */
export const PARTICLES: readonly string[] = [
  // copula endings (이다 …) written after a noun
  "이라서", "이라는", "이라고", "이라면", "이라도", "이므로", "이지만", "이거나", "이어야", "이어서", "입니다",
  "이라", "이란", "이며", "이고", "이면", "이다", "이나", "인지", "인데",
  // case and auxiliary particles, with their common combinations
  "에서는", "에서도", "에서만", "에서의", "으로서", "으로써", "으로는", "으로도", "으로만", "으로의",
  "에게", "에서", "에는", "에도", "에만", "으로", "로서", "로써", "로는", "로도", "로만", "로의",
  "와는", "과는", "와의", "과의", "보다", "까지", "부터", "처럼", "마다", "조차", "밖에", "라도", "만큼",
  "은", "는", "이", "가", "을", "를", "의", "에", "로", "와", "과", "도", "만", "나", "인",
].slice().sort((a, b) => b.length - a.length);

/** What may stand right before the space: a Latin letter, a digit, a unit sign, a closing bracket or quote. */
const BEFORE = "A-Za-z0-9%°)\\]}\"'”’`」』";
/** What may follow the particle: the end, whitespace or punctuation (not a Hangul syllable or a letter). */
const AFTER = "(?=$|[\\s.,!?;:()\\[\\]{}\"'“”‘’`·…/~<>|*_-])";

const DETACHED = new RegExp(`([${BEFORE}])([ \\u00a0]+)(${PARTICLES.join("|")})${AFTER}`, "gu");

export interface DetachedParticle {
  /** index of the space in the text */
  index: number;
  /** the particle as written */
  particle: string;
  /** the word before it, as the detector read it ("ALB", "6MB", "(VPC)") */
  word: string;
  /** e.g. "ALB 를" */
  found: string;
  /** e.g. "ALB를" */
  fixed: string;
}

const HANGUL_FIRST = 0xac00;
const HANGUL_LAST = 0xd7a3;

function isHangulSyllable(char: string | undefined): boolean {
  if (!char) return false;
  const code = char.charCodeAt(0);
  return code >= HANGUL_FIRST && code <= HANGUL_LAST;
}

/** The word the particle attaches to: the run of non-space characters before the space. */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && !/\s/.test(text[start - 1] ?? "")) start--;
  return text.slice(start, end);
}

/**
 * The word whose sound decides the particle form: a trailing bracket group is skipped
 * ("가상 사설 클라우드(VPC)" reads "…클라우드"), quotes are looked into ("\"EC2 인스턴스 프로필\"").
 */
function spokenStem(word: string): string {
  let stem = word.trim();
  for (let guard = 0; guard < 4; guard++) {
    const withoutGroup = stem.replace(/\s*(?:\([^()]*\)|\[[^[\]]*\])$/, "");
    const withoutQuotes = withoutGroup.replace(/["'”’`」』]+$/, "");
    if (withoutQuotes === stem) break;
    stem = withoutQuotes || stem;
  }
  return stem;
}

export type FinalSound = "vowel" | "consonant" | "rieul";

// Letter names as Koreans say them: 엘(ㄹ), 엠, 엔, 알(ㄹ) end in a consonant, the others in a vowel.
const LETTER_NAME_FINAL: Record<string, FinalSound> = { L: "rieul", M: "consonant", N: "consonant", R: "rieul" };
// 영 일 이 삼 사 오 육 칠 팔 구; a trailing 0 reads 십/백/천/만 (all consonant-final).
const DIGIT_FINAL: FinalSound[] = ["consonant", "rieul", "vowel", "consonant", "vowel", "vowel", "consonant", "rieul", "rieul", "vowel"];

/**
 * The final sound of a word as a Korean reader says it, or null when it cannot be guessed.
 * Hangul is exact; digits, acronyms (letter names) and units are reliable; English words are a
 * spelling heuristic (Lambda → 람다, Spot → 스팟, Endpoint → 엔드포인트, Stream → 스트림).
 */
export function finalSoundOf(word: string): FinalSound | null {
  const stem = spokenStem(word).replace(/[.,!?;:·…\s]+$/, "");
  const last = stem[stem.length - 1];
  if (!last) return null;
  if (isHangulSyllable(last)) {
    const final = (last.charCodeAt(0) - HANGUL_FIRST) % 28;
    return final === 0 ? "vowel" : final === 8 ? "rieul" : "consonant";
  }
  if (/[0-9]/.test(last)) return DIGIT_FINAL[Number(last)] ?? null;
  if (last === "%") return "vowel"; // 퍼센트
  const letters = /[A-Za-z]+$/.exec(stem)?.[0] ?? "";
  if (!letters) return null;
  // Units and acronyms are read letter by letter (MB 엠비, ALB 에이엘비, VPC 브이피씨).
  if (letters === letters.toUpperCase() || /^(?:[KMGT]i?B|ms|[kKMG]bps)$/.test(letters)) {
    return LETTER_NAME_FINAL[letters[letters.length - 1]?.toUpperCase() ?? ""] ?? "vowel";
  }
  const lower = letters.toLowerCase();
  if (/(?:m|n|ng)$/.test(lower)) return "consonant";
  if (/l{1,2}e?$/.test(lower) && !/[aeiou]le$/.test(lower)) return "rieul"; // CloudTrail, Snowball
  if (/(?:ck|k|[aeiou]p|[aeiou]b)$/.test(lower)) return "consonant"; // Beanstalk, Step, Web
  if (/[^aeiou][aeiou]t$/.test(lower) || /^[aeiou]t$/.test(lower)) return "consonant"; // Spot 스팟, Subnet 서브넷
  return "vowel";
}

/**
 * Particle pairs chosen by the preceding sound. Each key lists [after a consonant, after a vowel];
 * 으로/로 also takes 로 after ㄹ ("파일로", "CloudTrail로").
 */
const PAIRS = {
  topic: ["은", "는"],
  subject: ["이", "가"],
  object: ["을", "를"],
  and: ["과", "와"],
  direction: ["으로", "로"],
  copula: ["이다", "다"],
  or: ["이나", "나"],
  means: ["으로써", "로써"],
} as const;

export type ParticlePair = keyof typeof PAIRS;

/** The particle of a pair that fits after `word`; the vowel form when the sound cannot be guessed. */
export function particleFor(word: string, pair: ParticlePair): string {
  const [afterConsonant, afterVowel] = PAIRS[pair];
  const sound = finalSoundOf(word);
  if (sound === "consonant") return afterConsonant;
  if (sound === "rieul") return pair === "direction" || pair === "means" ? afterVowel : afterConsonant;
  return afterVowel;
}

/** `word` with the fitting particle attached: withParticle("6MB", "object") → "6MB를". */
export function withParticle(word: string, pair: ParticlePair): string {
  return `${word}${particleFor(word, pair)}`;
}

function isDemonstrative(text: string, match: RegExpExecArray, word: string): boolean {
  if (match[3] !== "이") return false;
  const after = match.index + match[0].length;
  // The demonstrative precedes a noun: "이 함수".
  if (!(text[after] === " " && isHangulSyllable(text[after + 1]))) return false;
  return finalSoundOf(word) === "vowel";
}

/** Every particle in `text` written apart from the Latin word, number or bracket before it. */
export function findDetachedParticles(text: string): DetachedParticle[] {
  const found: DetachedParticle[] = [];
  DETACHED.lastIndex = 0;
  for (let match = DETACHED.exec(text); match; match = DETACHED.exec(text)) {
    const space = match.index + 1;
    const word = wordBefore(text, space);
    if (isDemonstrative(text, match, word)) {
      // Let the next search start right after this "이" (it cannot overlap another particle).
      DETACHED.lastIndex = match.index + match[0].length;
      continue;
    }
    const particle = match[3] ?? "";
    found.push({ index: space, particle, word, found: `${word}${match[2]}${particle}`, fixed: `${word}${particle}` });
  }
  return found;
}

/** `text` with every detached particle attached to the word before it (the particle as written). */
export function attachDetachedParticles(text: string): string {
  const found = findDetachedParticles(text);
  if (found.length === 0) return text;
  let result = "";
  let from = 0;
  for (const item of found) {
    result += text.slice(from, item.index);
    from = item.index + (item.found.length - item.word.length - item.particle.length);
  }
  return result + text.slice(from);
}

// After an interpolated value the particle pairs take the form its sound needs; the space a
// template may put before the particle goes. Compounds keep their tail ("로는", "과의").
const PAIR_AFTER_VALUE: readonly { pattern: RegExp; pair: ParticlePair }[] = [
  { pattern: /^[ ]?(?:으로|로)(?=(?:는|만|도|의|서|써)?(?:$|[^가-힣]))/u, pair: "direction" },
  { pattern: /^[ ]?(?:과|와)(?=(?:는|의|도)?(?:$|[^가-힣]))/u, pair: "and" },
  { pattern: /^[ ]?(?:은|는)(?=$|[^가-힣])/u, pair: "topic" },
  { pattern: /^[ ]?(?:이|가)(?=$|[^가-힣])/u, pair: "subject" },
  { pattern: /^[ ]?(?:을|를)(?=$|[^가-힣])/u, pair: "object" },
];

/**
 * Template tag for generated Korean text: `korean\`${size} 는 한도 ${limit} 를 넘습니다\`` gives
 * "12GB는 한도 10,240MB를 넘습니다" and "200은 …" for a value read with a final consonant. Every
 * other particle written apart from a Latin word, number or bracket is attached as written.
 */
export function korean(strings: TemplateStringsArray, ...values: readonly unknown[]): string {
  let result = strings[0] ?? "";
  values.forEach((value, index) => {
    const text = String(value);
    let literal = strings[index + 1] ?? "";
    // A value ending a sentence or a clause takes no particle; " 이 " after a vowel is the demonstrative.
    const takesParticle = /[^\s.,!?;:…]$/u.test(text) && !(/^ 이 [가-힣]/u.test(literal) && finalSoundOf(text) === "vowel");
    for (const { pattern, pair } of takesParticle ? PAIR_AFTER_VALUE : []) {
      const match = pattern.exec(literal);
      if (!match) continue;
      literal = particleFor(text, pair) + literal.slice(match[0].length);
      break;
    }
    result += text + literal;
  });
  return attachDetachedParticles(result);
}
