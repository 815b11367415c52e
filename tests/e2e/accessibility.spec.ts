// Every page through axe-core (WCAG 2 A and AA rules) in light and dark mode: a violation of
// impact "serious" or "critical" fails the test and is printed with the elements it hit.
// Pages with an id in the URL (a topic, a note, a question) are found by following the app's
// own links, so the test runs on whatever the e2e server ingested. A page that does not exist
// yet (404) is skipped with a message naming it; any other status fails.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { firstAppLink } from "./support/links";

type PageSpec = { name: string; path: string | ((page: Page) => Promise<string>) };

/** The first link on `from` whose href matches `pattern` (the app's own links, not a guess). */
function firstLink(from: string, pattern: RegExp): (page: Page) => Promise<string> {
  return (page) => firstAppLink(page, from, pattern);
}

const PAGES: PageSpec[] = [
  { name: "home", path: "/" },
  { name: "topics", path: "/topics" },
  { name: "topic page", path: firstLink("/topics", /^\/topics\/[^?#]+/) },
  { name: "note page", path: firstLink("/", /^\/notes\/(?!lint)[^?#]+\.md/) },
  { name: "note lint", path: "/notes/lint" },
  { name: "search", path: `/search?q=${encodeURIComponent("람다")}` },
  { name: "questions", path: "/questions" },
  { name: "question page", path: firstLink("/questions", /^\/questions\/(?!reports|import)[^/?#]+$/) },
  { name: "question reports", path: "/questions/reports" },
  { name: "question import", path: "/questions/import" },
  { name: "review", path: "/review" },
  { name: "review leeches", path: "/review/leeches" },
  { name: "settings", path: "/settings" },
  { name: "exams", path: "/exams" },
  { name: "progress", path: "/progress" },
  { name: "cards", path: "/cards" },
];

const BLOCKING = new Set(["serious", "critical"]);

for (const colorScheme of ["light", "dark"] as const) {
  test.describe(`accessibility (${colorScheme})`, () => {
    for (const spec of PAGES) {
      test(`${spec.name}: no serious or critical axe violation`, async ({ page }) => {
        await page.emulateMedia({ colorScheme });
        const path = typeof spec.path === "string" ? spec.path : await spec.path(page);
        const response = await page.goto(path);
        expect(response, `no response for ${path}`).not.toBeNull();
        const status = response!.status();
        if (status === 404) {
          console.warn(`!! 접근성 검사 SKIPPED — ${spec.name} (${path}) 페이지가 아직 없습니다 (404).`);
          test.skip(true, `${spec.name} (${path}) does not exist yet (404)`);
          return;
        }
        expect(status, `${path} answered ${status}`).toBeLessThan(400);
        await page.waitForLoadState("networkidle");
        await expect(page.locator("html")).toHaveAttribute("lang", "ko");

        const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
        const blocking = results.violations.filter((violation) => BLOCKING.has(violation.impact ?? ""));
        const report = blocking.map((violation) => ({
          rule: violation.id,
          impact: violation.impact,
          help: violation.help,
          nodes: violation.nodes.slice(0, 8).map((node) => ({ target: node.target.join(" "), html: node.html.slice(0, 160), why: node.failureSummary })),
          more: Math.max(0, violation.nodes.length - 8),
        }));
        if (report.length) console.log(`axe ${colorScheme} ${path}:\n${JSON.stringify(report, null, 2)}`);
        expect(report, `${blocking.length} serious/critical axe violation(s) on ${path} (${colorScheme})`).toEqual([]);
      });
    }
  });
}
