// Review scopes, suspension and sibling burying in Chromium, against the e2e server's database
// (scripts/e2e-server.mjs: every bank synced, fresh file data/e2e-<port>.db). The spec reads
// that file (read-only) to pick its questions; every change it makes in the app it undoes in
// the app, so the other specs see the same queue.
import Database from "better-sqlite3";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const shots = "test-results/review-scopes";
const port = Number(process.env.E2E_PORT ?? 3100);
const dbFile = path.join(process.cwd(), "data", `e2e-${port}.db`);

function query<T>(sql: string, ...params: unknown[]): T[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

function topicsOf(questionId: string): string[] {
  return query<{ topicKey: string }>(`SELECT "topicKey" FROM "QuestionTopic" WHERE "questionId" = ?`, questionId).map((row) => row.topicKey);
}

function cardOf(questionId: string): { suspended: number; state: number } | undefined {
  return query<{ suspended: number; state: number }>(`SELECT "suspended", "state" FROM "Card" WHERE "questionId" = ?`, questionId)[0];
}

/** A generator family (one template, only a number changes) none of whose cards was answered yet. */
function untouchedFamily(): string[] {
  const generators = query<{ generator: string }>(
    `SELECT "generator" FROM "Question" WHERE "origin" = 'generated' AND "archivedAt" IS NULL AND "type" = 'single'
       AND "generator" NOT LIKE 'fact-card%' AND "generator" NOT LIKE 'definition-card%'
     GROUP BY "generator" HAVING COUNT(*) >= 3 ORDER BY "generator"`,
  );
  for (const { generator } of generators) {
    const members = query<{ id: string }>(`SELECT "id" FROM "Question" WHERE "generator" = ? AND "archivedAt" IS NULL ORDER BY "id"`, generator).map((row) => row.id);
    const answered = query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" WHERE c."questionId" IN (${members.map(() => "?").join(",")})`,
      ...members,
    )[0]?.n;
    if (answered === 0 && members.every((id) => !cardOf(id)?.suspended)) return members;
  }
  throw new Error("no untouched generated family in the e2e database");
}

const reviewCard = (page: Page) => page.getByRole("region", { name: "복습 카드" });
const cramCard = (page: Page) => page.getByRole("region", { name: "연습 카드" });

test.describe("review scopes", () => {
  test("a scope chosen from the chooser: topic and cram mode go into the URL and every card is in scope", async ({ page }) => {
    await page.goto("/review");
    await page.getByText("복습 범위 고르기").click();
    const chooser = page.getByRole("form", { name: "복습 범위" });
    await expect(chooser).toBeVisible();
    await chooser.locator('select[name="topic"]').selectOption("lambda");
    await chooser.getByRole("radio", { name: /벼락치기/ }).check();
    await page.screenshot({ path: `${shots}/chooser.png`, fullPage: true });
    await chooser.getByRole("button", { name: "이 범위로 시작" }).click();
    await expect(page).toHaveURL(/[?&]topic=lambda(&|$)/);
    await expect(page).toHaveURL(/[?&]mode=cram(&|$)/);
    await expect(page.getByText(/주제: /).first()).toBeVisible();
    await expect(cramCard(page)).toBeVisible();
    const questionId = (await cramCard(page).getAttribute("data-question-id")) ?? "";
    expect(topicsOf(questionId)).toContain("lambda");
    // The chooser shows the scope it is in.
    await page.getByText("복습 범위 고르기").click();
    await expect(page.getByRole("form", { name: "복습 범위" }).locator('select[name="topic"]')).toHaveValue("lambda");
  });

  test("an unknown topic says so in Korean instead of 'done for today'", async ({ page }) => {
    await page.goto("/review?topic=no-such-topic");
    // Filtered: Next's route announcer is an alert too.
    const alert = page.getByRole("alert").filter({ hasText: "복습 범위를 알 수 없습니다" });
    await expect(alert).toContainText('주제 "no-such-topic" 를 찾을 수 없습니다');
    await expect(page.getByText("오늘 복습을 마쳤습니다")).toHaveCount(0);
  });

  test("이 주제 복습 on a topic page opens a review of that topic (the page's slug is accepted)", async ({ page }) => {
    const [topic] = query<{ slug: string; serviceKey: string }>(
      `SELECT t."slug", t."serviceKey" FROM "Topic" t WHERE t."archivedAt" IS NULL AND t."serviceKey" IS NOT NULL
         AND EXISTS (SELECT 1 FROM "QuestionTopic" qt JOIN "Question" q ON q."id" = qt."questionId" WHERE qt."topicKey" = t."serviceKey" AND q."archivedAt" IS NULL)
       ORDER BY t."depth", t."sortOrder" LIMIT 1`,
    );
    expect(topic, "a topic page whose service has questions").toBeDefined();
    await page.goto(`/topics/${encodeURIComponent(topic!.slug)}`);
    await page.getByRole("link", { name: "이 주제 복습" }).click();
    await expect(page).toHaveURL(new RegExp(`/review\\?topic=${encodeURIComponent(topic!.slug).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`));
    await expect(page.getByRole("heading", { level: 1, name: "오늘의 복습" })).toBeVisible();
    await expect(page.getByText("복습 범위를 알 수 없습니다")).toHaveCount(0);
    await expect(page.getByText(/주제: /).first()).toBeVisible();
    if ((await reviewCard(page).count()) > 0) {
      expect(topicsOf((await reviewCard(page).getAttribute("data-question-id")) ?? "")).toContain(topic!.serviceKey);
    }
    await page.screenshot({ path: `${shots}/topic-review.png`, fullPage: true });
  });

  test("a card suspended in the card browser is never shown, in review or cram, until it is unsuspended", async ({ page }) => {
    const [question] = query<{ id: string; stem: string }>(
      `SELECT q."id", q."stem" FROM "Question" q WHERE q."origin" = 'curated' AND q."archivedAt" IS NULL AND q."type" = 'single' ORDER BY q."id" LIMIT 1`,
    );
    expect(question).toBeDefined();
    const { id } = question!;
    // The card browser finds the card by its question id's row and suspends it; 되돌리기 undoes.
    const openRow = async () => {
      await page.goto(`/cards?q=${encodeURIComponent(question!.stem.slice(0, 30))}`);
      await page.getByRole("checkbox", { name: `고르기: ${id}`, exact: true }).check();
    };
    await openRow();
    await page.getByLabel("고른 카드를").selectOption("suspend");
    await page.getByRole("button", { name: "적용" }).click();
    await expect(page.getByRole("status").filter({ hasText: "일시 중지" })).toContainText("1장에");
    expect(cardOf(id)?.suspended).toBe(1);
    await page.getByRole("button", { name: "되돌리기" }).click();
    await expect(page.getByRole("status").filter({ hasText: "되돌렸습니다" })).toBeVisible();
    expect(cardOf(id)?.suspended).toBe(0);

    await openRow();
    await page.getByLabel("고른 카드를").selectOption("suspend");
    await page.getByRole("button", { name: "적용" }).click();
    await expect(page.getByRole("status").filter({ hasText: "일시 중지" })).toContainText("1장에");
    await page.screenshot({ path: `${shots}/cards-suspended.png`, fullPage: true });

    await page.goto(`/review?question=${encodeURIComponent(id)}`);
    await expect(page.getByRole("heading", { level: 1, name: "오늘의 복습" })).toBeVisible();
    await expect(reviewCard(page)).toHaveCount(0);
    await page.goto(`/review?question=${encodeURIComponent(id)}&mode=cram`);
    await expect(page.getByText("이 범위에 카드가 없습니다")).toBeVisible();
    await expect(cramCard(page)).toHaveCount(0);
    await openRow();
    await page.getByLabel("고른 카드를").selectOption("unsuspend");
    await page.getByRole("button", { name: "적용" }).click();
    await expect(page.getByRole("status").filter({ hasText: "일시 중지 풀기" })).toContainText("1장에");
    expect(cardOf(id)?.suspended).toBe(0);
  });

  test("a family is shown once a day: after one member is answered its siblings stay out until undo", async ({ page }) => {
    const [first, second] = untouchedFamily();
    // Scheduled review of one chosen question (지금 풀기's scope, not held back by the new limit).
    await page.goto(`/review?question=${encodeURIComponent(first!)}`);
    await expect(reviewCard(page)).toHaveAttribute("data-question-id", first!);
    await reviewCard(page).locator("[data-option]").first().click();
    await reviewCard(page).getByRole("button", { name: /제출/ }).click();
    await expect(reviewCard(page)).toHaveAttribute("data-phase", "revealed");
    // The proposal for a new card is never 쉬움.
    await expect(reviewCard(page).locator('[data-rating="4"] #rating-proposed')).toHaveCount(0);
    await page.getByRole("button", { name: /알맞음/ }).click();
    await expect(page.getByRole("button", { name: /되돌리기/ })).toBeEnabled();

    // The sibling is buried for today: not in its own scope, not in cram.
    await page.goto(`/review?question=${encodeURIComponent(second!)}`);
    await expect(page.getByRole("heading", { level: 1, name: "오늘의 복습" })).toBeVisible();
    await expect(reviewCard(page)).toHaveCount(0);
    await page.goto(`/review?question=${encodeURIComponent(second!)}&mode=cram`);
    await expect(page.getByText("이 범위에 카드가 없습니다")).toBeVisible();
    await page.screenshot({ path: `${shots}/sibling-buried.png`, fullPage: true });

    // Undo the answer on the review screen: the family is back.
    await page.goto(`/review?question=${encodeURIComponent(first!)}`);
    await page.getByRole("button", { name: /되돌리기/ }).click();
    await expect(page.getByText("마지막 답을 되돌렸습니다")).toBeVisible();
    expect(cardOf(first!)?.state).toBe(0);
    await page.goto(`/review?question=${encodeURIComponent(second!)}&mode=cram`);
    await expect(cramCard(page)).toHaveAttribute("data-question-id", second!);
  });
});
