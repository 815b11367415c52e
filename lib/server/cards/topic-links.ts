// Topic links for questions: a question's topic keys → the overview page of each service.
// Review reveals, exam results and question pages all link topics the same way.
import "server-only";
import type { Db, Tx } from "@/lib/server/db";
import { serviceName } from "@/lib/server/study/taxonomy";
import { serviceTopicsHref, topicHref } from "@/lib/core/hrefs";
import type { TopicLink } from "@/lib/core/srs/views";

type AnyDb = Db | Tx;

/** Shallowest live topic page per service key (its overview section). */
export async function findTopicPages(db: AnyDb, serviceKeys: readonly string[]): Promise<Map<string, { slug: string; title: string }>> {
  const pages = new Map<string, { slug: string; title: string }>();
  if (serviceKeys.length === 0) return pages;
  const topics = await db.topic.findMany({
    where: { archivedAt: null, serviceKey: { in: [...serviceKeys] } },
    orderBy: [{ depth: "asc" }, { sortOrder: "asc" }],
    select: { slug: true, title: true, serviceKey: true },
  });
  for (const topic of topics) {
    if (topic.serviceKey && !pages.has(topic.serviceKey)) pages.set(topic.serviceKey, { slug: topic.slug, title: topic.title });
  }
  return pages;
}

/** A topic chip without a database read; the reveal resolves the real topic page. */
export function plainTopicLink(key: string): TopicLink {
  return { key, label: serviceName(key) ?? key, href: serviceTopicsHref(key) };
}

/** Topic links to the overview page of each service, falling back to the topic list. */
export async function resolveTopicLinks(db: AnyDb, keys: readonly string[]): Promise<TopicLink[]> {
  const pages = await findTopicPages(db, keys);
  return keys.map((key) => {
    const page = pages.get(key);
    return page ? { key, label: serviceName(key) ?? page.title, href: topicHref(page.slug) } : plainTopicLink(key);
  });
}
