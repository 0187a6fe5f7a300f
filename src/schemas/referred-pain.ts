// Schema of a referred-pain zone (trigger-point pattern) of an anatomy record, drawn on the skin, and of the
// ellipse on the skin both it and an endangerment zone (src/schemas/endangerment-zone.ts) are drawn from.
import { z } from "zod";

/** An ellipse on the skin: centre in body coordinates (metres, glTF frame, right side), radii in metres. */
export const skinEllipseFields = {
  centre: z.tuple([z.number(), z.number(), z.number()]),
  radii: z.tuple([z.number().positive(), z.number().positive()]),
};

/** A referred-pain zone drawn on the skin: ellipses on named body surfaces. */
export const referredPainSchema = z
  .object({
    /** Plain description of the typical pattern. */
    description: z.string().min(20),
    /** Patches on the skin. */
    patches: z
      .array(
        z
          .object({
            ...skinEllipseFields,
            /** "essential" (most people) or "spillover" (some people). */
            kind: z.enum(["essential", "spillover"]),
          })
          .strict(),
      )
      .min(1),
    /** Where the 3D figure looks at the zone from; by default from the front or back, whichever holds most patches. */
    view: z.enum(["anterior", "posterior", "lateral"]).optional(),
  })
  .strict();

export type ReferredPain = z.infer<typeof referredPainSchema>;
