// Schema of `reviewedBy` on teaching pages: a role, never a named person.
import { z } from "zod";

/** The role shown as "Reviewed by <role> on <date>"; never a named person or a credential. */
export const reviewedBySchema = z
  .string()
  .min(10)
  .regex(/\b(team|editorial|board|panel)\b/i, "must name a team or editorial role, not a person")
  .refine((s) => !/\b(Dr|Prof|PhD|MD|DPT|LMT|RMT|PT)\b\.?/.test(s), "must not name a person or a credential");
