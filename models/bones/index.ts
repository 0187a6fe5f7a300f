// Bone builders by shape (see src/lib/geometry-bone.ts). Each returns the right-side (or midline) bone.
import type { BoneGeometry } from "../../src/lib/geometry-bone.ts";
import { meshSdf } from "../sdf.ts";
import type { MeshData } from "../types.ts";
import type { BoneShape } from "./common.ts";
import { clavicle, humerus, radius, scapula, ulna } from "./upper.ts";

type Builder = (g: BoneGeometry) => BoneShape;

const BUILDERS: Partial<Record<BoneGeometry["shape"], Builder>> = {
  humerus,
  radius,
  ulna,
  scapula,
  clavicle,
};

/** Builds a bone mesh (right side or midline). Throws naming the shape when no builder exists. */
export function buildBone(g: BoneGeometry): MeshData {
  const b = BUILDERS[g.shape];
  if (!b) throw new Error(`no bone builder for shape "${g.shape}"`);
  const s = b(g);
  if (s.kind === "mesh") return s.mesh;
  return meshSdf(s.sdf, { min: s.min, max: s.max, cell: s.cell, triangles: g.triangles ?? s.triangles });
}
