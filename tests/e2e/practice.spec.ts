// Practice tools in a browser: a seeded 3D quiz round answered every way a student can (keys, clicks on choices,
// a typed name, a click on the model, the accessible list), its score and missed list, progress that survives a
// reload and feeds the flashcards; flashcards rated from the keyboard; everything still working, with a notice,
// when storage is blocked. The round's answers come from the site's own bank (/practice/3d/bank.json) dealt with
// the same seed, never from a list in this file.
import { expect, type Page, test } from "@playwright/test";
import { dealRound, type Question, type QuestionBank } from "../../src/lib/practice/question-bank.ts";
import { entries } from "../support/content.ts";
import { axeViolations } from "./support/axe";
import { reportCspViolations } from "./support/csp";

const recordNames = new Map(entries<{ name: string }>("anatomy").map((e) => [e.id, e.data.name]));

const SET = "region-shoulder";
const SEED = 1;

test.beforeEach(({ context }) => reportCspViolations(context));

async function loadBank(page: Page): Promise<QuestionBank> {
  const response = await page.request.get("/practice/3d/bank.json");
  expect(response.ok()).toBe(true);
  return (await response.json()) as QuestionBank;
}

/** A name with two inner letters swapped: a typo the quiz forgives in a long name. */
function typo(name: string): string {
  const i = Math.floor(name.length / 2);
  return `${name.slice(0, i)}${name[i + 1]}${name[i]}${name.slice(i + 2)}`;
}

async function blockStorage(page: Page): Promise<void> {
  await page.addInitScript(() => {
    Object.defineProperty(window, "localStorage", {
      get() {
        throw new DOMException("The operation is insecure.", "SecurityError");
      },
    });
  });
}

test("a seeded round: Name it and Find it every way, score, missed list, and progress kept for the flashcards", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const bank = await loadBank(page);
  const round = dealRound(bank, SET, SEED);
  // A click can land on any structure of the model, also one the quiz never asks about (a vessel): its record names it.
  const nameOf = (id: string) => bank.structures.find((s) => s.id === id)?.name ?? recordNames.get(id) ?? id;
  const kinds = round.map((q) => q.kind);
  expect(kinds.slice(0, 6)).toEqual(["name", "find", "name", "find", "name", "find"]);

  await page.goto(`/practice/3d/?set=${SET}&seed=${SEED}`);
  const quiz = page.locator("[data-quiz3d]");
  const heading = quiz.locator("h2[data-question-kind]");
  const feedback = quiz.locator("[data-feedback]");
  const announce = quiz.locator("[data-quiz-announce]");
  const progress = quiz.locator(".quiz3d-progress");
  await expect(quiz).toHaveAttribute("data-quiz3d", "question");
  await expect(heading).toHaveText("Name it: which structure is highlighted?");
  await expect(announce).toContainText("Question 1 of 10. Name it");
  // The model comes up with no labels: they would give the answer away.
  await expect(quiz.locator("[data-quiz-stage='ready']")).toBeAttached({ timeout: 60_000 });
  await expect(quiz.locator("[data-label], [data-leader]")).toHaveCount(0);

  const expected: boolean[] = [];
  const q = (i: number) => round[i] as Question;
  const choicesOf = (question: Question) => ("choices" in question ? question.choices : []);
  const next = async () => {
    await page.getByRole("button", { name: /Next question|See the score/ }).click();
  };

  // 1. Name it by keyboard, right: the key of the answer's position, then Enter.
  const first = q(0);
  await page.keyboard.press(String(choicesOf(first).indexOf(first.answer) + 1));
  await page.keyboard.press("Enter");
  await expect(feedback).toHaveAttribute("data-feedback", "right");
  await expect(feedback).toContainText(`Right. ${nameOf(first.answer)}.`);
  await expect(announce).toContainText(`Right: ${nameOf(first.answer)}.`);
  await expect(progress).toContainText("Score 1");
  expected.push(true);
  // Enter goes on (focus sits on the Next button).
  await page.keyboard.press("Enter");

  // 2. Find it by clicking the model: the first point that hovers a structure; feedback names what was clicked.
  await expect(heading).toHaveText(`Find it: ${nameOf(q(1).answer)}`);
  const canvas = quiz.locator("canvas");
  const box = await canvas.boundingBox();
  if (!box) throw new Error("no canvas");
  let clicked = false;
  for (const [fx, fy] of [
    [0.4, 0.5],
    [0.5, 0.35],
    [0.6, 0.45],
    [0.45, 0.65],
    [0.35, 0.3],
  ] as const) {
    await page.mouse.move(box.x + box.width * fx, box.y + box.height * fy);
    await page.waitForTimeout(250);
    if ((await canvas.evaluate((c) => c.style.cursor)) !== "pointer") continue;
    await page.mouse.down();
    await page.mouse.up();
    // Under load the hover seen a moment ago may be stale when the click lands (the pick then finds nothing):
    // a click that gave no answer tries the next point.
    if (
      await feedback.waitFor({ state: "visible", timeout: 5_000 }).then(
        () => true,
        () => false,
      )
    ) {
      clicked = true;
      break;
    }
  }
  expect(clicked, "some point of the model is clickable and answers").toBe(true);
  await expect(feedback).toBeVisible();
  const picked = (await feedback.getAttribute("data-picked")) ?? "";
  expect(picked).not.toBe("");
  if (picked === q(1).answer) {
    await expect(feedback).toContainText(`Right. ${nameOf(picked)}.`);
  } else {
    await expect(feedback).toContainText(`You clicked ${nameOf(picked)}.`);
    await expect(feedback).toContainText(`The answer is ${nameOf(q(1).answer)}`);
  }
  expected.push(picked === q(1).answer);
  await next();

  // 3. Name it by clicking a wrong choice, then Check.
  const third = q(2);
  const wrong = choicesOf(third).find((c) => c !== third.answer) ?? "";
  await quiz.getByRole("radio", { name: nameOf(wrong) }).check();
  await quiz.getByRole("button", { name: "Check", exact: true }).click();
  await expect(feedback).toHaveAttribute("data-feedback", "wrong");
  await expect(feedback).toContainText(`You answered ${nameOf(wrong)}. The answer is ${nameOf(third.answer)}`);
  await expect(quiz.locator(".quiz3d-choice[data-state='answer']")).toContainText(nameOf(third.answer));
  expected.push(false);
  await next();

  // 4. Find it from the accessible list, right.
  await expect(heading).toHaveText(`Find it: ${nameOf(q(3).answer)}`);
  await quiz.getByLabel(/choose it from the list/).selectOption(q(3).answer);
  await quiz.getByRole("button", { name: "Check chosen structure" }).click();
  await expect(feedback).toHaveAttribute("data-feedback", "right");
  expected.push(true);
  await next();

  // 5. Name it by typing the name with a small typo: forgiven. (Wait for the question first: under load the next
  // question's field can be filled before it is in place.)
  await expect(announce).toContainText("Question 5 of 10. Name it");
  await expect(quiz.getByLabel("Or type the name")).toBeEditable();
  await quiz.getByLabel("Or type the name").fill(typo(nameOf(q(4).answer)));
  await quiz.getByLabel("Or type the name").press("Enter");
  await expect(feedback).toHaveAttribute("data-feedback", "right");
  expected.push(true);
  await next();

  // 6 to 10: the list's first entry for Find it, key 1 and Enter for Name it; right only when that is the answer.
  for (let i = 5; i < round.length; i++) {
    const question = q(i);
    if (question.kind === "find") {
      const list = quiz.getByLabel(/choose it from the list/);
      const firstOption = (await list.locator("option").first().getAttribute("value")) ?? "";
      await list.selectOption(firstOption);
      await quiz.getByRole("button", { name: "Check chosen structure" }).click();
      expected.push(firstOption === question.answer);
    } else {
      await page.keyboard.press("1");
      await page.keyboard.press("Enter");
      expected.push(choicesOf(question)[0] === question.answer);
    }
    await expect(feedback).toHaveAttribute("data-feedback", expected[i] ? "right" : "wrong");
    await next();
  }

  // The end: score, every answer marked, the missed ones with a link into the explorer.
  const score = expected.filter(Boolean).length;
  const missed = round.filter((_, i) => !expected[i]).map((x) => x.answer);
  await expect(quiz).toHaveAttribute("data-quiz3d", "end");
  await expect(quiz.getByRole("heading", { level: 2 })).toHaveText(`Shoulder: ${score} of 10 right`);
  await expect(announce).toHaveText(`Round over: ${score} of 10 right.`);
  await expect(quiz.locator("[data-result='wrong']")).toHaveCount(missed.length);
  const missedList = quiz.locator("[data-missed] li");
  await expect(missedList).toHaveCount(missed.length);
  for (const [i, id] of missed.entries()) {
    await expect(missedList.nth(i).locator("strong")).toHaveText(nameOf(id));
    const href =
      (await missedList
        .nth(i)
        .getByRole("link", { name: /^Show me/ })
        .getAttribute("href")) ?? "";
    expect(href).toMatch(new RegExp(`^/anatomy/explore/#viewer=explore&.*f=${id}(&|$)`));
  }
  expect(await axeViolations(page, "[data-quiz3d]")).toEqual([]);
  // "Practise the missed ones" deals a round of exactly those.
  if (missed.length > 0) {
    await quiz.getByRole("button", { name: "Practise the missed ones" }).click();
    await expect(progress).toContainText(`Question 1 of ${missed.length}`);
    const asked = await heading.getAttribute("data-question-kind");
    if (asked === "find")
      await expect(heading).toHaveText(
        new RegExp(`^Find it: (${missed.map((id) => nameOf(id).replace(/[()]/g, "\\$&")).join("|")})$`),
      );
  }

  // Progress survives: the flashcards page (another load) finds the missed ones due in the shoulder.
  await page.goto("/practice/cards/");
  const shoulder = page.locator("[data-progress-rows] tr[data-region='shoulder'] td");
  await expect(shoulder.nth(2)).toHaveText(String(missed.length));
  // Every answer of the round is in the stored quiz record, under the one versioned key.
  const answered = await page.evaluate(() =>
    Object.keys(JSON.parse(localStorage.getItem("palpate.progress.v1") ?? "{}").quiz ?? {}),
  );
  expect(answered.sort()).toEqual(round.map((x) => x.answer).sort());
});

test("flashcards: turn with Space, rate with a key, the count and schedule survive a reload; a bad import is refused", async ({
  page,
}) => {
  await page.goto("/practice/cards/");
  const cards = page.locator("srs-cards");
  const front = cards.locator("[data-front]");
  await expect(front).not.toHaveText("");
  const firstCard = await front.textContent();
  await expect(cards.locator("[data-counts]")).toContainText("0 reviewed today");
  await page.keyboard.press(" ");
  await expect(cards.locator("[data-facts] dt").first()).toBeVisible();
  await page.keyboard.press("4");
  await expect(cards.locator("[data-counts]")).toContainText("1 reviewed today");
  await expect(front).not.toHaveText(firstCard ?? "");
  expect(await axeViolations(page, "srs-cards")).toEqual([]);

  await page.reload();
  await expect(cards.locator("[data-counts]")).toContainText("1 reviewed today");
  // The card rated Easy is not due again today, so the sitting starts with another card.
  await expect(front).not.toHaveText(firstCard ?? "");

  await cards.locator("[data-import]").setInputFiles({
    name: "notes.json",
    mimeType: "application/json",
    buffer: Buffer.from(JSON.stringify({ version: 9, cards: {} })),
  });
  await expect(cards.locator("[data-keep-status]")).toHaveText(
    /^Nothing imported\. notes\.json: version must be 1 \(this file says 9\)/,
  );
  await expect(cards.locator("[data-counts]")).toContainText("1 reviewed today");
});

test("with storage blocked the quiz and the flashcards still work and say progress will not be kept", async ({
  page,
}) => {
  await blockStorage(page);
  // The model is not what this test is about: refuse it to spare the software renderer.
  await page.route("**/models/*.glb", (route) => route.abort());
  const bank = await loadBank(page);
  const round = dealRound(bank, SET, 2);
  const first = round[0] as Question & { choices: string[] };
  await page.goto(`/practice/3d/?set=${SET}&seed=2`);
  const quiz = page.locator("[data-quiz3d]");
  await expect(quiz.locator("[data-storage-notice]")).toContainText("progress will be lost when you leave");
  await page.keyboard.press(String(first.choices.indexOf(first.answer) + 1));
  await page.keyboard.press("Enter");
  await expect(quiz.locator("[data-feedback]")).toHaveAttribute("data-feedback", "right");
  await expect(quiz.locator(".quiz3d-progress")).toContainText("Score 1");

  await page.goto("/practice/cards/");
  const cards = page.locator("srs-cards");
  await expect(cards.locator("[data-notice]")).toContainText("progress will be lost when you leave");
  await page.keyboard.press(" ");
  await page.keyboard.press("3");
  await expect(cards.locator("[data-counts]")).toContainText("1 reviewed today");
});
