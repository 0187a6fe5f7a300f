// Lessons, glossary and practice pages in the production build: structure of every lesson, citations and
// key-term links that resolve, the comparison table, and the keyboard behaviour of the quiz, the session
// walk-through, key-term popovers and flashcards.

import { expect, test } from "@playwright/test";
import { axeViolations } from "./support/axe";

const LESSONS = [
  { slug: "what-is-orthopedic-massage", title: "What is orthopedic massage?" },
  { slug: "orthopedic-vs-medical-massage", title: "Orthopedic massage and medical massage compared" },
  { slug: "the-orthopedic-session", title: "The orthopedic massage session, step by step" },
  { slug: "safety-and-referral", title: "Safety, contraindications and referral" },
  { slug: "tissues-101", title: "Tissues 101: what you are working on" },
];

test("the lessons index lists the five lessons in teaching order", async ({ page }) => {
  await page.goto("/learn/");
  const links = page.locator(".lesson-list h2 a");
  await expect(links).toHaveText(LESSONS.map((l) => l.title));
  for (const [i, l] of LESSONS.entries()) {
    await expect(links.nth(i)).toHaveAttribute("href", `/learn/${l.slug}/`);
  }
});

for (const [i, lesson] of LESSONS.entries()) {
  test(`lesson ${lesson.slug} renders objectives, summary, questions, references and lesson links`, async ({
    page,
  }) => {
    await page.goto(`/learn/${lesson.slug}/`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(lesson.title);

    const objectives = page.getByRole("region", { name: "Learning objectives" });
    expect(await objectives.getByRole("listitem").count()).toBeGreaterThanOrEqual(3);
    await expect(page.getByRole("region", { name: "In short" })).toContainText(/\w+/);

    // Objectives come before the body, the questions and references after it.
    const order = await page.evaluate(() =>
      ["#objectives-heading", "#in-short-heading", ".lesson-body", ".quiz", ".references"].map((s) => {
        const el = document.querySelector(s);
        return el ? el.getBoundingClientRect().top + window.scrollY : -1;
      }),
    );
    expect(order.every((y) => y >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);

    const questions = page.locator(".quiz fieldset");
    const n = await questions.count();
    expect(n).toBeGreaterThanOrEqual(3);
    expect(n).toBeLessThanOrEqual(6);
    await expect(page.locator(".quiz details.explanation")).toHaveCount(n);

    const refs = page.locator(".references li[id^='ref-']");
    expect(await refs.count()).toBeGreaterThanOrEqual(3);

    // Every in-text citation points at an entry of this page's reference list.
    const citeTargets = await page.locator(".cite a").evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    expect(citeTargets.length).toBeGreaterThanOrEqual(3);
    for (const href of new Set(citeTargets)) {
      await expect(page.locator(`.references li${href}`), `citation ${href}`).toHaveCount(1);
    }

    // Key terms link to their glossary anchors.
    const termLinks = page.locator(".key-terms dt a");
    expect(await termLinks.count()).toBeGreaterThan(5);
    for (const href of await termLinks.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      expect(href).toMatch(/^\/glossary\/#[a-z0-9-]+$/);
    }

    const pager = page.getByRole("navigation", { name: "Lessons" });
    const previous = LESSONS[i - 1];
    const next = LESSONS[i + 1];
    if (previous)
      await expect(pager.getByRole("link", { name: /Previous lesson/ })).toHaveAttribute(
        "href",
        `/learn/${previous.slug}/`,
      );
    else await expect(pager.getByRole("link", { name: /Previous lesson/ })).toHaveCount(0);
    if (next)
      await expect(pager.getByRole("link", { name: /Next lesson/ })).toHaveAttribute("href", `/learn/${next.slug}/`);
    else await expect(pager.getByRole("link", { name: /Next lesson/ })).toHaveCount(0);
  });
}

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
  await expect(walk.getByRole("status")).toHaveText("Step 3 of 10: Palpation");
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

test("the glossary has an anchor for every key term the lessons link", async ({ page }) => {
  const wanted = new Set<string>();
  for (const l of LESSONS) {
    await page.goto(`/learn/${l.slug}/`);
    for (const href of await page
      .locator(".key-terms dt a")
      .evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""))) {
      wanted.add(href.replace("/glossary/#", ""));
    }
  }
  await page.goto("/glossary/");
  for (const id of wanted) await expect(page.locator(`[id="${id}"] dfn`), `glossary entry ${id}`).toHaveCount(1);
});

test("the practice page gathers every lesson's questions and deals flashcards one at a time", async ({ page }) => {
  let lessonQuestions = 0;
  for (const l of LESSONS) {
    await page.goto(`/learn/${l.slug}/`);
    lessonQuestions += await page.locator(".quiz fieldset").count();
  }
  await page.goto("/practice/");
  await expect(page.locator("section[aria-labelledby='lessons'] fieldset")).toHaveCount(lessonQuestions);

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
