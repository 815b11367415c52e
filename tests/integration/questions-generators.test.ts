// Generated questions against the five seed notes: every question's marked answer is recomputed
// by an independent oracle (tests/fixtures/questions/generated-oracle.ts) from its parameters
// and the reference table. Facts come from a hand-written fixture of what the ingester extracts
// (tests/fixtures/questions/note-facts.ts); the database variant lives in questions-sync.test.ts.
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { generateQuestions, DEFAULT_GENERATOR_SEED } from "@/lib/core/questions/generators";
import { extractHeadings, splitSections } from "@/lib/core/questions/headings";
import { parseReferenceFacts } from "@/lib/core/reference/aws-facts";
import { findDetachedParticles } from "@/lib/core/questions/korean-spacing";
import { checkGeneratedQuestion, type OracleContext } from "@/tests/fixtures/questions/generated-oracle";
import { NOTE_FACTS, NOTE_FACTS_WITHOUT_LAMBDA } from "@/tests/fixtures/questions/note-facts";

const NOTES_DIR = "content/notes";
const referenceJson = JSON.parse(readFileSync("content/reference/aws-facts.json", "utf8"));
const reference = parseReferenceFacts(referenceJson);
const noteFiles = readdirSync(NOTES_DIR).filter((file) => file.endsWith(".md")).sort();
const noteText = new Map(noteFiles.map((file) => [file, readFileSync(`${NOTES_DIR}/${file}`, "utf8")]));
const sections = noteFiles.flatMap((file) => splitSections(file, noteText.get(file) ?? ""));
const topicKeys = new Set<string>(JSON.parse(readFileSync("content/taxonomy/aws-services.json", "utf8")).services.map((service: { key: string }) => service.key));
const oracle = (facts = NOTE_FACTS): OracleContext => ({
  reference: referenceJson.facts,
  facts,
  notes: new Map([...noteText].map(([file, text]) => [file, text.split(/\r?\n/)])),
});

describe("generated questions from the five notes", () => {
  const output = generateQuestions({ facts: NOTE_FACTS, sections, reference, seed: DEFAULT_GENERATOR_SEED, topicKeys });

  it("writes every particle attached to the word before it, with or without the Lambda note facts", () => {
    const detached = [NOTE_FACTS, NOTE_FACTS_WITHOUT_LAMBDA].flatMap((facts) =>
      generateQuestions({ facts, sections, reference, seed: DEFAULT_GENERATOR_SEED, topicKeys }).questions.flatMap(({ question }) =>
        [question.stem, question.answer ?? "", ...question.options.map((option) => option.text), ...Object.values(question.explanations)].flatMap((text) =>
          findDetachedParticles(text).map((item) => `${question.id}: "${item.found}"`),
        ),
      ),
    );
    expect(detached).toEqual([]);
  });

  it("produces at least 50 valid questions and drops none", () => {
    expect(output.dropped).toEqual([]);
    expect(output.questions.length).toBeGreaterThanOrEqual(50);
  });

  it("marks, for every question, the answer its facts imply", () => {
    const problems = output.questions.flatMap((generated) => checkGeneratedQuestion(generated, oracle()));
    expect(problems).toEqual([]);
  });

  it("has an oracle that rejects a wrongly marked answer in every generator family", () => {
    const families = new Map<string, (typeof output.questions)[number]>();
    for (const generated of output.questions) if (generated.question.options.length > 0) families.set(generated.template.split("/")[0] ?? "", generated);
    expect([...families.keys()].sort()).toEqual(["alb-condition", "elb-type", "lambda-fit", "lambda-limits", "route53-policy", "scaling"]);
    for (const generated of families.values()) {
      const wrongKey = generated.question.options.find((option) => !generated.question.correct.includes(option.key))?.key ?? "A";
      const tampered = { ...generated, question: { ...generated.question, correct: [wrongKey] } };
      expect(checkGeneratedQuestion(tampered, oracle()).length, generated.question.id).toBeGreaterThan(0);
    }
    const card = output.questions.find((item) => item.template === "fact-card/flashcard");
    expect(card).toBeDefined();
    if (card) expect(checkGeneratedQuestion({ ...card, question: { ...card.question, answer: "7일" } }, oracle()).length).toBeGreaterThan(0);
  });

  it("varies the right answer on both sides of each Lambda limit", () => {
    const byTemplate = new Map<string, Set<string>>();
    for (const generated of output.questions.filter((item) => item.template.startsWith("lambda-limits/"))) {
      const roles = byTemplate.get(generated.template) ?? new Set<string>();
      roles.add(generated.roles[generated.question.correct[0] ?? ""] ?? "");
      byTemplate.set(generated.template, roles);
    }
    expect(byTemplate.size).toBe(9);
    for (const [template, roles] of byTemplate) expect(roles.size, template).toBeGreaterThanOrEqual(2);
  });

  it("follows the reference where the note is outdated (async payload 256KB → 1MB) and says so", () => {
    const question = output.questions.find((item) => item.question.id === "gen-lambda-limits-payload-async-700kb");
    expect(question).toBeDefined();
    const marked = question?.roles[question.question.correct[0] ?? ""];
    expect(marked).toBe("direct"); // 700KB fits the 1MB limit; the note's 256KB would say otherwise
    expect(Object.values(question?.question.explanations ?? {}).join(" ")).toContain("노트: 256KB → AWS 문서(2026-11 기준): 1MB");
  });

  it("records the generator, the fact ids and a note section for every fact-based question", () => {
    for (const { question } of output.questions) {
      expect(question.origin).toBe("generated");
      expect(question.generator).toMatch(/^[a-z0-9-]+\/[a-z0-9-]+$/);
      if (/^(lambda-limits|lambda-fit|fact-card)\//.test(question.generator ?? "")) {
        expect(question.factIds.length, question.id).toBeGreaterThan(0);
        expect(question.sources.length, question.id).toBeGreaterThan(0);
      }
      for (const source of question.sources) {
        const headings = extractHeadings(noteText.get(source.file) ?? "").map((heading) => heading.text);
        expect(headings, `${question.id} → ${source.file}#${source.heading}`).toContain(source.heading);
      }
    }
  });

  it("is deterministic, and the seed only reorders options", () => {
    const again = generateQuestions({ facts: NOTE_FACTS, sections, reference, seed: DEFAULT_GENERATOR_SEED, topicKeys });
    expect(again).toEqual(output);
    const reseeded = generateQuestions({ facts: NOTE_FACTS, sections, reference, seed: 7, topicKeys });
    expect(reseeded.questions.map((item) => item.question.id)).toEqual(output.questions.map((item) => item.question.id));
    const orderChanged = reseeded.questions.some((item, index) => item.question.options.map((o) => o.text).join() !== output.questions[index]?.question.options.map((o) => o.text).join());
    expect(orderChanged).toBe(true);
    expect(reseeded.questions.flatMap((generated) => checkGeneratedQuestion(generated, oracle()))).toEqual([]);
  });

  it("keeps every id when the notes' values change", () => {
    const edited = NOTE_FACTS.map((fact) => (fact.attribute === "timeout.max" ? { ...fact, value: 600, valueText: "10분", id: `${fact.id}-edited` } : fact));
    const after = generateQuestions({ facts: edited, sections, reference, seed: DEFAULT_GENERATOR_SEED, topicKeys });
    expect(after.questions.map((item) => item.question.id)).toEqual(output.questions.map((item) => item.question.id));
    const timeout = after.questions.find((item) => item.question.id === "gen-lambda-limits-timeout-14min");
    // Still the reference's 15 minutes, with the disagreeing note value named.
    expect(timeout?.roles[timeout.question.correct[0] ?? ""]).toBe("lambda");
    expect(timeout?.question.explanations._).toContain("노트: 10분 → AWS 문서(2026-11 기준): 900초(15분)");
    expect(timeout?.question.factIds).toContain("f-csd-timeout-edited");
  });

  it("falls back to the reference when the notes lack the Lambda limits", () => {
    const fallback = generateQuestions({ facts: NOTE_FACTS_WITHOUT_LAMBDA, sections, reference, seed: DEFAULT_GENERATOR_SEED, topicKeys });
    const limits = fallback.questions.filter((item) => item.template.startsWith("lambda-limits/"));
    expect(limits.length).toBe(52);
    for (const { question } of limits) {
      expect(question.sources).toEqual([]);
      expect(question.factIds).toEqual([]);
      expect(question.references.length).toBeGreaterThan(0);
      expect(question.explanations._).toContain("노트에 이 값이 없어 AWS 문서(2026-11 기준) 값을 썼습니다");
    }
    expect(fallback.questions.flatMap((generated) => checkGeneratedQuestion(generated, oracle(NOTE_FACTS_WITHOUT_LAMBDA)))).toEqual([]);
  });
});
