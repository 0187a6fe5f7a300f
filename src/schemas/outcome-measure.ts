// Schema of one patient-reported outcome measure (content/outcome-measures.yaml).
import { z } from "zod";
import { kebabId } from "./common.ts";

/** A change that matters to patients, with the population it was measured in and its source. */
export const mcidSchema = z
  .object({
    /** The change, in the measure's own units, e.g. "2 points (average of the activities)". */
    value: z.string().min(1),
    /** Who it was measured in, e.g. "outpatients with shoulder pain (Norway)". */
    population: z.string().min(10),
    /** Reference ids (content/references.yaml) that report this number. */
    references: z.array(kebabId).min(1),
  })
  .strict();

/** One patient-reported outcome measure. The questionnaire items are never reproduced: name and describe only. */
export const outcomeMeasureSchema = z
  .object({
    id: kebabId,
    /** Full name, e.g. "Patient-Specific Functional Scale". */
    name: z.string().min(5),
    abbreviation: z.string().min(2),
    /** What it asks about, in plain words. */
    measures: z.string().min(20),
    /** Who fills it in. */
    completedBy: z.string().min(5),
    /** Score range, e.g. "0 to 100". */
    range: z.string().min(3),
    /** Which way is better. */
    direction: z.enum(["higher-is-better", "lower-is-better"]),
    /** Where a clinician gets the official form (name the owner or the paper; no items copied). */
    officialForm: z.string().min(10),
    /** Left out when no checked source gives one. */
    mcid: mcidSchema.optional(),
    /** Sources for the description or scoring (reference ids), if any beyond the MCID's. */
    references: z.array(kebabId).default([]),
  })
  .strict();

export type OutcomeMeasure = z.infer<typeof outcomeMeasureSchema>;
