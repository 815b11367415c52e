// A note's page marker as the study pages show it: "원본 215쪽". Markers are stored as the page
// number ("215", "12-13"; lib/core/ingest/scan.ts readPageMarker), but rows written before that
// normalisation, and hand-written ones, still read "P215" or "p 175".
const PAGE_REF = /^(?:pp?\.?|page|페이지)?\s*(\d{1,4})(?:\s*[-–~]\s*(\d{1,4}))?\s*(?:쪽|페이지)?$/i;

/** "P215" → "원본 215쪽", "12-13" → "원본 12–13쪽"; anything else is shown after "원본" as written. */
export function formatPageRef(pageRef: string): string {
  const match = PAGE_REF.exec(pageRef.trim());
  if (!match) return `원본 ${pageRef.trim()}`;
  return `원본 ${match[1]}${match[2] ? `–${match[2]}` : ""}쪽`;
}
