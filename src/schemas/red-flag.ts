// Schema of one entry of the red-flag catalogue (content/red-flags.yaml); the collection and the tests share it.
import { z } from "zod";
import { triageLevelSchema } from "../lib/triage.ts";
import { kebabId } from "./common.ts";
import type { ReferenceFn } from "./reference-fn.ts";

export const redFlagSchema = z
  .object({
    /** Kebab-case id that condition frontmatter `redFlags` lists. */
    id: kebabId,
    /** The sign, in plain words a patient understands (one sentence, no urgency words: the level says that). */
    sign: z.string().min(10),
    /** How fast it needs a doctor: one level of the site's triage scale (src/lib/triage.ts). */
    level: triageLevelSchema,
    /** What it may mean, in plain words. */
    why: z.string().min(5).optional(),
    /** Reference ids (content/references.yaml) that back the sign and its level. */
    references: z.array(kebabId).optional(),
  })
  .strict();

export type RedFlag = z.infer<typeof redFlagSchema>;

/** The collection entry: as above, with `references` checked against content/references.yaml by Astro's `reference()`. */
export const redFlagEntrySchema = (ref: ReferenceFn) =>
  redFlagSchema
    .extend({
      /** Reference ids that back the sign and its level; an unknown id fails the build. */
      references: z.array(ref("references")).optional(),
    })
    .strict();
