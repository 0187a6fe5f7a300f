// Schema of one entry of the red-flag catalogue (content/red-flags.yaml); content.config.ts and the tests share it.
import { z } from "astro/zod";
import { kebabId } from "./schemas.ts";
import { triageLevelSchema } from "./triage.ts";

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
