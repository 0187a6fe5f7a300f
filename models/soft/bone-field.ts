// The bones' own distance fields (models/bones), as one keep-out field for the soft-tissue builders: a muscle is
// pushed out of the bone it would sink into, not only out of the simple stand-ins in ./obstacles.ts. Bones given as
// ready meshes (the ribs) are left to the stand-ins (the rib cage's stack).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { boneShape } from "../bones/index.ts";
import { loadRecords } from "../records.ts";
import type { Sdf } from "../sdf.ts";
import type { Vec3 } from "../types.ts";

interface FieldBone {
  sdf: Sdf;
  min: Vec3;
  max: Vec3;
}

/** Signed distance to the nearest bone (negative inside), metres; Infinity far from every bone. */
export type BoneDistance = (p: Vec3) => number;

const PAD = 0.01;

/** One field from a set of bone fields, each evaluated only inside its padded box. */
export function unionField(bones: readonly FieldBone[]): BoneDistance {
  return (p) => {
    let d = Infinity;
    for (const b of bones) {
      if (
        p[0] < b.min[0] - PAD ||
        p[1] < b.min[1] - PAD ||
        p[2] < b.min[2] - PAD ||
        p[0] > b.max[0] + PAD ||
        p[1] > b.max[1] + PAD ||
        p[2] > b.max[2] + PAD
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
  for (const { record } of loadRecords(root)) {
    const g = record.geometry;
    if (!g || g.builder !== "bone") continue;
    const s = boneShape(g);
    if (s.kind === "sdf") bones.push({ sdf: s.sdf, min: s.min, max: s.max });
  }
  cached = unionField(bones);
  return cached;
}
