// Hostile requests against the built app in Chromium (issue 11): broken %-encoding reaches the
// app's Korean page instead of Next's plain-text 500, every page carries the security headers
// and its scripts still run under the CSP, cross-site and oversize posts to the review API are
// refused, and the favicon exists.
import { expect, test, type Page } from "@playwright/test";

const shots = "test-results/hostile";
const HANGUL = /[\uac00-\ud7a3]/;

/** Collects CSP violations the page reports (a policy that blocks Next's own scripts breaks the app). */
async function watchCspViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI}`);
    });
  });
  return violations;
}

test.describe("hostile requests", () => {
  for (const path of ["/topics/%ff", "/notes/%c0%ae%c0%ae/etc/passwd", "/questions/%e0%a4%a", "/%ff"]) {
    test(`malformed percent-encoding ${path} shows the Korean page, not a plain-text 500`, async ({ page }) => {
      const response = await page.goto(path);
      expect(response?.status()).toBe(404);
      expect(response?.headers()["content-type"]).toContain("text/html");
      await expect(page.getByText("주소를 읽을 수 없습니다")).toBeVisible();
      await expect(page.locator("body")).not.toContainText("Internal Server Error");
      // The site navigation is there: it is the app's page, inside its layout.
      await expect(page.getByRole("navigation", { name: "주 메뉴" })).toBeVisible();
      await expect(page.getByRole("link", { name: "주제 목록" })).toBeVisible();
      if (path === "/topics/%ff") await page.screenshot({ path: `${shots}/malformed-url-desktop.png`, fullPage: true });
    });
  }

  test("every page carries the security headers, and the app still runs under its CSP", async ({ page }) => {
    const violations = await watchCspViolations(page);
    for (const path of ["/", "/topics", "/search?q=lambda", "/review", "/questions", "/settings", "/no-such-page"]) {
      const response = await page.goto(path);
      const headers = response!.headers();
      const csp = headers["content-security-policy"] ?? "";
      for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
        expect(csp, `${path}: ${directive}`).toContain(directive);
      }
      // No external origin anywhere in the policy, and no eval in the production build.
      expect(csp, path).not.toMatch(/https?:|\*|'unsafe-eval'/);
      expect(headers["x-content-type-options"], path).toBe("nosniff");
      expect(headers["x-frame-options"], path).toBe("DENY");
      expect(headers["referrer-policy"], path).toBe("same-origin");
    }
    // Hydration works under the policy: "/" on the topics page opens search (client-side JS).
    await page.goto("/topics");
    await expect(async () => {
      await page.keyboard.press("/");
      await expect(page).toHaveURL(/\/search$/, { timeout: 1000 });
    }).toPass();
    expect(violations).toEqual([]);
  });

  test("the favicon is the app's cloud icon", async ({ page, request }) => {
    await page.goto("/");
    const href = await page.locator('link[rel="icon"]').first().getAttribute("href");
    expect(href).toMatch(/^\/icon\.svg/);
    const icon = await request.get(href!);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toContain("image/svg+xml");
  });

  test("the review API refuses cross-site, non-JSON and oversize posts in Korean", async ({ request, baseURL }) => {
    const origin = new URL(baseURL!).origin;
    const refused = async (headers: Record<string, string>, data: string, status: number) => {
      const response = await request.post("/review/api/answer", { headers, data });
      expect(response.status(), JSON.stringify(headers)).toBe(status);
      const body = (await response.json()) as { error: { message: string } };
      expect(body.error.message).toMatch(HANGUL);
      expect(body.error.message).not.toMatch(/Invalid input|expected|Too big/);
    };
    const answer = JSON.stringify({ cardId: "default:whatever", version: 0, rating: 3 });
    await refused({ origin: "https://evil.example", "content-type": "text/plain" }, answer, 403);
    await refused({ origin: "https://evil.example", "content-type": "application/json" }, answer, 403);
    await refused({ origin, "sec-fetch-site": "same-site", "content-type": "application/json" }, answer, 403);
    await refused({ origin, "content-type": "text/plain" }, answer, 415);
    await refused({ origin, "content-type": "application/json" }, JSON.stringify({ cardId: "x".repeat(2 * 1024 * 1024) }), 413);
    await refused({ origin, "content-type": "application/json" }, "{not json", 400);
    // Same origin, valid shape, unknown card: the edge let it through and the service said 404.
    await refused({ origin, "content-type": "application/json" }, answer, 404);
  });
});
