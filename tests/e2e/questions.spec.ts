// Question pages in Chromium against the real data the e2e server prepares (the five notes
// ingested, every bank synced): filter to Lambda, open a question, follow its source to the
// topic page; report a problem and resolve it; import a community bank and remove it.
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";

const shots = "test-results/questions";
const fixture = "tests/e2e/fixtures/community-bank.md";

test.describe("questions", () => {
  test("filter to Lambda questions, open one, follow its source to the topic page", async ({ page }) => {
    await page.goto("/questions");
    await expect(page.getByRole("heading", { level: 1, name: "문제" })).toBeVisible();
    await page.getByLabel("주제").selectOption("lambda");
    await page.getByRole("button", { name: "적용" }).click();
    await expect(page).toHaveURL(/[?&]topic=lambda(&|$)/);

    const list = page.getByRole("list", { name: "문제 목록" });
    const cards = list.getByRole("listitem");
    await expect(cards.first()).toBeVisible();
    // Every question on the page tests Lambda.
    for (const text of await cards.allTextContents()) expect(text).toContain("AWS Lambda");
    await page.screenshot({ path: `${shots}/questions-lambda-desktop.png`, fullPage: true });

    // A scenario question with a source section that has a topic page.
    const links = list.getByRole("link");
    let opened = false;
    for (let index = 0; index < (await links.count()) && !opened; index += 1) {
      await links.nth(index).click();
      await expect(page.getByRole("button", { name: "정답 보기" }).or(page.getByText("정답 보기"))).toBeVisible();
      if ((await page.getByRole("link", { name: /^주제 페이지:/ }).count()) > 0) opened = true;
      else await page.goBack();
    }
    expect(opened, "a Lambda question whose source links to a topic page").toBe(true);

    // The answer stays hidden until revealed.
    const reveal = page.locator("details", { has: page.getByText("정답 보기") }).first();
    await expect(reveal.getByText(/^정답: |^답$/).first()).toBeHidden();
    await reveal.locator("summary").focus();
    await page.keyboard.press("Enter");
    await expect(reveal.getByText(/^정답: |^답$/).first()).toBeVisible();

    const topicLink = page.getByRole("link", { name: /^주제 페이지:/ }).first();
    const title = (await topicLink.getAttribute("aria-label"))!.replace(/^주제 페이지:\s*/, "");
    await topicLink.click();
    await expect(page).toHaveURL(/\/topics\/[^/]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
  });

  test("report a problem on a question, see it listed, resolve it", async ({ page }) => {
    await page.goto("/questions?topic=lambda");
    await page.getByRole("list", { name: "문제 목록" }).getByRole("link").first().click();
    // click() does not wait for the navigation: read the URL only once the question page is there.
    await page.waitForURL(/\/questions\/[^/?]+$/);
    const questionUrl = page.url();
    const form = page.getByRole("region", { name: "문제 신고" });

    // Without a reason the form refuses, in Korean, beside the field.
    await form.getByRole("button", { name: "신고하기" }).click();
    await expect(form.getByText("신고 사유를 고르세요.")).toBeVisible();
    await expect(form.getByLabel("사유")).toHaveAttribute("aria-invalid", "true");

    const detail = `e2e 신고 ${Date.now()}: AWS 문서는 900초라고 합니다.`;
    await form.getByLabel("사유").selectOption({ label: "AWS 문서와 다름" });
    await form.getByLabel(/자세한 내용/).fill(detail);
    await form.getByRole("button", { name: "신고하기" }).click();
    await expect(form.getByRole("status")).toContainText("신고가 접수되었습니다");
    await page.screenshot({ path: `${shots}/question-reported-desktop.png`, fullPage: true });

    await page.goto("/questions/reports");
    await expect(page.getByRole("heading", { level: 1, name: "문제 신고 목록" })).toBeVisible();
    const report = page.getByRole("listitem").filter({ hasText: detail });
    await expect(report).toContainText("열림");
    await expect(report).toContainText("AWS 문서와 다름");
    // Open reports come first.
    await expect(page.getByRole("list", { name: "신고 목록" }).getByRole("article").first()).toContainText("열림");
    await page.screenshot({ path: `${shots}/reports-open-desktop.png`, fullPage: true });

    await report.getByLabel("처리 내용 (선택)").fill("은행 해설을 고쳤습니다.");
    await report.getByRole("button", { name: "해결됨으로 표시" }).click();
    await expect(report).toContainText("해결됨");
    await expect(report).toContainText("은행 해설을 고쳤습니다.");
    await expect(report.getByRole("button", { name: "해결됨으로 표시" })).toHaveCount(0);

    await page.getByRole("link", { name: /^해결됨/ }).click();
    await expect(page.getByRole("listitem").filter({ hasText: detail })).toBeVisible();
    await page.goto(questionUrl);
    await expect(page.getByRole("region", { name: "문제 신고" })).toBeVisible();
  });

  test("an unknown question says so with a real 404", async ({ page }) => {
    const response = await page.goto("/questions/no-such-question-id");
    expect(response?.status()).toBe(404);
    await expect(page.getByText("문제를 찾을 수 없습니다.")).toBeVisible();
  });

  test("import a community bank through the upload form, see the report, remove the bank", async ({ page }) => {
    const content = readFileSync(fixture, "utf8");
    const malformedLine = content.split("\n").findIndex((line) => line.includes("정답 표시가 없는 문제")) + 1;

    await page.goto("/questions/import");
    await expect(page.getByRole("heading", { level: 1, name: "문제 가져오기" })).toBeVisible();
    await page.getByLabel("마크다운 파일").setInputFiles(fixture);
    await page.getByRole("button", { name: "가져오기" }).click();

    const result = page.getByRole("region", { name: /가져오기 결과/ });
    await expect(result).toContainText("2개 문제를 가져왔습니다");
    await expect(result).toContainText("1개는 건너뛰었습니다");
    const skipped = result.getByRole("row").filter({ hasText: `community-bank.md:${malformedLine}` });
    await expect(skipped).toContainText("정답 표시");
    await page.screenshot({ path: `${shots}/import-report-desktop.png`, fullPage: true });

    const banks = page.getByRole("list", { name: "가져온 문제 은행" });
    const bank = banks.getByRole("listitem").filter({ hasText: "community-bank" });
    await expect(bank).toContainText("문제 2개");

    // The imported questions are browsable.
    await result.getByRole("link", { name: "가져온 문제 보기" }).click();
    await expect(page.getByRole("list", { name: "문제 목록" })).toContainText("야간 배치 작업");

    await page.goto("/questions/import");
    const row = page.getByRole("list", { name: "가져온 문제 은행" }).getByRole("listitem").filter({ hasText: "community-bank" });
    await row.getByText("삭제", { exact: true }).click();
    await expect(row).toContainText("계속할까요?");
    await row.getByRole("button", { name: "삭제 확인" }).click();
    await expect(page.getByRole("status").filter({ hasText: "은행을 삭제했습니다" })).toContainText("community-bank");
    await expect(page.getByRole("list", { name: "가져온 문제 은행" }).getByRole("listitem").filter({ hasText: "community-bank" })).toHaveCount(0);
    await page.goto("/questions?origin=imported");
    await expect(page.getByText("야간 배치 작업")).toHaveCount(0);
  });
});
