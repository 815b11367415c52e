// The first link on `from` whose href matches `pattern`: specs reach pages with an id (a topic,
// a question) through the app's own links, so they run on whatever the e2e server ingested.
import { expect, type Page } from "@playwright/test";

export async function firstAppLink(page: Page, from: string, pattern: RegExp): Promise<string> {
  await page.goto(from);
  // The list may stream in after a loading skeleton: wait for it rather than read too early.
  let href: string | undefined;
  await expect
    .poll(
      async () => {
        const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""));
        href = hrefs.find((candidate) => pattern.test(candidate));
        return href;
      },
      { message: `no link matching ${pattern} on ${from}` },
    )
    .toBeTruthy();
  return href!.split("#")[0]!;
}
