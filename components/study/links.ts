// URLs of the study pages, built in one place. Note paths may contain folders and Korean
// names, so each segment is encoded separately (the slash stays a slash).

export function topicHref(slug: string, hash?: string): string {
  return `/topics/${encodeURIComponent(slug)}${hash ? `#${hash}` : ""}`;
}

/**
 * Render note links as plain <a>, not next/link: a client-side navigation sets the hash with
 * pushState, which does not update CSS :target, so the cited line would not be highlighted.
 */
export function noteHref(path: string, line?: number): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `/notes/${encoded}${line ? `#L${line}` : ""}`;
}

export function searchHref(query: string): string {
  return `/search?q=${encodeURIComponent(query)}`;
}

export function categoryAnchor(key: string): string {
  return `category-${key}`;
}

export const EXAMPLE_QUERIES = ["람다 타임아웃", "가중치 라우팅", "Fargate", "DynamoDB TTL", "서브넷 CIDR", "동시성"] as const;
