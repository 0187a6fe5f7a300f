// Search in a browser against the built Pagefind index: the panel lists what the Node harness finds, filters,
// the header dialog (Ctrl+K, focus back on close), ?q= on /search/, the empty state, and axe in both themes.
import { expect, type Page, test } from "@playwright/test";
import { panelTop } from "../support/pagefind.ts";
import { axeViolations } from "./support/axe.ts";

/** Paths (with fragments) of the first three results the /search/ page lists for a query typed into its field. */
async function topThree(page: Page, q: string): Promise<string[]> {
  const status = page.getByRole("main").getByRole("status");
  await page.locator("main [data-search-input]").fill(q);
  // The count is announced once the results for this very query are on screen.
  await expect(status).toContainText(`result`);
  await expect(status).toContainText(`for “${q}”.`);
  return page.locator("main [data-search-results] li a").evaluateAll((as) =>
    as.slice(0, 3).map((a) => {
      const url = new URL((a as HTMLAnchorElement).href);
      return url.pathname + url.hash;
    }),
  );
}

test("the panel lists what the built index finds for a query and for a misspelt one (the query table runs in Node)", async ({
  page,
}) => {
  // tests/built/search-queries.test.ts checks the whole table with the index in Node; this keeps that harness
  // honest about what a reader sees.
  await page.goto("/search/");
  for (const q of ["adhesive capsulitis", "carpel tunnel"]) {
    expect(await topThree(page, q)).toEqual(await panelTop(q));
  }
});

test("a filter narrows the results to its type and says how many there are", async ({ page }) => {
  await page.goto("/search/?q=shoulder");
  const status = page.getByRole("main").getByRole("status");
  await expect(status).toContainText(/result/);
  const all = Number(/(\d+) result/.exec((await status.textContent()) ?? "")?.[1]);
  const type = page.locator("main").getByLabel("Type");
  await expect(type.locator("option", { hasText: /^Condition \(\d+\)$/ })).toHaveCount(1);
  await type.selectOption("Condition");
  await expect(status).not.toHaveText(new RegExp(`^${all} result`));
  const some = Number(/(\d+) result/.exec((await status.textContent()) ?? "")?.[1]);
  expect(some).toBeGreaterThan(0);
  expect(some).toBeLessThan(all);
  const badges = await page.locator("main [data-search-results] .badge--type").allTextContents();
  expect(new Set(badges)).toEqual(new Set(["Condition"]));
});

test("a tissue filter keeps only structures of that tissue", async ({ page }) => {
  await page.goto("/search/?q=wrist");
  await expect(page.getByRole("main").getByRole("status")).toContainText(/result/);
  await page.locator("main").getByLabel("Tissue").selectOption("Nerve");
  // The filtered list replaces the first one when its search returns: wait for it rather than read it at once.
  const hrefs = () =>
    page.locator("main [data-search-results] li a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  await expect
    .poll(async () => {
      const now = await hrefs();
      return now.length > 0 && now.every((href) => href.startsWith("/anatomy/"));
    })
    .toBe(true);
  expect(await hrefs()).toContain("/anatomy/median-nerve/");
});

test("Ctrl+K opens the search dialog, results come as you type, Escape closes it and focus returns", async ({
  page,
}) => {
  await page.goto("/conditions/");
  const button = page.getByRole("button", { name: "Search" });
  await button.focus();
  await page.keyboard.press("Control+k");
  const dialog = page.getByRole("dialog", { name: "Search Palpate" });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole("searchbox");
  await expect(input).toBeFocused();
  await input.pressSequentially("QL");
  await expect(dialog.getByRole("status")).toContainText(/result/);
  await expect(dialog.locator("[data-search-results] li a").first()).toHaveAttribute(
    "href",
    "/anatomy/quadratus-lumborum/",
  );
  await page.keyboard.press("ArrowDown");
  await expect(dialog.locator("[data-search-results] li a").first()).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
});

test("slash opens search, but not while typing in a field; Enter follows the first result", async ({ page }) => {
  await page.goto("/anatomy/");
  await page.keyboard.press("/");
  const dialog = page.getByRole("dialog", { name: "Search Palpate" });
  await expect(dialog).toBeVisible();
  const input = dialog.getByRole("searchbox");
  await input.pressSequentially("carpal/tunnel".replace("/", " "));
  await expect(dialog.locator("[data-search-results] li").first()).toBeVisible();
  await input.press("Enter");
  await expect(page).toHaveURL(/\/conditions\/carpal-tunnel-syndrome\/$/);
});

test("a page that is never searched loads no search code or index", async ({ page }) => {
  const loaded: string[] = [];
  page.on("request", (r) => loaded.push(new URL(r.url()).pathname));
  await page.goto("/learn/tissues-101/");
  await page.waitForLoadState("networkidle");
  expect(loaded.filter((p) => p.startsWith("/pagefind/"))).toEqual([]);
  const scripts = loaded.filter((p) => p.endsWith(".js"));
  await page.getByRole("button", { name: "Search" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await expect.poll(() => loaded.some((p) => p.startsWith("/pagefind/pagefind"))).toBe(true);
  expect(loaded.filter((p) => p.endsWith(".js")).length).toBeGreaterThan(scripts.length);
});

test("/search/ reads ?q= and keeps the address in step with the field", async ({ page }) => {
  await page.goto("/search/?q=Finkelstein");
  const input = page.locator("main").getByRole("searchbox");
  await expect(input).toHaveValue("Finkelstein");
  await expect(page.locator("main [data-search-results] li a").first()).toBeVisible();
  await input.fill("Phalen");
  await expect(page).toHaveURL(/\?q=Phalen$/);
});

test("no results: says so and links the indexes", async ({ page }) => {
  await page.goto("/search/?q=zzqqxx");
  await expect(page.getByRole("main").getByRole("status")).toHaveText("No results for “zzqqxx”.");
  const empty = page.locator("main [data-search-empty]");
  await expect(empty).toBeVisible();
  await expect(empty.getByRole("link", { name: "Conditions" })).toHaveAttribute("href", "/conditions/");
  await expect(empty.getByRole("link", { name: "Glossary" })).toHaveAttribute("href", "/glossary/");
  await expect(empty.locator("[data-search-suggest]")).toBeHidden();
});

test("a word two typos from a site word: suggests the nearest site words, and a suggestion searches", async ({
  page,
}) => {
  // Five letters allow one typo for an automatic correction; "bycep" is two from "biceps", so it is only suggested.
  await page.goto("/search/?q=bycep");
  await expect(page.getByRole("main").getByRole("status")).toContainText("for “bycep”.");
  const suggest = page.locator("main [data-search-suggest]");
  await expect(suggest).toBeVisible();
  await suggest.getByRole("button", { name: "biceps" }).click();
  await expect(page.locator("main [data-search-input]")).toHaveValue("biceps");
  await expect(page.getByRole("main").getByRole("status")).toContainText(/\d+ results? for “biceps”/);
});

test("without JavaScript the header entry is a link and /search/ explains and links the indexes", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/techniques/");
  await expect(page.getByRole("banner").getByRole("link", { name: "Search" })).toHaveAttribute("href", "/search/");
  // Chromium's switch for scripts leaves <noscript> unparsed, so the page's own HTML is read instead.
  const html = await (await page.request.get("/search/")).text();
  const noscript = /<noscript>([\s\S]*?)<\/noscript>/.exec(html)?.[1] ?? "";
  expect(noscript).toContain("Search needs JavaScript.");
  for (const href of ["/conditions/", "/techniques/", "/anatomy/", "/learn/", "/glossary/"]) {
    expect(noscript).toContain(`href="${href}"`);
  }
  await context.close();
});

for (const theme of ["light", "dark"] as const) {
  for (const width of [1366, 390]) {
    test(`the open dialog with results passes axe (${theme}, ${width} px)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.addInitScript((t) => localStorage.setItem("palpate-theme", t), theme);
      await page.goto("/");
      await page.keyboard.press("Control+k");
      const dialog = page.getByRole("dialog", { name: "Search Palpate" });
      await dialog.getByRole("searchbox").pressSequentially("heel pain");
      await expect(dialog.locator("[data-search-results] li").first()).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `test-results/search-dialog-${theme}-${width}.png` });
      expect(await axeViolations(page)).toEqual([]);
    });
  }
}
