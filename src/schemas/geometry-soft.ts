// Geometry blocks of soft-tissue records (muscles, tendons, ligaments, fascia, capsules, bursae, nerves,
// vessels, skin), read by models/soft/. One variant per shape builder, discriminated by `builder`.
// Everything is authored for the body's RIGHT side in the glTF frame (metres, +Y up, body faces +Z,
// body's right is -X); the generator mirrors the left side. Radii, widths and thicknesses are millimetres.
import { z } from "zod";

const vec3 = z.tuple([z.number(), z.number(), z.number()]);

/** Landmark name published by models/skeleton.ts, e.g. "humerus.medial-epicondyle". */
const landmarkName = z.string().regex(/^[a-z0-9-]+(?:\.[a-z0-9-]+)*$/, "landmark names look like bone.point-name");

/** Derived path of a reference-model muscle, e.g. "opensim:trap_cl" or "myoarm:FCR" (see models/skeleton.ts). */
const sourceName = z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9_.-]+$/, 'derived paths look like "model:muscle"');

const POINT_KINDS = ["landmark", "between", "segment", "along", "xyz"] as const;

/** A point written as an object: exactly one of landmark / between / segment / along / xyz, plus extras. */
export const softPointObjectSchema = z
  .object({
    /** A named skeleton landmark. */
    landmark: landmarkName.optional(),
    /** Two landmarks; the point lies at fraction `t` from the first to the second. */
    between: z.tuple([landmarkName, landmarkName]).optional(),
    /** With `between` or `along`: fraction 0..1 (default 0.5). */
    t: z.number().min(-0.5).max(1.5).optional(),
    /** A body segment (e.g. "humerus"); `at` is then a position in that segment's frame, metres. */
    segment: z.string().optional(),
    /** With `segment`: local coordinates in metres. */
    at: vec3.optional(),
    /** A point at fraction `t` along a derived path. */
    along: sourceName.optional(),
    /** Absolute position, metres, glTF frame, right side (prefer landmarks). */
    xyz: vec3.optional(),
    /** Added to the point, metres, glTF frame (right side). */
    offset: vec3.optional(),
    /** Tubes only: radius at this point, mm (interpolated between points). */
    radiusMm: z.number().positive().max(80).optional(),
    /** Tubes only: thin/wide ratio of the section at this point (1 = round). */
    flatten: z.number().min(0.1).max(1).optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const kinds = POINT_KINDS.filter((k) => p[k] !== undefined);
    if (kinds.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `a point needs exactly one of ${POINT_KINDS.join(", ")} (found ${kinds.length ? kinds.join(", ") : "none"})`,
      });
    }
    if (p.segment !== undefined && p.at === undefined) {
      ctx.addIssue({ code: "custom", path: ["at"], message: "`segment` needs `at` (local metres)" });
    }
    if (p.at !== undefined && p.segment === undefined) {
      ctx.addIssue({ code: "custom", path: ["segment"], message: "`at` needs `segment`" });
    }
    if (p.t !== undefined && p.between === undefined && p.along === undefined) {
      ctx.addIssue({ code: "custom", path: ["t"], message: "`t` only goes with `between` or `along`" });
    }
  });

/** A point: a landmark name, or an object (see softPointObjectSchema). */
export const softPointSchema = z.union([landmarkName, softPointObjectSchema]);
export type SoftPoint = z.infer<typeof softPointSchema>;

/** A list of points (at least two), in order. */
const pointList = z.array(softPointSchema).min(2);

/** A derived path from a reference model, optionally extended or trimmed. */
const derivedPathSchema = z
  .object({
    /** Derived path name, e.g. "myoarm:FDS3". */
    from: sourceName,
    /** Walk the path from its end to its start. */
    reverse: z.boolean().optional(),
    /** Leave out this many points at the start and at the end (after `reverse`), e.g. to re-attach on a landmark. */
    drop: z.tuple([z.number().int().min(0), z.number().int().min(0)]).optional(),
    /** Keep only this part of the path, as fractions of its length [start, end]. */
    trim: z.tuple([z.number().min(0).max(1), z.number().min(0).max(1)]).optional(),
    /** Shift every derived point by this much, metres. */
    offset: vec3.optional(),
    /** Points placed before the derived path. */
    prepend: z.array(softPointSchema).optional(),
    /** Points placed after the derived path. */
    append: z.array(softPointSchema).optional(),
  })
  .strict();

/** A centre line: explicit points, or a derived path. */
export const softPathSchema = z.union([pointList, derivedPathSchema]);
export type SoftPath = z.infer<typeof softPathSchema>;

/** A simple shape that soft tissue must stay outside of (a bone stand-in). */
const obstacleSchema = z.union([
  z
    .object({
      /** Sphere centre. */
      sphere: softPointSchema,
      /** Sphere radius, mm. */
      radiusMm: z.number().positive(),
    })
    .strict(),
  z
    .object({
      /** Capsule (a rod with round ends) between two points. */
      rod: z.tuple([softPointSchema, softPointSchema]),
      /** Rod radius, mm. */
      radiusMm: z.number().positive(),
    })
    .strict(),
  z
    .object({
      /** Flat plate (a thick triangle) through three points, e.g. the body of the scapula. */
      plate: z.tuple([softPointSchema, softPointSchema, softPointSchema]),
      /** Plate thickness, mm. */
      thicknessMm: z.number().positive(),
    })
    .strict(),
  z
    .object({
      /** A stack of horizontal elliptical slices (e.g. the rib cage), top to bottom or bottom to top. */
      stack: z
        .array(
          z
            .object({
              /** Centre of the slice (its height sets the slice's level). */
              centre: softPointSchema,
              /** Half-widths of the slice, mm: [side to side (x), front to back (z)]. */
              radiiMm: z.tuple([z.number().positive(), z.number().positive()]),
            })
            .strict(),
        )
        .min(2),
    })
    .strict(),
  z
    .object({
      /** Ellipsoid centre. */
      ellipsoid: softPointSchema,
      /** Semi-axes along glTF x, y, z, mm. */
      radiiMm: z.tuple([z.number().positive(), z.number().positive(), z.number().positive()]),
    })
    .strict(),
]);

/**
 * Keep-out shapes: names of shared bone stand-ins (models/soft/obstacles.ts) or inline shapes. Muscles, nerves and
 * vessels avoid every shared stand-in when this is left out; `[]` turns avoidance off.
 */
const avoidSchema = z.array(z.union([z.string().regex(/^[a-z0-9-]+$/), obstacleSchema])).optional();

/** Mesh resolution overrides. */
const resolutionSchema = z
  .object({
    /** Vertices around a section (tubes) or across a sheet. */
    around: z.number().int().min(4).max(64).optional(),
    /** Sections along the length. */
    along: z.number().int().min(4).max(160).optional(),
  })
  .strict()
  .optional();

/** Shared optional keys of every builder. */
const common = {
  /** Keep-out shapes: the surface is pushed out of them. */
  avoid: avoidSchema,
  /** Gap kept from the keep-out shapes, mm (default 1). */
  clearanceMm: z.number().min(0).max(20).optional(),
  /** Mesh resolution. */
  resolution: resolutionSchema,
  /**
   * Only the right half of a midline structure (a record with `bilateral: false`) is authored, ending at the midline:
   * the generator adds its mirror image. Without it a midline shape is taken as whole, however thin.
   */
  rightHalf: z.literal(true).optional(),
};

/**
 * Target volume (models/README.md, "Target volumes"): the reference family's summed volume, unless the record
 * states why its own volumeCm3 differs.
 */
const volumeRule = {
  /**
   * Why this part's volumeCm3 (or, without one, its maxRadiusMm: no volume target) replaces its reference family's
   * summed volume.
   */
  volumeReason: z.string().min(12).optional(),
  /** The reference family, as derived path names or prefixes ending in `*` (default: the paths it names). */
  volumeFrom: z
    .array(z.string().regex(/^[a-z0-9-]+:[A-Za-z0-9_.-]+\*?$/, 'reference families look like "opensim:IL_*"'))
    .min(1)
    .optional(),
};

/** A muscle with one belly along a centre line, ending in tendons. */
const spindleSchema = z
  .object({
    builder: z.literal("spindle"),
    /** Centre line from origin to insertion. */
    path: softPathSchema,
    /** Muscle volume, cm^3; used only with volumeReason or without a reference family (models/README.md). */
    volumeCm3: z.number().positive().max(3000).optional(),
    ...volumeRule,
    /** Alternative to a volume: the belly's largest half-width, mm. */
    maxRadiusMm: z.number().positive().max(80).optional(),
    /** Thin/wide ratio of the belly's section (1 = round, default 0.7). */
    flatten: z.number().min(0.1).max(1).optional(),
    /** The section's thin axis points toward this point (e.g. the bone beneath). */
    thinToward: softPointSchema.optional(),
    /** Or: the thin axis as a fixed direction (glTF frame). */
    thinAxis: vec3.optional(),
    /** Where the belly is thickest, as a fraction of the belly (default 0.5). */
    peakAt: z.number().min(0.1).max(0.9).optional(),
    /** Belly fullness: below 1 is fuller and blunter, above 1 more pointed (default 1). */
    bellyShape: z.number().min(0.3).max(3).optional(),
    /** Tendons at the ends. */
    tendon: z
      .object({
        /** Length of the proximal (origin) tendon, mm. */
        proximalMm: z.number().min(0).optional(),
        /** Length of the distal (insertion) tendon, mm. */
        distalMm: z.number().min(0).optional(),
        /** Tendon width, mm (default 5). */
        widthMm: z.number().positive().optional(),
        /** Tendon thickness, mm (default 2.5). */
        thicknessMm: z.number().positive().optional(),
      })
      .strict()
      .optional(),
    /** Tendon slips splitting from the main line (e.g. to the digits); each is a separate thin tube. */
    slips: z
      .array(
        z
          .object({
            /** Centre line of the slip. */
            path: softPathSchema,
            /** Slip radius, mm (default 2). */
            radiusMm: z.number().positive().optional(),
            /** Thin/wide ratio (default 0.6). */
            flatten: z.number().min(0.1).max(1).optional(),
          })
          .strict(),
      )
      .optional(),
    ...common,
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.volumeReason !== undefined && g.volumeCm3 === undefined && g.maxRadiusMm === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["volumeReason"],
        message: "volumeReason explains a volumeCm3 or a maxRadiusMm used instead of the reference volume: give one",
      });
    }
    if (g.thinToward && g.thinAxis) {
      ctx.addIssue({ code: "custom", path: ["thinAxis"], message: "give thinToward or thinAxis, not both" });
    }
  });

/** A broad flat muscle: fascicles blended into one smooth sheet. */
const sheetSchema = z
  .object({
    builder: z.literal("sheet"),
    /** Fibre lines ordered across the sheet (from one border to the other), each origin to insertion. */
    fascicles: z.array(softPathSchema).min(2),
    /** Muscle volume, cm^3; used only with volumeReason or without a reference family (models/README.md). */
    volumeCm3: z.number().positive().max(3000).optional(),
    ...volumeRule,
    /** Alternative to a volume: largest thickness, mm. */
    thicknessMm: z.number().positive().max(60).optional(),
    /** Fraction of the width over which the sheet thins toward its free borders (default 0.2). */
    edgeTaper: z.number().min(0).max(0.5).optional(),
    /** Aponeurosis / tendon at the origin end, as a fraction of the fibre length (default 0.05). */
    originTaper: z.number().min(0).max(0.6).optional(),
    /** Tendon at the insertion end, as a fraction of the fibre length (default 0.1). */
    insertionTaper: z.number().min(0).max(0.6).optional(),
    /** Thickness of the tapered ends and borders, mm (default 1). */
    minThicknessMm: z.number().positive().max(10).optional(),
    /** Narrowest width anywhere along the sheet (where fascicles converge on a tendon), mm (default 8). */
    minWidthMm: z.number().positive().max(100).optional(),
    /** Separate slips at the origin (serratus anterior, external oblique): notch depth as a fraction of the length. */
    serrate: z.number().min(0).max(0.5).optional(),
    /** The side facing this point is the deep side; thickness grows away from it (default: both sides). */
    deepToward: softPointSchema.optional(),
    ...common,
  })
  .strict()
  .superRefine((g, ctx) => {
    if (g.volumeReason !== undefined && g.volumeCm3 === undefined) {
      ctx.addIssue({ code: "custom", path: ["volumeReason"], message: "volumeReason explains a volumeCm3: give one" });
    }
    if (g.volumeCm3 !== undefined && g.thicknessMm !== undefined) {
      ctx.addIssue({ code: "custom", path: ["thicknessMm"], message: "give volumeCm3 or thicknessMm, not both" });
    }
  });

/** Ligament, retinaculum, flat tendon or fascia: a thin band lofted across rails, or along a path with a width. */
const bandSchema = z
  .object({
    builder: z.literal("band"),
    /** Two or more lines ordered across the band; the band spans them. */
    rails: z.array(pointList).min(2).optional(),
    /** Or: one centre line... */
    path: softPathSchema.optional(),
    /** ...with this width, mm. */
    widthMm: z.number().positive().max(300).optional(),
    /** Width at the end of the path, mm (default: widthMm); the width changes linearly. */
    endWidthMm: z.number().positive().max(300).optional(),
    /** With `path`: the band's face looks toward this point (sets how the band lies). */
    faceToward: softPointSchema.optional(),
    /** Or: the band's face normal as a fixed direction. */
    faceAxis: vec3.optional(),
    /** Thickness, mm. */
    thicknessMm: z.number().positive().max(30),
    /** Section across the band: flat (ligaments, fascia; default) or oval (a tendon's cord). */
    section: z.enum(["flat", "oval"]).optional(),
    /**
     * Structures (record ids) the band lies on, such as the muscles beneath a fascia: its deep surface is laid onto
     * theirs (drawn down where it floats within `ontoMm`, pushed out where it sinks in), its ends left in place, and
     * its thickness grows outward from there.
     */
    onto: z
      .array(z.string().regex(/^[a-z0-9-]+$/))
      .min(1)
      .optional(),
    /** How far above the structures a part of the band is still drawn down onto them, mm (default 25). */
    ontoMm: z.number().positive().max(80).optional(),
    /** Bulge across the band (an arch over a tunnel), mm. */
    archMm: z.number().min(-50).max(50).optional(),
    /** Direction of the bulge: toward this point. */
    archToward: softPointSchema.optional(),
    /** The side facing this point is the deep side; thickness grows away from it (default: both sides). */
    deepToward: softPointSchema.optional(),
    ...common,
  })
  .strict()
  .superRefine((g, ctx) => {
    const hasRails = g.rails !== undefined;
    const hasPath = g.path !== undefined;
    if (hasRails === hasPath) ctx.addIssue({ code: "custom", message: "a band needs either rails or path" });
    if (hasPath && g.widthMm === undefined)
      ctx.addIssue({ code: "custom", path: ["widthMm"], message: "path needs widthMm" });
    if (g.archMm !== undefined && g.archToward === undefined) {
      ctx.addIssue({ code: "custom", path: ["archToward"], message: "archMm needs archToward" });
    }
    if (g.onto !== undefined && g.deepToward === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["deepToward"],
        message: "onto needs deepToward (the side that lies on them)",
      });
    }
    if (g.ontoMm !== undefined && g.onto === undefined) {
      ctx.addIssue({ code: "custom", path: ["ontoMm"], message: "ontoMm goes with onto" });
    }
  });

/** One end ring of a capsule sleeve. */
const ringSchema = z
  .object({
    /** Centre of the ring. */
    centre: softPointSchema,
    /** Half-widths of the ring, mm: one number (circle) or [major, minor]. */
    radiusMm: z.union([z.number().positive(), z.tuple([z.number().positive(), z.number().positive()])]),
    /** The ring's major axis points toward this point. */
    majorToward: softPointSchema.optional(),
    /** The ring's plane faces this point (default: the other ring's centre). */
    facing: softPointSchema.optional(),
  })
  .strict();

/** Joint capsule: a thin sleeve from the socket's rim to the neck of the moving bone. */
const capsuleSchema = z
  .object({
    builder: z.literal("capsule"),
    /** The rim (e.g. glenoid labrum). */
    rim: ringSchema,
    /** The neck (e.g. anatomical neck of the humerus). */
    neck: ringSchema,
    /** Extra width at mid-length (the sleeve bulges over the joint), mm. */
    bulgeMm: z.number().min(0).max(60).optional(),
    /** Wall thickness, mm. */
    thicknessMm: z.number().positive().max(15),
    ...common,
  })
  .strict();

/** Bursa: a flattened sac, optionally draped over a round surface. */
const bursaSchema = z
  .object({
    builder: z.literal("bursa"),
    /** Centre of the sac. */
    centre: softPointSchema,
    /** In-plane half-widths, mm: [long, short]. */
    radiiMm: z.tuple([z.number().positive(), z.number().positive()]),
    /** Thickness of the sac, mm. */
    thicknessMm: z.number().positive().max(20),
    /** The sac's flat face looks toward this point. */
    faceToward: softPointSchema,
    /** The long half-width points toward this point. */
    longToward: softPointSchema.optional(),
    /** Drape the sac over a sphere (e.g. the humeral head). */
    drape: z
      .object({
        /** Sphere centre. */
        centre: softPointSchema,
        /** Sphere radius, mm. */
        radiusMm: z.number().positive(),
      })
      .strict()
      .optional(),
    ...common,
  })
  .strict();

/** One tube of a nerve or vessel. */
const tubeLineSchema = z
  .object({
    /** Centre line; point objects may set radiusMm and flatten locally. */
    path: softPathSchema,
    /** Default radius, mm. */
    radiusMm: z.number().positive().max(30).optional(),
    /** Default thin/wide ratio (1 = round). */
    flatten: z.number().min(0.1).max(1).optional(),
    /** The thin axis of flattened sections points toward this point. */
    thinToward: softPointSchema.optional(),
  })
  .strict();

/** Nerve or vessel: a tube along its course, with optional branches (separate tubes, one mesh). */
const tubeSchema = z
  .object({
    builder: z.literal("tube"),
    ...tubeLineSchema.shape,
    /** Branches. */
    branches: z.array(tubeLineSchema).optional(),
    ...common,
  })
  .strict();

/** One rounded rod of the skin's body outline. */
const skinPartSchema = z
  .object({
    /** Rod from this point... */
    from: softPointSchema,
    /** ...to this point. */
    to: softPointSchema,
    /** Radii at the two ends, mm (one number: same at both). */
    radiusMm: z.union([z.number().positive(), z.tuple([z.number().positive(), z.number().positive()])]),
    /** Depth/width ratio (front-to-back over side-to-side; 1 = round). */
    depthRatio: z.number().min(0.2).max(2).optional(),
    /** Also add the mirrored rod on the body's left (limbs). */
    mirror: z.boolean().optional(),
  })
  .strict();

/** Skin: a smooth surface around the whole body, from blended rounded rods. */
const skinSchema = z
  .object({
    builder: z.literal("skin"),
    /** The rods. */
    parts: z.array(skinPartSchema).min(1),
    /** Blend radius between rods, mm (default 30). */
    blendMm: z.number().positive().max(200).optional(),
    /** Grid spacing of the surface, mm (default 12). */
    cellMm: z.number().min(4).max(40).optional(),
  })
  .strict();

/** The single shapes: each may stand alone or be combined by `group`. */
const SHAPE_SCHEMAS = [spindleSchema, sheetSchema, bandSchema, capsuleSchema, bursaSchema, tubeSchema] as const;

/** Shapes that may be combined by `group`. */
const partSchema = z.discriminatedUnion("builder", SHAPE_SCHEMAS);

/** Several shapes in one node (e.g. muscle heads, nerve trunks). */
const groupSchema = z
  .object({
    builder: z.literal("group"),
    /** The shapes. */
    parts: z.array(partSchema).min(1),
  })
  .strict();

export const softGeometrySchema = z.discriminatedUnion("builder", [...SHAPE_SCHEMAS, skinSchema, groupSchema]);
export type SoftGeometry = z.infer<typeof softGeometrySchema>;
export type SoftPart = z.infer<typeof partSchema>;
export type SpindleGeometry = z.infer<typeof spindleSchema>;
export type SheetGeometry = z.infer<typeof sheetSchema>;
export type BandGeometry = z.infer<typeof bandSchema>;
export type CapsuleGeometry = z.infer<typeof capsuleSchema>;
export type BursaGeometry = z.infer<typeof bursaSchema>;
export type TubeGeometry = z.infer<typeof tubeSchema>;
export type TubeLine = z.infer<typeof tubeLineSchema>;
export type SkinGeometry = z.infer<typeof skinSchema>;
export type Obstacle = z.infer<typeof obstacleSchema>;
