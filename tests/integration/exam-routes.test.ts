// The exam API as Next calls it (the exported route handlers with real Requests) on a real
// SQLite database: every tampered, stale, cross-site or malformed request gets a Korean 4xx and
// changes nothing; a seeded generator of hostile bodies never gets a 500.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as statePage } from "@/app/exams/api/[id]/route";
import { POST as answerPost } from "@/app/exams/api/[id]/answer/route";
import { POST as flagPost } from "@/app/exams/api/[id]/flag/route";
import { POST as submitPost } from "@/app/exams/api/[id]/submit/route";
import { examStartSchema } from "@/lib/core/exam/inputs";
import { DEFAULT_LEARNER_ID, disconnectAll } from "@/lib/server/db";
import { startExam } from "@/lib/server/exams";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { seedExamQuestions } from "./exam-seed";
import { createRandom } from "@/lib/core/questions/random";

const ORIGIN = "http://localhost:3000";
const HANGUL = /[\uac00-\ud7a3]/;
const ENGLISH = /Invalid input|expected \w+|received \w+|Too big|Too small|Unexpected token|is not valid JSON/i;
type Handler = (request: Request, context: { params: Promise<{ id: string }> }) => Promise<Response>;
const routes: Record<string, Handler> = { answer: answerPost, flag: flagPost, submit: submitPost };

function call(route: string, id: string, body: string, headers: Record<string, string> = {}) {
  const request = new Request(`${ORIGIN}/exams/api/${id}/${route}`, {
    method: "POST",
    headers: { host: "localhost:3000", origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", ...headers },
    body,
  });
  return routes[route]!(request, { params: Promise.resolve({ id }) });
}

async function json(response: Response) {
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } & Record<string, unknown> };
}

/** mulberry32, seeded (the project's one copy: lib/core/questions/random.ts). */
const random = (seed: number) => createRandom(seed);

describe("exam routes on sqlite", () => {
  let test: TestDatabase;
  let attemptId: string;
  const previousUrl = process.env.DATABASE_URL;
  const state = async () => JSON.stringify({ attempt: await test.db.examAttempt.findMany(), items: await test.db.examItem.findMany({ orderBy: [{ attemptId: "asc" }, { position: "asc" }] }), logs: await test.db.reviewLog.count() });

  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    process.env.DATABASE_URL = test.url;
    await seedExamQuestions(test.db, { count: 40 });
    await test.db.learner.create({ data: { id: "other", displayName: "다른 학습자" } });
    const config = examStartSchema.parse({ mode: "custom", questionCount: 4, timeLimitMinutes: 300 });
    attemptId = (await startExam(test.db, { learnerId: DEFAULT_LEARNER_ID, now: new Date(), config, seed: "routes" })).id;
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await disconnectAll();
    await test?.cleanup();
  });

  it("saves an answer and a flag, refuses the same version twice, returns the answer-free state", async () => {
    const saved = await json(await call("answer", attemptId, JSON.stringify({ position: 0, selected: ["A"], version: 0 })));
    expect(saved.status).toBe(200);
    expect(saved.body.version).toBe(1);
    const replay = await json(await call("answer", attemptId, JSON.stringify({ position: 0, selected: ["B"], version: 0 })));
    expect(replay.status).toBe(409);
    expect(replay.body.error?.code).toBe("stale_exam");
    expect(replay.body.error?.message).toMatch(HANGUL);
    expect((await json(await call("flag", attemptId, JSON.stringify({ position: 1, flagged: true, version: 1 })))).status).toBe(200);
    const page = await statePage(new Request(`${ORIGIN}/exams/api/${attemptId}`), { params: Promise.resolve({ id: attemptId }) });
    const text = await page.text();
    expect(page.status).toBe(200);
    expect(text).not.toMatch(/"correct"|"explanations"|해설/);
  });

  it("refuses tampered, cross-site and malformed requests in Korean and changes nothing", async () => {
    const before = await state();
    const cases: [string, string, string, Record<string, string>?][] = [
      ["answer", attemptId, JSON.stringify({ position: 99, selected: ["A"], version: 2 })],
      ["answer", attemptId, JSON.stringify({ position: 0, selected: ["Z"], version: 2 })],
      ["answer", attemptId, JSON.stringify({ position: 0, selected: ["A", "A"], version: 2 })],
      ["answer", attemptId, JSON.stringify({ position: 0, selected: ["A"], version: 2, check: true })],
      ["answer", attemptId, JSON.stringify({ position: -1, selected: [], version: 2 })],
      ["answer", attemptId, JSON.stringify({ position: "0", selected: "A", version: 1.5 })],
      ["answer", "nope!", JSON.stringify({ position: 0, selected: ["A"], version: 2 })],
      ["answer", "unknownattempt", JSON.stringify({ position: 0, selected: ["A"], version: 2 })],
      ["answer", attemptId, "{not json"],
      ["answer", attemptId, JSON.stringify({ position: 0, selected: ["A"], version: 2 }), { "content-type": "text/plain" }],
      ["answer", attemptId, JSON.stringify({ position: 0, selected: ["A"], version: 2 }), { origin: "https://evil.example", "sec-fetch-site": "cross-site" }],
      ["flag", attemptId, JSON.stringify({ position: 0, flagged: "maybe", version: 2 })],
      ["submit", attemptId, JSON.stringify({ version: 1 })],
      ["submit", attemptId, JSON.stringify({ version: "x".repeat(70_000) })],
    ];
    for (const [route, id, body, headers] of cases) {
      const { status, body: answer } = await json(await call(route, id, body, headers));
      expect(status, `${route} ${body.slice(0, 60)}`).toBeGreaterThanOrEqual(400);
      expect(status, `${route} ${body.slice(0, 60)}`).toBeLessThan(500);
      expect(answer.error?.message, body.slice(0, 60)).toMatch(HANGUL);
      expect(answer.error?.message, body.slice(0, 60)).not.toMatch(ENGLISH);
    }
    // Another learner's exam is reported as missing.
    await test.db.examAttempt.update({ where: { id: attemptId }, data: { learnerId: "other" } });
    expect((await json(await call("answer", attemptId, JSON.stringify({ position: 0, selected: ["A"], version: 2 })))).status).toBe(404);
    await test.db.examAttempt.update({ where: { id: attemptId }, data: { learnerId: DEFAULT_LEARNER_ID } });
    expect(await state()).toBe(before);
  });

  it("never answers 500 to 300 generated hostile bodies, and none of them writes", async () => {
    const next = random(8);
    const values = () => [null, true, -1, 0, 1e308, "A", "", "<script>", "__proto__", [], {}, ["A", "B", "C", "D", "E", "F", "G"], { constructor: { prototype: { polluted: 1 } } }][Math.floor(next() * 13)];
    const before = await state();
    for (let index = 0; index < 300; index += 1) {
      const body: Record<string, unknown> = {};
      for (const key of ["position", "selected", "version", "check", "flagged", "timeSpentMs", "__proto__"]) if (next() < 0.7) body[key] = values();
      const route = ["answer", "flag", "submit"][index % 3]!;
      const response = await call(route, attemptId, JSON.stringify(body));
      expect(response.status, JSON.stringify(body)).toBeLessThan(500);
      if (response.status === 200) throw new Error(`a hostile body was accepted: ${JSON.stringify(body)}`);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await state()).toBe(before);
  });
});
