// Check-your-understanding questions must not be guessable from their form (issue 16): over every question of the
// lessons, conditions and techniques, (a) the right answer is the longest option (strictly or jointly, by character
// length) in at most a third of the questions; (b) among the questions with four options, no position holds more
// than a third of the right answers; (c) on each page with three or more questions, the right answers are not all in
// one position. (a) and (b) are checked over all questions together and over each collection on its own, so one
// collection cannot lean on another. Failure messages name the offending page and question.
import { describe, expect, it } from "vitest";
import { mdxPages } from "../support/content.ts";

interface Question {
  q: string;
  options: string[];
  answer: number;
}

interface Item {
  /** "content/<collection>/<slug>.mdx question <n>" (1-based) and the question text, for failure messages. */
  where: string;
  page: string;
  question: Question;
}

const COLLECTIONS = ["lessons", "conditions", "techniques"] as const;
type Collection = (typeof COLLECTIONS)[number];

function itemsOf(collection: Collection): Item[] {
  return mdxPages<{ questions?: Question[] }>(collection).flatMap((page) =>
    (page.data.questions ?? []).map((question, i) => ({
      where: `${page.file} question ${i + 1} ("${question.q.slice(0, 70)}")`,
      page: page.file,
      question,
    })),
  );
}

const byCollection = Object.fromEntries(COLLECTIONS.map((c) => [c, itemsOf(c)])) as Record<Collection, Item[]>;
const all = COLLECTIONS.flatMap((c) => byCollection[c]);

/** True when the right option is at least as long as every other option. */
function answerIsLongest({ options, answer }: Question): boolean {
  const right = options[answer]?.length ?? -1;
  return options.every((o) => o.length <= right);
}

/** Position letter for messages: 0 -> A. */
const letter = (i: number) => String.fromCharCode(65 + i);

function checkLongest(items: Item[], label: string) {
  const offenders = items.filter((it) => answerIsLongest(it.question));
  const limit = Math.floor(items.length / 3);
  expect(
    offenders.length,
    `${label}: the right answer is the longest option in ${offenders.length} of ${items.length} questions ` +
      `(at most ${limit} allowed):\n  ${offenders.map((o) => o.where).join("\n  ")}`,
  ).toBeLessThanOrEqual(limit);
}

function checkPositions(items: Item[], label: string) {
  const four = items.filter((it) => it.question.options.length === 4);
  const limit = Math.floor(four.length / 3);
  const counts = [0, 1, 2, 3].map((p) => four.filter((it) => it.question.answer === p));
  const histogram = counts.map((c, p) => `${letter(p)}=${c.length}`).join(" ");
  for (const [p, at] of counts.entries()) {
    expect(
      at.length,
      `${label}: ${at.length} of ${four.length} four-option questions have the right answer at ${letter(p)} ` +
        `(at most ${limit} allowed; ${histogram}):\n  ${at.map((o) => o.where).join("\n  ")}`,
    ).toBeLessThanOrEqual(limit);
  }
}

describe("check-your-understanding questions are not guessable from their form", () => {
  it("finds questions in every collection", () => {
    for (const c of COLLECTIONS) expect(byCollection[c].length, `content/${c}: no questions`).toBeGreaterThan(0);
  });

  it("all questions: the right answer is the longest option in at most a third of them", () => {
    checkLongest(all, "all pages");
  });

  it("all questions: no position holds more than a third of the right answers among four-option questions", () => {
    checkPositions(all, "all pages");
  });

  for (const c of COLLECTIONS) {
    it(`${c}: the right answer is the longest option in at most a third of the questions`, () => {
      checkLongest(byCollection[c], `content/${c}`);
    });

    it(`${c}: no position holds more than a third of the right answers among four-option questions`, () => {
      checkPositions(byCollection[c], `content/${c}`);
    });

    it(`${c}: no page with three or more questions has all its right answers in one position`, () => {
      const pages = Map.groupBy(byCollection[c], (it) => it.page);
      const offenders = [...pages]
        .filter(([, items]) => items.length >= 3 && new Set(items.map((it) => it.question.answer)).size === 1)
        .map(([page, items]) => `${page}: all ${items.length} answers at ${letter(items[0]?.question.answer ?? 0)}`);
      expect(offenders, `pages whose right answers all sit in one position:\n  ${offenders.join("\n  ")}`).toEqual([]);
    });
  }
});
