// The viewer for real hands: a phone (390x844, touch, 2x screen) and a laptop (1366x768), with the fixture model.
// Touch is synthesized with CDP Input.dispatchTouchEvent, which (unlike synthesizeScrollGesture) scrolls the page
// in headless Chromium. Screenshots at 390x844, 1366x768 and 1920x1080 are attached to the report (not committed).
import { readFileSync } from "node:fs";
import { type CDPSession, expect, type Locator, type Page, type TestInfo, test } from "@playwright/test";
import { reportCspViolations } from "./support/csp";
import { pixelStats } from "./support/pixels";

const GUIDE = "/anatomy/explore/guide/";
const fixture = readFileSync(new URL("../fixtures/viewer/upper-limb.glb", import.meta.url));

test.beforeEach(async ({ context }) => {
  await reportCspViolations(context);
  await context.route("**/models/*.glb", (route) =>
    route.fulfill({ status: 200, contentType: "model/gltf-binary", body: fixture }),
  );
});

async function openFirstViewer(page: Page): Promise<Locator> {
  await page.goto(GUIDE);
  const v = page.locator("[data-anatomy-viewer]").first();
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  return v;
}

/** Two animation frames: an on-demand render has reached the screen. */
async function frames(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** The canvas as the compositor shows it, with its pixel statistics (against an earlier picture if given). */
async function picture(page: Page, canvas: Locator, compareWith?: { png: string }) {
  const png = `data:image/png;base64,${(await canvas.screenshot()).toString("base64")}`;
  const stats = await pixelStats(page, png, compareWith?.png);
  return { ...stats, model: stats.nonBackground, changed: stats.differing, png };
}

/** The canvas once it has stopped changing (a highlight settling, labels placed, covers made see-through). */
async function steady(page: Page, canvas: Locator) {
  let last = await picture(page, canvas);
  for (let i = 0; i < 12; i++) {
    await page.waitForTimeout(250);
    const next = await picture(page, canvas, last);
    if (next.changed < 0.002) return next;
    last = next;
  }
  return last;
}

type Point = [number, number];
/** One touch event with the given fingers (CSS px, viewport coordinates). */
function touch(cdp: CDPSession, type: "touchStart" | "touchMove" | "touchEnd", points: Point[]) {
  return cdp.send("Input.dispatchTouchEvent", {
    type,
    touchPoints: points.map(([x, y], id) => ({ x, y, id, radiusX: 4, radiusY: 4, force: 1 })),
  });
}

/** Fingers moving in `steps` moves from `from` to `to` (one pair of points per finger), then lifted. */
async function gesture(cdp: CDPSession, from: Point[], to: Point[], steps = 8): Promise<void> {
  await touch(cdp, "touchStart", from);
  for (let s = 1; s <= steps; s++) {
    const k = s / steps;
    await touch(
      cdp,
      "touchMove",
      from.map(([x, y], i) => [x + ((to[i]?.[0] ?? x) - x) * k, y + ((to[i]?.[1] ?? y) - y) * k] as Point),
    );
  }
  await touch(cdp, "touchEnd", []);
}

async function attach(testInfo: TestInfo, name: string, body: Buffer): Promise<void> {
  await testInfo.attach(name, { body, contentType: "image/png" });
}

test.describe("on a phone", () => {
  test.use({
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  });

  test("one finger scrolls past the figure until a tap engages it; pinch keeps the model in view; full screen and its sheet", async ({
    page,
  }, testInfo) => {
    // Drawn at 2x with multisampling on a CPU renderer: slower than the other viewer tests, and one page load
    // covers what would otherwise take four.
    test.setTimeout(120_000);
    // Report a GPU (SwiftShader counts as software, which draws at 1x): the viewer then draws at the screen's 2x.
    await page.addInitScript(() => {
      const original = WebGL2RenderingContext.prototype.getParameter;
      WebGL2RenderingContext.prototype.getParameter = function (this: WebGL2RenderingContext, p: number) {
        return p === 0x9246 ? "ANGLE (Test GPU)" : original.call(this, p);
      };
    });
    await page.emulateMedia({ reducedMotion: "reduce" });
    const v = await openFirstViewer(page);
    const canvas = v.locator("canvas");
    const stage = v.getByRole("application");
    await frames(page);
    // Drawn at the device pixel ratio: the drawing buffer is twice the CSS size.
    const sizes = await canvas.evaluate((c: HTMLCanvasElement) => ({ buffer: c.width, css: c.clientWidth }));
    expect(sizes.buffer).toBe(sizes.css * 2);
    await attach(testInfo, "phone-390x844-page", await page.screenshot());

    const cdp = await page.context().newCDPSession(page);
    const box = await canvas.boundingBox();
    if (!box) throw new Error("no canvas");
    const mid: Point = [box.x + box.width / 2, box.y + box.height / 2];

    // A vertical one-finger swipe scrolls the page; the model does not turn and the link does not change.
    const before = await steady(page, canvas);
    const scrollBefore = await page.evaluate(() => scrollY);
    // The hint shows as soon as the finger drags (checked mid-swipe: synthetic scrolling is slow here).
    await touch(cdp, "touchStart", [[mid[0], mid[1] + 120]]);
    for (let s = 1; s <= 8; s++) {
      await touch(cdp, "touchMove", [[mid[0], mid[1] + 120 - 30 * s]]);
      if (s === 2) await expect(v.getByText("Tap to turn the model, or use two fingers")).toBeVisible();
    }
    await touch(cdp, "touchEnd", []);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(scrollBefore + 100);
    await expect(stage).toHaveAttribute("data-touch", "page");
    // The hint goes by itself (and would otherwise show in the canvas's screenshot). A turn would change far more
    // than 1 % of the canvas; less is the edges of a picture scrolled by a fraction of a pixel.
    await expect(v.getByText("Tap to turn the model, or use two fingers")).toBeHidden();
    await steady(page, canvas);
    expect((await picture(page, canvas, before)).changed, "canvas change after a one-finger swipe").toBeLessThan(0.01);
    expect(await page.evaluate(() => location.hash)).not.toContain("cam=");

    // A tap engages the figure; then one finger turns the model, and the link records the new camera.
    // The whole figure on screen (the swipe left it partly scrolled off).
    await canvas.evaluate((el) => el.scrollIntoView({ block: "center", behavior: "instant" }));
    await frames(page);
    const at = await canvas.boundingBox();
    if (!at) throw new Error("no canvas");
    const centre: Point = [at.x + at.width / 2, at.y + at.height / 2];
    // A tap in a corner (empty space: it selects nothing, so the layout below the figure stays put).
    await gesture(cdp, [[at.x + 12, at.y + 12]], [[at.x + 12, at.y + 12]], 1);
    await expect(stage).toHaveAttribute("data-touch", "engaged");
    const engaged = await picture(page, canvas);
    await gesture(cdp, [centre], [[centre[0] + 140, centre[1]]], 4);
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/cam=/);
    expect((await picture(page, canvas, engaged)).changed, "canvas change after a drag").toBeGreaterThan(0.01);

    // Pinch in, then out past the limit, fingers off to one side: the model stays in view, near the middle.
    const spread = (d: number): Point[] => [
      [centre[0] + 20 - d, centre[1] - 80],
      [centre[0] + 20 + d, centre[1] - 80],
    ];
    await gesture(cdp, spread(10), spread(140), 3);
    await frames(page);
    const close = await picture(page, canvas);
    expect(close.model, "share of the canvas showing the model, zoomed in").toBeGreaterThan(engaged.model);
    await gesture(cdp, spread(140), spread(6), 3);
    await gesture(cdp, spread(140), spread(6), 3);
    await frames(page);
    const far = await picture(page, canvas);
    expect(far.model, "share of the canvas showing the model, zoomed out").toBeGreaterThan(0.003);
    expect(far.model, "zoomed out: the model is smaller").toBeLessThan(close.model);
    expect(Math.abs(far.cx - 0.5), "model centre, across").toBeLessThan(0.25);
    expect(Math.abs(far.cy - 0.5), "model centre, down").toBeLessThan(0.25);

    // A touch outside the figure gives one finger back to the page.
    const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
    await page.evaluate(() => scrollTo(0, 0));
    await gesture(cdp, [[20, (heading?.y ?? 40) + 5]], [[20, (heading?.y ?? 40) + 5]], 1);
    await expect(stage).toHaveAttribute("data-touch", "page");

    // Full screen gives the 3D most of the screen; the list and card are a sheet pulled up by its handle.
    await v.getByRole("button", { name: "Full screen" }).tap();
    const handle = v.locator(".av-sheet-handle");
    await expect(handle).toHaveAccessibleName("Structures");
    await expect(handle).toHaveAttribute("aria-expanded", "false");
    await expect(stage).toHaveAttribute("data-touch", "engaged");
    const list = v.getByRole("button", { name: /^Median nerve/ });
    await expect(list).toBeHidden();
    await expect
      .poll(async () => {
        const c = await canvas.boundingBox();
        return c ? (c.width * c.height) / (390 * 844) : 0;
      })
      .toBeGreaterThanOrEqual(0.6);
    await frames(page);
    await attach(testInfo, "phone-390x844-full-screen", await page.screenshot());
    await handle.tap();
    await expect(handle).toHaveAttribute("aria-expanded", "true");
    await expect(handle).toHaveAccessibleName("Close the list");
    await expect(list).toBeVisible();
    await attach(testInfo, "phone-390x844-sheet-open", await page.screenshot());
    await handle.tap();
    await expect(handle).toHaveAttribute("aria-expanded", "false");
    await expect(list).toBeHidden();
    // By keyboard: Enter opens, Escape inside the sheet closes it and returns to the handle.
    await handle.focus();
    await page.keyboard.press("Enter");
    await expect(list).toBeVisible();
    await list.focus();
    await page.keyboard.press("Escape");
    await expect(handle).toHaveAttribute("aria-expanded", "false");
    await expect(handle).toBeFocused();
  });
});

test("laptop: the wheel zooms toward the model, not the pointer; the card stays clear of the selection", async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.emulateMedia({ reducedMotion: "reduce" });
  const v = await openFirstViewer(page);
  const canvas = v.locator("canvas");
  await frames(page);
  const start = await picture(page, canvas);
  const box = await canvas.boundingBox();
  if (!box) throw new Error("no canvas");
  // Over empty space near a corner: toward the pointer would push the model off to the opposite side.
  await page.mouse.move(box.x + box.width * 0.08, box.y + box.height * 0.1);
  for (let i = 0; i < 6; i++) await page.mouse.wheel(0, -120);
  await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/cam=/);
  await frames(page);
  const zoomed = await picture(page, canvas);
  expect(zoomed.model, "the model fills more of the view").toBeGreaterThan(start.model * 1.3);
  // The middle of the view stays where it was (the model's centre), so the model's own centre of area moves
  // toward the middle, never away from it as it would toward a pointer in a corner.
  const offCentre = (p: { cx: number; cy: number }) => Math.hypot(p.cx - 0.5, p.cy - 0.5);
  expect(offCentre(zoomed), "distance of the model's centre from the middle").toBeLessThanOrEqual(
    offCentre(start) + 0.02,
  );

  // Select from the list: the card floats over the view but not over the selected structure or its label.
  for (const name of ["Flexor carpi radialis", "Brachioradialis"]) {
    await v.getByRole("button", { name: new RegExp(`^${name}`) }).click();
    const card = v.getByRole("region", { name });
    await expect(card).toBeVisible();
    const id = name.toLowerCase().replaceAll(" ", "-");
    const label = v.locator(`[data-label='${id}']`);
    await expect(label).toBeVisible();
    await frames(page);
    const [c, l, dot] = await Promise.all([
      card.boundingBox(),
      label.boundingBox(),
      v.locator(`[data-leader='${id}'] circle`).boundingBox(),
    ]);
    if (!c || !l || !dot) throw new Error("no card, label or anchor");
    const overlaps = (a: typeof c, b: typeof c) =>
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    expect(overlaps(c, l), `the card covers the ${name} label`).toBe(false);
    expect(overlaps(c, dot), `the card covers ${name}`).toBe(false);
    if (name === "Flexor carpi radialis") await attach(testInfo, "laptop-1366x768-card", await page.screenshot());
  }
  await page.setViewportSize({ width: 1920, height: 1080 });
  await frames(page);
  await page.waitForTimeout(300);
  await attach(testInfo, "projector-1920x1080-card", await page.screenshot());
});
