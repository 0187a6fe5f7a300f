// Where each content collection's files are: one list for Astro's loaders (src/content.config.ts) and the content
// check that runs before the build (src/content-check/), so both always read the same files.
import type { ZodType } from "zod";
import { anatomyRecordSchema } from "./anatomy-record.ts";
import { conditionSchema } from "./condition.ts";
import { glossaryTermSchema } from "./glossary-term.ts";
import { lessonSchema } from "./lesson.ts";
import { outcomeMeasureSchema } from "./outcome-measure.ts";
import { redFlagEntrySchema } from "./red-flag.ts";
import { referenceSchema } from "./reference.ts";
import type { ReferenceFn } from "./reference-fn.ts";
import { specialTestSchema } from "./special-test.ts";
import { techniqueSchema } from "./technique.ts";
import { visceralSourceSchema } from "./visceral-source.ts";

/** Files of a collection, relative to the project root. */
export type CollectionSource =
  /** One file per entry in a folder; the id is the file name, or the record's own `id` field when `idField`. */
  | { kind: "folder"; dir: string; ext: ".yaml" | ".mdx"; recursive: boolean; idField?: "id" }
  /** One YAML file holding a list of entries, each with an `id`, either at the top level or under `key`. */
  | { kind: "list"; file: string; key?: string };

export const COLLECTION_SOURCES = {
  anatomy: { kind: "folder", dir: "content/anatomy", ext: ".yaml", recursive: true, idField: "id" },
  references: { kind: "list", file: "content/references.yaml", key: "references" },
  redFlags: { kind: "list", file: "content/red-flags.yaml" },
  glossary: { kind: "folder", dir: "content/glossary", ext: ".yaml", recursive: false },
  lessons: { kind: "folder", dir: "content/lessons", ext: ".mdx", recursive: false },
  conditions: { kind: "folder", dir: "content/conditions", ext: ".mdx", recursive: false },
  techniques: { kind: "folder", dir: "content/techniques", ext: ".mdx", recursive: false },
  outcomeMeasures: { kind: "list", file: "content/outcome-measures.yaml", key: "measures" },
  specialTests: { kind: "list", file: "content/special-tests.yaml", key: "tests" },
  visceralReferral: { kind: "list", file: "content/visceral-referral.yaml", key: "sources" },
} as const satisfies Record<string, CollectionSource>;

export type CollectionName = keyof typeof COLLECTION_SOURCES;

/** Each collection's schema; those pointing at other collections are built with the given `reference()`. */
export function collectionSchemas(ref: ReferenceFn) {
  return {
    anatomy: anatomyRecordSchema,
    references: referenceSchema,
    redFlags: redFlagEntrySchema(ref),
    glossary: glossaryTermSchema(ref),
    lessons: lessonSchema(ref),
    conditions: conditionSchema(ref),
    techniques: techniqueSchema(ref),
    outcomeMeasures: outcomeMeasureSchema,
    specialTests: specialTestSchema,
    visceralReferral: visceralSourceSchema,
  } satisfies Record<CollectionName, ZodType>;
}
