// Text normalisation shared by the parser, the matcher and the synonym index. Notes come from
// macOS (NFD Hangul) and Windows (NFC) alike, so both sides are normalised to NFC.

const ZERO_WIDTH = /[\u200B-\u200D\u2060\uFEFF]/g;

export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(ZERO_WIDTH, "");
}

/** Key for synonym lookup: case and spacing do not matter ("Route 53" = "route53"). */
export function toLookupKey(text: string): string {
  return normalizeText(text).toLowerCase().replace(/[\s_\-–—·]+/g, "");
}

export function containsHangul(text: string): boolean {
  return /[\uAC00-\uD7A3]/.test(text);
}

/** Short ASCII words (ECS, AZ, S3) must match as whole words, or "az" matches "Amazon". */
export function needsWordBoundary(text: string): boolean {
  return /^[a-z0-9]{1,3}$/i.test(text);
}
