// The Flesch-Kincaid grade (src/lib/readability.ts): splitting, counting and the formula, checked against a published
// worked example and hand counts. Syllables per word are the `syllable` package's (tested by its authors).
import { describe, expect, it } from "vitest";
import { fleschKincaidGrade, splitSentences, splitWords, textStats } from "../../src/lib/readability.ts";

describe("splitting", () => {
  it("splits sentences at . ! ? and line breaks but not after abbreviations", () => {
    expect(splitSentences("Rest it. Does it hurt? Yes! Use ice, e.g. a cold pack.\nA list item")).toEqual([
      "Rest it.",
      "Does it hurt?",
      "Yes!",
      "Use ice, e.g. a cold pack.",
      "A list item",
    ]);
  });

  it("keeps hyphenated words and decimals whole", () => {
    expect(splitWords("A step-by-step plan for 0.5 hours.")).toEqual([
      "A",
      "step-by-step",
      "plan",
      "for",
      "0.5",
      "hours",
    ]);
  });

  it("sums the syllables of a compound's parts", () => {
    expect(textStats("Step-by-step.")).toEqual({ sentences: 1, words: 1, syllables: 3 });
  });

  it("counts a number as a word of at least one syllable", () => {
    expect(textStats("Hold 20 seconds, 0.5 kg.")).toEqual({ sentences: 1, words: 5, syllables: 6 });
  });
});

describe("Flesch-Kincaid", () => {
  // Worked example from the Flesch-Kincaid literature: 13 words, 26 syllables, one sentence.
  const platypus = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";

  it("counts the platypus example as 1 sentence, 13 words, 26 syllables", () => {
    expect(textStats(platypus)).toEqual({ sentences: 1, words: 13, syllables: 26 });
  });

  it("gives the published grade 13.1 for it", () => {
    expect(fleschKincaidGrade(platypus)).toBeCloseTo(13.08, 2);
  });

  it("applies the formula to a hand-counted text", () => {
    // 2 sentences, 10 words, 12 syllables: 0.39*5 + 11.8*1.2 - 15.59 = 0.52
    const text = "The cat sat on the mat. It was very happy.";
    expect(textStats(text)).toEqual({ sentences: 2, words: 10, syllables: 12 });
    expect(fleschKincaidGrade(text)).toBeCloseTo(0.39 * 5 + 11.8 * 1.2 - 15.59, 6);
  });

  it("scores plain writing below grade 8 and dense clinical writing above 12", () => {
    const plain =
      "Your therapist will ask where it hurts. Then they test how you move. Tell them if the pressure is too much.";
    const dense =
      "Orthopedic massage integrates comprehensive musculoskeletal assessment with individualized soft-tissue interventions, prioritizing functional restoration over generalized relaxation.";
    expect(fleschKincaidGrade(plain)).toBeLessThan(8);
    expect(fleschKincaidGrade(dense)).toBeGreaterThan(12);
  });

  it("rejects text without words", () => {
    expect(() => fleschKincaidGrade("")).toThrow(RangeError);
    expect(() => fleschKincaidGrade(" ... ")).toThrow(/no words/);
  });
});
