// Geometry blocks of bone records (read by models/bones/): which parametric bone builder makes the shape, placed
// on the skeleton's landmarks (models/data/skeleton.json). Everything is built for the right side or midline;
// the generator mirrors the left side.
import { z } from "zod";

/** Shape builders the generator knows (models/bones/index.ts). */
export const BONE_SHAPES = [
  "skull",
  "mandible",
  "vertebra",
  "sacrum",
  "coccyx",
  "rib",
  "sternum",
  "clavicle",
  "scapula",
  "humerus",
  "radius",
  "ulna",
  "carpal",
  "metacarpal",
  "hand-phalanges",
  "hip-bone",
  "femur",
  "patella",
  "tibia",
  "fibula",
  "tarsal",
  "metatarsal",
  "foot-phalanges",
] as const;

export const CARPALS = [
  "scaphoid",
  "lunate",
  "triquetrum",
  "pisiform",
  "trapezium",
  "trapezoid",
  "capitate",
  "hamate",
] as const;
export const TARSALS = [
  "talus",
  "calcaneus",
  "navicular",
  "cuboid",
  "medial-cuneiform",
  "intermediate-cuneiform",
  "lateral-cuneiform",
] as const;
const VERTEBRA_LEVEL = /^(c[1-7]|t([1-9]|1[0-2])|l[1-5])$/;

export const boneGeometrySchema = z
  .object({
    builder: z.literal("bone"),
    /** Which parametric builder makes the shape. */
    shape: z.enum(BONE_SHAPES),
    /**
     * Which member of a series: vertebra level ("c1".."c7", "t1".."t12", "l1".."l5"), rib or metacarpal /
     * metatarsal number, carpal or tarsal name.
     */
    which: z.union([z.string(), z.number().int()]).optional(),
    /** Triangle budget of one side's mesh (default per shape). */
    triangles: z.number().int().min(40).max(20000).optional(),
  })
  .strict()
  .superRefine((g, ctx) => {
    const need = (ok: boolean, message: string) => {
      if (!ok) ctx.addIssue({ code: "custom", path: ["which"], message });
    };
    switch (g.shape) {
      case "vertebra":
        need(
          typeof g.which === "string" && VERTEBRA_LEVEL.test(g.which),
          'vertebra needs which: "c1".."c7", "t1".."t12" or "l1".."l5"',
        );
        break;
      case "rib":
        need(typeof g.which === "number" && g.which >= 1 && g.which <= 12, "rib needs which: 1..12");
        break;
      case "metacarpal":
      case "metatarsal":
        need(typeof g.which === "number" && g.which >= 1 && g.which <= 5, `${g.shape} needs which: 1..5`);
        break;
      case "carpal":
        need(
          typeof g.which === "string" && (CARPALS as readonly string[]).includes(g.which),
          `carpal needs which: ${CARPALS.join(", ")}`,
        );
        break;
      case "tarsal":
        need(
          typeof g.which === "string" && (TARSALS as readonly string[]).includes(g.which),
          `tarsal needs which: ${TARSALS.join(", ")}`,
        );
        break;
      default:
        need(g.which === undefined, `${g.shape} takes no which`);
    }
  });
export type BoneGeometry = z.infer<typeof boneGeometrySchema>;
