// Zod schemas for the clinical-structure data: outcome measures (content/outcome-measures.yaml), special tests with
// their accuracy (content/special-tests.yaml) and organs that can refer pain to the skin zones of trigger-point maps
// (content/visceral-referral.yaml). Pure zod, so the unit tests parse the same files with the same rules as the build.
import { z } from "zod";
import { kebabId } from "./schemas.ts";

/** The role shown as "Reviewed by <role> on <date>"; never a named person or a credential. */
export const reviewedBySchema = z
  .string()
  .min(10)
  .regex(/\b(team|editorial|board|panel)\b/i, "must name a team or editorial role, not a person")
  .refine((s) => !/\b(Dr|Prof|PhD|MD|DPT|LMT|RMT|PT)\b\.?/.test(s), "must not name a person or a credential");

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

const accuracySchema = z
  .object({
    /** 0 to 1. */
    sensitivity: z.number().min(0).max(1).optional(),
    /** 0 to 1. */
    specificity: z.number().min(0).max(1).optional(),
    /** Positive likelihood ratio. */
    lrPositive: z.number().positive().optional(),
    /** Negative likelihood ratio. */
    lrNegative: z.number().positive().optional(),
    /** What the numbers were measured against and in whom (pooled or single study). */
    context: z.string().min(10),
    /** Reference ids that report the numbers. */
    references: z.array(kebabId).min(1),
  })
  .strict()
  .refine(
    (a) => [a.sensitivity, a.specificity, a.lrPositive, a.lrNegative].some((n) => n !== undefined),
    "an accuracy block needs at least one number; otherwise use accuracy: not-established",
  );

/** One special (provocation or clinical) test. */
export const specialTestSchema = z
  .object({
    id: kebabId,
    name: z.string().min(3),
    /** How it is done, one line. */
    how: z.string().min(15),
    /** What a positive result suggests (never "diagnoses"). */
    positive: z.string().min(15),
    /** Numbers with their source, or the explicit statement that accuracy is not well established. */
    accuracy: z.union([accuracySchema, z.literal("not-established")]),
    /** Optional caveat shown with the test. */
    note: z.string().optional(),
  })
  .strict();

/** An organ (or group) whose pain can be felt in a skin area that a trigger-point map also covers. */
export const visceralSourceSchema = z
  .object({
    id: kebabId,
    /** Plain name, e.g. "Heart". */
    organ: z.string().min(3),
    /** Where the pain can be felt, in plain words. */
    areas: z.array(z.string().min(3)).min(1),
    /** When to send the person on, and how fast. */
    refer: z.string().min(20),
    urgency: z.enum(["emergency", "same-day", "see-doctor"]),
    /** Order within the same urgency (lower first), e.g. 1 for the heart. */
    rank: z.number().int().min(1).default(10),
    /** Anatomy records whose referred-pain zone overlaps these areas. */
    anatomy: z.array(kebabId).default([]),
    /** Reference ids, if any; an empty list marks a textbook-consensus statement. */
    references: z.array(kebabId).default([]),
  })
  .strict();

export type OutcomeMeasure = z.infer<typeof outcomeMeasureSchema>;
export type SpecialTest = z.infer<typeof specialTestSchema>;
export type VisceralSource = z.infer<typeof visceralSourceSchema>;

/** The fixed note under every special-test table. */
export const SPECIAL_TEST_NOTE = "Tests guide referral and treatment planning; they do not diagnose.";

/** Percent text for a 0..1 accuracy number, e.g. 0.57 -> "57%". */
export const percent = (n: number) => `${Math.round(n * 100)}%`;
