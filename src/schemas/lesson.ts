// Schema of a lesson's frontmatter (content/lessons/<slug>.mdx), shown at /learn/<slug>/ in `order`.
import { z } from "zod";
import { audienceSchema } from "./common.ts";
import { pageBaseFields } from "./page-base.ts";
import type { ReferenceFn } from "./reference-fn.ts";
import { pageFigureSchema } from "./viewer-spec.ts";

export const lessonSchema = (ref: ReferenceFn) =>
  z
    .object({
      /** Page kind; always "lesson". */
      type: z.literal("lesson"),
      ...pageBaseFields(ref),
      /** Position in the /learn/ sequence (1 first). */
      order: z.number().int().positive(),
      /** Who the lesson is written for. */
      audience: z.array(audienceSchema).min(1),
      /** What a student can do after the lesson. */
      objectives: z.array(z.string().min(10)).min(2),
      /** 3D figures; the body places each once with <Figure n={i} /> (src/components/content/Figure.astro). */
      anatomy: z.array(pageFigureSchema).max(16).default([]),
      /** Related pages as site paths, e.g. /techniques/pnf-stretching/. */
      related: z.array(z.string().regex(/^\/[a-z0-9/-]+\/$/)).default([]),
    })
    .strict();
