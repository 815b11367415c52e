// The topic tree as the /topics page shows it and as previous/next walk it: grouped by
// service category (taxonomy order), each group a forest. A topic is a root of its group when
// its parent is missing, archived or in another category; `context` then names the parent's
// heading path so "AWS Lambda - Part 1" under a "Solution Architecture" note still says where
// it came from. Pure: rows in, tree out.
// Titles are display titles (display-title.ts): a "요약" node reads "Amazon ECR · 요약".
import "server-only";
import { buildDisplayTitles } from "./display-title";
import { describeCategory, type CategoryInfo } from "./taxonomy";

export interface TreeTopicRow {
  id: string;
  slug: string;
  title: string;
  parentId: string | null;
  categoryKey: string;
  serviceKey: string | null;
  depth: number;
  sortOrder: number;
  factCount: number;
}

export interface TopicTreeNode {
  id: string;
  slug: string;
  title: string;
  serviceKey: string | null;
  factCount: number;
  /** Titles of ancestors outside this group (only on group roots). */
  context: string[];
  children: TopicTreeNode[];
}

export interface CategoryGroup {
  category: CategoryInfo;
  topicCount: number;
  factCount: number;
  roots: TopicTreeNode[];
}

export function buildCategoryTree(rows: readonly TreeTopicRow[]): CategoryGroup[] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  const titles = buildDisplayTitles(rows);
  const nodes = new Map<string, TopicTreeNode>();
  for (const row of rows) {
    nodes.set(row.id, { id: row.id, slug: row.slug, title: titles.get(row.id) ?? row.title, serviceKey: row.serviceKey, factCount: row.factCount, context: [], children: [] });
  }
  const ordered = [...rows].sort((a, b) => a.sortOrder - b.sortOrder || a.depth - b.depth || a.slug.localeCompare(b.slug));
  const groups = new Map<string, CategoryGroup>();
  for (const row of ordered) {
    const node = nodes.get(row.id)!;
    const parent = treeParentOf(row, byId);
    if (parent) {
      nodes.get(parent.id)!.children.push(node);
      continue;
    }
    node.context = ancestorTitles(row, byId);
    let group = groups.get(row.categoryKey);
    if (!group) {
      group = { category: describeCategory(row.categoryKey), topicCount: 0, factCount: 0, roots: [] };
      groups.set(row.categoryKey, group);
    }
    group.roots.push(node);
  }
  for (const row of rows) {
    const group = groups.get(row.categoryKey);
    if (!group) continue;
    group.topicCount += 1;
    group.factCount += row.factCount;
  }
  return [...groups.values()].sort((a, b) => a.category.order - b.category.order || a.category.key.localeCompare(b.category.key));
}

/**
 * The tree parent of a row: its heading parent when both sit in the same category. A section
 * whose heading happens to sit below another service's heading ("AWS Lambda - Part 1" under
 * "Amazon EKS" in one note) is a root of its own category, as on /topics.
 */
export function treeParentOf<Row extends Pick<TreeTopicRow, "parentId" | "categoryKey">>(row: Row, byId: ReadonlyMap<string, Row>): Row | undefined {
  const parent = row.parentId ? byId.get(row.parentId) : undefined;
  return parent && parent.categoryKey === row.categoryKey ? parent : undefined;
}

/** Tree ancestors of a row, root first (the breadcrumb trail below the category). */
export function treeAncestorsOf<Row extends Pick<TreeTopicRow, "id" | "parentId" | "categoryKey">>(row: Row, byId: ReadonlyMap<string, Row>): Row[] {
  const chain: Row[] = [];
  const seen = new Set<string>([row.id]);
  let current = treeParentOf(row, byId);
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    chain.unshift(current);
    current = treeParentOf(current, byId);
  }
  return chain;
}

/** Category order, each forest depth-first (the /topics page's order). */
export function flattenTree(groups: readonly CategoryGroup[]): TopicTreeNode[] {
  const out: TopicTreeNode[] = [];
  const visit = (node: TopicTreeNode) => {
    out.push(node);
    node.children.forEach(visit);
  };
  for (const group of groups) group.roots.forEach(visit);
  return out;
}

function ancestorTitles(row: TreeTopicRow, byId: ReadonlyMap<string, TreeTopicRow>): string[] {
  const titles: string[] = [];
  const seen = new Set<string>([row.id]);
  let current = row.parentId ? byId.get(row.parentId) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    titles.unshift(current.title);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return titles;
}
