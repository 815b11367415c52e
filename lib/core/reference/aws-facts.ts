// The verified AWS reference table (content/reference/aws-facts.json). Questions follow these
// values; where a note says otherwise the explanation cites both. Parsed once, at the edge.
import { z } from "zod";

/** How the learner's notes compare with the reference (set by hand when the fact was verified). */
export const NOTE_VERDICTS = ["correct", "imprecise", "outdated", "wrong", "partly-wrong", "unverified", "n/a"] as const;
export type NoteVerdict = (typeof NOTE_VERDICTS)[number];

const referenceFactSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "id는 소문자, 숫자, - 만 씁니다"),
    service: z.string().min(1),
    attribute: z.string().min(1),
    label: z.string().min(1),
    value: z.number(),
    valueMax: z.number().optional(),
    unit: z.string().min(1),
    text: z.string().min(1),
    noteVerdict: z.enum(NOTE_VERDICTS),
    noteValue: z.string().optional(),
    url: z.url(),
    asOf: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "asOf 는 YYYY-MM 형식입니다"),
  })
  .refine((fact) => fact.valueMax === undefined || fact.valueMax >= fact.value, {
    message: "valueMax 는 value 이상이어야 합니다",
    path: ["valueMax"],
  });

export type ReferenceFact = z.infer<typeof referenceFactSchema>;

const referenceFileSchema = z.object({ $comment: z.string().optional(), facts: z.array(referenceFactSchema) });

export class ReferenceFormatError extends Error {
  constructor(readonly issues: string[]) {
    super(`aws-facts.json 형식 오류: ${issues.join("; ")}`);
    this.name = "ReferenceFormatError";
  }
}

/** Parses the JSON document (already `JSON.parse`d). Throws ReferenceFormatError listing every problem. */
export function parseReferenceFacts(json: unknown): ReferenceFact[] {
  const parsed = referenceFileSchema.safeParse(json);
  if (!parsed.success) {
    throw new ReferenceFormatError(parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
  }
  const seen = new Set<string>();
  const duplicates: string[] = [];
  for (const fact of parsed.data.facts) {
    if (seen.has(fact.id)) duplicates.push(`facts: id "${fact.id}" 중복`);
    seen.add(fact.id);
  }
  if (duplicates.length) throw new ReferenceFormatError(duplicates);
  return parsed.data.facts;
}

export interface ReferenceIndex {
  byId: Map<string, ReferenceFact>;
  /** key `${service}/${attribute}` */
  byAttribute: Map<string, ReferenceFact>;
}

export function indexReferenceFacts(facts: readonly ReferenceFact[]): ReferenceIndex {
  return {
    byId: new Map(facts.map((fact) => [fact.id, fact])),
    byAttribute: new Map(facts.map((fact) => [`${fact.service}/${fact.attribute}`, fact])),
  };
}

export function findReference(index: ReferenceIndex, service: string, attribute: string): ReferenceFact | undefined {
  return index.byAttribute.get(`${service}/${attribute}`);
}
