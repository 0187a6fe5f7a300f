// Schema of one anatomy record (content/anatomy/**): facts for pages plus geometry for the model generator.
import { z } from "zod";
import { kebabId, regionSchema, tissueSchema } from "./common.ts";
import { endangermentZoneSchema } from "./endangerment-zone.ts";
import { geometrySchema } from "./geometry.ts";
import { referredPainSchema } from "./referred-pain.ts";

/** Where a number came from: a reference model and the items read from it. */
export const sourceSchema = z
  .object({
    /** Reference model, e.g. "OpenSim cyclistFullBodyMuscle (MIT)". */
    model: z.string(),
    /** Bodies, muscles or sites read from it. */
    items: z.array(z.string()).min(1),
    /** What was derived, e.g. "path points, volume". */
    derived: z.string(),
  })
  .strict();

/** One anatomical structure: facts for pages plus geometry for the generator. */
export const anatomyRecordSchema = z
  .object({
    /** Kebab-case English name without side; also the file name and URL. */
    id: kebabId,
    /** Display name, e.g. "Flexor carpi radialis". */
    name: z.string().min(2),
    /** Also-known-as names; unique across all records (tested). */
    aliases: z.array(z.string().min(2)).default([]),
    tissue: tissueSchema,
    /** Regions whose models include it; the first is its home region. */
    regions: z.array(regionSchema).min(1),
    /** Depth: 1 = most superficial. */
    layer: z.number().int().min(1).max(6),
    /** Functional group, e.g. "rotator cuff", "forearm flexors". */
    group: z.string().min(2),
    /** Present on both sides (nodes `<id>-r` and `<id>-l`). */
    bilateral: z.boolean(),
    /** Muscles: proximal attachment(s). */
    origin: z.string().optional(),
    /** Muscles: distal attachment(s). */
    insertion: z.string().optional(),
    /** Muscles: what it does. */
    action: z.string().optional(),
    /** Muscles: nerve and root levels, e.g. "Median nerve (C6-C7)". */
    innervation: z.string().optional(),
    /** How a student finds it by touch (muscles; also useful for bones, tendons, nerves). */
    palpation: z.string().optional(),
    /** One plain-language paragraph. */
    summary: z.string().min(60),
    /** Often confused with... (shown on its atlas page). */
    confusions: z.string().optional(),
    /** Typical referred-pain zone (trigger points), drawn on the skin. */
    referredPain: referredPainSchema.optional(),
    /** Endangerment sites (tissue `zone`) only: the area, what is at risk there, what to avoid, when to stop. */
    zone: endangermentZoneSchema.optional(),
    /** Shape instructions for the model generator. */
    // Optional only while records are being authored; the generator requires it for every record it builds.
    geometry: geometrySchema.optional(),
    /** Attribution for numbers derived from reference models. */
    sources: z.array(sourceSchema).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.tissue === "zone") {
      if (!r.zone) ctx.addIssue({ code: "custom", path: ["zone"], message: "zone records need a zone block" });
      if (r.geometry)
        ctx.addIssue({ code: "custom", path: ["geometry"], message: "zone records are drawn on the skin, not built" });
    } else if (r.zone) {
      ctx.addIssue({ code: "custom", path: ["zone"], message: "only records of tissue zone have a zone block" });
    }
    if (r.tissue === "muscle") {
      for (const key of ["origin", "insertion", "action", "innervation", "palpation"] as const) {
        if (!r[key]) ctx.addIssue({ code: "custom", path: [key], message: `muscle records need ${key}` });
      }
    }
  });
export type AnatomyRecord = z.infer<typeof anatomyRecordSchema>;
