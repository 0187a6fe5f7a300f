// Schema of one special test with its accuracy (content/special-tests.yaml), and how its numbers are shown.
import { z } from "zod";
import { kebabId } from "./common.ts";

/** Accuracy numbers of a test, with what they were measured against and their sources. */
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

export type SpecialTest = z.infer<typeof specialTestSchema>;

/** The fixed note under every special-test table. */
export const SPECIAL_TEST_NOTE = "Tests guide referral and treatment planning; they do not diagnose.";

/** Percent text for a 0..1 accuracy number, e.g. 0.57 -> "57%". */
export const percent = (n: number) => `${Math.round(n * 100)}%`;
