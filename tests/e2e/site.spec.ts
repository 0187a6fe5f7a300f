// Site-wide checks in a browser: every layout and every guide page is axe clean (WCAG 2.1 AA) in the light and
// dark themes, with no console errors and no request leaving the site's origin; skip link, theme, narrow screens,
// search, the 404 page. What needs no browser (status, one h1, links and fragments, external URLs in the HTML, every
// atlas page) is checked over dist/ in Node: tests/built/.
import { readFileSync } from "node:fs";
import { expect, type Page, test } from "@playwright/test";
import { idsOf } from "../support/content.ts";
import { MAIN_ROUTES, sitemapPaths } from "../support/dist.ts";
import { axeViolations } from "./support/axe";
import { isCspMessage, reportCspViolations } from "./support/csp";

const fixture = readFileSync(new URL("../fixtures/viewer/upper-limb.glb", import.meta.url));

/** Collects console errors, CSP violations, uncaught exceptions and requests to other origins while a page is open. */
function watch(page: Page, origin: string) {
  const problems: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" || isCspMessage(msg)) problems.push(`console ${msg.type()}: ${msg.text()}`);
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

/** Every page that is not an atlas structure page, plus one atlas page of each kind: all layouts, every MDX page. */
const records = idsOf("anatomy");
const ATLAS_SAMPLES = ["/anatomy/trapezius/", "/anatomy/median-nerve/", "/anatomy/femur/"];
/**
 * Pages built from one template many times (a guide's printable re-assessment sheet, a practice set's study sheet):
 * the first of each stands for all (tests/built/ checks every one of them over dist/).
 */
const TEMPLATED = [/^\/conditions\/[a-z0-9-]+\/reassessment\/$/, /^\/practice\/sheets\/[a-z0-9-]+\/$/];
const swept = sitemapPaths().filter((p, _, all) => {
  const atlasId = /^\/anatomy\/([a-z0-9-]+)\/$/.exec(p)?.[1] ?? "";
  if (records.has(atlasId)) return ATLAS_SAMPLES.includes(p);
  const template = TEMPLATED.find((t) => t.test(p));
  return !template || all.find((q) => template.test(q)) === p;
});

/**
 * Pages whose 3D figures are drawn (software WebGL, paid on the CPU): one of each layout with figures, chosen for
 * few figures. Every other page is checked with WebGL off: its figures hydrate to their poster and structure list,
 * so the page, its islands, requests and console are checked while nothing is drawn. The 3D chrome is also checked,
 * drawn, in viewer.spec.ts.
 */
const DRAWN = [
  "/learn/what-is-orthopedic-massage/",
  "/conditions/achilles-tendinopathy/",
  "/techniques/muscle-energy-technique/",
  "/anatomy/femur/",
  "/anatomy/explore/",
];
/**
 * Guide pages of one layout share every colour but their text: each is checked in the light theme, and the drawn
 * one of each layout (with every other page) in the dark theme too. The dark theme changes colours only.
 */
const GUIDE = /^\/(conditions|techniques|learn)\/[a-z0-9-]+\/$/;
const checkDark = (path: string) => !GUIDE.test(path) || DRAWN.includes(path);

test("the sweep covers every layout and every guide", () => {
  for (const p of [...MAIN_ROUTES, ...ATLAS_SAMPLES, ...DRAWN]) {
    expect(swept).toContain(p);
  }
  // Each guide layout has its drawn page.
  for (const layout of ["conditions", "techniques", "learn"]) {
    expect(DRAWN.some((p) => GUIDE.exec(p)?.[1] === layout)).toBe(true);
  }
  expect(swept.filter((p) => p.startsWith("/conditions/")).length).toBeGreaterThan(10);
  expect(swept.length).toBeLessThan(sitemapPaths().length);
});

test.describe("pages in a browser, light and dark", () => {
  // The pulse of a highlight draws frames for seconds, which software WebGL pays for on the CPU; pages are
  // checked as a reader who prefers reduced motion sees them (the pulse has its own test in viewer.spec.ts).
  // Model files are the small fixture here: what is checked is the page, not the model (viewer.spec.ts loads real ones).
  test.use({ reducedMotion: "reduce" });
  test.beforeEach(async ({ context }) => {
    await reportCspViolations(context);
    await context.route("**/models/*.glb", (route) =>
      route.fulfill({ status: 200, contentType: "model/gltf-binary", body: fixture }),
    );
  });
  for (const path of swept) {
    const themes = checkDark(path) ? "both themes" : "the light theme";
    test(`page ${path}: axe clean in ${themes}, no errors, no third-party requests`, async ({ page, baseURL }) => {
      // Long pages hold up to ten 3D figures, each drawn on the CPU (SwiftShader) when it scrolls into view.
      test.setTimeout(180_000);
      const origin = new URL(baseURL ?? "").origin;
      const problems = watch(page, origin);
      if (!DRAWN.includes(path)) {
        await page.addInitScript(() => {
          const getContext = HTMLCanvasElement.prototype.getContext;
          HTMLCanvasElement.prototype.getContext = function (
            this: HTMLCanvasElement,
            type: string,
            ...rest: unknown[]
          ) {
            return type.startsWith("webgl") ? null : getContext.call(this, type as "2d", ...(rest as []));
          } as typeof getContext;
        });
      }
      await page.emulateMedia({ colorScheme: "light" });
      const response = await page.goto(path);
      expect(response?.status(), `status of ${path}`).toBe(200);
      // Scroll through the page so lazy islands hydrate and their requests are seen too.
      await page.evaluate(async () => {
        for (let y = 0; y < document.body.scrollHeight; y += 800) {
          window.scrollTo(0, y);
          await new Promise((r) => setTimeout(r, 20));
        }
        window.scrollTo(0, 0);
      });
      await page.waitForLoadState("networkidle");
      expect(await axeViolations(page), `axe violations on ${path} (light)`).toEqual([]);
      if (!checkDark(path)) {
        expect(problems, `problems on ${path}`).toEqual([]);
        return;
      }
      // The theme follows the reader's colour-scheme preference live (tokens.css), so no reload is needed.
      const background = () => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
      const light = await background();
      await page.emulateMedia({ colorScheme: "dark" });
      // Chromium applies the new preference at its next style update, not at once.
      await expect.poll(background, { message: "the dark theme is applied" }).not.toBe(light);
      expect(await axeViolations(page), `axe violations on ${path} (dark)`).toEqual([]);
      expect(problems, `problems on ${path}`).toEqual([]);
    });
  }
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

test("with storage blocked the theme toggle still works for the page, with no error", async ({ page }) => {
  // A browser that blocks site data throws on any use of localStorage.
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/");
  const toggle = page.getByRole("button", { name: "Dark theme" });
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(errors).toEqual([]);
});

test("without JavaScript a guide reads in full: no dead controls, each figure a still with its names, navigation works", async ({
  browser,
}) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/conditions/carpal-tunnel-syndrome/");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Carpal tunnel syndrome");
  // Only controls that work without a script: native popovers of key terms and disclosure widgets.
  await expect(page.getByRole("button", { name: /Dark theme|Present/ })).toHaveCount(0);
  const figures = page.locator("[data-anatomy-viewer]");
  const count = await figures.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const figure = figures.nth(i);
    const poster = figure.locator(".av-still img.av-poster");
    await poster.scrollIntoViewIfNeeded();
    await expect(poster).toBeVisible();
    // Loaded, at the size the page reserves for it (no layout shift).
    await expect
      .poll(() =>
        poster.evaluate(
          (img: HTMLImageElement) => img.naturalWidth > 0 && `${img.naturalWidth}` === img.getAttribute("width"),
        ),
      )
      .toBe(true);
    await expect(figure.locator("figcaption")).toBeVisible();
    await expect(figure.locator(".av-legend li").first()).toBeVisible();
    // The toolbar the server draws for its space is not shown, and nothing in it can be reached.
    await expect(figure.locator(".av-toolbar")).toBeHidden();
    await expect(figure.getByRole("button")).toHaveCount(0);
    await expect(figure.getByRole("combobox")).toHaveCount(0);
  }
  await expect(figures.first().locator(".av-legend")).toContainText("Median nerve");
  await page.getByRole("navigation", { name: /main/i }).getByRole("link", { name: "Techniques" }).click();
  await expect(page).toHaveURL(/\/techniques\/$/);
  await context.close();
});

test("pages are usable at 360 px wide without horizontal scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  for (const path of ["/", "/about/", "/learn/", "/conditions/", "/anatomy/"]) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `horizontal overflow on ${path}`).toBeLessThanOrEqual(0);
  }
});

test("site search finds a page by its words", async ({ page }) => {
  await page.goto("/search/?q=anatomy");
  await expect(page.getByRole("main").getByRole("status")).toContainText(/result/);
  await expect(page.locator("[data-search-results] li").first()).toBeVisible();
  // Excerpts keep Pagefind's highlight, rebuilt as <mark> elements and text.
  await expect(page.locator("[data-search-results] li mark").first()).toBeVisible();
});

test("a search query from the address is shown as text, never run as markup", async ({ page, context, baseURL }) => {
  await reportCspViolations(context);
  const problems = watch(page, new URL(baseURL ?? "").origin);
  const query = '<img src="/x" onerror="window.__xss=1">massage';
  await page.goto(`/search/?q=${encodeURIComponent(query)}`);
  await expect(page.getByRole("main").getByRole("status")).toContainText(query);
  await expect(page.getByRole("searchbox", { name: /Search lessons/ })).toHaveValue(query);
  expect(await page.locator("main img").count()).toBe(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  expect(problems).toEqual([]);
});

test("the CSP blocks an injected inline script and the check reports it", async ({ page, context, baseURL }) => {
  // Guards the sweep's CSP check: a script the build did not hash must be refused and show up as a problem.
  await reportCspViolations(context);
  const problems = watch(page, new URL(baseURL ?? "").origin);
  await page.goto("/");
  const ran = await page.evaluate(() => {
    const s = document.createElement("script");
    s.textContent = "window.__injected = true;";
    document.body.append(s);
    return (window as { __injected?: boolean }).__injected === true;
  });
  expect(ran).toBe(false);
  await expect.poll(() => problems.some((p) => p.includes("CSP violation"))).toBe(true);
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
