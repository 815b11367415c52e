// The progress dashboard in Chromium against the e2e server's database: a controlled history is
// written into data/e2e-<port>.db (one topic's cards all reviewed 10 days ago with a stability of
// 10 days, so their retrievability is exactly 90%, and four answers today), then /progress must
// show those numbers, "지금 복습" must open that topic's review, the exam date set in settings
// must appear in the forecast, and the home page must lead with the readiness estimate.
// Screenshots at desktop and phone width, light and dark, go to test-results/progress/. The
// topic's rows are restored afterwards so later specs see the database as before.
import Database from "better-sqlite3";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const shots = "test-results/progress";
const port = Number(process.env.E2E_PORT ?? 3100);
const dbFile = path.join(process.cwd(), "data", `e2e-${port}.db`);
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace("Z", "+00:00");

interface Seeded {
  topic: string;
  cardIds: string[];
  saved: Record<string, unknown>[];
  logIds: string[];
  reviewAnswers: number;
  reviewCorrect: number;
}

let seeded: Seeded;

/** The topic with the most active cards; its cards become 90%-recalled, due in 5 days. */
function seedHistory(): Seeded {
  const db = new Database(dbFile);
  try {
    const { topic } = db
      .prepare(
        `SELECT qt."topicKey" AS topic, COUNT(*) AS n FROM "Card" c JOIN "QuestionTopic" qt ON qt."questionId" = c."questionId" JOIN "Question" q ON q."id" = c."questionId"
         WHERE c."suspended" = 0 AND q."archivedAt" IS NULL GROUP BY qt."topicKey" ORDER BY n DESC, topic LIMIT 1`,
      )
      .get() as { topic: string };
    const cards = db
      .prepare(`SELECT c.* FROM "Card" c JOIN "QuestionTopic" qt ON qt."questionId" = c."questionId" JOIN "Question" q ON q."id" = c."questionId" WHERE qt."topicKey" = ? AND c."suspended" = 0 AND q."archivedAt" IS NULL ORDER BY c."id"`)
      .all(topic) as Record<string, unknown>[];
    const now = Date.now();
    const update = db.prepare(`UPDATE "Card" SET "state" = 2, "stability" = 10, "difficulty" = 5, "reps" = 3, "lastReview" = ?, "firstReview" = ?, "due" = ?, "version" = "version" + 1 WHERE "id" = ?`);
    const insertLog = db.prepare(
      `INSERT INTO "ReviewLog" ("id","learnerId","cardId","rating","state","due","stability","difficulty","elapsedDays","lastElapsedDays","scheduledDays","learningSteps","review","durationMs","correct","answer","previousCard","cardVersion","origin")
       VALUES (?, 'default', ?, ?, 2, ?, 10, 5, 10, 0, 10, 0, ?, 30000, ?, NULL, '{}', 1, 'review')`,
    );
    const logIds: string[] = [];
    db.transaction(() => {
      for (const card of cards) update.run(iso(now - 10 * DAY), iso(now - 20 * DAY), iso(now + 5 * DAY), card.id);
      [1, 1, 1, 0].forEach((correct, index) => {
        const id = `e2e-progress-${index}`;
        insertLog.run(id, cards[index % cards.length]!.id, correct ? 3 : 1, iso(now + 5 * DAY), iso(now - (index + 1) * 60_000), correct);
        logIds.push(id);
      });
    })();
    const since = iso(now - 30 * DAY);
    const tally = db
      .prepare(
        `SELECT COUNT(*) AS answers, SUM(CASE WHEN COALESCE(l."correct", l."rating" > 1) THEN 1 ELSE 0 END) AS correct FROM "ReviewLog" l JOIN "Card" c ON c."id" = l."cardId" JOIN "QuestionTopic" qt ON qt."questionId" = c."questionId"
         WHERE qt."topicKey" = ? AND l."origin" = 'review' AND l."review" >= ?`,
      )
      .get(topic, since) as { answers: number; correct: number };
    return { topic, cardIds: cards.map((card) => String(card.id)), saved: cards, logIds, reviewAnswers: tally.answers, reviewCorrect: tally.correct };
  } finally {
    db.close();
  }
}

function restoreHistory(): void {
  if (!seeded) return;
  const db = new Database(dbFile);
  try {
    const restore = db.prepare(`UPDATE "Card" SET "state" = ?, "stability" = ?, "difficulty" = ?, "reps" = ?, "lastReview" = ?, "firstReview" = ?, "due" = ?, "version" = "version" + 1 WHERE "id" = ?`);
    db.transaction(() => {
      for (const card of seeded.saved) restore.run(card.state, card.stability, card.difficulty, card.reps, card.lastReview, card.firstReview, card.due, card.id);
      for (const id of seeded.logIds) db.prepare(`DELETE FROM "ReviewLog" WHERE "id" = ?`).run(id);
      db.prepare(`UPDATE "LearnerSettings" SET "examDate" = NULL WHERE "learnerId" = 'default'`).run();
    })();
  } finally {
    db.close();
  }
}

async function shoot(page: Page, name: string) {
  for (const [width, label] of [
    [1280, "desktop"],
    [390, "phone"],
  ] as const) {
    for (const scheme of ["light", "dark"] as const) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 900 });
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({ path: `${shots}/${name}-${label}-${scheme}.png`, fullPage: true });
    }
  }
  await page.emulateMedia({ colorScheme: "light" });
  await page.setViewportSize({ width: 1280, height: 900 });
}

test.describe.serial("progress dashboard", () => {
  test.beforeAll(async ({ browser }) => {
    // A review page load creates every card row (ensureCards); then the history is written.
    // (browser.newPage() does not get the config's baseURL)
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/review`);
    await page.close();
    seeded = seedHistory();
  });
  test.afterAll(() => restoreHistory());

  test("shows the seeded topic's numbers, weakest first, and 지금 복습 opens its review", async ({ page }) => {
    await page.goto(`/progress?sort=mastery&order=desc`);
    const row = page.locator(`[data-progress-table="topic"] [data-progress-row="${seeded.topic}"]`);
    await expect(row).toBeVisible();
    // every card reviewed 10 days ago with stability 10: R = 90%, all seen, none due today, all this week
    await expect(row.locator('[data-cell="mastery"]')).toContainText("90%");
    await expect(row).toContainText(`카드 ${seeded.cardIds.length}/${seeded.cardIds.length}`);
    await expect(row.locator('[data-cell="dueToday"]')).toHaveText("0");
    await expect(row.locator('[data-cell="reviewAccuracy"]')).toContainText(`${Math.round((100 * seeded.reviewCorrect) / seeded.reviewAnswers)}%`);
    await expect(row.locator('[data-cell="reviewAccuracy"]')).toContainText(`${seeded.reviewAnswers}번`);
    // sorted by mastery descending (other specs' answers make other topics anything from 0 to 100%)
    const masteries = (await page.locator('[data-progress-table="topic"] [data-cell="mastery"]').allTextContents()).map((text) => (text.includes("—") ? -1 : parseFloat(text)));
    expect(masteries).toEqual([...masteries].sort((a, b) => b - a));
    await expect(page.locator("[data-stat=streak]")).toHaveText(/^[1-9]\d*일$/);
    await expect(page.locator("[data-readiness-score]")).toBeVisible();
    await expect(page.getByRole("img", { name: /최근 12개월 복습 히트맵/ })).toBeVisible();
    await expect(page.getByRole("img", { name: /앞으로 30일/ })).toBeVisible();
    await shoot(page, "dashboard");

    await row.locator(`[data-review-link="${seeded.topic}"]`).click();
    await expect(page).toHaveURL(new RegExp(`/review\\?topic=${seeded.topic}$`));
    await expect(page.getByText(/주제: /).first()).toBeVisible();
  });

  test("the exam date from settings drives the forecast; home and topic pages show progress", async ({ page }) => {
    const date = new Date(Date.now() + 30 * DAY).toISOString().slice(0, 10);
    await page.goto("/settings");
    await page.getByLabel("시험 날짜").fill(date);
    await page.getByRole("button", { name: "설정 저장" }).click();
    await expect(page.locator("#settings-message")).toContainText("저장했습니다");
    await page.goto("/progress");
    const forecast = page.locator("[data-forecast]");
    await expect(forecast).toContainText(/일 남음/);
    await expect(forecast.locator("[data-stop-now]")).toContainText("지금 공부를 멈추면");
    await expect(forecast.locator("[data-pace]")).toContainText(/합격선에 (닿습니다|못 미칩니다)/);
    await page.locator("[data-readiness]").screenshot({ path: `${shots}/readiness-desktop.png` });

    await page.goto("/");
    await expect(page.locator("[data-readiness-score]")).toBeVisible();
    await expect(page.locator("#home-progress-title")).toHaveText("시험 준비도");
    await shoot(page, "home");

    const { slug } = (() => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare(`SELECT "slug" FROM "Topic" WHERE "serviceKey" = ? AND "archivedAt" IS NULL ORDER BY "depth", "sortOrder" LIMIT 1`).get(seeded.topic) as { slug: string };
      } finally {
        db.close();
      }
    })();
    await page.goto(`/topics/${encodeURIComponent(slug)}`);
    const panel = page.locator(`[data-topic-progress="${seeded.topic}"]`);
    await expect(panel).toContainText("90%");
    await panel.getByRole("link", { name: "지금 복습" }).click();
    await expect(page).toHaveURL(new RegExp(`/review\\?topic=${seeded.topic}$`));
  });
});
