// Study-page helpers that are not URLs (URLs are built in lib/core/hrefs.ts).
export { noteHref, searchHref, topicHref } from "@/lib/core/hrefs";

export function categoryAnchor(key: string): string {
  return `category-${key}`;
}

export const EXAMPLE_QUERIES = ["람다 타임아웃", "가중치 라우팅", "Fargate", "DynamoDB TTL", "서브넷 CIDR", "동시성"] as const;
