// The canonical AWS taxonomy (content/taxonomy/aws-services.json), parsed once and compiled
// into one matcher. Matching is case-insensitive; an alias made of Latin letters or digits at
// an edge must stand alone there ("SG" never matches inside "message"; "subnets" still matches
// "Subnet"), Korean aliases match anywhere (Korean attaches particles: "람다의", "ECS에서").
import { z } from "zod";

const serviceSchema = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  category: z.string().min(1),
  parent: z.string().optional(),
  aliases: z.array(z.string().min(1)),
});

const taxonomySchema = z.object({
  categories: z.array(z.object({ key: z.string().min(1), name: z.string().min(1), nameEn: z.string().optional() })),
  services: z.array(serviceSchema),
});

export type TaxonomyService = z.infer<typeof serviceSchema>;
export type TaxonomyFile = z.infer<typeof taxonomySchema>;

export interface ServiceHit {
  key: string;
  index: number;
  length: number;
  weak: boolean;
}

export interface Taxonomy {
  services: ReadonlyMap<string, TaxonomyService>;
  categories: ReadonlyMap<string, { key: string; name: string }>;
  /** Every alias occurrence in `text`, leftmost first (longest alias at the same position). */
  findServices(text: string): ServiceHit[];
  /** The service a heading names: the first strong alias; a weak alias only when `allowWeak`. */
  serviceOfHeading(text: string, allowWeak: boolean): string | null;
  /** Search keywords for a service: its name and every alias. */
  keywordsOf(key: string | null): string;
}

/**
 * Aliases that are ordinary nouns as much as service names ("컨테이너", "리전", "캐시", "DNS"). In a
 * heading they name a service only when nothing more specific is known (no parent or earlier
 * sibling with a service); in running text they count like any alias.
 */
export const WEAK_ALIASES: ReadonlySet<string> = new Set(
  [
    "컨테이너", "container", "containers", "인스턴스", "역할", "캐시", "비밀", "큐", "대기열", "ttl", "dns", "스냅샷",
    "버킷", "인증서", "마이크로서비스", "msa", "배치 처리", "라우팅 정책", "routing policy", "호스팅 영역", "hosted zone",
    "load balancing", "부하 분산", "cron", "iac", "pillars", "설계 원칙", "cdn", "az", "리전", "region", "가용 영역",
    "spot instances", "스팟 인스턴스", "read replica", "읽기 전용 복제본", "multi-az", "sg", "ci/cd", "cicd", "pitr",
    "global tables", "글로벌 테이블", "fixed public ip", "고정 ip", "cidr", "서버리스", "serverless",
  ].map((alias) => alias.toLowerCase()),
);

const LATIN_EDGE = /[a-z0-9]/i;

interface AliasEntry {
  /** Lower-cased, single spaces ("route 53"); a space matches any run of whitespace, or none. */
  alias: string;
  key: string;
  weak: boolean;
  latinHead: boolean;
  latinTail: boolean;
}

function isLatin(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90);
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13 || code === 0xa0;
}

/** End index of `entry` matched at `start` in `text` (already lower-cased), or -1. */
function matchAt(text: string, start: number, entry: AliasEntry): number {
  let t = start;
  const alias = entry.alias;
  for (let a = 0; a < alias.length; a++) {
    const code = alias.charCodeAt(a);
    if (code === 32) {
      while (t < text.length && isSpace(text.charCodeAt(t))) t++;
      continue;
    }
    if (text.charCodeAt(t) !== code) return -1;
    t++;
  }
  if (entry.latinTail) {
    // Plurals: "subnets", "Load Balancers", "Glaciers" still name the service.
    if (text.charCodeAt(t) === 115) t++;
    else if (text.charCodeAt(t) === 101 && text.charCodeAt(t + 1) === 115) t += 2;
    if (t < text.length && isLatin(text.charCodeAt(t))) return -1;
  }
  return t;
}
export function parseTaxonomy(json: unknown): TaxonomyFile {
  const parsed = taxonomySchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(`aws-services.json 형식 오류: ${parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`);
  }
  return parsed.data;
}

export function createTaxonomy(json: unknown): Taxonomy {
  const file = parseTaxonomy(json);
  const services = new Map(file.services.map((service) => [service.key, service]));
  const categories = new Map(file.categories.map((category) => [category.key, category]));
  const entries = new Map<string, AliasEntry>();
  for (const service of file.services) {
    for (const alias of [service.name, ...service.aliases]) {
      const lower = alias.toLowerCase().replace(/\s+/g, " ").trim();
      if (!lower || entries.has(lower)) continue;
      entries.set(lower, {
        alias: lower,
        key: service.key,
        weak: WEAK_ALIASES.has(lower),
        latinHead: LATIN_EDGE.test(lower[0]!),
        latinTail: LATIN_EDGE.test(lower[lower.length - 1]!),
      });
    }
  }
  // Aliases by first character, longest first: the scan tries only the aliases that can start
  // at a position, and takes the longest ("Lambda@Edge" before "Lambda").
  const byFirst = new Map<number, AliasEntry[]>();
  for (const entry of [...entries.values()].sort((a, b) => b.alias.length - a.alias.length)) {
    const code = entry.alias.charCodeAt(0);
    const list = byFirst.get(code);
    if (list) list.push(entry);
    else byFirst.set(code, [entry]);
  }

  const findServices = (text: string): ServiceHit[] => {
    const hits: ServiceHit[] = [];
    const lower = text.toLowerCase();
    for (let i = 0; i < lower.length; i++) {
      const candidates = byFirst.get(lower.charCodeAt(i));
      if (!candidates) continue;
      const afterLatin = i > 0 && isLatin(lower.charCodeAt(i - 1));
      for (const entry of candidates) {
        if (entry.latinHead && afterLatin) continue;
        const end = matchAt(lower, i, entry);
        if (end < 0) continue;
        hits.push({ key: entry.key, index: i, length: end - i, weak: entry.weak });
        i = end - 1;
        break;
      }
    }
    return hits;
  };

  return {
    services,
    categories,
    findServices,
    serviceOfHeading(text, allowWeak) {
      const hits = findServices(text);
      const strong = hits.find((hit) => !hit.weak);
      if (strong) return strong.key;
      return allowWeak ? (hits[0]?.key ?? null) : null;
    },
    keywordsOf(key) {
      const service = key ? services.get(key) : undefined;
      if (!service) return "";
      return [...new Set([service.name, ...service.aliases])].join(" ");
    },
  };
}
