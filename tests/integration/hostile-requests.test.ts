// Hostile requests against the review API's route handlers, called as Next calls them (their
// exported POST with a real `Request`) on a real SQLite database: cross-site posts, non-JSON
// bodies, oversize bodies, malformed JSON and a seeded generator of hostile bodies. None may
// answer 500, none may write, every message is Korean and names the problem.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { POST as answerPost } from "@/app/review/api/answer/route";
import { POST as checkPost } from "@/app/review/api/check/route";
import { POST as undoPost } from "@/app/review/api/undo/route";
import { DEFAULT_LEARNER_ID, disconnectAll } from "@/lib/server/db";
import { assertSameOriginHeaders, JSON_BODY_LIMIT_BYTES, RequestRefusedError } from "@/lib/server/http";
import { fetchReviewSession, NO_SCOPE } from "@/lib/server/review";
import { createTestDatabase, type TestDatabase } from "../support/databases";
import { seedReviewQuestions, type SeededQuestion } from "./review-seed";
import { createRandom } from "@/lib/core/questions/random";

const ORIGIN = "http://localhost:3000";
const HANGUL = /[\uac00-\ud7a3]/;
/** Phrases of zod's English locale and of JSON.parse; none may reach the learner. */
const ENGLISH = /Invalid input|Invalid option|expected \w+|received \w+|Too big|Too small|Unexpected token|Required|is not valid JSON/i;

type Endpoint = "answer" | "check" | "undo";
const handlers: Record<Endpoint, (request: Request) => Promise<Response>> = { answer: answerPost, check: checkPost, undo: undoPost };

interface PostOptions {
  headers?: Record<string, string>;
  /** omit the same-origin headers a page of the app sends */
  bare?: boolean;
}

function request(endpoint: Endpoint, body: BodyInit | null, options: PostOptions = {}): Request {
  const headers: Record<string, string> = options.bare
    ? { ...options.headers }
    : { host: "localhost:3000", origin: ORIGIN, "sec-fetch-site": "same-origin", "content-type": "application/json", ...options.headers };
  return new Request(`${ORIGIN}/review/api/${endpoint}`, { method: "POST", headers, body, ...(body instanceof ReadableStream ? { duplex: "half" } : {}) } as RequestInit);
}

/** A nested array too deep for JSON.stringify (it overflows the stack); `toJson` writes it out. */
class Nested {
  constructor(readonly depth: number) {}
}

/** JSON text of a value that may hold `Nested` arrays. */
function toJson(value: unknown): string {
  if (value instanceof Nested) return "[".repeat(value.depth) + "]".repeat(value.depth);
  if (Array.isArray(value)) return `[${value.map(toJson).join(",")}]`;
  if (value !== null && typeof value === "object") return `{${Object.entries(value).filter(([, item]) => item !== undefined).map(([key, item]) => `${JSON.stringify(key)}:${toJson(item)}`).join(",")}}`;
  return JSON.stringify(value) ?? "null";
}

async function post(endpoint: Endpoint, body: unknown, options: PostOptions = {}) {
  return postText(endpoint, toJson(body), options);
}

async function postText(endpoint: Endpoint, body: string, options: PostOptions = {}) {
  const response = await handlers[endpoint](request(endpoint, body, options));
  const json = (await response.json()) as { error?: { code: string; message: string } } & Record<string, unknown>;
  return { status: response.status, json, message: json.error?.message ?? "" };
}

function expectKorean(message: string): void {
  expect(message, message).toMatch(HANGUL);
  expect(message, message).not.toMatch(ENGLISH);
}

/** mulberry32, seeded (the project's one copy: lib/core/questions/random.ts). */
const random = (seed: number) => createRandom(seed);

describe("hostile requests to /review/api on sqlite", () => {
  let test: TestDatabase;
  let questions: SeededQuestion[];
  let card: { cardId: string; version: number; questionId: string };
  const previousUrl = process.env.DATABASE_URL;

  beforeAll(async () => {
    test = await createTestDatabase("sqlite");
    // The route handlers reach the database through requestContext() → getDb(DATABASE_URL).
    process.env.DATABASE_URL = test.url;
    questions = await seedReviewQuestions(test.db, 8);
    const session = await fetchReviewSession(test.db, { learnerId: DEFAULT_LEARNER_ID, scope: NO_SCOPE, now: new Date() });
    card = { cardId: session.card!.cardId, version: session.card!.version, questionId: session.card!.questionId };
  });
  afterAll(async () => {
    process.env.DATABASE_URL = previousUrl;
    await disconnectAll();
    await test?.cleanup();
  });
  beforeEach(async () => {
    await test.db.reviewLog.deleteMany({});
  });

  const correct = () => questions.find((question) => question.id === card.questionId)?.correct ?? [];
  const validAnswer = () => ({ cardId: card.cardId, version: card.version, rating: 3, selected: correct(), durationMs: 2_000 });
  /** ReviewLog rows and the card's version: what any write would change. */
  const writes = async () => ({ logs: await test.db.reviewLog.count(), version: (await test.db.card.findUniqueOrThrow({ where: { id: card.cardId } })).version });

  it("accepts a same-origin JSON answer (the control: the checks below refuse for their reason alone)", async () => {
    const before = await writes();
    const answered = await post("answer", validAnswer());
    expect(answered.status, answered.message).toBe(200);
    expect(await writes()).toEqual({ logs: before.logs + 1, version: before.version + 1 });
    // Undo it so the card is back where the other tests expect it.
    const undone = await post("undo", { logId: answered.json.logId });
    expect(undone.status, undone.message).toBe(200);
    // Undo deletes the log and bumps the version again (a tab still showing the card is stale).
    const after = await writes();
    expect(after).toEqual({ logs: before.logs, version: before.version + 2 });
    card.version = after.version;
  });

  describe("cross-site requests are refused with 403 and write nothing", () => {
    const cases: [string, PostOptions][] = [
      ["another origin", { headers: { origin: "https://evil.example" } }],
      ["another port on localhost (same site, not same origin)", { headers: { origin: "http://localhost:5173", "sec-fetch-site": "same-site" } }],
      ["Origin: null (sandboxed frame)", { headers: { origin: "null" } }],
      ["Sec-Fetch-Site: cross-site without Origin", { bare: true, headers: { host: "localhost:3000", "sec-fetch-site": "cross-site", "content-type": "application/json" } }],
      ["a browser sending neither Origin nor Sec-Fetch-Site", { bare: true, headers: { host: "localhost:3000", "content-type": "application/json", "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0" } }],
      ["a cross-site text/plain form post (no preflight)", { bare: true, headers: { host: "localhost:3000", origin: "https://evil.example", "sec-fetch-site": "cross-site", "content-type": "text/plain" } }],
      ["a forged Host does not help: Origin must match it", { headers: { host: "evil.example:3000", origin: ORIGIN } }],
    ];
    for (const [name, options] of cases) {
      it(name, async () => {
        const before = await writes();
        for (const endpoint of ["answer", "check", "undo"] as const) {
          const body = endpoint === "undo" ? { logId: "x" } : validAnswer();
          const result = await post(endpoint, body, options);
          expect(result.status, `${endpoint}: ${result.message}`).toBe(403);
          expect(result.json.error?.code).toBe("cross_site");
          expectKorean(result.message);
        }
        expect(await writes()).toEqual(before);
      });
    }

    it("lets a tool without browser headers through (curl carries no ambient credentials)", async () => {
      const result = await post("check", { cardId: card.cardId, selected: correct() }, { bare: true, headers: { "content-type": "application/json", "user-agent": "curl/8.5.0" } });
      expect(result.status, result.message).toBe(200);
    });

    it("is the check server actions use (assertSameOrigin reads the same headers)", () => {
      const refused = (headers: Record<string, string>) => {
        try {
          assertSameOriginHeaders(new Headers(headers));
          return null;
        } catch (error) {
          expect(error).toBeInstanceOf(RequestRefusedError);
          return (error as RequestRefusedError).status;
        }
      };
      expect(refused({ host: "localhost:3000", origin: ORIGIN })).toBeNull();
      expect(refused({ host: "127.0.0.1:3000", "x-forwarded-host": "gureum.example", origin: "https://gureum.example" })).toBeNull();
      expect(refused({ host: "localhost:3000", "sec-fetch-site": "same-origin" })).toBeNull();
      expect(refused({ host: "localhost:3000", origin: "https://evil.example" })).toBe(403);
      expect(refused({ host: "localhost:3000", origin: "not a url" })).toBe(403);
      expect(refused({ host: "localhost:3000", "sec-fetch-site": "none" })).toBe(403);
      expect(refused({ host: "localhost:3000", "user-agent": "Mozilla/5.0" })).toBe(403);
    });
  });

  it("refuses bodies that are not application/json with 415 before reading them", async () => {
    const before = await writes();
    for (const contentType of ["text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/jsonp", ""]) {
      const headers: Record<string, string> = contentType === "" ? { host: "localhost:3000", origin: ORIGIN } : { host: "localhost:3000", origin: ORIGIN, "content-type": contentType };
      const result = await post("answer", validAnswer(), { bare: true, headers });
      expect(result.status, `${contentType}: ${result.message}`).toBe(415);
      expect(result.json.error?.code).toBe("unsupported_media_type");
      expectKorean(result.message);
    }
    expect(await writes()).toEqual(before);
    // A charset parameter and upper case are still JSON.
    expect((await post("check", { cardId: card.cardId, selected: correct() }, { headers: { "content-type": "Application/JSON; charset=utf-8" } })).status).toBe(200);
  });

  it("refuses an oversize body with 413: by Content-Length without reading, and by counting when it lies or is absent", async () => {
    const before = await writes();
    // 50 MB announced: refused on the header alone.
    let pulled = 0;
    const fifty = 50 * 1024 * 1024;
    const chunk = new TextEncoder().encode(" ".repeat(16 * 1024));
    const endless = () =>
      new ReadableStream<Uint8Array>({
        pull(controller) {
          pulled += chunk.byteLength;
          if (pulled > fifty) controller.close();
          else controller.enqueue(chunk);
        },
      });
    const announced = await answerPost(request("answer", endless(), { headers: { "content-length": String(fifty) } }));
    expect(announced.status).toBe(413);
    expect(pulled).toBeLessThanOrEqual(2 * chunk.byteLength); // at most what the stream pre-buffered
    const announcedJson = (await announced.json()) as { error: { code: string; message: string } };
    expect(announcedJson.error.code).toBe("body_too_large");
    expectKorean(announcedJson.error.message);

    // No Content-Length (a streamed body): counted while reading, stopped just past the limit.
    pulled = 0;
    const streamed = await answerPost(request("answer", endless()));
    expect(streamed.status).toBe(413);
    expect(pulled).toBeLessThan(JSON_BODY_LIMIT_BYTES + 4 * chunk.byteLength);

    // Content-Length that lies (says 100 bytes, sends 50 MB): still stopped at the limit.
    pulled = 0;
    const lying = await answerPost(request("answer", endless(), { headers: { "content-length": "100" } }));
    expect(lying.status).toBe(413);
    expect(pulled).toBeLessThan(JSON_BODY_LIMIT_BYTES + 4 * chunk.byteLength);

    // A valid answer padded past the limit with whitespace is refused too.
    const padded = JSON.stringify(validAnswer()) + " ".repeat(JSON_BODY_LIMIT_BYTES);
    expect((await postText("answer", padded)).status).toBe(413);
    expect(await writes()).toEqual(before);
  });

  it("answers malformed JSON, empty bodies and invalid UTF-8 with 400 in Korean", async () => {
    const before = await writes();
    for (const body of ["{", "{cardId: 'x'}", "[1,]", "NaN", "{'a':1}", "", "   ", '{"cardId":"a"} trailing']) {
      const result = await postText("answer", body);
      expect(result.status, JSON.stringify(body)).toBe(400);
      expectKorean(result.message);
    }
    const invalidUtf8 = await answerPost(request("answer", new Uint8Array([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d])));
    expect(invalidUtf8.status).toBe(400);
    expectKorean(((await invalidUtf8.json()) as { error: { message: string } }).error.message);
    expect(await writes()).toEqual(before);
  });

  describe("every validation message is Korean and names the problem", () => {
    const base = () => validAnswer();
    const table: [Endpoint, string, () => unknown, RegExp][] = [
      ["answer", "null body", () => null, /요청 본문은 객체여야 합니다 \(받은 값: null\)/],
      ["answer", "array body", () => [], /요청 본문은 객체여야/],
      ["answer", "an array 30,000 deep as the body (~60 KB)", () => new Nested(30_000), /요청 본문은 객체여야 합니다 \(받은 값: 배열\(1개\)\)/],
      ["answer", "string body", () => "x", /요청 본문은 객체여야/],
      ["answer", "missing cardId", () => ({ ...base(), cardId: undefined }), /카드 id\(cardId\)가 필요합니다/],
      ["answer", "cardId a number", () => ({ ...base(), cardId: 5 }), /카드 id\(cardId\)는 문자열이어야 합니다/],
      ["answer", "blank cardId", () => ({ ...base(), cardId: "   " }), /카드 id\(cardId\)가 비어 있습니다/],
      ["answer", "301-character cardId", () => ({ ...base(), cardId: "c".repeat(301) }), /카드 id\(cardId\)는 300자 이하여야 합니다 \(받은 값: 301자\)/],
      ["answer", "version 1.5", () => ({ ...base(), version: 1.5 }), /카드 버전\(version\)은 정수여야 합니다 \(받은 값: 숫자 1\.5\)/],
      ["answer", "version -1", () => ({ ...base(), version: -1 }), /카드 버전\(version\)은 0 이상이어야/],
      ["answer", "version a string", () => ({ ...base(), version: "1" }), /카드 버전\(version\)은 숫자여야/],
      ["answer", "missing version", () => ({ ...base(), version: undefined }), /카드 버전\(version\)이 필요합니다/],
      ["answer", "rating 7", () => ({ ...base(), rating: 7 }), /평가\(rating\)는 1–4 사이의 정수여야 합니다 \(받은 값: 7\)/],
      ["answer", "rating deeply nested", () => ({ ...base(), rating: new Nested(30_000) }), /평가\(rating\)는 1–4 사이의 정수여야 합니다 \(받은 값: 배열\(1개\)\)/],
      ["answer", "a 9-character choice", () => ({ ...base(), selected: ["ABCDEFGHI"] }), /선택지\(selected\)의 1번째 값은 8자 이하여야 합니다/],
      ["answer", "a numeric choice", () => ({ ...base(), selected: ["A", 1] }), /선택지\(selected\)의 2번째 값은 문자열이어야/],
      ["answer", "selected a string", () => ({ ...base(), selected: "A" }), /선택지\(selected\)는 배열이어야/],
      ["answer", "11 choices", () => ({ ...base(), selected: Array(11).fill("A") }), /선택지\(selected\)는 10개 이하여야/],
      ["answer", "durationMs 1.5", () => ({ ...base(), durationMs: 1.5 }), /응답 시간\(durationMs\)은 정수여야/],
      ["answer", "durationMs over a day", () => ({ ...base(), durationMs: 1e12 }), /응답 시간\(durationMs\)은 86400000 이하여야/],
      ["answer", "40 upcoming ids", () => ({ ...base(), upcoming: Array(40).fill("x") }), /다음 카드 목록\(upcoming\)은 32개 이하여야/],
      ["answer", "an empty upcoming id", () => ({ ...base(), upcoming: ["x", ""] }), /다음 카드 목록\(upcoming\)의 2번째 값이 비어 있습니다/],
      ["answer", "topic of 101 characters", () => ({ ...base(), topic: "t".repeat(101) }), /주제\(topic\)는 100자 이하여야/],
      ["answer", "domain a number", () => ({ ...base(), domain: 5 }), /영역\(domain\)은 문자열이어야/],
      ["answer", "an unknown card", () => ({ ...base(), cardId: "default:nope" }), HANGUL],
      ["answer", "a stale version", () => ({ ...base(), version: card.version + 7 }), HANGUL],
      ["check", "null body", () => null, /요청 본문은 객체여야/],
      ["check", "missing cardId", () => ({ selected: ["A"] }), /카드 id\(cardId\)가 필요합니다/],
      ["check", "301-character cardId", () => ({ cardId: "c".repeat(301) }), /카드 id\(cardId\)는 300자 이하여야/],
      ["check", "a 9-character choice", () => ({ cardId: card.cardId, selected: ["ABCDEFGHI"] }), /선택지\(selected\)의 1번째 값은 8자 이하여야/],
      ["check", "durationMs negative", () => ({ cardId: card.cardId, durationMs: -5 }), /응답 시간\(durationMs\)은 0 이상이어야/],
      ["check", "durationMs a string", () => ({ cardId: card.cardId, durationMs: "5" }), /응답 시간\(durationMs\)은 숫자여야/],
      ["undo", "null body", () => null, /요청 본문은 객체여야/],
      ["undo", "missing logId", () => ({}), /되돌릴 기록 id\(logId\)가 필요합니다/],
      ["undo", "blank logId", () => ({ logId: "" }), /되돌릴 기록 id\(logId\)가 비어 있습니다/],
      ["undo", "201-character logId", () => ({ logId: "l".repeat(201) }), /되돌릴 기록 id\(logId\)는 200자 이하여야/],
      ["undo", "logId a number", () => ({ logId: 12 }), /되돌릴 기록 id\(logId\)는 문자열이어야/],
      ["undo", "domain of 21 characters", () => ({ logId: "x", domain: "d".repeat(21) }), /영역\(domain\)은 20자 이하여야/],
      ["undo", "an unknown log", () => ({ logId: "nope" }), HANGUL],
    ];
    for (const [endpoint, name, body, expected] of table) {
      it(`${endpoint}: ${name}`, async () => {
        const before = await writes();
        const result = await post(endpoint, body());
        expect([400, 404, 409], `${result.status}: ${result.message}`).toContain(result.status);
        expectKorean(result.message);
        expect(result.message).toMatch(expected);
        expect(await writes()).toEqual(before);
      });
    }
  });

  it("installs the Korean map for every zod schema at the edge, not only the review ones", () => {
    const parsed = z.object({ name: z.string().max(3) }).safeParse({ name: "four" });
    expect(parsed.error?.issues[0]?.message).toBe("'name' 항목은 3자 이하여야 합니다 (받은 값: 4자).");
    expect(z.number().safeParse(null).error?.issues[0]?.message).toBe("요청 본문은 숫자여야 합니다 (받은 값: null).");
  });

  it("survives 400 seeded hostile bodies: never 500, never a write, always Korean", async () => {
    const next = random(20260310);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
    const hugeString = () => "가".repeat(Math.floor(next() * 20_000));
    const deep = (depth: number) => new Nested(depth);
    const randomValue = (depth: number): unknown => {
      const kind = Math.floor(next() * (depth > 3 ? 7 : 9));
      switch (kind) {
        case 0:
          return null;
        case 1:
          return next() < 0.5;
        case 2:
          return pick([0, -1, 1.5, 4, 5, 1e308, -0, 2 ** 53 + 1, Math.floor(next() * 1e9)]);
        case 3:
          return pick(["", " ", "A", "default:", card.cardId, "🙂".repeat(5), "\u0000", "<script>alert(1)</script>", "' OR 1=1 --"]);
        case 4:
          return hugeString();
        case 5:
          return deep(1 + Math.floor(next() * 5_000));
        case 6:
          return pick([[], {}, ["A"], [1, 2, 3]]);
        case 7:
          return Array.from({ length: Math.floor(next() * 6) }, () => randomValue(depth + 1));
        default:
          return Object.fromEntries(Array.from({ length: Math.floor(next() * 5) }, () => [pick(["cardId", "version", "rating", "selected", "logId", "x", "__proto__", "constructor"]), randomValue(depth + 1)]));
      }
    };
    // Every body is invalid by construction (a required field is wrong, or the card/log does not
    // exist, or the version is stale), so a write would be a bug, not a legitimate answer.
    const hostileBody = (endpoint: Endpoint): string => {
      const shape = Math.floor(next() * 6);
      if (shape === 0) return toJson(randomValue(0));
      if (shape === 1) return pick(['{"__proto__":{"polluted":true},"cardId":1}', '{"constructor":{"prototype":{"polluted":true}}}', '{"cardId":"x","__proto__":null}', '{"toString":1,"valueOf":2,"hasOwnProperty":3}']);
      if (shape === 2) return toJson({ ...validAnswer(), [pick(["cardId", "version", "rating", "selected"])]: pick([null, {}, "1", -1, 1.5, 99, hugeString(), deep(3_000)]) });
      if (shape === 3) return JSON.stringify(endpoint === "undo" ? { logId: pick(["nope", hugeString().slice(0, 150), "0"]) } : { ...validAnswer(), cardId: `default:${hugeString().slice(0, 20)}-missing`, version: 0 });
      if (shape === 4) return JSON.stringify({ ...validAnswer(), version: card.version + 1 + Math.floor(next() * 100) });
      return pick(["{", "[[[[", '{"a":', "\u0000", "{}{}", '"unterminated', "1e99999"]);
    };
    const before = await writes();
    const statuses = new Map<number, number>();
    for (let index = 0; index < 400; index += 1) {
      const endpoint = pick(["answer", "check", "undo"] as const);
      const body = hostileBody(endpoint);
      const result = await postText(endpoint, body);
      statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      if (result.status === 200) {
        // Only the read-only check may succeed (a check of a real card with a wrong choice list).
        expect(endpoint, body.slice(0, 200)).toBe("check");
        continue;
      }
      expect([400, 404, 409, 413], `${endpoint} ${body.slice(0, 200)} → ${result.status} ${result.message}`).toContain(result.status);
      expectKorean(result.message);
    }
    expect(await writes()).toEqual(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(statuses.get(500)).toBeUndefined();
    // The generator reaches each refusal it is meant to reach.
    expect(statuses.get(400)).toBeGreaterThan(50);
    expect((statuses.get(404) ?? 0) + (statuses.get(409) ?? 0)).toBeGreaterThan(10);
  });
});
