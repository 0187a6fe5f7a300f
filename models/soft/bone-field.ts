// The bones' own distance fields (models/bones), as one keep-out field for the soft-tissue builders: a muscle is
// pushed out of the bone it would sink into, not only out of the simple stand-ins in ./obstacles.ts. Bones given as
// ready meshes (the ribs) give their distance from the mesh (models/fit.ts).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { boneShape } from "../bones/index.ts";
import { BoneSet } from "../fit.ts";
import { loadRecords } from "../records.ts";
import type { Sdf } from "../sdf.ts";
import type { MeshData, Vec3 } from "../types.ts";

interface FieldBone {
  sdf: Sdf;
  min: Vec3;
  max: Vec3;
}

/** Signed distance to the nearest bone (negative inside), metres; Infinity far from every bone. */
export type BoneDistance = (p: Vec3) => number;

const PAD = 0.01;

/**
 * One field from a set of bone fields, each evaluated only inside its box padded by `pad` (Infinity outside them
 * all). The one bone-distance lookup: the keep-out field here and the bone meshes' distance (models/fit.ts BoneSet).
 */
export function unionField(bones: readonly FieldBone[], pad = PAD): BoneDistance {
  return (p) => {
    let d = Infinity;
    for (const b of bones) {
      if (
        p[0] < b.min[0] - pad ||
        p[1] < b.min[1] - pad ||
        p[2] < b.min[2] - pad ||
        p[0] > b.max[0] + pad ||
        p[1] > b.max[1] + pad ||
        p[2] > b.max[2] + pad
      )
        continue;
      d = Math.min(d, b.sdf(p[0], p[1], p[2]));
    }
    return d;
  };
}

let cached: BoneDistance | undefined;

/** The project's bones (content/anatomy records with `builder: bone`) as one field; built once per process. */
export function projectBoneField(): BoneDistance {
  if (cached) return cached;
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const bones: FieldBone[] = [];
  const meshes: MeshData[] = [];
  for (const { record } of loadRecords(root)) {
    const g = record.geometry;
    if (g?.builder !== "bone") continue;
    const s = boneShape(g);
    if (s.kind === "sdf") bones.push({ sdf: s.sdf, min: s.min, max: s.max });
    else meshes.push(s.mesh);
  }
  // Bones given as meshes (the ribs, about 1 cm thick): their distance, searched up to 1 cm, as a field too.
  if (meshes.length) {
    const set = new BoneSet(meshes);
    const box = { min: [Infinity, Infinity, Infinity] as Vec3, max: [-Infinity, -Infinity, -Infinity] as Vec3 };
    for (const m of meshes) {
      for (let i = 0; i < m.positions.length; i++) {
        const k = i % 3;
        box.min[k] = Math.min(box.min[k] as number, m.positions[i] as number);
        box.max[k] = Math.max(box.max[k] as number, m.positions[i] as number);
      }
    }
    bones.push({ sdf: (x, y, z) => set.signedDistance([x, y, z], 0.01), ...box });
  }
  cached = unionField(bones);
  return cached;
}
