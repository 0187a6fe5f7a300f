// Skin: one smooth closed surface around the body, from rounded rods (head, neck, trunk, limbs) blended
// with a smooth union and meshed as a level set. Needs initMeshing() (models/sdf.ts) to have run.
import type { SkinGeometry } from "../../src/schemas/geometry-soft.ts";
import { meshSdf, roundCone, type Sdf, smoothUnion, squash } from "../sdf.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { lerp } from "../vec.ts";
import { resolvePoint, type SoftContext } from "./context.ts";

export function skinSdf(ctx: SoftContext, g: SkinGeometry): { sdf: Sdf; min: Vec3; max: Vec3 } {
  const parts: Sdf[] = [];
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  const grow = (p: Vec3, r: number): void => {
    for (let k = 0; k < 3; k++) {
      const i = k as 0 | 1 | 2;
      min[i] = Math.min(min[i], p[i] - r);
      max[i] = Math.max(max[i], p[i] + r);
    }
  };
  for (const part of g.parts) {
    const a = resolvePoint(ctx, part.from);
    const b = resolvePoint(ctx, part.to);
    const [ra, rb] = typeof part.radiusMm === "number" ? [part.radiusMm, part.radiusMm] : part.radiusMm;
    const sides: [Vec3, Vec3][] = [[a, b]];
    if (part.mirror) sides.push([[-a[0], a[1], a[2]] as Vec3, [-b[0], b[1], b[2]] as Vec3]);
    for (const [p, q] of sides) {
      let f = roundCone(p, q, ra / 1000, rb / 1000);
      if (part.depthRatio !== undefined && part.depthRatio !== 1)
        f = squash(f, lerp(p, q, 0.5), [0, 0, 1], part.depthRatio);
      parts.push(f);
      grow(p, ra / 1000);
      grow(q, rb / 1000);
    }
  }
  return { sdf: smoothUnion((g.blendMm ?? 30) / 1000, ...parts), min, max };
}

export function buildSkin(ctx: SoftContext, g: SkinGeometry, triangles = 24000): MeshData {
  const { sdf, min, max } = skinSdf(ctx, g);
  return meshSdf(sdf, { min, max, cell: (g.cellMm ?? 12) / 1000, triangles });
}
