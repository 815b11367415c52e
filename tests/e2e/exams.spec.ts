// Practice exams in Chromium against the e2e server's database (every bank synced): a custom
// exam of 5 questions and 1 minute (answer two, flag one, reload, let the time run out), a
// keyboard-only exam from start to results, and a check that nothing the browser receives
// during an exam holds a correct key or an explanation.
import Database from "better-sqlite3";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";

const shots = "test-results/exams";
const port = Number(process.env.E2E_PORT ?? 3100);
const dbFile = path.join(process.cwd(), "data", `e2e-${port}.db`);

async function startCustomExam(page: Page, options: { count: number; minutes: number | null; practice?: boolean }) {
  await page.goto("/exams");
  await page.getByRole("radio", { name: /맞춤 시험/ }).check();
  if (options.practice) await page.locator('input[name="feedback"][value="practice"]').check();
  await page.locator("#questionCount").fill(String(options.count));
  if (options.minutes == null) await page.getByRole("checkbox", { name: /제한 없음/ }).check();
  else await page.locator("#timeLimitMinutes").fill(String(options.minutes));
  await page.getByRole("button", { name: "시험 시작" }).click();
  await expect(page).toHaveURL(/\/exams\/[a-z0-9]+(\?|$)/);
  await expect(page.locator("[data-exam-root]")).toBeVisible();
}

function question(page: Page) {
  return page.locator("[data-question-position]");
}

async function waitSaved(page: Page) {
  await expect(page.locator("[data-save-status]")).toHaveAttribute("data-save-status", "saved");
}

/** Chooses as many options as the question on screen asks for (by clicking). */
async function answerOnScreen(page: Page) {
  const count = Number(await question(page).getAttribute("data-select-count"));
  for (let index = 0; index < count; index += 1) await question(page).locator("[data-option]").nth(index).click();
  await waitSaved(page);
}

/** The correct keys and explanations of an attempt's questions, read from the e2e database. */
function secretsOf(attemptId: string): { keys: string[]; explanations: string[] } {
  const db = new Database(dbFile, { readonly: true });
  try {
    const rows = db
      .prepare(`SELECT q."correct", q."explanations" FROM "ExamItem" i JOIN "Question" q ON q."id" = i."questionId" WHERE i."attemptId" = ?`)
      .all(attemptId) as { correct: string; explanations: string }[];
    const explanations = rows.flatMap((row) => Object.values(JSON.parse(row.explanations) as Record<string, string>)).filter((text) => text.length >= 12);
    return { keys: rows.map((row) => row.correct), explanations };
  } finally {
    db.close();
  }
}

/** Prisma's SQLite DateTime text ("…+00:00") for an ISO time from a card snapshot. */
const sqliteTime = (value: string | null) => (value ? new Date(value).toISOString().replace("Z", "+00:00") : null);

/**
 * The specs share one e2e database: wrong exam answers make their cards due in minutes (as they
 * should), which would reorder the review spec's queue. After this file, every card an exam
 * answered is put back exactly as its log's snapshot holds it, and the exams are removed.
 */
test.afterAll(() => {
  const db = new Database(dbFile);
  try {
    const logs = db.prepare(`SELECT "id", "cardId", "previousCard" FROM "ReviewLog" WHERE "origin" = 'exam' ORDER BY "review" DESC, "id" DESC`).all() as { id: string; cardId: string; previousCard: string }[];
    const restore = db.prepare(
      `UPDATE "Card" SET "due" = ?, "stability" = ?, "difficulty" = ?, "elapsedDays" = ?, "scheduledDays" = ?, "learningSteps" = ?, "reps" = ?, "lapses" = ?, "state" = ?, "lastReview" = ?, "firstReview" = ?, "leech" = ?, "version" = "version" + 1 WHERE "id" = ?`,
    );
    db.transaction(() => {
      // Newest first, so a card answered by two exams ends as it was before the first.
      for (const log of logs) {
        const card = JSON.parse(log.previousCard) as Record<string, string | number | boolean | null>;
        restore.run(sqliteTime(card.due as string), card.stability, card.difficulty, card.elapsedDays, card.scheduledDays, card.learningSteps, card.reps, card.lapses, card.state, sqliteTime(card.lastReview as string | null), sqliteTime(card.firstReview as string | null), card.leech ? 1 : 0, log.cardId);
        db.prepare(`DELETE FROM "ReviewLog" WHERE "id" = ?`).run(log.id);
      }
      db.prepare(`DELETE FROM "ExamAttempt"`).run();
    })();
  } finally {
    db.close();
  }
});

test("custom exam of 5 questions and 1 minute: answers and flags survive a reload, the clock finalises it", async ({ page }) => {
  test.setTimeout(150_000);
  await startCustomExam(page, { count: 5, minutes: 1 });
  await page.screenshot({ path: `${shots}/exam-desktop.png`, fullPage: true });
  await answerOnScreen(page);
  await page.getByRole("button", { name: /다음/ }).click();
  await answerOnScreen(page);
  await page.getByRole("button", { name: /검토 표시/ }).click();
  await waitSaved(page);
  await expect(page.locator("[data-grid-cell][data-flagged]")).toHaveCount(1);

  await page.reload();
  await expect(page.locator("[data-exam-root]")).toBeVisible();
  await expect(page.locator('[data-grid-cell][data-answered="answered"]')).toHaveCount(2);
  await expect(page.locator("[data-grid-cell][data-flagged]")).toHaveCount(1);
  const remaining = Number(await page.locator("[data-remaining-ms]").getAttribute("data-remaining-ms"));
  expect(remaining).toBeGreaterThan(0);
  expect(remaining).toBeLessThanOrEqual(60_000);

  // Nothing more is done: when the minute is over the page goes to the results.
  await expect(page).toHaveURL(/\/results/, { timeout: 90_000 });
  await expect(page.locator("[data-scaled-score]")).toBeVisible();
  await expect(page.getByText(/시간이 끝나|시간 종료/).first()).toBeVisible();
  await expect(page.locator("[data-domain]").first()).toBeVisible();
  await expect(page.locator("[data-review-item]")).toHaveCount(5);
  await page.screenshot({ path: `${shots}/results-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${shots}/results-phone.png`, fullPage: true });
});

test("keyboard only: choose with digits and letters, flag with M, move with arrows, submit, results", async ({ page }) => {
  await startCustomExam(page, { count: 4, minutes: 20 });
  for (let step = 0; step < 4; step += 1) {
    const count = Number(await question(page).getAttribute("data-select-count"));
    for (let index = 0; index < count; index += 1) await page.keyboard.press(step % 2 ? "ABCDE"[index]! : String(index + 1));
    await expect(question(page).locator("[data-option][aria-pressed=true]")).toHaveCount(count);
    if (step === 1) {
      await page.keyboard.press("KeyM");
      await expect(page.locator("[data-grid-cell][data-flagged]")).toHaveCount(1);
    }
    await waitSaved(page);
    await page.keyboard.press("ArrowRight");
  }
  await page.keyboard.press("ArrowLeft");
  await expect(page.locator('[data-grid-cell][data-answered="answered"]')).toHaveCount(4);
  await page.getByRole("button", { name: "제출", exact: true }).focus();
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "제출하기" }).focus();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/results/);
  await expect(page.locator("[data-review-item]")).toHaveCount(4);
  await expect(page.locator("[data-passed]")).toBeVisible();
});

test("an in-progress exam sends no correct key and no explanation: HTML, RSC payload and every response", async ({ page }) => {
  const bodies: { url: string; body: string }[] = [];
  page.on("response", async (response) => {
    if (!response.url().startsWith(`http://127.0.0.1:${port}`)) return;
    try {
      bodies.push({ url: response.url(), body: await response.text() });
    } catch {
      // redirects and aborted requests have no body
    }
  });
  await startCustomExam(page, { count: 6, minutes: 30 });
  const attemptId = (await page.locator("[data-exam-root]").getAttribute("data-exam-id")) ?? "";
  await answerOnScreen(page);
  await page.getByRole("button", { name: /다음/ }).click();
  await answerOnScreen(page);
  await page.getByRole("button", { name: /검토 표시/ }).click();
  await waitSaved(page);
  // The RSC payload of a client navigation, and a reload's HTML.
  await page.reload();
  await expect(page.locator("[data-exam-root]")).toBeVisible();
  const rsc = await page.request.get(`/exams/${attemptId}`, { headers: { RSC: "1" } });
  bodies.push({ url: "rsc", body: await rsc.text() });
  const state = await page.request.get(`/exams/api/${attemptId}`);
  bodies.push({ url: "state", body: await state.text() });

  const { explanations } = secretsOf(attemptId);
  expect(explanations.length).toBeGreaterThan(6);
  const examBodies = bodies.filter((entry) => entry.url === "rsc" || entry.url === "state" || entry.url.includes("/exams"));
  expect(examBodies.length).toBeGreaterThan(3);
  for (const { url, body } of examBodies) {
    for (const explanation of explanations) expect(body.includes(explanation), `${url} holds an explanation`).toBe(false);
    expect(body, `${url} holds a correct-key field`).not.toMatch(/"(correct|correctKeys|explanations|generalExplanation)"\s*:/);
  }
});

test("the exams start screen and an exam at phone width", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/exams");
  await page.screenshot({ path: `${shots}/start-phone.png`, fullPage: true });
  await startCustomExam(page, { count: 3, minutes: null, practice: true });
  await answerOnScreen(page);
  await page.getByRole("button", { name: /정답 확인/ }).click();
  await expect(page.locator("[data-feedback]")).toBeVisible();
  await page.screenshot({ path: `${shots}/practice-phone.png`, fullPage: true });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/exams");
  await page.screenshot({ path: `${shots}/start-desktop-dark.png`, fullPage: true });
});
