// Schema of a technique guide's frontmatter (content/techniques/<slug>.mdx), shown at /techniques/<slug>/.
import { z } from "zod";
import { evidenceCardsSchema } from "./evidence-card.ts";
import { pageBaseFields } from "./page-base.ts";
import type { ReferenceFn } from "./reference-fn.ts";
import { pageFigureSchema } from "./viewer-spec.ts";

/** A frequent error and what to do instead. */
export const commonMistakeSchema = z
  .object({
    /** The mistake, as a short sentence. */
    mistake: z.string().min(10),
    /** Why it matters and what to do instead. */
    instead: z.string().min(20),
  })
  .strict();

export const techniqueSchema = (ref: ReferenceFn) =>
  z
    .object({
      /** Page kind; always "technique". */
      type: z.literal("technique"),
      ...pageBaseFields(ref),
      /** Other names, e.g. strain-counterstrain. */
      alsoKnownAs: z.array(z.string()).default([]),
      /** Target-tissue views with their worked-example captions; the body places each once with <Figure n={i} />. */
      anatomy: z.array(pageFigureSchema).min(1).max(4),
      /** Structures whose typical referred-pain zone the page shows (3D and picture) with <ReferredPainGallery />. */
      referredPainZones: z.array(ref("anatomy")).default([]),
      /** When the technique is used. */
      indications: z.array(z.string().min(5)).min(2),
      /** Contraindications and cautions (required). */
      contraindications: z.array(z.string().min(5)).min(3),
      /** Frequent errors and what to do instead (rendered after the contraindications, as the guide's order asks). */
      commonMistakes: z.array(commonMistakeSchema).min(3),
      /** Honest summary of the evidence (required), citing the page's references as [@id]. */
      evidence: z.string().min(80),
      /** One card per comparison for "Evidence" (src/schemas/evidence-card.ts). */
      evidenceCards: evidenceCardsSchema,
      /** Related technique slugs. */
      relatedTechniques: z.array(ref("techniques")).default([]),
    })
    .strict();
