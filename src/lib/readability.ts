// Flesch-Kincaid readability: a rule-based English syllable counter, sentence and word splitting, and the formulas.
// Pure TypeScript with no dependencies, so tests, content checks and pages can all import it.

/** Counts of a text that the readability formulas use. */
export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
}

// Words whose spelling the rules below get wrong; counts from a standard dictionary.
const SYLLABLE_EXCEPTIONS: Readonly<Record<string, number>> = {
  anyone: 3,
  area: 3,
  areas: 3,
  business: 2,
  create: 2,
  created: 3,
  creates: 2,
  creating: 3,
  creation: 3,
  diabetes: 4,
  elsewhere: 2,
  evening: 2,
  fluid: 2,
  fluids: 2,
  friend: 1,
  friends: 1,
  idea: 3,
  ideas: 3,
  ideal: 3,
  people: 2,
  science: 2,
  sciences: 3,
  someone: 2,
  something: 2,
  sometimes: 2,
  somewhere: 2,
  therefore: 2,
  whereas: 2,
  wednesday: 2,
  wherever: 3,
  whatever: 3,
  yourself: 2,
};

// "re" + vowel at the start usually marks a prefix (re-assess, re-act) except in these words.
const RE_VOWEL_NOT_PREFIX = new Set([
  "reach",
  "reached",
  "reaches",
  "reaching",
  "read",
  "reader",
  "readers",
  "reading",
  "reads",
  "ready",
  "readily",
  "real",
  "realm",
  "really",
  "rear",
  "reason",
  "reasonable",
  "reasonably",
  "reasoning",
  "reasons",
]);

// Suffixes after which a stem's final silent "e" stays silent (safe-ly, move-ment, care-ful).
const SILENT_E_SUFFIXES = ["ly", "ment", "ments", "ful", "ness", "less"];

const VOWEL_RUNS = /[aeiouy]+/g;

/** A suffix (or two: care-ful-ly) after a stem ending in silent "e". */
function hasSilentEBeforeSuffix(word: string, depth = 0): boolean {
  if (depth > 1) return false;
  for (const suffix of SILENT_E_SUFFIXES) {
    if (word.length > suffix.length + 2 && word.endsWith(suffix)) {
      const stem = word.slice(0, -suffix.length);
      if (endsInSilentE(stem) || hasSilentEBeforeSuffix(stem, depth + 1)) return true;
    }
  }
  return false;
}

/** Silent "e" at the end of a stem: consonant + e, but not consonant + le/re (ta-ble, fi-bre). */
function endsInSilentE(stem: string): boolean {
  if (stem.length < 3 || !stem.endsWith("e")) return false;
  const before = stem.at(-2) ?? "";
  if (/[aeiouy]/.test(before)) return false;
  if ((before === "l" || before === "r") && !/[aeiouy]/.test(stem.at(-3) ?? "")) return false;
  return true;
}

/**
 * Syllables in one English word, by rule: count vowel groups, then correct for silent endings and for
 * vowel pairs that are split across syllables. Digits count one syllable each ("20" -> 2); an all-capital
 * initialism without vowels counts one per letter ("DVT" -> 3). Accurate for most everyday and clinical words.
 */
export function countSyllables(rawWord: string): number {
  if (/^\d/.test(rawWord)) return Math.max(1, rawWord.replace(/\D/g, "").length);
  if (/^[A-Z]{2,6}$/.test(rawWord) && !/[AEIOUY]/.test(rawWord)) return rawWord.length;
  const word = rawWord.toLowerCase().replace(/[^a-z]/g, "");
  if (word.length === 0) return 0;
  const known = SYLLABLE_EXCEPTIONS[word];
  if (known !== undefined) return known;
  if (word.length <= 3) return 1;

  // "y" between vowels acts as a consonant (lay-er, be-yond); a leading "y" is always one.
  const letters = word.replace(/^y/, "Y").replace(/([aeiou])y(?=[aeiou])/g, "$1Y");
  let count = (letters.match(VOWEL_RUNS) ?? []).length;

  // Silent endings.
  if (endsInSilentE(letters)) count -= 1;
  else if (/[^aeiouy]es$/.test(letters) && !/(?:[sxzcg]|ch|sh|[^aeiouy][lr])es$/.test(letters)) count -= 1;
  else if (/[^aeiouy]ed$/.test(letters) && !/(?:[td]|[^aeioul]l)ed$/.test(letters)) count -= 1;
  if (hasSilentEBeforeSuffix(letters)) count -= 1;
  if (/ques?$/.test(letters)) count -= 1;

  // Vowel pairs that belong to two syllables.
  const hiatus: RegExp[] = [
    /(?<![ctsgx])ia/g, // me-di-a, di-ag-no-sis (but spe-cial, ini-tial)
    /(?<![ctsxg])io(?!n$)/g, // ra-di-o, bi-ol-o-gy (but na-tion, re-gion, un-ion)
    /iu/g, // cal-ci-um
    /(?<![qg])ua/g, // man-u-al, grad-u-al (but e-qual, lan-guage)
    /(?<![qg])uen/g, // in-flu-ence, flu-ent
    /(?<!p)eo/g, // the-o-ry, os-te-o-po-ro-sis (but peo-ple)
    /iet/g, // di-et, qui-et, anx-i-e-ty
    /(?<![tcs])ien/g, // cli-ent, ex-pe-ri-ence (but pa-tient, an-cient)
    /[aeiouy]ing/g, // do-ing, con-tin-u-ing
    /coag/g, // co-ag-u-lant
    /ea$/g, // tra-che-a
    /isms?$/g, // mech-a-nism
    /uou/g, // con-tin-u-ous
    /(?<=[a-z]{2})ier$/g, // eas-i-er (but pier, tier)
  ];
  for (const pattern of hiatus) count += (letters.match(pattern) ?? []).length;
  if (/^re[aiou]/.test(letters) && !RE_VOWEL_NOT_PREFIX.has(word)) count += 1;
  if (/^pre[aiou]/.test(letters)) count += 1;
  if (/^(?:contra|intra|extra|infra|supra|ultra)[aeiou]/.test(letters)) count += 1; // con-tra-in-di-ca-tion

  return Math.max(1, count);
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|st|no|approx|fig|cf)\.$/i;

/** Splits text into sentences: at . ! ? followed by space, at line breaks, never after common abbreviations. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\n+/)) {
    let current = "";
    const parts = line.split(/(?<=[.!?]["”’)\]]?)\s+/);
    for (const part of parts) {
      current = current ? `${current} ${part}` : part;
      if (!ABBREVIATION.test(current.trim())) {
        if (current.trim()) sentences.push(current.trim());
        current = "";
      }
    }
    if (current.trim()) sentences.push(current.trim());
  }
  return sentences.filter((s) => WORD.test(s));
}

const WORD = /[A-Za-z0-9]/;
const WORDS = /\d+(?:[.,]\d+)*|[A-Za-z]+(?:['’][A-Za-z]+)*/g;

/** The words of a text; a hyphenated compound counts as one word whose syllables are its parts' sum. */
export function splitWords(text: string): string[] {
  return text.match(/[A-Za-z0-9]+(?:[-'’.,][A-Za-z0-9]+)*/g) ?? [];
}

/** Sentence, word and syllable counts of a plain-text passage. */
export function textStats(text: string): TextStats {
  const sentences = splitSentences(text).length;
  const words = splitWords(text);
  let syllables = 0;
  for (const word of words) {
    for (const part of word.match(WORDS) ?? []) syllables += countSyllables(part);
  }
  return { sentences, words: words.length, syllables };
}

function statsOrThrow(text: string): TextStats {
  const stats = textStats(text);
  if (stats.words === 0 || stats.sentences === 0) throw new RangeError("readability: the text has no words");
  return stats;
}

/** Flesch-Kincaid grade level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59. Throws on empty text. */
export function fleschKincaidGrade(text: string): number {
  const { sentences, words, syllables } = statsOrThrow(text);
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}

/** Flesch reading ease: 206.835 - 1.015 (words/sentences) - 84.6 (syllables/words). Throws on empty text. */
export function fleschReadingEase(text: string): number {
  const { sentences, words, syllables } = statsOrThrow(text);
  return 206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words);
}
