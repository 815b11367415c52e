import { describe, expect, it } from "vitest";
import { parseTask } from "./parse-segments";
import { detectQuizNote } from "./quiz-notes";
import { groupTasks, scanNote } from "./scan";
import { assembleNote } from "./topics";

const parse = (notePath: string, text: string) => {
  const scanned = scanNote(notePath, text);
  return assembleNote(scanned, groupTasks(scanned, 64_000).flatMap((task) => parseTask(task, { resolveImage: () => null })));
};

const question = (n: number) => `## Q${n}. A company needs to pick the right service for case ${n}. What should it use?\n\n- A. Amazon SQS\n- B. Amazon SNS\n- C. Amazon S3\n- D. AWS Lambda\n\n**Answer:** A\n`;

describe("detectQuizNote", () => {
  it("reports a note made of numbered questions with options, counting what the importer reads", () => {
    const quiz = detectQuizNote(parse("dump.md", `# 덤프\n\n${[1, 2, 3, 4].map(question).join("\n")}\n## 메모\n\n자주 틀림\n`));
    expect(quiz?.questions).toBe(4);
    expect(quiz?.notice).toMatchObject({ file: "dump.md", line: 1 });
    expect(quiz?.notice.message).toMatch(/^문제 모음으로 보입니다 — 문제 은행으로 가져오세요 \(\/questions\/import/);
  });

  it("leaves study notes alone, even with a question or two", () => {
    expect(detectQuizNote(parse("s3.md", `# S3\n\n## 스토리지 클래스\n\n- A. Standard\n\n## 특징\n\n본문\n\n${question(1)}`))).toBeNull();
    expect(detectQuizNote(parse("s3.md", `# S3\n\n${[1, 2, 3].map(question).join("\n")}\n${["a", "b", "c", "d", "e", "f", "g"].map((name) => `## 절 ${name}\n\n본문\n`).join("\n")}`))).toBeNull();
  });
});
