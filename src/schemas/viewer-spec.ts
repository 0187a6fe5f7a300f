// Schema of a 3D figure on a page (model, highlighted tissues, side, camera), and the page-figure variant that can
// also draw a referred-pain zone.
import { z } from "zod";
import { kebabId, sideSchema, viewSchema } from "./common.ts";

/** A 3D figure on a page: which model, what to highlight, from where. */
export const viewerSpecSchema = z
  .object({
    /** Model file name without .glb (see public/models/manifest.json). */
    model: kebabId,
    /** Primary target tissues (anatomy ids), drawn in the focus accent. */
    focus: z.array(kebabId).min(1),
    /** Secondary tissues, drawn in the second accent. */
    secondary: z.array(kebabId).default([]),
    /** Which side to show and highlight. */
    side: sideSchema.default("r"),
    /** Camera preset. */
    view: viewSchema.default("anterior"),
    /** Structures the camera frames (default: focus and secondary), e.g. the wrist when the focus runs up the arm. */
    frame: z.array(kebabId).min(1).optional(),
    /** What the figure shows, in one or two sentences. */
    caption: z.string().min(10),
  })
  .strict();
export type ViewerSpec = z.infer<typeof viewerSpecSchema>;

/** A figure on a condition or technique page: a viewer spec that may also draw a referred-pain zone. */
export const pageFigureSchema = viewerSpecSchema
  .extend({
    /** Anatomy id whose referred-pain zone (trigger-point pattern) the figure draws on the skin. */
    referredPain: kebabId.optional(),
  })
  .strict();
