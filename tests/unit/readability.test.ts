// Flesch-Kincaid implementation checked against dictionary syllable counts and published worked examples.
import { describe, expect, it } from "vitest";
import {
  countSyllables,
  fleschKincaidGrade,
  fleschReadingEase,
  splitSentences,
  splitWords,
  textStats,
} from "../../src/lib/readability.ts";

// Syllable counts as given by standard dictionaries (Merriam-Webster hyphenation).
const DICTIONARY: Record<string, number> = {
  a: 1,
  the: 1,
  cat: 1,
  through: 1,
  stretch: 1,
  stretched: 1,
  moved: 1,
  called: 1,
  bones: 1,
  makes: 1,
  knee: 1,
  whole: 1,
  there: 1,
  more: 1,
  true: 1,
  table: 2,
  muscle: 2,
  muscles: 2,
  tissue: 2,
  tissues: 2,
  tested: 2,
  handled: 2,
  released: 2,
  pressure: 2,
  changes: 2,
  boxes: 2,
  fibre: 2,
  centre: 2,
  safely: 2,
  movement: 2,
  careful: 2,
  patient: 2,
  region: 2,
  client: 2,
  doing: 2,
  layer: 2,
  playing: 2,
  lying: 2,
  massage: 2,
  technique: 2,
  techniques: 2,
  tendon: 2,
  quiet: 2,
  therapist: 3,
  carefully: 3,
  management: 3,
  measurement: 3,
  completely: 3,
  position: 3,
  radio: 3,
  media: 3,
  manual: 3,
  usual: 3,
  continue: 3,
  reassess: 3,
  reaction: 3,
  evaluate: 4,
  reassessment: 4,
  anatomy: 4,
  biology: 4,
  diagnosis: 4,
  experience: 4,
  continuing: 4,
  continuous: 4,
  mechanism: 4,
  calcium: 3,
  theory: 3,
  easier: 3,
  anticoagulant: 6,
  osteoporosis: 6,
  tendinopathy: 5,
  contraindication: 6,
  subcutaneous: 5,
};

describe("countSyllables", () => {
  for (const [word, syllables] of Object.entries(DICTIONARY)) {
    it(`counts ${syllables} in "${word}"`, () => {
      expect(countSyllables(word)).toBe(syllables);
    });
  }

  it("ignores case and punctuation", () => {
    expect(countSyllables("Massage,")).toBe(2);
    expect(countSyllables("don't")).toBe(1);
  });

  it("reads digits one syllable each and spells out vowel-less initialisms", () => {
    expect(countSyllables("20")).toBe(2);
    expect(countSyllables("2003")).toBe(4);
    expect(countSyllables("DVT")).toBe(3);
  });
});

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
});

describe("Flesch-Kincaid", () => {
  // Worked example from the Flesch-Kincaid literature: 13 words, 26 syllables, one sentence.
  const platypus = "The Australian platypus is seemingly a hybrid of a mammal and reptilian creature.";

  it("counts the platypus example as 1 sentence, 13 words, 26 syllables", () => {
    expect(textStats(platypus)).toEqual({ sentences: 1, words: 13, syllables: 26 });
  });

  it("gives the published grade 13.1 and reading ease 24.4 for it", () => {
    expect(fleschKincaidGrade(platypus)).toBeCloseTo(13.08, 2);
    expect(fleschReadingEase(platypus)).toBeCloseTo(24.44, 2);
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
