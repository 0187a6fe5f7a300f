// Every content collection of the site and its schema. Schemas are strict:
// an unknown or missing key fails the build with the file and field named.
import { defineCollection, reference } from "astro:content";
import { file, glob } from "astro/loaders";
import { z } from "astro/zod";
import { parse as parseYaml } from "yaml";
import { evidenceCardsSchema } from "./lib/evidence-schema.ts";
import { conditionOutcomeFields, outcomeCollections, reviewedByField } from "./lib/outcome-collections.ts";
import { redFlagSchema } from "./lib/red-flag-schema.ts";
import { anatomyRecordSchema, audienceSchema, kebabId, viewerSpecSchema } from "./lib/schemas.ts";

/** One YAML record per anatomical structure (content/anatomy/**). */
const anatomy = defineCollection({
  // Files live in region folders; the entry id is the record's own `id` (tested to equal the file name).
  loader: glob({ pattern: "**/*.yaml", base: "./content/anatomy", generateId: ({ data }) => String(data["id"]) }),
  schema: anatomyRecordSchema,
});

/** Real, checked sources the site cites (copied metadata, not documents). */
const references = defineCollection({
  loader: file("./content/references.yaml", {
    parser: (text) => {
      // The file is `references: [...]`; the loader wants the array itself.
      return (parseYaml(text) as { references: unknown[] }).references as Record<string, unknown>[];
    },
  }),
  schema: z
    .object({
      id: kebabId,
      /** Title exactly as published. */
      title: z.string().min(3),
      /** Authors or organisation, as printed; null when the page names none. */
      authors: z.string().nullable(),
      /** Publication year; null when undated. */
      year: z.number().int().nullable(),
      /** Journal, publisher or website. */
      venue: z.string().nullable(),
      /** Checked identifiers: at least one of doi, pmid, pmcid, nbk, isbn, url. */
      identifiers: z
        .object({
          doi: z.string().optional(),
          pmid: z.string().optional(),
          pmcid: z.string().optional(),
          nbk: z.string().optional(),
          isbn: z.string().optional(),
          url: z.url().optional(),
        })
        .strict()
        .refine((ids) => Object.keys(ids).length > 0, "needs at least one identifier"),
      /** What kind of claim the source can back (paraphrase). */
      supports: z.string(),
      /** Caveats about the source or its evidence. */
      note: z.string().optional(),
    })
    .strict(),
});

/** The one catalogue of red flags (content/red-flags.yaml): each sign once, with one triage level. */
const redFlags = defineCollection({
  loader: file("./content/red-flags.yaml"),
  schema: redFlagSchema
    .extend({
      /** Reference ids that back the sign and its level; an unknown id fails the build. */
      references: z.array(reference("references")).optional(),
    })
    .strict(),
});

/** Glossary terms (content/glossary/<id>.yaml), shown at /glossary/#<id>. */
const glossary = defineCollection({
  loader: glob({ pattern: "*.yaml", base: "./content/glossary" }),
  schema: z
    .object({
      /** The term as readers see it. */
      term: z.string().min(2),
      /** One or two plain sentences. */
      definition: z.string().min(20),
      /** Other names a reader may search for. */
      aliases: z.array(z.string()).default([]),
      /** Anatomy records this term is about, if any. */
      structures: z.array(reference("anatomy")).default([]),
    })
    .strict(),
});

const questionSchema = z
  .object({
    /** The question. */
    q: z.string().min(10),
    /** Two to five answer options. */
    options: z.array(z.string().min(1)).min(2).max(5),
    /** Index (0-based) of the correct option. */
    answer: z.number().int().min(0),
    /** Why the answer is right (and the others are not). */
    explanation: z.string().min(20),
  })
  .strict()
  .refine((q) => q.answer < q.options.length, {
    message: "answer index is past the last option",
    path: ["answer"],
  });

/** Fields every teaching page (lesson, condition, technique) shares. */
const pageBase = {
  title: z.string().min(3),
  /** One sentence for search results and link previews. */
  description: z.string().min(20).max(200),
  /** Plain-language summary for patients (Flesch-Kincaid grade <= 8, tested). */
  plainSummary: z.string().min(80),
  /** Everyday words a patient would type to find the page ("heel pain", "pins and needles"); searched like a title. */
  searchTerms: z.array(z.string().min(2)).default([]),
  /** Glossary ids of the key terms used on the page. */
  keyTerms: z.array(reference("glossary")).default([]),
  /** Reference ids cited on the page; at least one. */
  references: z.array(reference("references")).min(1),
  /** 3 to 6 check-your-understanding questions. */
  questions: z.array(questionSchema).min(3).max(6),
  /** The date a person last checked the page, YYYY-MM-DD. */
  lastReviewed: z.coerce.date(),
  ...reviewedByField,
};

/** Lessons (content/lessons/<slug>.mdx) at /learn/<slug>/, ordered by `order`. */
const lessons = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/lessons" }),
  schema: z
    .object({
      type: z.literal("lesson"),
      ...pageBase,
      /** Position in the /learn/ sequence (1 first). */
      order: z.number().int().positive(),
      /** Who the lesson is written for. */
      audience: z.array(audienceSchema).min(1),
      /** What a student can do after the lesson. */
      objectives: z.array(z.string().min(10)).min(2),
      /** Related pages as site paths, e.g. /techniques/pnf-stretching/. */
      related: z.array(z.string().regex(/^\/[a-z0-9/-]+\/$/)).default([]),
    })
    .strict(),
});

/** Condition guides (content/conditions/<slug>.mdx) at /conditions/<slug>/. */
const conditions = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/conditions" }),
  schema: z
    .object({
      type: z.literal("condition"),
      ...pageBase,
      /** Body region the index groups the condition under. */
      region: z.enum([
        "head-neck",
        "shoulder",
        "elbow-forearm",
        "wrist-hand",
        "back-trunk",
        "hip-thigh",
        "knee",
        "leg-foot",
      ]),
      /** Other names, e.g. adhesive capsulitis; indexed by search. */
      alsoKnownAs: z.array(z.string()).min(1),
      /** 3D views of the tissues involved: the first is the main figure. */
      anatomy: z
        .array(
          viewerSpecSchema
            .extend({
              /** Anatomy id whose referred-pain zone (trigger-point pattern) the figure draws on the skin. */
              referredPain: kebabId.optional(),
            })
            .strict(),
        )
        .min(1)
        .max(3),
      /** Red flags for "When to see a doctor": ids from content/red-flags.yaml (an unknown id fails the build). */
      redFlags: z.array(reference("redFlags")).min(3),
      /** Honest summary of the strength of the evidence (required). */
      evidence: z.string().min(80),
      /** One card per comparison for "What the evidence says" (src/lib/evidence-schema.ts). */
      evidenceCards: evidenceCardsSchema,
      /** Related condition slugs. */
      relatedConditions: z.array(reference("conditions")).default([]),
      /** Technique slugs used in the approach. */
      techniques: z.array(reference("techniques")).default([]),
      ...conditionOutcomeFields,
    })
    .strict(),
});

/** Technique guides (content/techniques/<slug>.mdx) at /techniques/<slug>/. */
const techniques = defineCollection({
  loader: glob({ pattern: "*.mdx", base: "./content/techniques" }),
  schema: z
    .object({
      type: z.literal("technique"),
      ...pageBase,
      /** Other names, e.g. strain-counterstrain. */
      alsoKnownAs: z.array(z.string()).default([]),
      /** Target-tissue views with their worked-example captions; the body places each with <TechniqueFigure n={i} />. */
      anatomy: z
        .array(
          viewerSpecSchema
            .extend({
              /** Anatomy id whose referred-pain zone (trigger-point pattern) the figure draws on the skin. */
              referredPain: kebabId.optional(),
            })
            .strict(),
        )
        .min(1)
        .max(4),
      /** Structures whose typical referred-pain zone the page shows (3D and picture) with <ReferredPainGallery />. */
      referredPainZones: z.array(reference("anatomy")).default([]),
      /** When the technique is used. */
      indications: z.array(z.string().min(5)).min(2),
      /** Contraindications and cautions (required). */
      contraindications: z.array(z.string().min(5)).min(3),
      /** Frequent errors and what to do instead (rendered after the contraindications, as the guide's order asks). */
      commonMistakes: z
        .array(
          z
            .object({
              /** The mistake, as a short sentence. */
              mistake: z.string().min(10),
              /** Why it matters and what to do instead. */
              instead: z.string().min(20),
            })
            .strict(),
        )
        .min(3),
      /** Honest summary of the evidence (required), citing the page's references as [@id]. */
      evidence: z.string().min(80),
      /** One card per comparison for "Evidence" (src/lib/evidence-schema.ts). */
      evidenceCards: evidenceCardsSchema,
      /** Related technique slugs. */
      relatedTechniques: z.array(reference("techniques")).default([]),
    })
    .strict(),
});

export const collections = {
  anatomy,
  references,
  redFlags,
  glossary,
  lessons,
  conditions,
  techniques,
  ...outcomeCollections,
};
