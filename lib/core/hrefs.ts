// Every URL of the app, built in one place. Note paths may contain folders and Korean names, so
// each segment is encoded separately (the slash stays a slash).

export function topicHref(slug: string, hash?: string): string {
  return `/topics/${encodeURIComponent(slug)}${hash ? `#${hash}` : ""}`;
}

/** The topic list filtered to one taxonomy service (when a service has no topic page). */
export function serviceTopicsHref(serviceKey: string): string {
  return `/topics?service=${encodeURIComponent(serviceKey)}`;
}

/**
 * Render note links as plain <a>, not next/link: a client-side navigation sets the hash with
 * pushState, which does not update CSS :target, so the cited line would not be highlighted.
 */
export function noteHref(path: string, line?: number | null): string {
  const encoded = path.split("/").map(encodeURIComponent).join("/");
  return `/notes/${encoded}${line ? `#L${line}` : ""}`;
}

export function questionHref(id: string): string {
  return `/questions/${encodeURIComponent(id)}`;
}

export function searchHref(query: string): string {
  return `/search?q=${encodeURIComponent(query)}`;
}

export function examHref(attemptId: string): string {
  return `/exams/${encodeURIComponent(attemptId)}`;
}

export function examResultsHref(attemptId: string): string {
  return `/exams/${encodeURIComponent(attemptId)}/results`;
}

/** `/review` with an optional scope and mode, parameters in a stable order. */
export function reviewHref(
  scope: { topic?: string | null; domain?: string | null; origin?: string | null; bank?: string | null; question?: string | null; mode?: "cram" | null } = {},
): string {
  const params = new URLSearchParams();
  if (scope.topic) params.set("topic", scope.topic);
  if (scope.domain) params.set("domain", scope.domain);
  if (scope.origin) params.set("origin", scope.origin);
  if (scope.bank) params.set("bank", scope.bank);
  if (scope.question) params.set("question", scope.question);
  if (scope.mode) params.set("mode", scope.mode);
  const query = params.toString();
  return query ? `/review?${query}` : "/review";
}

/** `/questions` filtered, parameters in a stable order (the list page's filter names). */
export function questionsHref(filters: { topic?: string | null; domain?: string | null; q?: string | null } = {}): string {
  const params = new URLSearchParams();
  if (filters.topic) params.set("topic", filters.topic);
  if (filters.domain) params.set("domain", filters.domain);
  if (filters.q) params.set("q", filters.q);
  const query = params.toString();
  return query ? `/questions?${query}` : "/questions";
}

/** The card browser (`/cards`) with its filters as query parameters. */
export function cardsHref(params: Record<string, string | number | null | undefined> = {}): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== null && value !== undefined && value !== "") query.set(key, String(value));
  const text = query.toString();
  return text ? `/cards?${text}` : "/cards";
}
