// The /questions/import server action as the form drives it: a plain import reports warnings and
// sections; a truncated re-import and a renamed copy come back as a question with choices and
// write nothing until one is submitted; a choice whose plan went stale is asked again.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { importBankAction } from "@/app/questions/import/actions";
import { IMPORT_IDLE, type ImportFormState } from "@/components/questions/import-form-state";
import { disconnectAll } from "@/lib/server/db";
import { createTestDatabase, type TestDatabase } from "@/tests/support/databases";

vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));
vi.mock("next/navigation", () => ({ redirect: vi.fn() }));
// The action checks the request's origin (lib/server/http.ts): our own page unless a test says otherwise.
const requestHeaders = { current: new Headers({ host: "localhost:3000", origin: "http://localhost:3000" }) };
vi.mock("next/headers", () => ({ headers: async () => requestHeaders.current }));

const DIR = "tests/fixtures/questions/import";

function upload(name: string, content: string): FormData {
  const form = new FormData();
  form.set("file", new File([content], name, { type: "text/markdown" }));
  form.set("text", "");
  form.set("fileName", "");
  return form;
}

function choose(state: ImportFormState, index: number): FormData {
  const choice = state.confirm?.choices[index];
  const form = new FormData();
  form.set("confirmToken", choice?.token ?? "");
  form.set("intoBankId", choice?.intoBankId ?? "");
  form.set("confirmFileName", state.confirm?.fileName ?? "");
  form.set("confirmContent", state.confirm?.content ?? "");
  return form;
}

describe("importBankAction", () => {
  let test: TestDatabase;
  const previousUrl = process.env.DATABASE_URL;
  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    process.env.DATABASE_URL = test.url;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await disconnectAll();
    await test?.cleanup();
  });

  it("refuses a cross-site post in Korean and imports nothing", async () => {
    requestHeaders.current = new Headers({ host: "localhost:3000", origin: "https://evil.example", "sec-fetch-site": "cross-site" });
    try {
      const before = await test.db.question.count();
      const state = await importBankAction(IMPORT_IDLE, upload("seven-options.md", readFileSync(`${DIR}/seven-options.md`, "utf8")));
      expect(state.status).toBe("error");
      expect(state.message).toContain("다른 사이트에서 보낸 요청은 받지 않습니다");
      expect(await test.db.question.count()).toBe(before);
    } finally {
      requestHeaders.current = new Headers({ host: "localhost:3000", origin: "http://localhost:3000" });
    }
  });

  it("imports and reports warnings, skipped questions and sections", async () => {
    const state = await importBankAction(IMPORT_IDLE, upload("seven-options.md", readFileSync(`${DIR}/seven-options.md`, "utf8")));
    expect(state.status).toBe("success");
    expect(state.report).toMatchObject({ imported: 1, added: 1, archived: 0 });
    expect(state.report?.warnings).toHaveLength(1);
    expect(state.report?.skipped).toHaveLength(1);
    expect(state.report?.sections).toEqual([{ line: 1, message: "Seven options" }]);
  });

  it("asks before archiving, showing how many, and archives only when the choice is submitted", async () => {
    await importBankAction(IMPORT_IDLE, upload("long-bank.md", readFileSync(`${DIR}/long-bank.md`, "utf8")));
    const asked = await importBankAction(IMPORT_IDLE, upload("long-bank.md", readFileSync(`${DIR}/long-bank-truncated.md`, "utf8")));
    expect(asked.status).toBe("confirm");
    expect(asked.confirm?.question).toContain("문제 26개가 이 파일에 없어 보관됩니다");
    expect(asked.confirm?.choices.map((choice) => choice.label)).toEqual(["문제 26개를 보관하고 가져오기"]);
    expect(await test.db.question.count({ where: { bank: { sourceFile: "long-bank.md" }, archivedAt: null } })).toBe(40);
    const done = await importBankAction(asked, choose(asked, 0));
    expect(done).toMatchObject({ status: "success", report: { imported: 14, archived: 26 } });
  });

  it("offers to update the existing bank or import a second one for a renamed copy; a stale choice is asked again", async () => {
    const content = readFileSync(`${DIR}/readme-sections.md`, "utf8");
    const first = await importBankAction(IMPORT_IDLE, upload("readme-sections.md", content));
    expect(first.status).toBe("success");
    const asked = await importBankAction(IMPORT_IDLE, upload("readme copy.md", content));
    expect(asked.status).toBe("confirm");
    expect(asked.confirm?.choices.map((choice) => [choice.label, choice.intoBankId])).toEqual([
      ["'readme-sections' 은행을 이 파일로 갱신하기", first.report?.bankId],
      ["새 은행 'readme copy' 으로 따로 가져오기", null],
    ]);
    // The first bank changes before the learner answers: the answer is refused and asked again.
    await test.db.question.updateMany({ where: { bankId: first.report?.bankId }, data: { contentHash: "changed" } });
    const again = await importBankAction(asked, choose(asked, 0));
    expect(again.status).toBe("confirm");
    expect(again.message).toContain("다시 확인해 주세요");
    const updated = await importBankAction(again, choose(again, 0));
    expect(updated).toMatchObject({ status: "success", report: { bankId: first.report?.bankId, imported: 2, updated: 2 } });
    expect(await test.db.questionBank.count({ where: { sourceFile: "readme copy.md" } })).toBe(0);
  });
});
