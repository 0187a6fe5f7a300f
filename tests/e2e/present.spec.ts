// Presentation mode, the lesson step-through's keyboard behaviour, and embedding a 3D view. Key handling runs on a
// lesson without figures (fast); the 3D states on the orthopedic-session lesson, whose step-through has a figure
// the steps drive. Static facts (the Present action on every page, the embed page without navigation, framing
// headers) are checked over dist/ in tests/built/present.test.ts and headers.test.ts.

import { expect, type Page, test } from "@playwright/test";
import { axeViolations } from "./support/axe";

const counter = (page: Page) => page.locator(".present-counter");
const stepIs = async (page: Page, n: number) => {
  await expect(page).toHaveURL(new RegExp(`#step=${n}$`));
  await expect(counter(page)).toHaveText(new RegExp(`^${n} / \\d+$`));
};

test("presentation keys: next, previous, Home/End, history, form fields, key list, hide, blank, Esc", async ({
  page,
}) => {
  await page.goto("/learn/orthopedic-vs-medical-massage/");
  await page.getByRole("button", { name: "Present" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-present", "");
  await stepIs(page, 1);
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const total = Number((await counter(page).textContent())?.split("/")[1]);
  expect(total).toBeGreaterThan(6);

  // Every key a clicker or reveal.js user would press, one step each.
  let n = 1;
  for (const key of ["ArrowRight", "ArrowDown", "Space", "PageDown", "n"]) {
    await page.keyboard.press(key);
    await stepIs(page, ++n);
  }
  // The step's heading is shown, the previous step's is not, and the step is announced.
  const live = page.locator(".present-live");
  await expect(live).toContainText(`Step 6 of ${total}:`);
  await expect(page.locator("[data-present-current]").first()).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeHidden();
  expect(await axeViolations(page)).toEqual([]);
  for (const key of ["ArrowLeft", "ArrowUp", "Shift+Space", "PageUp", "p"]) {
    await page.keyboard.press(key);
    await stepIs(page, --n);
  }
  await page.keyboard.press("End");
  await stepIs(page, total);
  await expect(page.getByRole("button", { name: "Next →" })).toBeDisabled();
  await page.keyboard.press("Home");
  await stepIs(page, 1);

  // Back goes to the previous step; an address with a step opens that step.
  await page.keyboard.press("n");
  await page.keyboard.press("n");
  await stepIs(page, 3);
  await page.goBack();
  await stepIs(page, 2);

  // A form field keeps its keys: the quiz's radio buttons.
  await page.keyboard.press("End");
  const quizStep = page.getByRole("heading", { name: "Check your understanding" });
  while (!(await quizStep.isVisible())) await page.keyboard.press("ArrowLeft");
  const at = Number((await counter(page).textContent())?.split("/")[0]);
  await page.getByRole("radio").first().focus();
  await page.keyboard.press("n");
  await page.keyboard.press("PageDown");
  await stepIs(page, at);
  await page.locator("main").focus();

  // The key list opens and closes with "?".
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: "Presentation keys" });
  await expect(help).toBeVisible();
  await expect(help).toContainText("Blank the screen");
  await page.keyboard.press("?");
  await expect(help).toBeHidden();

  // Hide the answer: the heading stays, the text goes, until H again.
  await page.keyboard.press("Home");
  await page.keyboard.press("n");
  const heading = page.getByRole("heading", { name: "Learning objectives" });
  const text = page.locator("main").getByText("After this lesson you should be able to:");
  await expect(text).toBeVisible();
  await page.keyboard.press("h");
  await expect(heading).toBeVisible();
  await expect(text).toBeHidden();
  await expect(page.getByText("Answer hidden: press H to reveal.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Hide answer" })).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("h");
  await expect(text).toBeVisible();

  // F: full screen on and off (the Present button already asked for it).
  const fullscreen = () => page.evaluate(() => document.fullscreenElement !== null);
  const before = await fullscreen();
  await page.keyboard.press("f");
  await expect.poll(fullscreen).toBe(!before);
  await page.keyboard.press("f");
  await expect.poll(fullscreen).toBe(before);

  // Blank screen: B or "."; other keys wait until it is back.
  const blank = page.locator(".present-blank");
  await page.keyboard.press("b");
  await expect(blank).toBeVisible();
  await page.keyboard.press("n");
  await stepIs(page, 2);
  await page.keyboard.press("b");
  await expect(blank).toBeHidden();
  await page.keyboard.press(".");
  await expect(blank).toBeVisible();
  await page.keyboard.press(".");
  await expect(blank).toBeHidden();

  // Esc leaves: the page is whole again and the address has no step.
  await page.keyboard.press("Escape");
  await expect(page.locator("html")).not.toHaveAttribute("data-present");
  await expect(page).not.toHaveURL(/#step=/);
  await expect(page.getByRole("banner")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator(".present-bar")).toHaveCount(0);

  // Opening a step's address opens the presentation at that step.
  await page.goto("/learn/orthopedic-vs-medical-massage/#step=4");
  await stepIs(page, 4);
  await expect(page.locator("html")).toHaveAttribute("data-present", "");
});

test("the step-through keeps focus, stops at the last step, and its steps set the 3D view; so do presentation steps", async ({
  page,
}) => {
  await page.goto("/learn/the-orthopedic-session/");
  const walk = page.getByRole("group", { name: "The orthopedic session, step by step" });
  const status = walk.locator(".steps-counter");
  const figure = walk.locator("[data-anatomy-viewer]");
  await expect(figure).toHaveAttribute(
    "data-highlighted",
    "supraspinatus glenohumeral-joint-capsule subacromial-bursa",
  );

  // Focus inside a step: each ArrowRight moves on and focus stays in the walk-through.
  await walk.locator(".step:visible button.term-button").first().focus();
  await page.keyboard.press("ArrowRight");
  await expect(status).toHaveText("Step 2 of 10: Postural assessment");
  await expect(walk.locator(".step:visible")).toBeFocused();
  await expect(figure).toHaveAttribute("data-highlighted", "scapula levator-scapulae rhomboid-major trapezius");
  await page.keyboard.press("ArrowRight");
  await expect(status).toHaveText("Step 3 of 10: Movement testing: active, passive and resisted");
  await expect(walk.locator(".step:visible")).toBeFocused();
  // A step without a view of its own shows the figure's own view.
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  await expect(status).toHaveText("Step 1 of 10: Intake and history");
  await expect(figure).toHaveAttribute(
    "data-highlighted",
    "supraspinatus glenohumeral-joint-capsule subacromial-bursa",
  );

  // On the last step, repeated Enter on Next stays there (it used to jump to Previous and go back).
  await page.keyboard.press("End");
  const next = walk.getByRole("button", { name: /Next step/ });
  await next.focus();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Enter");
  await expect(status).toHaveText("Step 10 of 10: Documentation: SOAP notes");
  await expect(next).toBeFocused();

  // Presentation: the step-through's steps are presentation steps with their views; the address restores them.
  await page.goto("/learn/the-orthopedic-session/#step=6");
  await expect(counter(page)).toHaveAttribute("aria-label", /Postural assessment$/);
  const stage = page.locator("[data-present-stage]");
  await expect(stage).toBeVisible();
  await expect(stage).toHaveAttribute("data-highlighted", "scapula levator-scapulae rhomboid-major trapezius");
  await page.keyboard.press("ArrowRight");
  await expect(counter(page)).toHaveAttribute("aria-label", /Movement testing/);
  await expect(stage).toHaveAttribute(
    "data-highlighted",
    "infraspinatus subscapularis supraspinatus glenohumeral-joint-capsule",
  );
  await page.goBack();
  await stepIs(page, 6);
  await expect(stage).toHaveAttribute("data-highlighted", "scapula levator-scapulae rhomboid-major trapezius");

  // L turns the figure's labels off and on; H hides them with the text, and reveals both.
  const labels = stage.locator(".av-toolbar button", { hasText: "Labels" });
  await expect(labels).toHaveAttribute("aria-pressed", "true");
  await page.keyboard.press("l");
  await expect(labels).toHaveAttribute("aria-pressed", "false");
  await page.keyboard.press("l");
  await expect(labels).toHaveAttribute("aria-pressed", "true");
  const stepText = page.locator("main").getByText("Observe the client standing");
  await page.keyboard.press("h");
  await expect(labels).toHaveAttribute("aria-pressed", "false");
  await expect(stepText).toBeHidden();
  await expect(page.getByRole("heading", { name: "Postural assessment" })).toBeVisible();
  await page.keyboard.press("h");
  await expect(labels).toHaveAttribute("aria-pressed", "true");
  await expect(stepText).toBeVisible();

  // Printing gives a handout: every step in a block, the current view as a still taken from the canvas at print
  // time. (The Handout button also walks every step's view first; that waits for each, so it is not run here.)
  await expect(stage).toHaveAttribute("data-status", "ready");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const total = Number((await counter(page).textContent())?.split("/")[1]);
  await expect(page.locator(".present-handout-step")).toHaveCount(total);
  const still = page.locator(".present-handout-step[data-step='6'] img.present-still");
  expect(await still.getAttribute("src")).toMatch(/^data:image\/png;base64,.{2000}/);
  await page.emulateMedia({ media: "print" });
  await expect(page.locator(".present-handout")).toBeVisible();
  await expect(page.locator("main")).toBeHidden();
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  await expect(page.locator(".present-handout")).toHaveCount(0);
  await stepIs(page, 6);
});

test("the embed snippet shows the same view on /embed/, without the site's navigation", async ({ page }) => {
  await page.goto("/learn/the-orthopedic-session/");
  const walk = page.getByRole("group", { name: "The orthopedic session, step by step" });
  await walk.getByRole("button", { name: /Next step/ }).click();
  const figure = walk.locator("[data-anatomy-viewer]");
  await expect(figure).toHaveAttribute("data-highlighted", "scapula levator-scapulae rhomboid-major trapezius");
  await figure.getByText("Embed", { exact: true }).click();
  await figure.getByRole("spinbutton", { name: "Width" }).fill("640");
  const code = figure.getByRole("textbox", { name: "HTML to paste" });
  await expect(code).toHaveValue(/width="640" height="600"/);
  const snippet = await code.inputValue();
  const src = /src="([^"]+)"/.exec(snippet)?.[1] ?? "";
  expect(src).toMatch(/\/embed\/#viewer=[a-z0-9-]+&v=1&m=shoulder&/);

  await page.goto(src);
  const embedded = page.locator("[data-anatomy-viewer]");
  await expect(embedded).toHaveAttribute("data-model", "shoulder");
  await expect(embedded).toHaveAttribute("data-highlighted", "scapula levator-scapulae rhomboid-major trapezius");
  await expect(page.getByRole("navigation")).toHaveCount(0);
  await expect(page.getByRole("banner")).toHaveCount(0);
  const open = page.getByRole("link", { name: "Open in Palpate" });
  await open.focus();
  await expect(open).toHaveAttribute("href", /^\/anatomy\/explore\/#viewer=explore&v=1&m=shoulder&/);
});

test("a step address that is not a step number opens the page as usual and says so", async ({ page }) => {
  await page.goto("/learn/orthopedic-vs-medical-massage/#step=two");
  await expect(page.getByRole("status").filter({ hasText: "presentation step that does not exist" })).toBeVisible();
  await expect(page.locator("html")).not.toHaveAttribute("data-present", "");
  await expect(page.getByRole("banner")).toBeVisible();
});
