// The viewer's structure search (StructureList): which structures a query matches, and in what order, so that the
// first match (the one Enter selects) is the one meant: "median" is the median nerve, not the median cubital vein
// that sorts before it. Pure TypeScript.

/** What the search reads of a structure. */
export interface SearchableStructure {
  id: string;
  name: string;
  aliases: readonly string[];
  tissue: string;
}

/** Lower case without accents, so "Flexor" finds "flexor" and "Musculus" finds "musculus". */
export function foldText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase();
}

/** The words of a text or query, folded ("Flexor carpi radialis (FCR)" -> flexor, carpi, radialis, fcr). */
export function wordsOf(text: string): string[] {
  return foldText(text)
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/** True when every word of the query starts a word of the structure's name or one of its aliases. */
export function matchesQuery(s: SearchableStructure, query: string): boolean {
  const terms = wordsOf(query);
  if (terms.length === 0) return true;
  const words = wordsOf([s.name, ...s.aliases, s.id].join(" "));
  return terms.every((t) => words.some((w) => w.startsWith(t)));
}

/**
 * How well a query's words fit one name (lower is better), or undefined when they do not all start a word of it:
 * 0 the whole name; 1 the name's first words, whole; 2 whole words anywhere in it; 3 the name's start, the last word
 * cut short; 4 the starts of words anywhere in it.
 */
function nameFit(terms: readonly string[], name: string): number | undefined {
  const words = wordsOf(name);
  if (!terms.every((t) => words.some((w) => w.startsWith(t)))) return undefined;
  if (terms.join(" ") === words.join(" ")) return 0;
  if (terms.every((t, i) => words[i] === t)) return 1;
  if (terms.every((t) => words.includes(t))) return 2;
  if (terms.every((t, i) => (i < terms.length - 1 ? words[i] === t : words[i]?.startsWith(t)))) return 3;
  return 4;
}

/**
 * Tissues in the order a tie between equally good, equally long names goes: the soft tissues a massage therapist
 * works on, the nerves they protect, the connective tissues; then the rest (vessels, bones, organs).
 */
const TISSUE_ORDER = ["muscle", "tendon", "nerve", "ligament", "joint-capsule", "fascia", "retinaculum", "bursa"];

const tissueRank = (tissue: string) => {
  const i = TISSUE_ORDER.indexOf(tissue);
  return i < 0 ? TISSUE_ORDER.length : i;
};

/**
 * The structures a query matches, best first: by how well the query fits the name (else an alias, else the id,
 * each just after the name at the same fit), then the shorter name, then the tissue, then the alphabet. An empty
 * query keeps every structure, in alphabetical order.
 */
export function rankMatches<T extends SearchableStructure>(structures: readonly T[], query: string): T[] {
  const terms = wordsOf(query);
  const byName = (a: T, b: T) => a.name.localeCompare(b.name);
  if (terms.length === 0) return [...structures].sort(byName);
  const scored = structures.flatMap((s) => {
    const fits = [nameFit(terms, s.name), ...s.aliases.map((a) => nameFit(terms, a)), nameFit(terms, s.id)].map(
      (f, i) => (f === undefined ? undefined : 2 * f + (i === 0 ? 0 : 1)),
    );
    const known = fits.filter((f): f is number => f !== undefined);
    // Words spread over the name and an alias still match (matchesQuery), after every single-name fit.
    const score = known.length > 0 ? Math.min(...known) : matchesQuery(s, query) ? 10 : undefined;
    return score === undefined ? [] : [{ s, score }];
  });
  return scored
    .sort(
      (a, b) =>
        a.score - b.score ||
        a.s.name.length - b.s.name.length ||
        tissueRank(a.s.tissue) - tissueRank(b.s.tissue) ||
        byName(a.s, b.s),
    )
    .map((x) => x.s);
}
