// Schema of a condition guide's frontmatter (content/conditions/<slug>.mdx), shown at /conditions/<slug>/.
import { z } from "zod";
import { evidenceCardsSchema } from "./evidence-card.ts";
import { pageBaseFields } from "./page-base.ts";
import type { ReferenceFn } from "./reference-fn.ts";
import { pageFigureSchema } from "./viewer-spec.ts";

/** Body regions of the condition guides, head to foot (labels: src/components/condition/regions.ts). */
export const CONDITION_REGIONS = [
  "head-neck",
  "shoulder",
  "elbow-forearm",
  "wrist-hand",
  "back-trunk",
  "hip-thigh",
  "knee",
  "leg-foot",
] as const;
export const conditionRegionSchema = z.enum(CONDITION_REGIONS);

export const conditionSchema = (ref: ReferenceFn) =>
  z
    .object({
      /** Page kind; always "condition". */
      type: z.literal("condition"),
      ...pageBaseFields(ref),
      /** Body region the index groups the condition under. */
      region: conditionRegionSchema,
      /** Other names, e.g. adhesive capsulitis; indexed by search. */
      alsoKnownAs: z.array(z.string()).min(1),
      /** 3D views of the tissues involved: the first is the main figure. */
      anatomy: z.array(pageFigureSchema).min(1).max(3),
      /** Red flags for "When to see a doctor": ids from content/red-flags.yaml (an unknown id fails the build). */
      redFlags: z.array(ref("redFlags")).min(3),
      /** Honest summary of the strength of the evidence (required). */
      evidence: z.string().min(80),
      /** One card per comparison for "What the evidence says" (src/schemas/evidence-card.ts). */
      evidenceCards: evidenceCardsSchema,
      /** Related condition slugs. */
      relatedConditions: z.array(ref("conditions")).default([]),
      /** Technique slugs used in the approach. */
      techniques: z.array(ref("techniques")).default([]),
      /** Outcome measure ids: the PSFS plus the region measure(s). */
      outcomeMeasures: z.array(ref("outcomeMeasures")).min(2),
      /** Special-test ids shown in the assessment area. */
      specialTests: z.array(ref("specialTests")).default([]),
    })
    .strict();
