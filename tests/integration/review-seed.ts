// Questions for review tests and local development: a bank with single, multiple, flashcard and
// cloze questions across several topics, written straight into the tables the sync fills.
import type { Db } from "@/lib/server/db";

const TOPICS = ["lambda", "dynamodb", "route53", "alb", "sqs"] as const;

export interface SeededQuestion {
  id: string;
  type: "single" | "multiple" | "flashcard" | "cloze";
  topic: string;
  correct: string[];
}

/** `count` questions cycling through the four types and five topics; ids sort in creation order. */
export async function seedReviewQuestions(db: Db, count: number, bankId = "review-test"): Promise<SeededQuestion[]> {
  await db.questionBank.upsert({ where: { id: bankId }, create: { id: bankId, title: "복습 테스트 은행", origin: "curated" }, update: {} });
  const seeded: SeededQuestion[] = [];
  for (let index = 0; index < count; index += 1) {
    const id = `${bankId}-q${String(index).padStart(3, "0")}`;
    const topic = TOPICS[index % TOPICS.length] as string;
    const type = (["single", "multiple", "flashcard", "cloze"] as const)[Math.floor(index / TOPICS.length) % 4] ?? "single";
    const base = {
      bankId,
      type,
      domain: (["secure", "resilient", "performant", "cost"] as const)[index % 4] ?? "secure",
      difficulty: 1 + (index % 3),
      sources: JSON.stringify([{ file: "containers-serverless-dynamodb.md", heading: "Lambda 제약사항" }]),
      references: "[]",
      origin: "curated",
      contentHash: `hash-${index}`,
    };
    let row;
    let correct: string[] = [];
    if (type === "single") {
      correct = ["B"];
      row = {
        ...base,
        stem: `[${topic}] 문제 ${index}: 한 회사가 서버리스로 작업을 옮기려 합니다. 어떤 솔루션이 가장 적합합니까?`,
        options: JSON.stringify(["A", "B", "C", "D"].map((key) => ({ key, text: `선택지 ${key} (${topic} ${index})` }))),
        correct: JSON.stringify(correct),
        chooseCount: null,
        answer: null,
        explanations: JSON.stringify({ A: "오답: A 설명", B: "정답: B 설명", C: "오답: C 설명", D: "오답: D 설명", _: "전체 해설" }),
      };
    } else if (type === "multiple") {
      correct = ["A", "C"];
      row = {
        ...base,
        stem: `[${topic}] 문제 ${index}: 요구 사항을 만족하는 방법 2개를 고르시오.`,
        options: JSON.stringify(["A", "B", "C", "D", "E"].map((key) => ({ key, text: `선택지 ${key} (${topic} ${index})` }))),
        correct: JSON.stringify(correct),
        chooseCount: 2,
        answer: null,
        explanations: JSON.stringify({ A: "정답: A", B: "오답: B", C: "정답: C", D: "오답: D", E: "오답: E" }),
      };
    } else if (type === "flashcard") {
      row = {
        ...base,
        stem: `[${topic}] 카드 ${index}: Lambda 함수의 최대 실행 시간은?`,
        options: "[]",
        correct: "[]",
        chooseCount: null,
        answer: "900초(15분)",
        explanations: JSON.stringify({ _: "Lambda 제한 시간은 최대 900초입니다." }),
      };
    } else {
      row = {
        ...base,
        stem: `[${topic}] 빈칸 ${index}: Lambda 동기 호출 페이로드 한도는 {{6MB}} 입니다.`,
        options: "[]",
        correct: "[]",
        chooseCount: null,
        answer: "6MB",
        explanations: "{}",
      };
    }
    await db.question.upsert({ where: { id }, create: { id, ...row }, update: row });
    await db.questionTopic.upsert({ where: { questionId_topicKey: { questionId: id, topicKey: topic } }, create: { questionId: id, topicKey: topic }, update: {} });
    seeded.push({ id, type, topic, correct });
  }
  return seeded;
}
