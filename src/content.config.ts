// Every content collection of the site: where its files are and which schema checks them. The schemas themselves
// live in src/schemas/ (one per file, plain zod); those that point at other collections are builders taking
// Astro's `reference()`, which can only be called here. Schemas are strict: an unknown or missing key fails the
// build with the file and field named.
import { defineCollection, reference } from "astro:content";
import { file, glob } from "astro/loaders";
import { parse as parseYaml } from "yaml";
import {
  anatomyRecordSchema,
  conditionSchema,
  glossaryTermSchema,
  lessonSchema,
  outcomeMeasureSchema,
  redFlagEntrySchema,
  referenceSchema,
  specialTestSchema,
  techniqueSchema,
  visceralSourceSchema,
} from "./schemas/index.ts";

/** A file loader for `key: [...]` YAML files. */
const listFile = (path: string, key: string) =>
  file(path, {
    parser: (text) => {
      const list = (parseYaml(text) as Record<string, unknown>)[key];
      if (!Array.isArray(list)) throw new Error(`${path}: expected a top-level "${key}:" list`);
      return list as Record<string, unknown>[];
    },
  });

/** One YAML record per anatomical structure (content/anatomy/**). */
const anatomy = defineCollection({
  // Files live in region folders; the entry id is the record's own `id` (tested to equal the file name).
  loader: glob({ pattern: "**/*.yaml", base: "./content/anatomy", generateId: ({ data }) => String(data["id"]) }),
  schema: anatomyRecordSchema,
});

/** Real, checked sources the site cites (copied metadata, not documents). */
const references = defineCollection({
  loader: listFile("./content/references.yaml", "references"),
  schema: referenceSchema,
});

/** The one catalogue of red flags (content/red-flags.yaml): each sign once, with one triage level. */
const redFlags = defineCollection({
  loader: file("./content/red-flags.yaml"),
  schema: redFlagEntrySchema(reference),
});

/** Glossary terms (content/glossary/<id>.yaml), shown at /glossary/#<id>. */
const glossary = defineCollection({
  loader: glob({ pattern: "*.yaml", base: "./content/glossary" }),
  schema: glossaryTermSchema(reference),
});

/** Lessons (content/lessons/<slug>.mdx) at /learn/<slug>/, ordered by `order`. */
const lessons = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/lessons" }),
  schema: lessonSchema(reference),
});

/** Condition guides (content/conditions/<slug>.mdx) at /conditions/<slug>/. */
const conditions = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/conditions" }),
  schema: conditionSchema(reference),
});

/** Technique guides (content/techniques/<slug>.mdx) at /techniques/<slug>/. */
const techniques = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/techniques" }),
  schema: techniqueSchema(reference),
});

/** Patient-reported outcome measures (content/outcome-measures.yaml). */
const outcomeMeasures = defineCollection({
  loader: listFile("./content/outcome-measures.yaml", "measures"),
  schema: outcomeMeasureSchema,
});

/** Special tests and their accuracy (content/special-tests.yaml). */
const specialTests = defineCollection({
  loader: listFile("./content/special-tests.yaml", "tests"),
  schema: specialTestSchema,
});

/** Organs that can refer pain into trigger-point zones (content/visceral-referral.yaml). */
const visceralReferral = defineCollection({
  loader: listFile("./content/visceral-referral.yaml", "sources"),
  schema: visceralSourceSchema,
});

export const collections = {
  anatomy,
  references,
  redFlags,
  glossary,
  lessons,
  conditions,
  techniques,
  outcomeMeasures,
  specialTests,
  visceralReferral,
};
