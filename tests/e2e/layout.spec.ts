// Phone width: no page scrolls sideways at 390 px (wide tables and charts scroll inside their
// own box). Pages with an id are reached through the app's own links.
import { expect, test } from "@playwright/test";
import { firstAppLink } from "./support/links";

test("no page is wider than a 390 px phone", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  const pages = [
    "/",
    "/topics",
    await firstAppLink(page, "/topics", /^\/topics\/[^?#]+/),
    "/notes/lint",
    "/search?q=%EB%9E%8C%EB%8B%A4",
    "/questions",
    await firstAppLink(page, "/questions", /^\/questions\/(?!reports|import)[^/?#]+$/),
    "/review",
    "/cards",
    "/exams",
    "/progress",
    "/settings",
  ];
  const wide: string[] = [];
  for (const path of pages) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 390) wide.push(`${path}: ${width}px`);
  }
  expect(wide).toEqual([]);
});
