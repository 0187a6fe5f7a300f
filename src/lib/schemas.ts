// Zod schemas shared by the content collections, the model generator and tests.
import { z } from "zod";
import { geometrySchema } from "./geometry-schema.ts";

/** Lower-case kebab-case identifier used in URLs and glTF node names. */
export const kebabId = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be kebab-case [a-z0-9-]");

export const audienceSchema = z.enum(["student", "instructor", "patient"]);

export const TISSUES = [
  "bone",
  "muscle",
  "tendon",
  "ligament",
  "fascia",
  "retinaculum",
  "joint-capsule",
  "bursa",
  "nerve",
  "vessel",
  "skin",
] as const;
export const tissueSchema = z.enum(TISSUES);

export const REGIONS = ["head-neck", "shoulder", "upper-limb", "trunk", "hip-thigh", "leg-foot"] as const;
export const regionSchema = z.enum(REGIONS);

export const sideSchema = z.enum(["r", "l"]);

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

/** A referred-pain zone drawn on the skin: ellipses on named body surfaces. */
export const referredPainSchema = z
  .object({
    /** Plain description of the typical pattern. */
    description: z.string().min(20),
    /** Patches on the skin: centre in body coordinates (metres, glTF frame, right side), radii in metres. */
    patches: z
      .array(
        z
          .object({
            centre: z.tuple([z.number(), z.number(), z.number()]),
            radii: z.tuple([z.number().positive(), z.number().positive()]),
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
    /** Shape instructions for the model generator. */
    // Optional only while records are being authored; the generator requires it for every record it builds.
    geometry: geometrySchema.optional(),
    /** Attribution for numbers derived from reference models. */
    sources: z.array(sourceSchema).default([]),
  })
  .strict()
  .superRefine((r, ctx) => {
    if (r.tissue === "muscle") {
      for (const key of ["origin", "insertion", "action", "innervation", "palpation"] as const) {
        if (!r[key]) ctx.addIssue({ code: "custom", path: [key], message: `muscle records need ${key}` });
      }
    }
  });
export type AnatomyRecord = z.infer<typeof anatomyRecordSchema>;

/** Named camera presets the viewer knows. */
export const VIEWS = [
  "anterior",
  "posterior",
  "left",
  "right",
  "superior",
  "inferior",
  "palmar",
  "dorsal",
  "lateral",
  "medial",
] as const;
export const viewSchema = z.enum(VIEWS);

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
