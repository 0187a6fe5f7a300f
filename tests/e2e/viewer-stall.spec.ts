// A figure in view that cannot show its model says so and recovers (issue 18: a figure in view on an atlas page stayed
// "Loading the 3D model…" for good). A busy page can report "left the screen" and "came back" in one observer callback;
// the figure must believe the last (else it draws nothing, and its watchdog, which waits only while it is in view,
// never speaks). Each file the figure needs can stall: the structure list (before the 3D stage starts), the model, its
// parts and its visibility table; a retry must ask for each anew, not join the stalled request. A WebGL context lost
// before the first frame must not count as drawn.
import { expect, type Page, test } from "@playwright/test";
import { serveFixtureModels, viewer } from "./support/viewer";

/** An atlas page: one figure, its structure in a part file (the nerves'). */
const ATLAS = "/anatomy/median-nerve/";

/** Uncaught errors while the page is open. */
function uncaught(page: Page): string[] {
  const problems: string[] = [];
  page.on("pageerror", (err) => problems.push(err.message));
  return problems;
}

test("told in one callback that it left the screen and came back, a figure in view draws", async ({ page }) => {
  const problems = uncaught(page);
  await serveFixtureModels(page.context());
  await page.addInitScript(() => {
    // The viewer's observer (rootMargin 100px) gets its first report as [left, came back], as after a fast scroll away
    // and back while the page was busy.
    const Observer = window.IntersectionObserver;
    window.IntersectionObserver = class extends Observer {
      constructor(callback: IntersectionObserverCallback, options?: IntersectionObserverInit) {
        let first = options?.rootMargin === "100px";
        super((entries, observer) => {
          const now = entries[0];
          if (!first || entries.length !== 1 || !now?.isIntersecting) return callback(entries, observer);
          first = false;
          const left = { ...now, target: now.target, isIntersecting: false, intersectionRatio: 0, time: now.time - 1 };
          callback([left as IntersectionObserverEntry, now], observer);
        }, options);
      }
    };
  });
  await page.goto(ATLAS);
  const v = viewer(page);
  await v.scrollIntoViewIfNeeded();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  expect(problems).toEqual([]);
});

test("files that never arrive: the figure says so after a while, and Try again asks for each anew", async ({
  page,
}) => {
  const problems = uncaught(page);
  await serveFixtureModels(page.context());
  // The first request for each model file hangs (a stalled connection); a later one, whatever its query, is answered.
  const hung: string[] = [];
  await page.route(/\/models\/[^/?]+\.(glb|json)(\?|$)/, async (route) => {
    const path = new URL(route.request().url()).pathname;
    if (hung.includes(path)) await route.fallback();
    else hung.push(path); // never answered
  });
  await page.clock.install();
  await page.goto(ATLAS);
  const v = viewer(page);
  await v.scrollIntoViewIfNeeded();
  const note = v.getByRole("note");
  const stall = async () => {
    // Twenty seconds later (the clock is moved on, not waited for) the reader is told and offered a way out.
    await page.clock.fastForward(21_000);
    await page.clock.resume();
    await expect(note).toContainText("taking much longer than usual");
    await note.getByRole("button", { name: "Try again" }).click();
  };

  // First the structure list, which starts the 3D stage, does not come.
  await expect.poll(() => hung.filter((p) => p.endsWith(".data.json")).length).toBe(1);
  await expect(v).toHaveAttribute("data-status", "loading");
  await expect(v.getByText("Loading the 3D model…")).toBeVisible();
  await stall();

  // Then the stage's files do not: the model's first-load file, the parts the figure opens with (the highlighted
  // nerve's among them) and the visibility table.
  const kinds = () => ({
    firstLoad: hung.filter((p) => /\/[a-z0-9-]+\.glb$/.test(p)).length,
    parts: hung.some((p) => /\/[a-z0-9-]+\.nerve\.glb$/.test(p)),
    table: hung.filter((p) => p.endsWith(".visibility.json")).length,
  });
  await expect.poll(kinds).toEqual({ firstLoad: 1, parts: true, table: 1 });
  await expect(v).toHaveAttribute("data-status", "loading");
  await stall();
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(note).toHaveCount(0);
  expect(problems).toEqual([]);
});

test("a WebGL context lost before the first frame: not ready until restored and drawn", async ({ page }) => {
  const problems = uncaught(page);
  await serveFixtureModels(page.context());
  await page.addInitScript(() => {
    (window as { __palpateTestHooks?: boolean }).__palpateTestHooks = true;
    // A figure's canvas loses its context as soon as it has one (the WebGL check's own canvas is not in the page).
    const getContext = HTMLCanvasElement.prototype.getContext;
    const lost = new WeakSet<HTMLCanvasElement>();
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      const context = getContext.call(this, type as "webgl2", ...(rest as [])) as WebGL2RenderingContext | null;
      if (context && type === "webgl2" && this.isConnected && !lost.has(this)) {
        lost.add(this);
        const lose = context.getExtension("WEBGL_lose_context");
        (window as { __restore?: () => void }).__restore = () => lose?.restoreContext();
        setTimeout(() => lose?.loseContext(), 0);
      }
      return context;
    } as typeof getContext;
  });
  await page.goto(ATLAS);
  const v = viewer(page);
  await v.scrollIntoViewIfNeeded();
  await expect(v.getByText("Restoring the 3D view…")).toBeVisible();
  // The model has arrived (the test hook exists once it has) and frames have run, but none was drawn.
  const canvas = v.locator("canvas");
  await expect
    .poll(() => canvas.evaluate((c) => typeof (c as { palpateMeasure?: unknown }).palpateMeasure), { timeout: 30_000 })
    .toBe("function");
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect(await v.getAttribute("data-status")).toBe("loading");
  await expect(v.getByText("Restoring the 3D view…")).toBeVisible();

  await page.evaluate(() => (window as { __restore?: () => void }).__restore?.());
  await expect(v).toHaveAttribute("data-status", "ready", { timeout: 30_000 });
  await expect(v.locator(".av-message")).toHaveCount(0);
  expect(problems).toEqual([]);
});
