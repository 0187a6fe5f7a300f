// Offline use through the service worker (src/sw/sw.ts): pages read once open again without a connection (their
// 3D figure too), "Save the whole site" makes unread pages and search work offline, and a new deploy is announced.
// The other specs block service workers (playwright.config.ts); this one lets them run.
import { type BrowserContext, expect, type Locator, type Page, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { isCspMessage, reportCspViolations } from "./support/csp";
import { serveDist } from "./support/static-server";

test.use({ serviceWorkers: "allow" });

/** Console errors and CSP violations (offline, failed network requests are expected and not collected). */
function watchConsole(context: BrowserContext): string[] {
  const problems: string[] = [];
  context.on("console", (msg) => {
    if (
      isCspMessage(msg) ||
      (msg.type() === "error" && !/Failed to load resource|ERR_INTERNET_DISCONNECTED/.test(msg.text()))
    ) {
      problems.push(msg.text());
    }
  });
  context.on("weberror", (e) => problems.push(e.error().message));
  return problems;
}

/** Waits until the service worker controls the page (it claims open pages when it activates). */
async function waitForWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}

/** Waits until the worker has cached a figure's model and its structure list (the figure needs both offline). */
async function waitForFigureCached(page: Page, model: string): Promise<void> {
  // Ready: the model's first-load file and the parts the figure needs (src/lib/model-parts.ts) have arrived.
  await expectFigureReady(page);
  await waitForCached(page, "palpate-models", model);
  await waitForCached(page, "palpate-models", model.replace(/\.glb$/, ".data.json"));
  // And every other model file the figure fetched (its parts, the visibility table): under load they can arrive
  // after the first-load file, and offline the figure needs them all.
  const fetched = await page.evaluate(() =>
    performance
      .getEntriesByType("resource")
      .map((e) => new URL(e.name).pathname)
      .filter((p) => p.startsWith("/models/")),
  );
  for (const url of new Set(fetched)) await waitForCached(page, "palpate-models", url);
}

/** Waits until the worker has cached this URL in the named cache. */
async function waitForCached(page: Page, cache: string, url: string): Promise<void> {
  await page.waitForFunction(
    async ([name, path]) => (await (await caches.open(name)).match(path)) !== undefined,
    [cache, url] as const,
    { timeout: 20_000 },
  );
}

function viewer(page: Page): Locator {
  return page.locator("[data-anatomy-viewer]").first();
}

async function expectFigureReady(page: Page): Promise<void> {
  const v = viewer(page);
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
}

/** Scrolls to the page's first figure and returns the path of the model's first-load file it requests. */
async function figureModel(page: Page): Promise<string> {
  // `<model>.glb`, not a part (`<model>.<group>.glb`).
  const response = page.waitForResponse((r) => /\/models\/[a-z0-9-]+\.glb$/.test(r.url()));
  await viewer(page).scrollIntoViewIfNeeded();
  return new URL((await response).url()).pathname;
}

const offlineHeading = (page: Page) => page.getByRole("heading", { level: 1, name: "You are offline" });

test.beforeEach(({ context }) => reportCspViolations(context));

test("pages opened once reload offline, 3D figures included; an unread page shows the offline page", async ({
  page,
  context,
}) => {
  const problems = watchConsole(context);
  // First visit: the page loads before the worker exists; the worker then caches it and what it loaded.
  const condition = "/conditions/carpal-tunnel-syndrome/";
  await page.goto(condition);
  const conditionModel = await figureModel(page);
  await waitForWorker(page);
  await waitForCached(page, "palpate-pages", condition);
  await waitForFigureCached(page, conditionModel);

  const atlas = "/anatomy/trapezius/";
  await page.goto(atlas);
  await waitForFigureCached(page, await figureModel(page));
  const lesson = "/learn/tissues-101/";
  await page.goto(lesson);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await waitForCached(page, "palpate-pages", lesson);

  await context.setOffline(true);
  for (const path of [condition, atlas]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("You are offline");
    await expectFigureReady(page);
  }
  await page.goto(lesson);
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("You are offline");
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("You are offline");

  // Proof the browser really is offline: a page never opened gets the offline page, listing the saved ones.
  await page.goto("/techniques/positional-release/");
  await expect(offlineHeading(page)).toBeVisible();
  const saved = page.getByRole("list", { name: "Pages saved on this device" });
  await expect(saved.getByRole("link", { name: "Carpal tunnel syndrome" })).toBeVisible();
  await expect(saved.getByRole("link")).toHaveCount(3);
  expect(problems).toEqual([]);
});

/** Pages the save test reads: a page never opened before (with its figure), search, and the pages around them. */
const SAVE_TEST_PAGES = ["/", "/about/", "/offline/", "/search/", "/techniques/positional-release/"];

test("after saving the whole site, a page never opened and search work offline; the copy can be removed", async ({
  page,
  context,
}) => {
  // The saving is the same whatever the list holds; tests/built/offline.test.ts checks the real list names every
  // file of the site. Here the list keeps the code, search index and models, and of the pages and posters only
  // those this test opens: a tenth of the site's bytes, so the test does not download 30 MB on a loaded machine.
  const server = await serveDist();
  try {
    server.rewrite("/offline/files.json", (text) => {
      const list = JSON.parse(text) as { version: string; bytes: number; files: { url: string; bytes: number }[] };
      const posters = new Set(
        SAVE_TEST_PAGES.flatMap((p) => [...server.read(p).matchAll(/src="(\/posters\/[^"]+)"/g)].map((m) => m[1])),
      );
      const files = list.files.filter((f) =>
        f.url.endsWith("/") ? SAVE_TEST_PAGES.includes(f.url) : !f.url.startsWith("/posters/") || posters.has(f.url),
      );
      return JSON.stringify({ ...list, files, bytes: files.reduce((n, f) => n + f.bytes, 0) });
    });
    const problems = watchConsole(context);
    await page.goto(`${server.url}/about/#offline`);
    await waitForWorker(page);
    const section = page.locator("save-offline");
    // The size is shown before anything is downloaded.
    await expect(section.getByText(/^The whole site is \d+\.\d MB \(\d+ files\)/)).toBeVisible();
    await expect(section.getByText("Not saved on this device yet.", { exact: false })).toBeVisible();
    const status = section.getByRole("status");
    await section.getByRole("button", { name: "Save the whole site for offline" }).click();
    await expect(section.getByRole("progressbar", { name: "Saving the site" })).toBeVisible();
    await expect(status).toHaveText(/^Saved: \d+\.\d MB, \d+ files\./, { timeout: 45_000 });
    await expect(section.getByText(/^Saved on this device on /)).toBeVisible();
    await expect(section.getByRole("progressbar")).toBeHidden();
    expect(await axeViolations(page, "save-offline")).toEqual([]);

    await context.setOffline(true);
    await page.goto(`${server.url}/techniques/positional-release/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Positional release/);
    await expectFigureReady(page);

    // Pagefind asks for its entry with ?ts=<now>; the worker answers from the precache whatever the ts.
    await page.goto(`${server.url}/search/?q=carpal`);
    const results = page.getByRole("list", { name: "Search results" });
    await expect(results.getByRole("link", { name: "Carpal tunnel syndrome" })).toBeVisible();

    await context.setOffline(false);
    await page.goto(`${server.url}/about/#offline`);
    await section.getByRole("button", { name: "Remove the saved copy" }).click();
    await expect(status).toHaveText("The saved copy was removed from this device.");
    await expect(section.getByRole("button", { name: "Save the whole site for offline" })).toBeFocused();
    await context.setOffline(true);
    await page.goto(`${server.url}/techniques/pnf-stretching/`);
    await expect(offlineHeading(page)).toBeVisible();
    expect(problems).toEqual([]);
  } finally {
    await server.close();
  }
});

test("a new deploy is announced, and Reload switches to it", async ({ page }) => {
  // Its own server: the browser fetches sw.js outside any page, where page.route cannot change it.
  const server = await serveDist();
  try {
    await page.goto(`${server.url}/`);
    await waitForWorker(page);
    const status = page.locator("[data-update-notice]").getByRole("status");
    await expect(status).toBeEmpty();
    const reload = page.getByRole("button", { name: "Reload" });
    await expect(reload).toBeHidden();

    // A deploy changes sw.js (its precache list); the page looks for an update (as it does every hour).
    server.rewrite("/sw.js", (text) => `${text}\n// next deploy\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(status).toHaveText("A new version of Palpate is available.");
    await expect(reload).toBeVisible();
    expect(await axeViolations(page, "[data-update-notice]")).toEqual([]);
    // "Not now" closes it for this page; the next page load finds the waiting worker and asks again.
    await page.getByRole("button", { name: "Not now" }).click();
    await expect(reload).toBeHidden();
    await expect(status).toBeEmpty();
    await page.reload();
    await expect(status).toHaveText("A new version of Palpate is available.");
    await Promise.all([page.waitForEvent("load"), reload.click()]);
    // The new worker took over: nothing waits any more, and the notice is gone.
    await waitForWorker(page);
    expect(await page.evaluate(async () => Boolean((await navigator.serviceWorker.getRegistration())?.waiting))).toBe(
      false,
    );
    await expect(reload).toBeHidden();
  } finally {
    await server.close();
  }
});
