// Titles as the study pages show them. A heading such as "요약", "정리" or "default" names a
// section only inside its note: in the topic tree, a breadcrumb or a 이전/다음 link it says
// nothing ("요약" appears under ECS, ECR and Spot Instances). Such a title carries its parent's
// name — "Amazon ECR - Elastic Container Registry · 요약" — and climbs further while the parent
// is generic too. Pure: rows in, titles out (no database, no next/*).
import "server-only";

/**
 * Headings that describe a section's role, not its subject. Compared after trimming, lowercasing
 * and dropping a leading number ("3. 요약") and trailing punctuation ("요약:").
 */
const GENERIC_TITLES = new Set([
  "default",
  "summary",
  "overview",
  "introduction",
  "intro",
  "notes",
  "note",
  "misc",
  "etc",
  "features",
  "use cases",
  "요약",
  "정리",
  "개요",
  "특징",
  "주요 특징",
  "주요 기능",
  "기능",
  "사용 사례",
  "사례",
  "장점",
  "단점",
  "장단점",
  "예시",
  "예제",
  "참고",
  "기타",
  "메모",
  "결론",
  "마무리",
]);

export const DISPLAY_TITLE_SEPARATOR = " · ";

export function isGenericTitle(title: string): boolean {
  const plain = title
    .trim()
    .toLowerCase()
    .replace(/^[\divxlc]+(?:[-.]\d+)*[.)]\s*/i, "")
    .replace(/[\s:：.]+$/, "")
    .trim();
  return plain === "" || GENERIC_TITLES.has(plain);
}

export interface TitledRow {
  id: string;
  title: string;
  parentId: string | null;
}

/**
 * Display title per row id. A generic title gets the nearest non-generic ancestor's title in
 * front; with no such ancestor (a generic root) `fallback(row)` is used — the note's title —
 * and without one the title stays as written.
 */
export function buildDisplayTitles(rows: readonly TitledRow[], fallback?: (row: TitledRow) => string | null | undefined): Map<string, string> {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const titles = new Map<string, string>();
  for (const row of rows) titles.set(row.id, displayTitleOf(row, byId, fallback));
  return titles;
}

export function displayTitleOf(row: TitledRow, byId: ReadonlyMap<string, TitledRow>, fallback?: (row: TitledRow) => string | null | undefined): string {
  if (!isGenericTitle(row.title)) return row.title;
  const seen = new Set<string>([row.id]);
  let parent = row.parentId ? byId.get(row.parentId) : undefined;
  while (parent && !seen.has(parent.id)) {
    if (!isGenericTitle(parent.title)) return `${parent.title}${DISPLAY_TITLE_SEPARATOR}${row.title}`;
    seen.add(parent.id);
    parent = parent.parentId ? byId.get(parent.parentId) : undefined;
  }
  const named = fallback?.(row);
  return named ? `${named}${DISPLAY_TITLE_SEPARATOR}${row.title}` : row.title;
}
