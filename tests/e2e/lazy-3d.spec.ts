// A page with a 3D figure far down loads no 3D code (React, the 3D stage) and no model until the figure comes
// within a screen of the viewport; then it loads them, the first-load model file and only the parts its figure
// needs (issue 14: the first 3D view stays small), and its coming to life moves nothing on the page.
import { expect, test } from "@playwright/test";

const PAGE = "/learn/tissues-101/";
/** The viewer island's chunk, React's client, the 3D stage (hashed names) and model files. */
const THREE_D = /\/_astro\/(Stage3D|AnatomyViewer|client)\.[\w-]+\.js$|\.glb$/;

test("no 3D code or model is fetched until a figure nears the viewport", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  // Every layout shift of the visit (the viewer's controls must not push the poster and the text when they appear).
  await page.addInitScript(() => {
    const w = window as unknown as { __shifts: { value: number; input: boolean }[] };
    w.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        w.__shifts.push({ value: e.value, input: e.hadRecentInput });
      }
    }).observe({ type: "layout-shift", buffered: true });
    // WebGL contexts the page makes on its main thread (the worker's warm-up context is not counted).
    const c = window as unknown as { __contexts: number };
    c.__contexts = 0;
    const getContext = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      if (type.startsWith("webgl")) c.__contexts++;
      return getContext.call(this, type as "webgl2", ...(rest as []));
    } as typeof getContext;
  });
  const contexts = () => page.evaluate(() => (window as unknown as { __contexts: number }).__contexts);
  const requests: string[] = [];
  page.on("request", (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(PAGE);
  await page.waitForLoadState("networkidle");
  // The viewer's server-rendered root (the island element itself is display: contents).
  const island = page.locator("[data-anatomy-viewer]").first();
  // The figure starts more than a screen below the fold (else this test would prove nothing).
  const top = await island.evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
  expect(top).toBeGreaterThan(2 * 720);
  await page.waitForTimeout(500);
  expect(requests.filter((p) => THREE_D.test(p))).toEqual([]);

  // Two screens above the figure: still nothing.
  await page.evaluate((y) => window.scrollTo(0, y - 2 * 720), top);
  await page.waitForTimeout(500);
  expect(requests.filter((p) => THREE_D.test(p))).toEqual([]);

  // Just below the screen (close enough for the island to wake, not yet in view): the GPU is woken in a worker and
  // the page checks WebGL once, but no 3D code, model or drawing context is made for a figure nobody sees yet.
  await page.evaluate((y) => window.scrollTo(0, y - 720 - 250), top);
  await expect.poll(contexts, { timeout: 10_000 }).toBe(1);
  await page.waitForTimeout(500);
  expect(requests.filter((p) => /\/_astro\/Stage3D\.[\w-]+\.js$|\.glb$/.test(p))).toEqual([]);
  expect(requests.some((p) => /\/_astro\/webgl-warmup\.worker[\w.-]*\.js$/.test(p))).toBe(true);

  // At the figure: the viewer's code and its first-load model arrive, and no model file of another region.
  await island.scrollIntoViewIfNeeded();
  await expect(island).toHaveAttribute("data-status", "ready", {
    timeout: 30_000,
  });
  const models = requests.filter((p) => p.endsWith(".glb"));
  expect(requests.some((p) => /\/_astro\/Stage3D\.[\w-]+\.js$/.test(p))).toBe(true);
  expect(models.length).toBeGreaterThan(0);
  const model = models[0]?.replace(/^\/models\/([a-z-]+)\..*$/, "$1");
  expect(models.every((p) => p.startsWith(`/models/${model}.`))).toBe(true);
  // Its skin part is not among them: the figure does not show the skin.
  expect(models).not.toContain(`/models/${model}.skin.glb`);
  // One context for the check and one for the drawing.
  expect(await contexts()).toBe(2);
  // Hydration brought the controls to life where the server drew them and the 3D view where the poster was: nothing
  // moved.
  const shifts = await page.evaluate(() => (window as unknown as { __shifts: { value: number }[] }).__shifts);
  expect(shifts.reduce((n, s) => n + s.value, 0)).toBeLessThan(0.01);
});

test("on a phone, a figure coming to life moves nothing under it (its structure list has its own room)", async ({
  page,
}) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.addInitScript(() => {
    const w = window as unknown as { __shift: number };
    w.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as unknown as { value: number }[]) w.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto("/conditions/carpal-tunnel-syndrome/");
  await page.waitForLoadState("networkidle");
  const island = page.locator("[data-anatomy-viewer]").first();
  await island.scrollIntoViewIfNeeded();
  await expect(island).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  // The list has filled in (the count appears with it).
  await expect(island.locator(".av-count")).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __shift: number }).__shift)).toBeLessThan(0.01);
});
