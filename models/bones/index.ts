// Bone builders by shape (see src/schemas/geometry-bone.ts). Each returns the right-side (or midline) bone.
import type { BoneGeometry } from "../../src/schemas/geometry-bone.ts";
import { meshSdf } from "../sdf.ts";
import type { MeshData } from "../types.ts";
import type { BoneShape } from "./common.ts";
import { mandible, skull } from "./head.ts";
import { femur, fibula, hipBone, patella, tibia } from "./lower.ts";
import { carpal, footPhalanges, handPhalanges, metacarpal, metatarsal, tarsal } from "./small.ts";
import { coccyx, sacrum, vertebra } from "./spine.ts";
import { rib, sternum } from "./thorax.ts";
import { clavicle, humerus, radius, scapula, ulna } from "./upper.ts";

type Builder = (g: { which?: string | number | undefined }) => BoneShape;

const BUILDERS: Record<BoneGeometry["shape"], Builder> = {
  skull,
  mandible,
  vertebra,
  sacrum,
  coccyx,
  rib,
  sternum,
  clavicle,
  scapula,
  humerus,
  radius,
  ulna,
  carpal,
  metacarpal,
  "hand-phalanges": handPhalanges,
  "hip-bone": hipBone,
  femur,
  patella,
  tibia,
  fibula,
  tarsal,
  metatarsal,
  "foot-phalanges": footPhalanges,
};

/** A bone's shape before meshing (its distance field, or a ready mesh). */
export const boneShape = (g: BoneGeometry): BoneShape => BUILDERS[g.shape](g);

/** Builds a bone mesh (right side or midline). Throws naming the shape when it fails. */
export function buildBone(g: BoneGeometry): MeshData {
  const s = boneShape(g);
  if (s.kind === "mesh") return s.mesh;
  return meshSdf(s.sdf, { min: s.min, max: s.max, cell: s.cell, triangles: g.triangles ?? s.triangles });
}
