// Lessons and practice in a browser: the comparison table's roles, and the keyboard behaviour of the quiz, the
// session walk-through, key-term popovers and flashcards. The structure of every lesson, its citations and key-term
// links are checked over dist/ in tests/built/pages.test.ts.

import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";

test("the comparison is a real table with a header row and row headers", async ({ page }) => {
  await page.goto("/learn/orthopedic-vs-medical-massage/");
  const table = page.getByRole("table", { name: /Orthopedic and medical massage compared/ });
  await expect(table).toBeVisible();
  const headerRow = table.locator("thead tr").first();
  await expect(headerRow.getByRole("columnheader")).toHaveText(["Aspect", "Orthopedic massage", "Medical massage"]);
  await expect(table.getByRole("rowheader")).toHaveCount(7);
  await expect(table.getByRole("rowheader").first()).toHaveText("Who initiates or prescribes");
});

test("a quiz question can be answered and checked with the keyboard alone", async ({ page }) => {
  await page.goto("/learn/what-is-orthopedic-massage/");
  const question = page.locator("quiz-question").first();
  const correct = Number(await question.getAttribute("data-answer"));
  const radios = question.getByRole("radio");
  await radios.first().focus();
  await page.keyboard.press("Space");
  // Arrow keys move the selection within the radio group.
  for (let k = 0; k < correct; k++) await page.keyboard.press("ArrowDown");
  await expect(radios.nth(correct)).toBeChecked();
  await page.keyboard.press("Tab");
  await expect(question.getByRole("button", { name: "Check answer" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(question.getByRole("status")).toHaveText("Correct.");
  await expect(question.locator("details")).toHaveAttribute("open", "");

  // A wrong answer gets a different verdict.
  await radios.nth((correct + 1) % (await radios.count())).check();
  await question.getByRole("button", { name: "Check answer" }).click();
  await expect(question.getByRole("status")).toContainText("Not quite");
});

test("the session walk-through steps by button and arrow key and announces the step", async ({ page }) => {
  await page.goto("/learn/the-orthopedic-session/");
  const walk = page.getByRole("group", { name: "The orthopedic session, step by step" });
  const steps = walk.locator(".step");
  await expect(steps).toHaveCount(10);
  await expect(walk.locator(".step:visible")).toHaveCount(1);
  await expect(walk.getByRole("heading", { level: 3 }).filter({ visible: true })).toHaveText("Intake and history");
  const previous = walk.getByRole("button", { name: /Previous step/ });
  await expect(previous).toBeDisabled();

  await walk.getByRole("button", { name: /Next step/ }).click();
  await expect(walk.getByRole("status")).toHaveText("Step 2 of 10: Postural assessment");
  await expect(walk.locator(".step:visible h3")).toHaveText("Postural assessment");
  // The visible step keeps its own number in the list.
  expect(await walk.locator(".step:visible").evaluate((li) => (li as HTMLLIElement).value)).toBe(2);

  await page.keyboard.press("ArrowRight");
  await expect(walk.getByRole("status")).toHaveText("Step 3 of 10: Movement testing: active, passive and resisted");
  await page.keyboard.press("End");
  await expect(walk.getByRole("status")).toHaveText("Step 10 of 10: Documentation: SOAP notes");
  await expect(walk.getByRole("button", { name: /Next step/ })).toBeDisabled();
  await page.keyboard.press("Home");
  await expect(walk.getByRole("status")).toHaveText("Step 1 of 10: Intake and history");

  const showAll = walk.getByRole("button", { name: "Show all steps" });
  await showAll.click();
  await expect(showAll).toHaveAttribute("aria-pressed", "true");
  await expect(walk.locator(".step:visible")).toHaveCount(10);
  expect(await axeViolations(page)).toEqual([]);
});

test("the walk-through reads as a plain ordered list without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/learn/the-orthopedic-session/");
  await expect(page.locator("session-steps .step:visible")).toHaveCount(10);
  await expect(page.getByRole("button", { name: /Next step/ })).toBeHidden();
  await context.close();
});

test("a key term opens its definition in place and links to the glossary", async ({ page }) => {
  await page.goto("/learn/what-is-orthopedic-massage/");
  const term = page.locator(".lesson-body button.term-button[data-term='kinesiology']").first();
  await term.focus();
  await page.keyboard.press("Enter");
  const popover = page.locator(".term-popover:popover-open");
  await expect(popover).toHaveCount(1);
  await expect(popover).toContainText("The study of human movement");
  await expect(popover.getByRole("link")).toHaveAttribute("href", "/glossary/#kinesiology");
  expect(await axeViolations(page)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(page.locator(".term-popover:popover-open")).toHaveCount(0);
});

test("a practice set opens from its summary and keeps an announced score", async ({ page }) => {
  await page.goto("/practice/");
  const set = page.locator("section.quiz").first();
  const status = set.locator(".set-score");
  await expect(status).toHaveAttribute("role", "status");
  await expect(status).toHaveText(/^0 of (\d+) answered$/);
  const total = Number((await status.textContent())?.match(/of (\d+)/)?.[1]);
  await expect(set.locator("quiz-question").first()).toBeHidden();
  await set.locator("summary").first().focus();
  await page.keyboard.press("Enter");
  const questions = set.locator("quiz-question");
  await expect(questions.first()).toBeVisible();

  // The first question right, the second wrong: the score counts each question's first check.
  const first = questions.nth(0);
  await first
    .getByRole("radio")
    .nth(Number(await first.getAttribute("data-answer")))
    .check();
  await first.getByRole("button", { name: "Check answer" }).click();
  await expect(status).toHaveText(`1 of ${total} answered, 1 right the first time.`);
  const second = questions.nth(1);
  const wrong = (Number(await second.getAttribute("data-answer")) + 1) % (await second.getByRole("radio").count());
  await second.getByRole("radio").nth(wrong).check();
  await second.getByRole("button", { name: "Check answer" }).click();
  await expect(status).toHaveText(`2 of ${total} answered, 1 right the first time.`);
  await expect(set.locator("progress")).toHaveAttribute("value", "2");

  const reset = set.getByRole("button", { name: "Start this set again" });
  await reset.focus();
  await page.keyboard.press("Enter");
  await expect(status).toHaveText(`Set cleared: 0 of ${total} answered.`);
  await expect(reset).toBeHidden();
  await expect(first.getByRole("radio").first()).toBeFocused();
  await expect(first.locator(".feedback")).toHaveText("");
  expect(await axeViolations(page)).toEqual([]);
});
