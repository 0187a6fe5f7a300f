// Site-wide checks on every page of the production build: status, one h1, accessibility (axe, WCAG 2.1 AA),
// no console errors, no request leaving the site's origin, every internal link and #fragment resolving.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { axeViolations } from "./support/axe";
import { builtPages, fileForPath, idsIn, linksIn, sitemapPaths } from "./support/site-pages";

const pages = sitemapPaths();

/** Collects console errors, uncaught exceptions and requests to other origins while a page is open. */
function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console error: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.origin !== origin) {
      problems.push(`request to another origin: ${req.url()}`);
    }
  });
  return problems;
}

test("the sitemap lists every main route", () => {
  for (const route of [
    "/",
    "/learn/",
    "/conditions/",
    "/techniques/",
    "/anatomy/",
    "/anatomy/explore/",
    "/glossary/",
    "/practice/",
    "/search/",
    "/about/",
  ]) {
    expect(pages, `sitemap should list ${route}`).toContain(route);
  }
});

test.describe("every page of the sitemap", () => {
  // The pulse of a highlight draws frames for seconds, which software WebGL pays for on the CPU; every page is
  // checked as a reader who prefers reduced motion sees it (the pulse has its own test in viewer.spec.ts).
  test.use({ reducedMotion: "reduce" });
  for (const path of pages) {
    test(`page ${path}: 200, one h1, axe clean, no errors, no third-party requests`, async ({ page, baseURL }) => {
      const origin = new URL(baseURL ?? "").origin;
      const problems = watch(page, origin);
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(200);
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("main")).toHaveCount(1);
      // Scroll through the page so lazy islands hydrate and their requests are seen too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 600) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 30));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState("networkidle");
      expect(await axeViolations(page), `axe violations on ${path}`).toEqual([]);
      expect(problems, `problems on ${path}`).toEqual([]);
    });
  }
});

test("every internal link and #fragment in the build resolves", () => {
  const broken: string[] = [];
  const idCache = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let ids = idCache.get(file);
    if (!ids) {
      ids = idsIn(readFileSync(file, "utf8"));
      idCache.set(file, ids);
    }
    return ids;
  };
  const all = builtPages();
  expect(all.length).toBeGreaterThan(5);
  for (const { path, file } of all) {
    for (const href of linksIn(readFileSync(file, "utf8"))) {
      if (/^(https?:|mailto:|tel:)/.test(href)) continue;
      const url = new URL(href, `http://site${path}`);
      const target = url.pathname === path && href.startsWith("#") ? file : fileForPath(url.pathname);
      if (!target) {
        broken.push(`${path} -> ${href} (no page)`);
        continue;
      }
      const fragment = decodeURIComponent(url.hash.slice(1));
      if (fragment && target.endsWith(".html") && !idsOf(target).has(fragment)) {
        broken.push(`${path} -> ${href} (no element with id "${fragment}")`);
      }
    }
  }
  expect(broken).toEqual([]);
});

test("an unknown address serves the 404 page", async ({ page }) => {
  const response = await page.goto("/no-such-page/");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  expect(await axeViolations(page)).toEqual([]);
});

test("skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/about/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.locator("main")).toBeFocused();
});

test("the theme toggle switches theme and the choice survives a reload without a flash", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const lightBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  const darkBg = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(darkBg).not.toBe(lightBg);
  // The saved theme is applied by an inline script in <head>, before the body is parsed.
  await page.reload({ waitUntil: "commit" });
  const themeAtFirstParse = await page.evaluate(() => document.documentElement.dataset["theme"]);
  expect(themeAtFirstParse).toBe("dark");
});

test("pages are usable at 360 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/about/", "/learn/", "/conditions/", "/anatomy/"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test("text pages ship no framework JavaScript", async ({ page }) => {
  const scripts: string[] = [];
  page.on("request", (req) => {
    if (req.resourceType() === "script") scripts.push(new URL(req.url()).pathname);
  });
  await page.goto("/about/");
  await page.waitForLoadState("networkidle");
  const islands = await page.locator("astro-island").count();
  expect(islands).toBe(0);
  for (const s of scripts) expect(s, "no React or three on a text page").not.toMatch(/react|three|client/i);
});

test("site search finds a page by its words", async ({ page }) => {
  await page.goto("/search/?q=anatomy");
  await expect(page.getByRole("status")).toContainText(/result/);
  await expect(page.locator("[data-search-results] li").first()).toBeVisible();
});

test("the accessibility check reports violations when there are some", async ({ page }) => {
  // Guards the check itself: a page with an unlabelled image and button must fail it.
  await page.setContent(
    `<!doctype html><html lang="en"><head><title>t</title></head><body><main><h1>t</h1><img src="data:,"><button></button></main></body></html>`,
  );
  const violations = await axeViolations(page);
  expect(violations.some((v) => v.startsWith("image-alt"))).toBe(true);
  expect(violations.some((v) => v.startsWith("button-name"))).toBe(true);
});
