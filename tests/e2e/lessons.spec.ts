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

test("the practice page deals flashcards one at a time", async ({ page }) => {
  await page.goto("/practice/");

  const deck = page.locator("flash-cards");
  await expect(deck.locator(".fc-card:visible")).toHaveCount(1);
  const status = deck.getByRole("status");
  await expect(status).toContainText(/^Card 1 of \d+/);
  await deck.getByRole("button", { name: /Next card/ }).click();
  await expect(status).toContainText(/^Card 2 of \d+/);
  const card = deck.locator(".fc-card:visible");
  await card.locator("summary").click();
  await expect(card.locator("dt")).toHaveText(["Origin", "Insertion", "Action", "Innervation"]);
  await expect(card.locator("dd").first()).not.toBeEmpty();
});
