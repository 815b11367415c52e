// Review in Chromium, keyboard only, against the data the e2e server prepares (every bank
// synced, so at least 10 new cards are available on a fresh database): ten cards answered with
// 1–5/A–E, Enter, Space and 1–4, a reload in the middle that resumes on the same card, and an
// undo that brings the last card back.
import { expect, test, type Page } from "@playwright/test";

const shots = "test-results/review";

function cardSection(page: Page) {
  return page.getByRole("region", { name: "복습 카드" });
}

async function currentCard(page: Page): Promise<{ id: string; selectCount: number }> {
  const section = cardSection(page);
  await expect(section).toHaveAttribute("data-phase", "answering");
  return { id: (await section.getAttribute("data-card-id")) ?? "", selectCount: Number(await section.getAttribute("data-select-count")) };
}

async function newCount(page: Page): Promise<number> {
  return Number(await page.locator('[data-count="새 카드"]').textContent());
}

/** Answer the card on screen with the keyboard only; returns its id. */
async function answerWithKeyboard(page: Page, step: number): Promise<string> {
  const card = await currentCard(page);
  if (card.selectCount > 0) {
    // Pick options by number on odd steps and by letter on even ones (1–5 / A–E).
    for (let index = 0; index < card.selectCount; index += 1) await page.keyboard.press(step % 2 ? String(index + 1) : "ABCDE"[index] ?? "A");
    await expect(cardSection(page).locator("[data-option][aria-pressed=true]")).toHaveCount(card.selectCount);
    await page.keyboard.press("Enter");
  } else {
    await page.keyboard.press("Space");
  }
  await expect(cardSection(page)).toHaveAttribute("data-phase", "revealed");
  await expect(page.getByRole("button", { name: /알맞음/ })).toBeVisible();
  // Good keeps every answered card out of the way for 10 minutes, so the count below is exact.
  await page.keyboard.press("3");
  await expect(cardSection(page)).not.toHaveAttribute("data-card-id", card.id);
  return card.id;
}

test.describe("review", () => {
  test("a keyboard-only session of 10 cards with a reload in the middle and an undo", async ({ page }) => {
    await page.goto("/review");
    await expect(page.getByRole("heading", { level: 1, name: "오늘의 복습" })).toBeVisible();
    await expect(page.getByRole("region", { name: "키보드 단축키" })).toBeVisible();
    const startNew = await newCount(page);
    expect(startNew, "at least 10 new cards on a fresh database").toBeGreaterThanOrEqual(10);
    // Options only: no correct answer reaches the browser before submitting.
    await expect(cardSection(page).getByText(/^정답$/)).toHaveCount(0);

    const answered: string[] = [];
    for (let step = 1; step <= 5; step += 1) answered.push(await answerWithKeyboard(page, step));
    await page.screenshot({ path: `${shots}/review-mid-session.png`, fullPage: true });

    // Reload in the middle: the session resumes on the card that was on screen.
    const beforeReload = await currentCard(page);
    await page.reload();
    const afterReload = await currentCard(page);
    expect(afterReload.id).toBe(beforeReload.id);
    expect(await newCount(page)).toBe(startNew - 5);
    expect(answered).not.toContain(afterReload.id);

    for (let step = 6; step <= 8; step += 1) answered.push(await answerWithKeyboard(page, step));

    // U undoes the last answer: that card comes back as a new card and the count goes up again.
    const last = answered.pop() as string;
    await page.keyboard.press("u");
    await expect(cardSection(page)).toHaveAttribute("data-card-id", last);
    await expect(cardSection(page)).toHaveAttribute("data-card-kind", "new");
    await expect(page.getByText("마지막 답을 되돌렸습니다")).toBeVisible();
    expect(await newCount(page)).toBe(startNew - 7);

    while (answered.length < 10) answered.push(await answerWithKeyboard(page, answered.length + 1));
    expect(new Set(answered).size).toBe(10);
    expect(await newCount(page)).toBe(startNew - 10);

    // The answers are in the database: a fresh load still shows ten new cards started today.
    await page.reload();
    await expect(page.getByText(/새 카드 10\/\d+장 시작/)).toBeVisible();
    await page.screenshot({ path: `${shots}/review-after-session.png`, fullPage: true });
  });

  test("phone width: big targets, readable card", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/review");
    const card = await currentCard(page);
    if (card.selectCount > 0) {
      const option = cardSection(page).locator("[data-option]").first();
      const box = await option.boundingBox();
      expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
    }
    await page.screenshot({ path: `${shots}/review-phone.png`, fullPage: true });
  });
});
