// Matches a typed answer against a structure's name and aliases, forgiving case, punctuation, word order of
// brackets and small typos (Damerau-Levenshtein distance: insertions, deletions, substitutions, swaps).

/** Lower case, accents and punctuation removed, spaces collapsed; "Abductor digiti minimi (foot)" stays comparable. */
export function normaliseAnswer(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .replace(/\b(the|muscle|m)\b/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * Edit distance with adjacent transpositions (optimal string alignment): "trapezuis" is one edit from "trapezius".
 * Stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function damerauLevenshtein(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, (before[j - 2] as number) + 1);
      }
      current[j] = d;
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > max) return max + 1;
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] as number;
}

/** Typos forgiven for an answer of this many letters: none for short names, one up to 8, then one per 6 more, at most 3. */
export function typoAllowance(length: number): number {
  if (length <= 4) return 0;
  if (length <= 8) return 1;
  return Math.min(3, 1 + Math.floor((length - 8) / 6));
}

export interface AnswerCandidate {
  id: string;
  name: string;
  aliases: readonly string[];
}

export interface AnswerMatch {
  /** The candidate the answer names, or null when it names none (or is too close to two). */
  id: string | null;
  /** Exact match of a name or alias (after normalising), as opposed to a forgiven typo. */
  exact: boolean;
}

/**
 * Which candidate a typed answer names. Exact names and aliases win; otherwise the nearest name within the typo
 * allowance, but only when no other candidate is as near (so "teres minor" never passes for "teres major").
 */
export function matchAnswer(answer: string, candidates: readonly AnswerCandidate[]): AnswerMatch {
  const typed = normaliseAnswer(answer);
  if (typed === "") return { id: null, exact: false };
  for (const c of candidates) {
    if ([c.name, ...c.aliases].some((n) => normaliseAnswer(n) === typed)) return { id: c.id, exact: true };
  }
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  let tie = false;
  for (const c of candidates) {
    for (const n of [c.name, ...c.aliases]) {
      const target = normaliseAnswer(n);
      const allowed = typoAllowance(target.length);
      const d = damerauLevenshtein(typed, target, allowed);
      if (d > allowed) continue;
      if (d < bestDistance) {
        best = c.id;
        bestDistance = d;
        tie = false;
      } else if (d === bestDistance && best !== c.id) tie = true;
    }
  }
  return { id: tie ? null : best, exact: false };
}
