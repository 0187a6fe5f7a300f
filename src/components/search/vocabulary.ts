// The site's vocabulary, for correcting a misspelt search word to the nearest word the site uses. Built after
// Pagefind by scripts/search-words.ts (most useful words first); loaded by the search panel on first use.
import { editDistance, typoAllowance } from "../../lib/edit-distance.ts";

/** Lower-case words of four letters or more, accents removed: the unit both the vocabulary and queries use. */
export function vocabularyWords(text: string): string[] {
  return (
    text
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .match(/\p{L}{4,}/gu) ?? []
  );
}

export class Vocabulary {
  readonly #known: Set<string>;
  /** Most useful first: the first of two equally near words wins. */
  readonly #ordered: string[];

  constructor(words: string[]) {
    this.#ordered = words;
    this.#known = new Set(words);
  }

  /** The nearest word the site uses within the word's typo allowance, or undefined (also for a known word). */
  nearest(word: string): string | undefined {
    if (this.#known.has(word)) return undefined;
    const max = typoAllowance(word.length);
    if (max === 0) return undefined;
    let best: string | undefined;
    let bestDistance = max + 1;
    for (const candidate of this.#ordered) {
      const d = editDistance(word, candidate, bestDistance - 1);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
        if (d === 1) break; // nothing nearer than one edit for an unknown word; the first such is the most useful
      }
    }
    return best;
  }

  /** The query with each misspelt word replaced by its nearest site word, or undefined when nothing changed. */
  correct(query: string): string | undefined {
    let changed = false;
    const out = query.replace(/\p{L}{4,}/gu, (word) => {
      const folded = vocabularyWords(word)[0] ?? word;
      const near = this.nearest(folded);
      if (!near) return word;
      changed = true;
      return near;
    });
    return changed ? out : undefined;
  }

  /** True when a word of four letters or more in the query is not a word the site uses. */
  hasUnknown(query: string): boolean {
    return vocabularyWords(query).some((w) => !this.#known.has(w));
  }

  /** Site words near any word of the query (within two edits), for a "did you mean" list when nothing matched. */
  suggestions(query: string, limit = 5): string[] {
    const out: string[] = [];
    for (const word of vocabularyWords(query)) {
      for (const candidate of this.#ordered) {
        if (out.length >= limit) return out;
        if (candidate !== word && !out.includes(candidate) && editDistance(word, candidate, 2) <= 2)
          out.push(candidate);
      }
    }
    return out;
  }
}

/**
 * A search with misspelt words: when the vocabulary corrects the query, the corrected query is searched too and,
 * if it finds anything, replaces the first result (the search panel says so). `corrected` is set whenever a
 * correction was tried.
 */
export async function correctedSearch<R extends { results: readonly unknown[] }>(
  query: string,
  vocabulary: Vocabulary | undefined,
  search: (q: string) => Promise<R | null>,
): Promise<{ corrected?: string; result?: R }> {
  const corrected = vocabulary?.correct(query);
  if (!corrected) return {};
  const retry = await search(corrected);
  return retry && retry.results.length > 0 ? { corrected, result: retry } : { corrected };
}
