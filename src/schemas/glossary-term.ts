// Schema of one glossary term (content/glossary/<id>.yaml), shown at /glossary/#<id>.
import { z } from "zod";
import type { ReferenceFn } from "./reference-fn.ts";

/** Built with Astro's `reference()` (src/content.config.ts), since `structures` points at anatomy records. */
export const glossaryTermSchema = (ref: ReferenceFn) =>
  z
    .object({
      /** The term as readers see it. */
      term: z.string().min(2),
      /** One or two plain sentences. */
      definition: z.string().min(20),
      /** Other names a reader may search for. */
      aliases: z.array(z.string()).default([]),
      /** Anatomy records this term is about, if any. */
      structures: z.array(ref("anatomy")).default([]),
    })
    .strict();
