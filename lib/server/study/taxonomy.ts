// Category and service names for the study pages, from the validated taxonomy
// (lib/server/taxonomy.ts, the same data the ingester maps headings with), so names never drift.
import "server-only";
import { bundledTaxonomy } from "@/lib/server/taxonomy";

const taxonomy = bundledTaxonomy();

export interface CategoryInfo {
  key: string;
  name: string;
  nameEn: string;
  order: number;
}

const categories: CategoryInfo[] = taxonomy.categories.map((category, order) => ({ ...category, nameEn: category.nameEn ?? category.key, order }));
const categoryByKey = new Map(categories.map((category) => [category.key, category]));
const serviceByKey = new Map(taxonomy.services.map((service) => [service.key, service]));

export function listCategories(): readonly CategoryInfo[] {
  return categories;
}

/** Unknown keys (a taxonomy edited after ingest) still get a readable name and sort last. */
export function describeCategory(key: string): CategoryInfo {
  return categoryByKey.get(key) ?? { key, name: key, nameEn: key, order: categories.length };
}

export function serviceName(key: string | null | undefined): string | null {
  if (!key) return null;
  return serviceByKey.get(key)?.name ?? key;
}

export function taxonomyData() {
  return taxonomy;
}
