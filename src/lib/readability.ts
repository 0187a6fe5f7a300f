// Flesch-Kincaid grade of a plain-text passage: sentence and word splitting and the formula. Syllables are counted by
// `syllable` (wooorm), a maintained English counter, rather than by rules of our own.
import { syllable } from "syllable";

/** Counts of a text that the formula uses. */
export interface TextStats {
  sentences: number;
  words: number;
  syllables: number;
}

// Abbreviations whose full stop does not end a sentence.
const ABBREVIATION = /\b(?:e\.g|i\.e|etc|vs|dr|mr|mrs|ms|st|no|approx|fig|cf)\.$/i;
const WORD = /[A-Za-z0-9]/;

/** Splits text into sentences: at . ! ? followed by space, at line breaks, never after common abbreviations. */
export function splitSentences(text: string): string[] {
  const sentences: string[] = [];
  for (const line of text.split(/\n+/)) {
    let current = "";
    for (const part of line.split(/(?<=[.!?]["”’)\]]?)\s+/)) {
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

/** The words of a text; a hyphenated compound or a decimal number counts as one word. */
export function splitWords(text: string): string[] {
  return text.match(/[A-Za-z0-9]+(?:[-'’.,][A-Za-z0-9]+)*/g) ?? [];
}

/**
 * Sentence, word and syllable counts of a passage. A compound's syllables are its parts' sum; a word the counter
 * gives none (a number: `syllable` reads letters only) counts one.
 */
export function textStats(text: string): TextStats {
  const words = splitWords(text);
  const syllables = words.reduce((sum, word) => sum + Math.max(1, syllable(word)), 0);
  return { sentences: splitSentences(text).length, words: words.length, syllables };
}

/** Flesch-Kincaid grade level: 0.39 (words/sentences) + 11.8 (syllables/words) - 15.59. Throws on empty text. */
export function fleschKincaidGrade(text: string): number {
  const { sentences, words, syllables } = textStats(text);
  if (words === 0 || sentences === 0) throw new RangeError("readability: the text has no words");
  return 0.39 * (words / sentences) + 11.8 * (syllables / words) - 15.59;
}
