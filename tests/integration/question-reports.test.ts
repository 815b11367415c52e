// "문제 신고" on real SQLite and PostgreSQL databases: create, list open-first, resolve once.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/core/errors";
import type { Question } from "@/lib/core/questions/types";
import { DEFAULT_LEARNER_ID } from "@/lib/server/db";
import { questionToColumns } from "@/lib/server/questions/map";
import {
  countQuestionReports,
  createQuestionReport,
  listQuestionReports,
  resolveQuestionReport,
} from "@/lib/server/questions/reports";
import { createTestDatabase, testProviders, type TestDatabase } from "@/tests/support/databases";

const T0 = new Date("2026-11-01T09:00:00Z");
const minutes = (n: number) => new Date(T0.getTime() + n * 60_000);

function question(id: string, bankId: string, stem: string): Question {
  return {
    id,
    bankId,
    type: "single",
    domain: "performant",
    topics: ["lambda"],
    difficulty: 2,
    stem,
    options: [
      { key: "A", text: "5분" },
      { key: "B", text: "15분" },
    ],
    correct: ["B"],
    chooseCount: null,
    answer: null,
    explanations: { A: "오답: 최대 900초", B: "정답: 최대 900초(15분)" },
    sources: [{ file: "containers-serverless-dynamodb.md", heading: "Lambda 제약사항" }],
    references: ["lambda-timeout"],
    origin: "curated",
    generator: null,
    factIds: [],
    archived: false,
  };
}

async function seedQuestions(test: TestDatabase) {
  await test.db.questionBank.create({ data: { id: "bank", title: "은행", origin: "curated" } });
  for (const [id, stem] of [
    ["q-timeout", "Lambda 함수의 최대 실행 시간은?"],
    ["q-memory", "Lambda 함수의 최대 메모리는?"],
  ] as const) {
    const row = question(id, "bank", stem);
    await test.db.question.create({ data: { id, ...questionToColumns(row), contentHash: id, topics: { create: [{ topicKey: "lambda" }] } } });
  }
  await test.db.learner.create({ data: { id: "other-learner", displayName: "다른 학습자" } });
}

for (const provider of testProviders()) {
  describe(`question reports (${provider})`, () => {
    let test: TestDatabase;
    beforeAll(async () => {
      test = await createTestDatabase(provider);
      await seedQuestions(test);
    });
    afterAll(async () => {
      await test?.cleanup();
    });

    const learnerId = DEFAULT_LEARNER_ID;

    it("stores a report with its reason, trimmed detail and time", async () => {
      const view = await createQuestionReport(test.db, {
        learnerId,
        questionId: "q-timeout",
        reason: "differs-from-docs",
        detail: "  AWS 문서는 900초라고 합니다.  ",
        now: minutes(0),
      });
      expect(view).toMatchObject({
        questionId: "q-timeout",
        questionStem: "Lambda 함수의 최대 실행 시간은?",
        reason: "differs-from-docs",
        reasonLabel: "AWS 문서와 다름",
        detail: "AWS 문서는 900초라고 합니다.",
        resolvedAt: null,
        resolution: null,
      });
      expect(view.createdAt.toISOString()).toBe(minutes(0).toISOString());
      const row = await test.db.questionReport.findUniqueOrThrow({ where: { id: view.id } });
      expect(row).toMatchObject({ learnerId, questionId: "q-timeout", reason: "differs-from-docs", detail: "AWS 문서는 900초라고 합니다." });
    });

    it("refuses an unknown reason, a bare '기타', an overlong detail and a missing question", async () => {
      const base = { learnerId, questionId: "q-timeout", detail: "", now: minutes(1) };
      await expect(createQuestionReport(test.db, { ...base, reason: "spam" })).rejects.toThrow(ValidationError);
      await expect(createQuestionReport(test.db, { ...base, reason: "spam" })).rejects.toThrow(/신고 사유 "spam"/);
      await expect(createQuestionReport(test.db, { ...base, reason: "other", detail: "   " })).rejects.toMatchObject({ code: "report_detail" });
      await expect(createQuestionReport(test.db, { ...base, reason: "awkward-wording", detail: "가".repeat(2001) })).rejects.toThrow(/2000자 이하/);
      await expect(createQuestionReport(test.db, { ...base, questionId: "no-such-question", reason: "wrong-answer" })).rejects.toThrow(NotFoundError);
      expect(await test.db.questionReport.count()).toBe(1);
    });

    it("lists open reports first, newest first within each group, and only the learner's own", async () => {
      const second = await createQuestionReport(test.db, { learnerId, questionId: "q-memory", reason: "wrong-answer", detail: "", now: minutes(10) });
      const third = await createQuestionReport(test.db, { learnerId, questionId: "q-timeout", reason: "awkward-wording", detail: "조사가 어색함", now: minutes(20) });
      await createQuestionReport(test.db, { learnerId: "other-learner", questionId: "q-timeout", reason: "other", detail: "남의 신고", now: minutes(30) });
      const open = await listQuestionReports(test.db, { learnerId, status: "open" });
      expect(open.map((report) => report.reason)).toEqual(["awkward-wording", "wrong-answer", "differs-from-docs"]);
      // resolving the middle one must move it below the older open report
      await resolveQuestionReport(test.db, { learnerId, reportId: second.id, resolution: "정답 B 확인, 은행 수정", now: minutes(40) });

      const all = await listQuestionReports(test.db, { learnerId });
      expect(all.map((report) => [report.id === third.id ? "third" : report.id === second.id ? "second" : "first", report.resolvedAt == null])).toEqual([
        ["third", true],
        ["first", true],
        ["second", false],
      ]);
      expect((await listQuestionReports(test.db, { learnerId, status: "resolved" })).map((report) => report.id)).toEqual([second.id]);
      expect(await listQuestionReports(test.db, { learnerId, questionId: "q-memory" })).toHaveLength(1);
      expect(await countQuestionReports(test.db, learnerId)).toEqual({ open: 2, resolved: 1 });
      expect(await countQuestionReports(test.db, "other-learner")).toEqual({ open: 1, resolved: 0 });
    });

    it("resolves a report once; a second resolve is a conflict and keeps the first note", async () => {
      const report = await createQuestionReport(test.db, { learnerId, questionId: "q-memory", reason: "weak-explanation", detail: "", now: minutes(50) });
      await resolveQuestionReport(test.db, { learnerId, reportId: report.id, resolution: "  해설 보강  ", now: minutes(60) });
      const resolve = resolveQuestionReport(test.db, { learnerId, reportId: report.id, resolution: "덮어쓰기", now: minutes(70) });
      await expect(resolve).rejects.toThrow(ConflictError);
      const row = await test.db.questionReport.findUniqueOrThrow({ where: { id: report.id } });
      expect(row.resolution).toBe("해설 보강");
      expect(row.resolvedAt?.toISOString()).toBe(minutes(60).toISOString());
    });

    it("stores an empty resolution as none and refuses an overlong one", async () => {
      const report = await createQuestionReport(test.db, { learnerId, questionId: "q-timeout", reason: "wrong-answer", detail: "", now: minutes(80) });
      await expect(
        resolveQuestionReport(test.db, { learnerId, reportId: report.id, resolution: "가".repeat(1001), now: minutes(81) }),
      ).rejects.toThrow(ValidationError);
      expect((await test.db.questionReport.findUniqueOrThrow({ where: { id: report.id } })).resolvedAt).toBeNull();
      await resolveQuestionReport(test.db, { learnerId, reportId: report.id, resolution: "   ", now: minutes(82) });
      expect(await test.db.questionReport.findUniqueOrThrow({ where: { id: report.id } })).toMatchObject({ resolution: null });
    });

    it("cannot resolve another learner's report or one that does not exist", async () => {
      const [foreign] = await listQuestionReports(test.db, { learnerId: "other-learner" });
      if (!foreign) throw new Error("fixture: the other learner has a report");
      await expect(resolveQuestionReport(test.db, { learnerId, reportId: foreign.id, resolution: "", now: minutes(90) })).rejects.toThrow(NotFoundError);
      await expect(resolveQuestionReport(test.db, { learnerId, reportId: "missing", resolution: "", now: minutes(90) })).rejects.toThrow(NotFoundError);
      expect((await test.db.questionReport.findUniqueOrThrow({ where: { id: foreign.id } })).resolvedAt).toBeNull();
    });

    it("shows reports of an archived question as such", async () => {
      await test.db.question.update({ where: { id: "q-memory" }, data: { archivedAt: minutes(100) } });
      const reports = await listQuestionReports(test.db, { learnerId, questionId: "q-memory" });
      expect(reports.length).toBeGreaterThan(0);
      expect(reports.every((report) => report.questionArchived)).toBe(true);
    });
  });
}
