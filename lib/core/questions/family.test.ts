import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { indexReferenceFacts, parseReferenceFacts } from "@/lib/core/reference/aws-facts";
import { questionFamily } from "./family";
import { generateFactCards } from "./generators/fact-cards";
import type { FactInput } from "./generators/facts";
import { generateLambdaFitQuestions, generateLambdaLimitQuestions } from "./generators/lambda-limits";

const SEED = 20_261_101;
const referenceFacts = parseReferenceFacts(JSON.parse(readFileSync("content/reference/aws-facts.json", "utf8")));
const reference = indexReferenceFacts(referenceFacts);
// Notes that state every reference value, so fact cards (which need a note fact) are generated too.
const noteFacts: FactInput[] = referenceFacts.map((fact) => ({
  id: `note-${fact.id}`,
  serviceKey: fact.service,
  attribute: fact.attribute,
  label: fact.label,
  valueText: fact.text,
  value: fact.value,
  valueMax: fact.valueMax ?? null,
  unit: fact.unit,
  source: { file: "n.md", heading: fact.service },
}));

describe("questionFamily", () => {
  it("puts every value of one Lambda limit template into one family, and different templates apart", () => {
    const generated = generateLambdaLimitQuestions(noteFacts, reference, SEED).map((item) => item.question);
    const timeout = generated.filter((question) => question.generator === "lambda-limits/timeout");
    expect(timeout.length).toBeGreaterThan(1);
    expect(new Set(timeout.map(questionFamily))).toEqual(new Set(["gen:lambda-limits/timeout"]));
    const templates = new Set(generated.map((question) => question.generator));
    const families = new Set(generated.map(questionFamily));
    expect(families.size).toBe(templates.size);
    expect(families.size).toBeGreaterThan(3);
    // ids still differ: the family is coarser than the question
    expect(new Set(generated.map((question) => question.id)).size).toBe(generated.length);
  });

  it("groups the multiple-response workload sets of one template", () => {
    const fit = generateLambdaFitQuestions(noteFacts, reference, SEED).map((item) => item.question);
    expect(fit.length).toBeGreaterThan(1);
    expect(new Set(fit.map(questionFamily))).toEqual(new Set(["gen:lambda-fit/mixed"]));
  });

  it("makes the flashcard and the cloze of one fact one family, and different facts different families", () => {
    const cards = generateFactCards(noteFacts, reference, SEED).map((item) => item.question);
    const byFamily = new Map<string, string[]>();
    for (const card of cards) byFamily.set(questionFamily(card), [...(byFamily.get(questionFamily(card)) ?? []), card.type]);
    expect(byFamily.size).toBeGreaterThan(3);
    for (const [family, types] of byFamily) {
      expect(family).toMatch(/^fact:note-/);
      expect(types.sort()).toEqual(["cloze", "flashcard"]);
    }
  });

  it("falls back to the id for a definition card without a fact, and keeps curated and imported questions apart", () => {
    const base = { type: "flashcard" as const, factIds: [] as string[] };
    expect(questionFamily({ ...base, id: "gen-definition-card-scaling-x", origin: "generated", generator: "definition-card/scaling" })).toBe("fact:gen-definition-card-scaling-x");
    expect(questionFamily({ ...base, id: "gen-definition-card-scaling-y", origin: "generated", generator: "definition-card/scaling", factIds: ["f1", "f2"] })).toBe("fact:f1");
    expect(questionFamily({ id: "saa-iam-03", origin: "curated", generator: null, type: "single", factIds: ["f1"] })).toBe("saa-iam-03");
    expect(questionFamily({ id: "imp-7", origin: "imported", generator: "lambda-limits/timeout", type: "single", factIds: [] })).toBe("imp-7");
    expect(questionFamily({ id: "gen-x", origin: "generated", generator: null, type: "single", factIds: [] })).toBe("gen-x");
  });
});
