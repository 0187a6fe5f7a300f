// Content collections for outcome measures, special tests and visceral referral, plus the frontmatter fields they add
// to teaching pages. src/content.config.ts spreads these in, so the schemas live here and merge cleanly.
import { defineCollection, reference } from "astro:content";
import { file } from "astro/loaders";
import { z } from "astro/zod";
import { parse as parseYaml } from "yaml";
import { outcomeMeasureSchema, reviewedBySchema, specialTestSchema, visceralSourceSchema } from "./outcome-schema.ts";

/** A file loader for `key: [...]` YAML files. */
const listFile = (path: string, key: string) =>
  file(path, {
    parser: (text) => {
      const list = (parseYaml(text) as Record<string, unknown>)[key];
      if (!Array.isArray(list)) throw new Error(`${path}: expected a top-level "${key}:" list`);
      return list as Record<string, unknown>[];
    },
  });

export const outcomeCollections = {
  /** Patient-reported outcome measures (content/outcome-measures.yaml). */
  outcomeMeasures: defineCollection({
    loader: listFile("./content/outcome-measures.yaml", "measures"),
    schema: outcomeMeasureSchema,
  }),
  /** Special tests and their accuracy (content/special-tests.yaml). */
  specialTests: defineCollection({
    loader: listFile("./content/special-tests.yaml", "tests"),
    schema: specialTestSchema,
  }),
  /** Organs that can refer pain into trigger-point zones (content/visceral-referral.yaml). */
  visceralReferral: defineCollection({
    loader: listFile("./content/visceral-referral.yaml", "sources"),
    schema: visceralSourceSchema,
  }),
};

/** pageBase field: who reviewed the page, as a role. */
export const reviewedByField = { reviewedBy: reviewedBySchema };

/** Condition frontmatter fields. */
export const conditionOutcomeFields = {
  /** Outcome measure ids: the PSFS plus the region measure(s). */
  outcomeMeasures: z.array(reference("outcomeMeasures")).min(2),
  /** Special-test ids shown in the assessment area. */
  specialTests: z.array(reference("specialTests")).default([]),
};
