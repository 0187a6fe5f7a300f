// The viewer for keyboard users, projectors and quizzes (issue 13), with the fixture model: a skip link passes the
// viewer, the structure list is one Tab stop with arrow keys inside, labels grow with the stage, never overlap on
// a phone and select their structure when tapped, and the quiz state hides every name (labels, hover, list marks)
// until revealed. One page load for all of it: software WebGL is slow.
import { expect, type Locator, type Page, test } from "@playwright/test";
import { reportCspViolations } from "./support/csp";
import { openReady, serveFixtureModels } from "./support/viewer";

const GUIDE = "/anatomy/explore/guide/";

test.beforeEach(async ({ context }) => {
  reportCspViolations(context);
  await serveFixtureModels(context);
});

/** What has focus: its name, and whether it is inside the first viewer, in its structure list, or after it. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    const v = document.querySelector("[data-anatomy-viewer]");
    if (!el || !v) return { name: "", inViewer: false, inList: false, after: false };
    const label = (el as HTMLInputElement).labels?.[0]?.textContent;
    return {
      name: (el.getAttribute("aria-label") ?? label ?? el.textContent ?? "").trim(),
      inViewer: v.contains(el),
      inList: Boolean(el.closest(".av-list")),
      after: !v.contains(el) && Boolean(v.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING),
    };
  });
}

/** The shown labels' boxes and font size, and the stage's box. */
function labelBoxes(v: Locator) {
  return v.evaluate((root) => {
    const stage = (root.querySelector(".av-stage") as HTMLElement).getBoundingClientRect();
    const labels = [...root.querySelectorAll<HTMLElement>("[data-label]")].filter(
      (l) => !l.hidden && l.style.visibility === "visible",
    );
    return {
      stage: { left: stage.left, top: stage.top, right: stage.right, bottom: stage.bottom },
      ids: labels.map((l) => l.dataset["label"] ?? ""),
      font: labels.length > 0 ? Number.parseFloat(getComputedStyle(labels[0] as HTMLElement).fontSize) : 0,
      boxes: labels.map((l) => {
        const r = l.getBoundingClientRect();
        return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, at: l.style.transform };
      }),
    };
  });
}

test("one figure: quiz from a shared link, labels on a phone, keyboard (skip link, list), hover names, projector", async ({
  page,
}) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.setViewportSize({ width: 390, height: 844 });
  // A shared link in the quiz state opens with the names hidden; the Labels button reveals them.
  const v = await openReady(page, `${GUIDE}#viewer=median-nerve&v=1&quiz=1`);
  const quiz = v.getByRole("button", { name: "Hide names" });
  await expect(quiz).toHaveAttribute("aria-pressed", "true");
  await expect(v.locator("[data-label]")).toHaveCount(0);
  const marks = v.locator(".av-list .av-mark-focus, .av-list .av-mark-secondary");
  await expect(marks).toHaveCount(0);
  await v.getByRole("button", { name: "Labels" }).click();
  await expect(quiz).toHaveAttribute("aria-pressed", "false");
  // At 390 px: the focus labels are shown, inside the stage, and no two overlap.
  await expect.poll(async () => (await labelBoxes(v)).ids.sort().join()).toContain("median-nerve");
  // Once the layout has settled (labels are placed on the frame after they appear): inside the stage, no overlaps.
  const problems = (b: Awaited<ReturnType<typeof labelBoxes>>) =>
    b.boxes.flatMap((a, i) => [
      ...(a.left < b.stage.left - 0.5 ||
      a.right > b.stage.right + 0.5 ||
      a.top < b.stage.top - 0.5 ||
      a.bottom > b.stage.bottom + 0.5
        ? [`${JSON.stringify(a)} leaves the stage`]
        : []),
      ...b.boxes
        .slice(i + 1)
        .filter((c) => a.left < c.right && c.left < a.right && a.top < c.bottom && c.top < a.bottom)
        .map((c) => `${JSON.stringify(a)} overlaps ${JSON.stringify(c)}`),
    ]);
  await expect.poll(async () => problems(await labelBoxes(v)), { timeout: 10_000 }).toEqual([]);
  const phone = await labelBoxes(v);
  expect(phone.ids).toContain("transverse-carpal-ligament");
  expect(phone.font).toBeGreaterThanOrEqual(13);
  // A tap on a label selects its structure (labels let drags through to the model, so the stage decides).
  const label = phone.boxes[phone.ids.indexOf("median-nerve")];
  if (!label) throw new Error("no median nerve label");
  await page.mouse.click((label.left + label.right) / 2, (label.top + label.bottom) / 2);
  await expect(v).toHaveAttribute("data-selected", "median-nerve");
  await v.getByRole("application").focus();
  await page.keyboard.press("Escape");
  await expect(v).toHaveAttribute("data-selected", "");

  // A laptop, with a keyboard and a mouse.
  await page.setViewportSize({ width: 1366, height: 768 });
  await v.scrollIntoViewIfNeeded();

  // Keyboard: the skip link passes the viewer; the structure list is one Tab stop with arrow keys inside.
  const skip = page.locator("[data-viewer-skip]").first();
  // Off screen until focused, then shown.
  const box = async () => (await skip.boundingBox()) ?? { x: 0, width: 0 };
  expect((await box()).x + (await box()).width).toBeLessThanOrEqual(0);
  await skip.focus();
  expect((await box()).x).toBeGreaterThanOrEqual(0);
  expect((await box()).width).toBeGreaterThan(60);
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  expect(await focused(page), "one Tab after the skip link lands past the viewer").toMatchObject({
    inViewer: false,
    after: true,
  });

  // Without the skip link: every Tab stop through the viewer, and how many are in its list.
  await skip.focus();
  const stops: string[] = [];
  let listStops = 0;
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press("Tab");
    const f = await focused(page);
    if (!f.inViewer) {
      expect(f.after, "Tab leaves the viewer forwards").toBe(true);
      break;
    }
    stops.push(f.name);
    if (f.inList) listStops++;
  }
  expect(listStops, `stops: ${stops.join(" | ")}`).toBe(1);
  expect(stops.length, `stops: ${stops.join(" | ")}`).toBeLessThanOrEqual(14);
  expect(
    stops.some((s) => s.startsWith("3D model")),
    "the 3D view is a stop",
  ).toBe(true);

  // Arrow keys inside the list: rows with Up and Down, buttons with Left and Right, Home and End.
  const list = v.locator(".av-list");
  await expect(list.locator('[data-col][tabindex="0"]')).toHaveCount(1);
  const rows = await list.locator("[data-row]").evaluateAll((els) => els.map((el) => el.textContent?.trim() ?? ""));
  await list.locator('[data-col][tabindex="0"]').focus();
  const first = (await focused(page)).name;
  await page.keyboard.press("ArrowDown");
  const second = (await focused(page)).name;
  expect(second).not.toBe(first);
  expect(rows.some((r) => r.startsWith(second))).toBe(true);
  await page.keyboard.press("ArrowRight");
  expect((await focused(page)).name).toBe(`Hide ${second}`);
  await page.keyboard.press("ArrowRight");
  expect((await focused(page)).name).toBe(`Isolate ${second}`);
  await page.keyboard.press("Home");
  expect((await focused(page)).name).toMatch(/^Isolate /);
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  expect((await focused(page)).name).toBe(first);
  await page.keyboard.press("End");
  expect(rows.at(-1)?.startsWith((await focused(page)).name)).toBe(true);
  // The list remembers its stop: Tab out and Shift+Tab back returns to it.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Tab");
  expect((await focused(page)).inList).toBe(false);
  await page.keyboard.press("Shift+Tab");
  expect((await focused(page)).name).toBe(second);
  // Up from the first row reaches the search box, where typing still filters; Down enters the matches.
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowUp");
  const search = v.getByRole("searchbox");
  await expect(search).toBeFocused();
  await page.keyboard.type("ulnar n");
  await expect(search).toHaveValue("ulnar n");
  await page.keyboard.press("ArrowDown");
  expect((await focused(page)).name).toMatch(/^Ulnar nerve/);
  await page.keyboard.press("Enter");
  await expect(v).toHaveAttribute("data-selected", "ulnar-nerve");
  await search.fill("");
  // The canvas keeps its own keys.
  await v.getByRole("application").focus();
  await page.keyboard.press("Escape");
  await expect(v).toHaveAttribute("data-selected", "");

  // The quiz (hovering needs a mouse).
  // Hovering the ligament names it...
  const tooltip = v.locator(".av-tooltip");
  const dot = v.locator("[data-leader='transverse-carpal-ligament'] circle");
  await expect.poll(async () => (await labelBoxes(v)).ids).toContain("transverse-carpal-ligament");
  const at = await dot.boundingBox();
  if (!at) throw new Error("no label anchor");
  const hover = async () => {
    await page.mouse.move(5, 5);
    await page.mouse.move(at.x + at.width / 2, at.y + at.height / 2);
  };
  await hover();
  await expect(tooltip).toBeVisible();
  await expect(tooltip).toHaveText("Transverse carpal ligament");
  await expect(marks).toHaveCount(3);

  // ...until the quiz hides every name: labels, hover, list marks and the spoken description.
  await quiz.click();
  await expect(quiz).toHaveAttribute("aria-pressed", "true");
  await expect(v.getByRole("button", { name: "Labels" })).toHaveAttribute("aria-pressed", "false");
  await expect(v.locator("[data-label]")).toHaveCount(0);
  await expect(marks).toHaveCount(0);
  await expect(v.getByRole("application")).not.toHaveAttribute("aria-label", /Median nerve|carpal ligament/);
  await hover();
  await page.waitForTimeout(300);
  await expect(tooltip).toBeHidden();
  await expect.poll(() => page.evaluate(() => location.hash)).toContain("quiz=1");

  // Revealing brings them all back.
  await quiz.click();
  await expect(quiz).toHaveAttribute("aria-pressed", "false");
  await expect(marks).toHaveCount(3);
  await expect.poll(async () => (await labelBoxes(v)).ids.length).toBeGreaterThan(0);
  await hover();
  await expect(tooltip).toHaveText("Transverse carpal ligament");
  await expect.poll(() => page.evaluate(() => location.hash)).not.toContain("quiz=1");

  // A projector: full screen at 1920x1080 gives labels of 24 px or more.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await v.getByRole("button", { name: "Full screen" }).click();
  await expect.poll(async () => (await labelBoxes(v)).font).toBeGreaterThanOrEqual(24);
});
