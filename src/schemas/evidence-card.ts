// Evidence cards: one comparison per card, in plain words, with its GRADE-style certainty and the one source it
// rests on. Used by the condition and technique schemas; pure, so tests can use it.
import { z } from "zod";
import { kebabId } from "./common.ts";

/** GRADE certainty words, lowest last. */
export const CERTAINTY_LEVELS = ["high", "moderate", "low", "very-low"] as const;
export type Certainty = (typeof CERTAINTY_LEVELS)[number];

/** How many of four dots a certainty fills (high 4 ... very low 1). */
export const certaintyDots = (c: Certainty): number => CERTAINTY_LEVELS.length - CERTAINTY_LEVELS.indexOf(c);

/** The certainty as readers see it ("very low", not "very-low"). */
export const certaintyLabel = (c: Certainty): string => c.replace("-", " ");

// Frontmatter YAML may read an unquoted date as a Date; keep the day as text either way.
const isoDate = z.preprocess(
  (v) => (v instanceof Date && !Number.isNaN(v.getTime()) ? v.toISOString().slice(0, 10) : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD"),
);

export const evidenceCardSchema = z
  .object({
    /** What was compared, e.g. "Massage vs. no treatment or sham for chronic non-specific low back pain". */
    question: z.string().min(15),
    /** Who was studied. */
    population: z.string().min(5),
    /** What the treatment was compared with. */
    comparison: z.string().min(3),
    /** What was measured and when, e.g. "pain in the short term". */
    outcome: z.string().min(3),
    /** The result in plain words, e.g. "small improvement, may not last". */
    effect: z.string().min(5),
    /** GRADE certainty: the source's own rating, or a cautious reading explained in `note`. */
    certainty: z.enum(CERTAINTY_LEVELS),
    /** One reference id; it must also be in the page's `references` (checked at build and in tests). */
    source: kebabId,
    /** The date a person checked the card against the source, YYYY-MM-DD. */
    checked: isoDate,
    /** Caveats: indirect evidence, no GRADE rating, small trials. */
    note: z.string().min(5).optional(),
  })
  .strict();

export type EvidenceCard = z.infer<typeof evidenceCardSchema>;

/** At least one card per condition and technique page. */
export const evidenceCardsSchema = z.array(evidenceCardSchema).min(1);

/**
 * Problems with a page's cards that the schema alone cannot see: a source the page does not list, a checked date
 * that is not a real day or lies after `today` (YYYY-MM-DD). Returns messages; empty when all is well.
 */
export function evidenceCardProblems(
  cards: readonly EvidenceCard[],
  listed: readonly string[],
  today: string,
): string[] {
  const problems: string[] = [];
  cards.forEach((card, i) => {
    const where = `evidenceCards[${i}]`;
    if (!listed.includes(card.source)) {
      problems.push(`${where}: source "${card.source}" is not in the page's references.`);
    }
    const date = new Date(`${card.checked}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== card.checked) {
      problems.push(`${where}: checked "${card.checked}" is not a real date.`);
    } else if (card.checked > today) {
      problems.push(`${where}: checked ${card.checked} is in the future.`);
    }
  });
  return problems;
}
