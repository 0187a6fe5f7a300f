// Matches a typed answer against a structure's name and aliases, forgiving case, punctuation, word order of
// brackets and small typos (src/lib/edit-distance.ts: insertions, deletions, substitutions, swaps).
import { editDistance, typoAllowance } from "../edit-distance.ts";

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
      const d = editDistance(typed, target, allowed);
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
