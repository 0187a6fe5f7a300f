// The 3D viewer against the production build in real Chromium (SwiftShader WebGL): rendering, selection, hide and
// isolate, shareable links, fallbacks without WebGL or model, reduced motion, keyboard use, explorer search.
//
// Behaviour tests load the small fixture model (tests/fixtures/viewer/upper-limb.glb) for every model's first-load
// file (its parts come empty), so they test the viewer, not the generated anatomy; one test loads the generated
// models themselves.
import { existsSync, readFileSync } from "node:fs";
import { expect, type Locator, type Page, test } from "@playwright/test";
import { REGION_LABELS } from "../../src/lib/regions.ts";
import { axeViolations } from "./support/axe";
import { isCspMessage, reportCspViolations } from "./support/csp";
import { pixelStats } from "./support/pixels";
import { serveFixtureModels } from "./support/viewer";

const GUIDE = "/anatomy/explore/guide/";
const EXPLORER = "/anatomy/explore/";
const fixture = readFileSync(new URL("../fixtures/viewer/upper-limb.glb", import.meta.url));
const distModels = new URL("../../dist/models/", import.meta.url);

/** Uncaught errors, CSP violations and requests to other origins while the page is open. */
function watch(page: Page) {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(`uncaught: ${err.message}`));
  page.on("console", (msg) => {
    if (isCspMessage(msg)) problems.push(`console ${msg.type()}: ${msg.text()}`);
  });
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["data:", "blob:"].includes(url.protocol) && url.hostname !== "127.0.0.1") {
      problems.push(`request to another origin: ${req.url()}`);
    }
  });
  return problems;
}

test.beforeEach(({ context }) => reportCspViolations(context));

function viewer(page: Page, index = 0): Locator {
  return page.locator("[data-anatomy-viewer]").nth(index);
}

async function openReady(page: Page, path: string, index = 0): Promise<Locator> {
  await page.goto(path);
  const v = viewer(page, index);
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  return v;
}

/** Waits for two animation frames so an on-demand render has reached the screen. */
async function settle(page: Page, ms = 0): Promise<void> {
  if (ms) await page.waitForTimeout(ms);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The canvas as the compositor shows it (PNG, as a data URL). */
async function shot(v: Locator): Promise<string> {
  const png = await v.locator("canvas").screenshot();
  return `data:image/png;base64,${png.toString("base64")}`;
}

/** Counts requestAnimationFrame calls: the viewer renders on demand, so they show when it animates. */
async function countFrames(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { frameRequests: number };
    w.frameRequests = 0;
    const original = window.requestAnimationFrame.bind(window);
    window.requestAnimationFrame = (cb) => {
      w.frameRequests++;
      return original(cb);
    };
  });
}

async function framesDuring(page: Page, ms: number): Promise<number> {
  return page.evaluate(async (wait) => {
    const w = window as unknown as { frameRequests: number };
    const start = w.frameRequests;
    await new Promise((r) => setTimeout(r, wait));
    return w.frameRequests - start;
  }, ms);
}

test.describe("viewer with the fixture model", () => {
  test.beforeEach(async ({ context }) => {
    await serveFixtureModels(context);
  });

  test("renders the model, reaches ready, and describes what it shows", async ({ page }) => {
    const problems = watch(page);
    const v = await openReady(page, GUIDE);
    await expect(v).toHaveAttribute("data-model", "upper-limb");
    await expect(v).toHaveAttribute(
      "data-highlighted",
      "median-nerve transverse-carpal-ligament flexor-digitorum-superficialis",
    );
    await expect(v).toHaveAttribute("data-selected", "");
    await settle(page, 300);
    const stats = await pixelStats(page, await shot(v));
    expect(stats.nonBackground, "share of canvas pixels showing the model").toBeGreaterThan(0.04);
    const stage = v.getByRole("application");
    await expect(stage).toHaveAttribute(
      "aria-label",
      new RegExp(
        `^3D model: ${REGION_LABELS["upper-limb"]}, right side, palm \\(palmar\\)\\. Highlighted: Median nerve, Transverse carpal ligament\\.`,
      ),
    );
    // Labels with leader lines name the highlighted structures.
    await expect(v.locator("[data-label='median-nerve']")).toBeVisible();
    await expect(v.locator("[data-label='median-nerve']")).toHaveText("Median nerve");
    // On paper the figure is its poster, not the canvas or the controls.
    await page.emulateMedia({ media: "print" });
    await expect(v.locator("img.av-poster")).toBeVisible();
    await expect(v.locator("canvas")).toBeHidden();
    await expect(v.getByRole("button", { name: "Reset" })).toBeHidden();
    await page.emulateMedia({ media: "screen" });
    await expect(v.locator("img.av-poster")).toBeHidden();
    expect(problems).toEqual([]);
  });

  test("selecting in the list selects in the scene and opens the card", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    await settle(page, 200);
    const before = await shot(v);
    const item = v.getByRole("button", { name: /^Flexor carpi radialis/ });
    await item.click();
    await expect(item).toHaveAttribute("aria-pressed", "true");
    await expect(v).toHaveAttribute("data-selected", "flexor-carpi-radialis");
    const card = v.getByRole("region", { name: "Flexor carpi radialis" });
    await expect(card).toBeVisible();
    await expect(card).toContainText("Also known as");
    await expect(card).toContainText("Medial epicondyle of the humerus");
    await expect(card.getByRole("link", { name: "Flexor carpi radialis in the atlas" })).toHaveAttribute(
      "href",
      "/anatomy/flexor-carpi-radialis/",
    );
    await expect(v.getByText("Flexor carpi radialis selected", { exact: false })).toBeAttached();
    // The scene shows the selection: outline and natural colour against the calm context.
    await expect
      .poll(async () => (await pixelStats(page, before, await shot(v))).differing, { timeout: 10_000 })
      .toBeGreaterThan(0.0005);
    await card.getByRole("button", { name: "Close the card" }).click();
    await expect(v).toHaveAttribute("data-selected", "");
  });

  test("clicking the model selects what is under the pointer", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    await settle(page, 200);
    // Find a pixel of the orange transverse carpal ligament label's anchor: the leader dot marks it.
    const dot = v.locator("[data-leader='transverse-carpal-ligament'] circle");
    const box = await dot.boundingBox();
    if (!box) throw new Error("no label anchor");
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await expect(v).toHaveAttribute("data-selected", "transverse-carpal-ligament");
    await expect(v.getByRole("region", { name: "Transverse carpal ligament" })).toBeVisible();
  });

  test("hide and isolate change what is drawn; show all restores it", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    await settle(page, 300);
    const original = await shot(v);
    const hide = v.getByRole("button", { name: "Hide Flexor digitorum superficialis" });
    await hide.click();
    await expect(hide).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(async () => (await pixelStats(page, original, await shot(v))).differing, { timeout: 10_000 })
      .toBeGreaterThan(0.002);
    const hidden = await shot(v);
    const isolate = v.getByRole("button", { name: "Isolate Median nerve" });
    await isolate.click();
    await expect(isolate).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(async () => (await pixelStats(page, hidden, await shot(v))).differing, { timeout: 10_000 })
      .toBeGreaterThan(0.01);
    const isolated = await shot(v);
    // Only the nerve is left: far fewer pixels show anything.
    expect((await pixelStats(page, isolated)).nonBackground).toBeLessThan(
      (await pixelStats(page, original)).nonBackground / 2,
    );
    await v.getByRole("button", { name: "Show all" }).click();
    await expect(hide).toHaveAttribute("aria-pressed", "false");
    await expect
      .poll(async () => (await pixelStats(page, original, await shot(v))).differing, { timeout: 10_000 })
      .toBeLessThan(0.001);
  });

  test("layers and x-ray change what is drawn", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    await settle(page, 300);
    const original = await shot(v);
    await v.getByText("Layers", { exact: true }).click();
    const bones = v.getByRole("checkbox", { name: "Bones" });
    await bones.uncheck();
    await expect
      .poll(async () => (await pixelStats(page, original, await shot(v))).differing, { timeout: 10_000 })
      .toBeGreaterThan(0.005);
    await bones.check();
    await page.keyboard.press("Escape");
    const xray = v.getByRole("button", { name: "X-ray" });
    await xray.click();
    await expect(xray).toHaveAttribute("aria-pressed", "true");
    await expect
      .poll(async () => (await pixelStats(page, original, await shot(v))).differing, { timeout: 10_000 })
      .toBeGreaterThan(0.01);
  });

  test("a copied link opens the same view in a new page", async ({ page, context, browserName }) => {
    test.skip(browserName !== "chromium", "clipboard permissions are Chromium's");
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    await v.getByRole("button", { name: /^Ulnar nerve/ }).click();
    await v.getByRole("button", { name: "Hide Flexor digitorum superficialis" }).click();
    await v.getByRole("button", { name: "X-ray" }).click();
    await v.getByText("Layers", { exact: true }).click();
    await v.getByRole("checkbox", { name: "Bones" }).uncheck();
    await page.keyboard.press("Escape");
    // Turn the model with the keyboard so the camera is a free one, not a preset.
    await v.getByRole("application").focus();
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowUp");
    await v.getByRole("button", { name: "Copy link" }).click();
    await expect(v.getByText("Link to this view copied.")).toBeAttached();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link).toMatch(/#viewer=median-nerve&v=1&m=upper-limb&/);
    expect(link).toContain("sel=ulnar-nerve");
    expect(link).toContain("hide=flexor-digitorum-superficialis");
    expect(link).toContain("xray=1");
    expect(link).toMatch(/cam=[-\d.,]+/);
    // The address bar already names this view (replaceState), so a reload would also restore it.
    expect(await page.evaluate(() => location.href)).toBe(link);
    await settle(page, 300);
    const original = await shot(v);

    const second = await context.newPage();
    await second.emulateMedia({ reducedMotion: "reduce" });
    await second.goto(link);
    const w = viewer(second);
    await expect(w).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    await expect(w).toHaveAttribute("data-selected", "ulnar-nerve");
    await expect(w).toHaveAttribute(
      "data-highlighted",
      "median-nerve transverse-carpal-ligament flexor-digitorum-superficialis",
    );
    await expect(w.getByRole("button", { name: "Hide Flexor digitorum superficialis" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    await expect(w.getByRole("button", { name: "X-ray" })).toHaveAttribute("aria-pressed", "true");
    await w.getByText("Layers", { exact: true }).click();
    await expect(w.getByRole("checkbox", { name: "Bones" })).not.toBeChecked();
    await expect(w.getByRole("checkbox", { name: "Nerves and vessels" })).toBeChecked();
    await second.keyboard.press("Escape");
    await expect(w.getByRole("region", { name: "Ulnar nerve" })).toBeVisible();
    await expect(w.getByRole("status")).toHaveCount(0);
    // Same camera (to the millimetre): the picture matches.
    await settle(second, 300);
    await expect
      .poll(async () => (await pixelStats(second, original, await shot(w))).differing, { timeout: 10_000 })
      .toBeLessThan(0.01);
  });

  test("on a page with several viewers the hash names the one it restores", async ({ page, context }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const second = await openReady(page, GUIDE, 1);
    await second.getByRole("button", { name: /^Triceps brachii/ }).click();
    await expect.poll(() => page.evaluate(() => location.hash)).toContain("viewer=biceps-brachii");
    const link = await page.evaluate(() => location.href);
    const other = await context.newPage();
    await other.goto(link);
    const restored = viewer(other, 1);
    await restored.scrollIntoViewIfNeeded();
    await expect(restored).toHaveAttribute("data-selected", "triceps-brachii");
    await expect(viewer(other, 0)).toHaveAttribute("data-selected", "");
  });

  test("a malformed or outdated link never breaks the page and is reported", async ({ page }) => {
    const problems = watch(page);
    await page.goto(
      `${GUIDE}#viewer=median-nerve&v=7&m=upper-limb&f=median-nerve,no-such-id&sel=%E0%A4&cam=1,2,x&layers=bone,fins`,
    );
    const v = viewer(page);
    await v.scrollIntoViewIfNeeded();
    await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    const notice = v.getByRole("status");
    await expect(notice).toContainText("Part of this link could not be used");
    await expect(notice).toContainText("newer version");
    await expect(notice).toContainText("not in this model");
    await expect(notice).toContainText("camera");
    // The readable highlight was used; the secondary the link did not mention stays the page's.
    await expect(v).toHaveAttribute("data-highlighted", "median-nerve flexor-digitorum-superficialis");
    await notice.getByRole("button", { name: "Dismiss" }).click();
    await expect(v.getByRole("status")).toHaveCount(0);
    // An ordinary anchor is left alone.
    await page.goto("about:blank");
    await page.goto(`${GUIDE}#sharing`);
    await expect(viewer(page)).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    await expect(viewer(page).getByRole("status")).toHaveCount(0);
    expect(problems).toEqual([]);
  });

  test("reduced motion: nothing moves once the view is drawn", async ({ page }) => {
    await countFrames(page);
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    await settle(page, 100);
    const a = await shot(v);
    const frames = await framesDuring(page, 1000);
    expect(frames, "animation frames requested while idle").toBeLessThanOrEqual(1);
    const b = await shot(v);
    expect((await pixelStats(page, a, b)).differing).toBe(0);
  });

  test("without reduced motion the highlight pulses, then stops", async ({ page }) => {
    await countFrames(page);
    await page.emulateMedia({ reducedMotion: "no-preference" });
    await openReady(page, GUIDE);
    // Software rendering draws only a few frames a second; any steady stream of frames is the pulse.
    expect(await framesDuring(page, 2000), "frames drawn while the focus pulses").toBeGreaterThanOrEqual(3);
    // The pulse lasts under five seconds (WCAG 2.2.2); then the viewer draws nothing until something changes.
    await page.waitForTimeout(2500);
    expect(await framesDuring(page, 1000), "frames drawn after the pulse").toBeLessThanOrEqual(1);
  });

  test("keyboard alone reaches and operates every control", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    const hide = v.getByRole("button", { name: "Hide Median nerve" });
    // Tab from the top of the page and record every focus stop inside the first viewer.
    await page.locator("body").focus();
    const stops = new Set<string>();
    let entered = false;
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        const root = el?.closest("[data-anatomy-viewer]");
        if (!el || root !== document.querySelector("[data-anatomy-viewer]")) return null;
        const label = (el as HTMLInputElement).labels?.[0]?.textContent;
        return el.getAttribute("aria-label") ?? label?.trim() ?? el.textContent?.trim() ?? el.tagName;
      });
      if (where) stops.add(where);
      // The structure list is one Tab stop (arrow keys inside: viewer-keys.spec.ts), so Tab soon leaves the viewer.
      if (where) entered = true;
      else if (entered) break;
    }
    for (const control of ["View", "Reset", "Labels", "X-ray", "Layers", "Copy link", "Full screen", "Hide names"]) {
      expect(
        [...stops].some((s) => s.includes(control)),
        `${control} is reachable by Tab`,
      ).toBe(true);
    }
    expect(
      [...stops].some((s) => s.startsWith("3D model")),
      "the 3D stage is reachable by Tab",
    ).toBe(true);

    // Operate: stage keys turn the camera (the link gains a free camera).
    await v.getByRole("application").focus();
    await page.keyboard.press("ArrowRight");
    await page.keyboard.press("Shift+ArrowUp");
    await page.keyboard.press("+");
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/cam=/);
    await page.keyboard.press("Home");
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/view=palmar/);
    // Toolbar buttons with Enter and Space.
    const xray = v.getByRole("button", { name: "X-ray" });
    await xray.focus();
    await page.keyboard.press("Enter");
    await expect(xray).toHaveAttribute("aria-pressed", "true");
    await page.keyboard.press("Space");
    await expect(xray).toHaveAttribute("aria-pressed", "false");
    // View menu: arrow keys step through the presets (palmar is followed by dorsal).
    const select = v.getByRole("combobox", { name: "View" });
    await select.focus();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/view=dorsal/);
    // Layers menu: open with Enter, tick with Space, close with Escape.
    const summary = v.locator("summary", { hasText: "Layers" });
    await summary.focus();
    await page.keyboard.press("Enter");
    const nerves = v.getByRole("checkbox", { name: "Nerves and vessels" });
    await nerves.focus();
    await page.keyboard.press("Space");
    await expect(nerves).not.toBeChecked();
    await page.keyboard.press("Escape");
    await expect(summary).toBeFocused();
    await expect(nerves).toBeHidden();
    // The list: select, hide and isolate.
    const item = v.getByRole("button", { name: /^Median nerve/ });
    await item.focus();
    await page.keyboard.press("Enter");
    await expect(v).toHaveAttribute("data-selected", "median-nerve");
    await hide.focus();
    await page.keyboard.press("Space");
    await expect(hide).toHaveAttribute("aria-pressed", "true");
    const showAll = v.getByRole("button", { name: "Show all" });
    await showAll.focus();
    await page.keyboard.press("Enter");
    await expect(hide).toHaveAttribute("aria-pressed", "false");
    // Escape on the stage clears the selection.
    await v.getByRole("application").focus();
    await page.keyboard.press("Escape");
    await expect(v).toHaveAttribute("data-selected", "");
    // Focus is visible on the controls.
    await xray.focus();
    const outline = await xray.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(outline).not.toBe("none");
  });

  test("axe finds no problems with the card and layers menu open", async ({ page }) => {
    const v = await openReady(page, GUIDE);
    await v.getByRole("button", { name: /^Median nerve/ }).click();
    await v.getByText("Layers", { exact: true }).click();
    expect(await axeViolations(page, "[data-anatomy-viewer]")).toEqual([]);
  });

  test("a lost WebGL context is restored", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, GUIDE);
    await page.evaluate(() => {
      const canvas = document.querySelector("[data-anatomy-viewer] canvas") as HTMLCanvasElement;
      const gl = canvas.getContext("webgl2");
      const ext = gl?.getExtension("WEBGL_lose_context");
      (window as unknown as { lose: unknown }).lose = ext;
      ext?.loseContext();
    });
    await expect(v).toHaveAttribute("data-status", "loading");
    await expect(v.getByText("Restoring the 3D view")).toBeVisible();
    await page.evaluate(() => (window as unknown as { lose: WEBGL_lose_context }).lose.restoreContext());
    await expect(v).toHaveAttribute("data-status", "ready");
    await settle(page, 300);
    expect((await pixelStats(page, await shot(v))).nonBackground).toBeGreaterThan(0.04);
  });

  test("without WebGL the placeholder names the highlighted structures and nothing breaks", async ({ page }) => {
    const problems = watch(page);
    const errors: string[] = [];
    page.on("console", (msg) => {
      if (msg.type() === "error") errors.push(msg.text());
    });
    await page.addInitScript(() => {
      const original = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
        if (type.startsWith("webgl") || type === "experimental-webgl") return null;
        return (original as (...a: unknown[]) => RenderingContext | null).call(this, type, ...rest);
      } as typeof original;
    });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(GUIDE);
    const v = viewer(page);
    await v.scrollIntoViewIfNeeded();
    await expect(v).toHaveAttribute("data-status", "fallback");
    await expect(v.getByText("Interactive 3D needs WebGL")).toBeVisible();
    const legend = v.locator(".av-legend");
    await expect(legend).toContainText("Median nerve");
    await expect(legend).toContainText("Transverse carpal ligament");
    await expect(legend).toContainText("Flexor digitorum superficialis");
    await expect(v.locator("canvas")).toHaveCount(0);
    // The poster shows the view instead.
    const poster = v.locator("img.av-poster");
    await expect(poster).toBeVisible();
    expect(await poster.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
    // Neither the model nor the 3D code was downloaded.
    expect(requests.filter((u) => u.endsWith(".glb") || /Stage3D/.test(u))).toEqual([]);
    // The rest of the page still works.
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("How to use the 3D viewer");
    expect(problems).toEqual([]);
    expect(errors).toEqual([]);
  });

  test("full screen takes the whole window and gives it back", async ({ page }) => {
    const v = await openReady(page, GUIDE);
    const button = v.getByRole("button", { name: "Full screen" });
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "true");
    const size = page.viewportSize();
    await expect.poll(async () => (await v.boundingBox())?.width).toBe(size?.width);
    await button.click();
    await expect(button).toHaveAttribute("aria-pressed", "false");
    await expect.poll(async () => (await v.boundingBox())?.width).toBeLessThan(size?.width ?? 0);
  });

  test("several viewers of one model fetch it once; pages without a viewer load no 3D or React code", async ({
    page,
  }) => {
    const requests: string[] = [];
    page.on("request", (r) => requests.push(new URL(r.url()).pathname));
    await openReady(page, GUIDE, 0);
    const second = viewer(page, 1);
    await second.scrollIntoViewIfNeeded();
    await expect(second).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    expect(requests.filter((p) => p === "/models/upper-limb.glb")).toHaveLength(1);
    requests.length = 0;
    await page.goto("/about/");
    await page.waitForLoadState("networkidle");
    expect(requests.filter((p) => /Stage3D|AnatomyViewer|client\.|react/.test(p))).toEqual([]);
  });

  test("explorer: search as you type selects and frames a structure", async ({ page }) => {
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openReady(page, EXPLORER);
    const search = v.getByRole("searchbox", { name: "Search structures" });
    await search.fill("fcr");
    await expect(v.getByRole("button", { name: /^Flexor carpi radialis/ })).toBeVisible();
    await expect(v.getByRole("button", { name: /^Biceps brachii/ })).toHaveCount(0);
    // "median" also starts the median cubital vein, which sorts first alphabetically: the nerve is the better match
    // (src/lib/structure-search.ts), listed first and selected by Enter.
    await search.fill("median");
    await expect(v.locator(".av-list [data-row]").first()).toHaveAttribute("data-row", "median-nerve");
    await expect(v.getByRole("button", { name: /^Median cubital vein/ })).toBeVisible();
    await search.press("Enter");
    await expect(v).toHaveAttribute("data-selected", "median-nerve");
    await expect(v.getByRole("region", { name: "Median nerve" })).toBeVisible();
    // Framed: the camera moved to the structure, so the link holds a free camera.
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/^#viewer=explore&.*sel=median-nerve.*cam=/);
    await search.fill("zzz");
    await expect(v.getByText("No structure matches")).toBeVisible();
    // Each region is a model of its own.
    await v.getByRole("combobox", { name: "Model" }).selectOption("upper-limb");
    await expect(v).toHaveAttribute("data-model", "upper-limb");
    await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/m=upper-limb/);
  });
});

/** Opens the guide and expects its figure to say, in words, that the model could not be loaded, with the
 *  highlighted structures still named, the page readable and nothing uncaught. */
async function expectLoadFailure(page: Page, problems: string[]) {
  await page.goto(GUIDE);
  const v = viewer(page);
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "error", { timeout: 30_000 });
  await expect(v.getByText("The 3D model could not be loaded")).toBeVisible();
  await expect(v.locator(".av-legend")).toContainText("Median nerve");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  expect(problems).toEqual([]);
}

/** Missing or broken model files: each must end in the same plain message, with the page still readable. */
const BROKEN_MODELS: [string, Buffer, number?][] = [
  ["missing (404)", Buffer.from("not found"), 404],
  ["truncated", fixture.subarray(0, Math.floor(fixture.length / 3))],
  [
    "corrupt (binary chunk overwritten)",
    Buffer.concat([fixture.subarray(0, 2000), Buffer.alloc(fixture.length - 2000, 0xa5)]),
  ],
  ["not a model at all (an HTML page)", Buffer.from("<!doctype html><title>Oops</title><p>Not found</p>")],
];
for (const [what, body, status = 200] of BROKEN_MODELS) {
  test(`a ${what} model file: the viewer says it could not be loaded, nothing uncaught`, async ({ page }) => {
    const problems = watch(page);
    await page.route("**/models/*.glb", (route) => route.fulfill({ status, contentType: "model/gltf-binary", body }));
    await expectLoadFailure(page, problems);
  });
}

test("a blocked meshopt decoder (no WebAssembly): the viewer says so in words, nothing uncaught", async ({ page }) => {
  // As if a stricter policy refused 'wasm-unsafe-eval': compiling WebAssembly fails.
  await page.addInitScript(() => {
    const refuse = () => Promise.reject(new WebAssembly.CompileError("WebAssembly is blocked"));
    WebAssembly.instantiate = refuse as typeof WebAssembly.instantiate;
    WebAssembly.compile = refuse as typeof WebAssembly.compile;
  });
  const problems = watch(page);
  await serveFixtureModels(page.context());
  await expectLoadFailure(page, problems);
});

test("the generated upper-limb model renders with its highlights", async ({ page }) => {
  // Needs the generator's output in the build (`npm run build` runs `npm run models` first, and fails if it fails).
  test.skip(
    !existsSync(new URL("upper-limb.glb", distModels)),
    "no generated models in dist/models: run `npm run models` before `astro build`",
  );
  const problems = watch(page);
  const v = await openReady(page, GUIDE);
  await settle(page, 300);
  expect((await pixelStats(page, await shot(v))).nonBackground).toBeGreaterThan(0.04);
  await expect(v.locator("[data-label='median-nerve']")).toBeVisible();
  expect(problems).toEqual([]);
});

test("a primary target under a secondary structure shows through it", async ({ page }) => {
  test.skip(
    !existsSync(new URL("upper-limb.glb", distModels)),
    "no generated models in dist/models: run `npm run models` before `astro build`",
  );
  // Frozen shoulder, front view: subscapularis (primary) lies deep to pectoralis major and minor (secondary).
  await page.emulateMedia({ reducedMotion: "reduce" });
  const v = await openReady(page, "/conditions/frozen-shoulder/");
  await v.getByRole("button", { name: "Labels" }).click();
  await settle(page, 300);
  const before = await shot(v);
  await v.getByRole("button", { name: "Hide Subscapularis" }).click();
  await settle(page, 300);
  // Drawn only where it is directly visible, hiding it would change about 0.3 % of the canvas; shown through the
  // muscles in front of it, several times more.
  const { differing } = await pixelStats(page, before, await shot(v));
  expect(differing, "share of the canvas that changes when the covered primary target is hidden").toBeGreaterThan(
    0.008,
  );
});
