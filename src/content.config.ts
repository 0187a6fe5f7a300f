// Every content collection of the site. Where the files are (src/schemas/collections.ts) and which schema checks
// them (src/schemas/, one per file, plain zod) are shared with the content check that runs before the build
// (src/content-check/); this file only wires them into Astro, whose `reference()` can only be called here.
// Schemas are strict: an unknown or missing key fails the build with the file and field named.
import { defineCollection, reference } from "astro:content";
import { file, glob } from "astro/loaders";
import { parse as parseYaml } from "yaml";
import { COLLECTION_SOURCES, type CollectionSource, collectionSchemas } from "./schemas/collections.ts";

/** Astro's loader for a collection's files. */
function loaderFor(source: CollectionSource) {
  if (source.kind === "folder") {
    const { idField } = source;
    return glob({
      pattern: `${source.recursive ? "**/" : ""}*${source.ext}`,
      base: `./${source.dir}`,
      // Anatomy records live in region folders; their id is the record's own `id` (checked to equal the file name).
      ...(idField ? { generateId: ({ data }: { data: Record<string, unknown> }) => String(data[idField]) } : {}),
    });
  }
  const { key } = source;
  if (!key) return file(`./${source.file}`);
  return file(`./${source.file}`, {
    parser: (text) => {
      const list = (parseYaml(text) as Record<string, unknown>)[key];
      if (!Array.isArray(list)) throw new Error(`${source.file}: expected a top-level "${key}:" list`);
      return list as Record<string, unknown>[];
    },
  });
}

const schemas = collectionSchemas(reference);
const S = COLLECTION_SOURCES;

export const collections = {
  /** One YAML record per anatomical structure (content/anatomy/<region>/<id>.yaml). */
  anatomy: defineCollection({ loader: loaderFor(S.anatomy), schema: schemas.anatomy }),
  /** Real, checked sources the site cites (copied metadata, not documents). */
  references: defineCollection({ loader: loaderFor(S.references), schema: schemas.references }),
  /** The one catalogue of red flags: each sign once, with one triage level. */
  redFlags: defineCollection({ loader: loaderFor(S.redFlags), schema: schemas.redFlags }),
  /** Glossary terms (content/glossary/<id>.yaml), shown at /glossary/#<id>. */
  glossary: defineCollection({ loader: loaderFor(S.glossary), schema: schemas.glossary }),
  /** Lessons (content/lessons/<slug>.mdx) at /learn/<slug>/, ordered by `order`. */
  lessons: defineCollection({ loader: loaderFor(S.lessons), schema: schemas.lessons }),
  /** Condition guides (content/conditions/<slug>.mdx) at /conditions/<slug>/. */
  conditions: defineCollection({ loader: loaderFor(S.conditions), schema: schemas.conditions }),
  /** Technique guides (content/techniques/<slug>.mdx) at /techniques/<slug>/. */
  techniques: defineCollection({ loader: loaderFor(S.techniques), schema: schemas.techniques }),
  /** Patient-reported outcome measures. */
  outcomeMeasures: defineCollection({ loader: loaderFor(S.outcomeMeasures), schema: schemas.outcomeMeasures }),
  /** Special tests and their accuracy. */
  specialTests: defineCollection({ loader: loaderFor(S.specialTests), schema: schemas.specialTests }),
  /** Organs that can refer pain into trigger-point zones. */
  visceralReferral: defineCollection({ loader: loaderFor(S.visceralReferral), schema: schemas.visceralReferral }),
};
