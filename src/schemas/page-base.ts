// Fields every teaching page (lesson, condition, technique) shares, spread into each page schema.
import { z } from "zod";
import { questionSchema } from "./question.ts";
import type { ReferenceFn } from "./reference-fn.ts";
import { reviewedBySchema } from "./reviewed-by.ts";

/** Built with Astro's `reference()` (src/content.config.ts), since key terms and references point at collections. */
export const pageBaseFields = (ref: ReferenceFn) => ({
  /** Page title. */
  title: z.string().min(3),
  /** One sentence for search results and link previews. */
  description: z.string().min(20).max(200),
  /** Plain-language summary for patients (Flesch-Kincaid grade <= 8, tested). */
  plainSummary: z.string().min(80),
  /** Everyday words a patient would type to find the page ("heel pain", "pins and needles"); searched like a title. */
  searchTerms: z.array(z.string().min(2)).default([]),
  /** Glossary ids of the key terms used on the page. */
  keyTerms: z.array(ref("glossary")).default([]),
  /** Reference ids cited on the page; at least one. */
  references: z.array(ref("references")).min(1),
  /** 3 to 6 check-your-understanding questions. */
  questions: z.array(questionSchema).min(3).max(6),
  /** The date a person last checked the page, YYYY-MM-DD. */
  lastReviewed: z.coerce.date(),
  /** Who reviewed the page, as a role. */
  reviewedBy: reviewedBySchema,
});
