// A bank of choice questions for exam tests and bench:exam, written straight into the tables
// the sync fills: every domain, several topics, some generated families (one template, one
// number changed) and some imported questions.
import type { Db } from "@/lib/server/db";
import { DOMAINS } from "@/lib/core/questions/types";

const TOPICS = ["lambda", "dynamodb", "route53", "alb", "sqs", "s3"] as const;

export interface SeededExamQuestion {
  id: string;
  type: "single" | "multiple";
  domain: (typeof DOMAINS)[number];
  correct: string[];
  origin: "curated" | "generated" | "imported";
  generator: string | null;
}

export interface ExamSeedOptions {
  count: number;
  /** every `familyEvery`-th question is generated, families of `familySize` */
  familyEvery?: number;
  familySize?: number;
  /** every `importedEvery`-th question comes from an imported bank */
  importedEvery?: number;
  /** domains to leave out (to test shortfalls) */
  without?: readonly string[];
  chunk?: number;
}

export async function seedExamQuestions(db: Db, options: ExamSeedOptions): Promise<SeededExamQuestion[]> {
  const banks = [
    { id: "exam-curated", title: "시험 테스트 은행", origin: "curated" },
    { id: "exam-generated", title: "생성 문제", origin: "generated" },
    { id: "exam-imported", title: "가져온 은행", origin: "imported" },
  ];
  for (const bank of banks) await db.questionBank.upsert({ where: { id: bank.id }, create: bank, update: {} });
  const domains = DOMAINS.filter((domain) => !(options.without ?? []).includes(domain));
  const seeded: SeededExamQuestion[] = [];
  const rows: Record<string, unknown>[] = [];
  const topics: { questionId: string; topicKey: string }[] = [];
  for (let index = 0; index < options.count; index += 1) {
    const id = `exam-q${String(index).padStart(5, "0")}`;
    const domain = domains[index % domains.length] ?? "secure";
    const multiple = index % 5 === 4;
    const generated = options.familyEvery ? index % options.familyEvery === 0 : false;
    const imported = !generated && options.importedEvery ? index % options.importedEvery === 1 : false;
    const origin = generated ? "generated" : imported ? "imported" : "curated";
    const generator = generated ? `lambda-limit/template-${Math.floor(index / ((options.familyEvery ?? 1) * (options.familySize ?? 1)))}` : null;
    const correct = multiple ? ["A", "C"] : ["B"];
    const keys = multiple ? ["A", "B", "C", "D", "E"] : ["A", "B", "C", "D"];
    const topic = TOPICS[index % TOPICS.length] ?? "lambda";
    rows.push({
      id,
      bankId: generated ? "exam-generated" : imported ? "exam-imported" : "exam-curated",
      type: multiple ? "multiple" : "single",
      domain,
      difficulty: 1 + (index % 3),
      stem: `[${topic}] 시험 문제 ${index}: 한 회사가 요구 사항을 만족하려 합니다. ${multiple ? "두 가지를 고르시오." : "가장 적합한 것은?"}`,
      options: JSON.stringify(keys.map((key) => ({ key, text: `선택지 ${key} (${index})` }))),
      correct: JSON.stringify(correct),
      chooseCount: multiple ? 2 : null,
      answer: null,
      explanations: JSON.stringify({ ...Object.fromEntries(keys.map((key) => [key, `${correct.includes(key) ? "정답" : "오답"} 해설 ${key}-${index}`])), _: `전체 해설 ${index}` }),
      sources: JSON.stringify([{ file: "containers-serverless-dynamodb.md", heading: "Lambda 제약사항", line: 10 }]),
      references: "[]",
      origin,
      generator,
      factIds: "[]",
      contentHash: `exam-hash-${index}`,
    });
    topics.push({ questionId: id, topicKey: topic });
    seeded.push({ id, type: multiple ? "multiple" : "single", domain, correct, origin, generator });
  }
  const chunk = options.chunk ?? 500;
  for (let start = 0; start < rows.length; start += chunk) {
    await db.question.createMany({ data: rows.slice(start, start + chunk) as never });
    await db.questionTopic.createMany({ data: topics.slice(start, start + chunk) });
  }
  return seeded;
}
