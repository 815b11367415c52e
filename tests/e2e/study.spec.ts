// Study pages in Chromium against the real ingested notes (plus tests/e2e/notes-extra).
import { expect, test, type Page } from "@playwright/test";

const shots = "test-results/study";

async function expectNoXss(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
}

test.describe("study", () => {
  test("home shows what is in the library and where to start", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText("SAA-C03");
    await expect(page.getByRole("region", { name: "서재 현황" })).toContainText("주제");
    await expect(page.getByRole("heading", { name: "어디서 시작할까요?" })).toBeVisible();
    // The first action is today's review with its counts, then a mock exam.
    const today = page.getByRole("region", { name: "오늘 할 일" });
    await expect(today.getByRole("link", { name: /^복습 시작 · 복습 \d+ · 새 카드 \d+$/ })).toHaveAttribute("href", "/review");
    await expect(today.getByRole("link", { name: "모의고사" })).toHaveAttribute("href", "/exams");
    await page.screenshot({ path: `${shots}/home-desktop.png`, fullPage: true });
  });

  test("open a topic from the tree, then follow its source to the note line", async ({ page }) => {
    await page.goto("/topics");
    await expect(page.getByRole("heading", { level: 1, name: "주제" })).toBeVisible();
    await page.screenshot({ path: `${shots}/topics-desktop.png`, fullPage: true });

    const serverless = page.getByRole("region", { name: /서버리스/ });
    const lambdaLink = serverless.getByRole("link", { name: /Lambda/ }).first();
    const title = (await lambdaLink.textContent())!.trim();
    await lambdaLink.click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await expect(page.getByRole("navigation", { name: "현재 위치" })).toContainText("서버리스");

    const source = page.getByRole("region", { name: "출처" }).getByRole("link").first();
    const href = await source.getAttribute("href");
    expect(href).toMatch(/^\/notes\/.+#L\d+$/);
    await source.click();
    const line = href!.split("#L")[1]!;
    await expect(page).toHaveURL(new RegExp(`#L${line}$`));
    // The URL changes before the note page has finished loading: wait for the line, then
    // check that it is the one :target highlights.
    await expect(page.locator(`#L${line}`)).toBeAttached();
    await expect.poll(() => page.evaluate(() => document.querySelector(":target")?.id)).toBe(`L${line}`);
    await expect(page.locator(`#L${line}`)).toBeInViewport();
  });

  test("search 람다 타임아웃 reaches the Lambda limits and shows 15분", async ({ page }) => {
    // "/" on a page without a search field opens the search page.
    await page.goto("/topics");
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(page).toHaveURL(/\/search$/, { timeout: 1000 });
    }).toPass();
    const field = page.getByRole("searchbox", { name: "노트 검색" });
    // "/" focuses the search field from anywhere on the page (once the page has hydrated).
    await expect(async () => {
      await page.getByRole("heading", { level: 1 }).click();
      await expect(field).not.toBeFocused();
      await page.keyboard.press("/");
      await expect(field).toBeFocused({ timeout: 500 });
    }).toPass();
    await page.keyboard.type("람다 타임아웃");
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/\/search\?q=/);

    const facts = page.getByRole("region", { name: /수치·한도/ });
    await expect(facts).toContainText("15분");
    const topics = page.getByRole("region", { name: /^주제/ });
    await expect(topics.locator("mark").first()).toBeVisible();
    await page.screenshot({ path: `${shots}/search-desktop.png`, fullPage: true });

    const limitsTopic = topics.getByRole("link").filter({ hasText: "15분" }).first();
    await limitsTopic.click();
    await expect(page).toHaveURL(/\/topics\//);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Lambda|람다/);
    await expect(page.locator("article")).toContainText("15분");
  });

  test("가중치 라우팅 and Fargate find their topics", async ({ page }) => {
    await page.goto(`/search?q=${encodeURIComponent("가중치 라우팅")}`);
    const routing = page.getByRole("region", { name: /^주제/ });
    await expect(routing.getByRole("link").first()).toContainText(/가중치|라우팅|Route/);
    await expect(routing.locator("mark", { hasText: "가중치" }).first()).toBeVisible();

    await page.goto("/search?q=Fargate");
    await expect(page.getByRole("region", { name: /^주제/ }).getByRole("link").first()).toContainText(/Fargate/i);
  });

  test("a note with a script tag and an onerror image stays inert", async ({ page }) => {
    page.on("dialog", (dialog) => {
      throw new Error(`unexpected dialog: ${dialog.message()}`);
    });
    await page.goto("/notes/xss-test.md");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByText("<script>window.__xss = 1</script>")).toBeVisible();
    await expect(page.getByText(`<img src=x onerror="window.__xss=2">`)).toBeVisible();
    await expectNoXss(page);
    expect(await page.locator("main script, main img").count()).toBe(0);

    await page.goto(`/search?q=${encodeURIComponent("보안 테스트 노트")}`);
    await page.getByRole("region", { name: /^주제/ }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("보안 테스트 노트");
    await expectNoXss(page);
    expect(await page.locator("article script, article img[onerror]").count()).toBe(0);
  });

  test("phone width: a topic page fits 390px and reads well", async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: "ko-KR" });
    const page = await context.newPage();
    await page.goto(`/search?q=${encodeURIComponent("람다 타임아웃")}`);
    await page.getByRole("region", { name: /^주제/ }).getByRole("link").first().click();
    await expect(page).toHaveURL(/\/topics\//);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(/Lambda|람다/);
    // Nothing but tables (which scroll inside themselves) may be wider than the screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: `${shots}/topic-phone-390.png`, fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.screenshot({ path: `${shots}/topic-desktop.png`, fullPage: true });
    await context.close();
  });

  test("unknown topics and notes say so with a 404", async ({ page }) => {
    const topic = await page.goto("/topics/no-such-topic-anywhere");
    expect(topic?.status()).toBe(404);
    await expect(page.getByText("찾는 페이지가 없습니다")).toBeVisible();
    const note = await page.goto("/notes/no-such-note.md");
    expect(note?.status()).toBe(404);
  });

  test("note lint lists warnings by kind", async ({ page }) => {
    await page.goto("/notes/lint");
    await expect(page.getByRole("heading", { level: 1, name: "노트 점검" })).toBeVisible();
    for (const kind of ["AWS 문서와 다름", "노트끼리 다름", "입력 문제"]) {
      await expect(page.getByRole("heading", { level: 2, name: new RegExp(kind) })).toBeVisible();
    }
  });
});
