// Progress backup on SQLite and PostgreSQL: export → import into a fresh database restores
// every row exactly (compared column by column via a second export and the raw rows), and
// every bad file is refused with a Korean message, changing nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, ValidationError } from "@/lib/core/errors";
import { serializeBackup } from "@/lib/core/progress/backup";
import { DEFAULT_LEARNER_ID, type Db } from "@/lib/server/db";
import { ensureCards } from "@/lib/server/cards";
import { exportProgress, importProgress } from "@/lib/server/progress";
import { createTestDatabase, testProviders, type TestDatabase } from "../support/databases";
import { seedProgressHistory } from "./progress-seed";
import { seedReviewQuestions } from "./review-seed";

const learnerId = DEFAULT_LEARNER_ID;
const now = new Date("2026-03-10T01:00:00Z");

async function rowsOf(db: Db) {
  return {
    settings: await db.learnerSettings.findMany({ where: { learnerId } }),
    cards: await db.card.findMany({ orderBy: { id: "asc" } }),
    logs: await db.reviewLog.findMany({ orderBy: { id: "asc" } }),
    attempts: await db.examAttempt.findMany({ orderBy: { id: "asc" } }),
    items: await db.examItem.findMany({ orderBy: [{ attemptId: "asc" }, { position: "asc" }] }),
  };
}

async function counts(db: Db) {
  return { cards: await db.card.count(), logs: await db.reviewLog.count(), attempts: await db.examAttempt.count(), items: await db.examItem.count(), settings: await db.learnerSettings.findUnique({ where: { learnerId } }) };
}

for (const provider of testProviders()) {
  describe(`progress backup on ${provider}`, () => {
    let source: TestDatabase;
    let target: TestDatabase;
    let text: string;

    beforeAll(async () => {
      source = await createTestDatabase(provider);
      target = await createTestDatabase(provider);
      await seedProgressHistory(source.db, learnerId, now, { withExam: true });
      await source.db.learnerSettings.update({ where: { learnerId }, data: { examDate: new Date("2026-04-10T00:00:00Z"), desiredRetention: 0.87, fsrsParameters: JSON.stringify(Array.from({ length: 21 }, (_, index) => 0.1 + index / 7)) } });
      await source.db.card.update({ where: { id: `${learnerId}:review-test-q001` }, data: { flag: 2, buriedUntil: new Date("2026-03-10T19:00:00Z") } });
      text = serializeBackup(await exportProgress(source.db, learnerId, now));
      await seedReviewQuestions(target.db, 24);
    });
    afterAll(async () => {
      await source?.cleanup();
      await target?.cleanup();
    });

    async function refused(content: string, match: RegExp, errorClass: typeof ValidationError | typeof ConflictError = ValidationError) {
      const before = await counts(target.db);
      const failure = await importProgress(target.db, learnerId, content).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(errorClass);
      expect((failure as Error).message).toMatch(match);
      expect(await counts(target.db)).toEqual(before);
    }

    it("refuses malformed, truncated, foreign and edited files, changing nothing", async () => {
      // Page loads have created new cards in the target: that is not progress.
      await ensureCards(target.db, learnerId, now);
      const backup = JSON.parse(text) as Record<string, unknown> & { cards: Record<string, unknown>[]; reviewLogs: Record<string, unknown>[]; counts: Record<string, number> };
      await refused("", /비어 있습니다/);
      await refused("{ not json", /잘렸거나 JSON/);
      await refused(text.slice(0, Math.floor(text.length / 2)), /잘렸거나 JSON/);
      await refused(JSON.stringify({ name: "my-notes", version: 1 }), /구름 진도 백업 파일이 아닙니다/);
      await refused(JSON.stringify([1, 2, 3]), /구름 진도 백업 파일이 아닙니다/);
      await refused(JSON.stringify({ ...backup, version: 2 }), /버전입니다: 2/);
      // a whole-row cut that leaves valid JSON: the counts give it away
      await refused(JSON.stringify({ ...backup, reviewLogs: backup.reviewLogs.slice(1) }), /잘렸거나 고쳐졌습니다: 복습 기록 수가 \d+개여야/);
      await refused(JSON.stringify({ ...backup, cards: [{ ...backup.cards[0], due: "어제" }, ...backup.cards.slice(1)] }), /cards\[0\]\.due/);
      await refused(JSON.stringify({ ...backup, cards: [{ ...backup.cards[0], extra: 1 }, ...backup.cards.slice(1)] }), /cards\[0\]/);
      await refused(JSON.stringify({ ...backup, reviewLogs: [{ ...backup.reviewLogs[0], cardId: "default:nowhere" }, ...backup.reviewLogs.slice(1)] }), /카드\(default:nowhere\)가 백업에 없습니다/);
      await refused(JSON.stringify({ ...backup, learnerId: "someone-else" }), /다른 학습자/);
      await refused(
        JSON.stringify({ ...backup, cards: [{ ...backup.cards[0], questionId: "gone-question" }, ...backup.cards.slice(1)] }),
        /문제 1개가 이 데이터베이스에 없습니다 \(예: gone-question\)/,
      );
    });

    it("restores every row exactly", async () => {
      const result = await importProgress(target.db, learnerId, text);
      expect(result.cards).toBe(24);
      expect(result.examAttempts).toBe(1);
      const [restored, original] = await Promise.all([rowsOf(target.db), rowsOf(source.db)]);
      expect(restored.cards).toEqual(original.cards);
      expect(restored.logs).toEqual(original.logs);
      expect(restored.attempts).toEqual(original.attempts);
      expect(restored.items).toEqual(original.items);
      expect(restored.settings.map(({ updatedAt: _u, ...rest }) => rest)).toEqual(original.settings.map(({ updatedAt: _u, ...rest }) => rest));
      expect(restored.settings[0]!.updatedAt.getTime()).toBe(original.settings[0]!.updatedAt.getTime());
      // and a second export is byte-identical
      expect(serializeBackup(await exportProgress(target.db, learnerId, now))).toBe(text);
    });

    it("refuses to restore over existing progress", async () => {
      await refused(text, /이미 진도가 있어/, ConflictError);
    });
  });
}
