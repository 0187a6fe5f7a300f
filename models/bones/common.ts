// Shared helpers of the bone builders: landmarks, placement, and the shape description meshSdf needs.

import type { Sdf } from "../sdf.ts";
import { landmark, segmentFrame } from "../skeleton.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { add as vadd, dot as vdot, len as vlen, normalize as vnorm, scale as vscale, sub as vsub } from "../vec.ts";

/** A bone as a signed distance field with the box and resolution to mesh it at, or a ready mesh. */
export type BoneShape =
  | { kind: "sdf"; sdf: Sdf; min: Vec3; max: Vec3; cell: number; triangles: number }
  | { kind: "mesh"; mesh: MeshData };

export const L = landmark;
export const frame = segmentFrame;

/** Moves surface point `p` toward `centre` by `r` (centre of a blob of radius r whose surface touches p). */
export function inward(p: Vec3, centre: Vec3, r: number): Vec3 {
  const d = vsub(centre, p);
  const l = vlen(d);
  return l > r ? vadd(p, vscale(d, r / l)) : centre;
}

/** Closest point to p on the line through a and b. */
export function onLine(p: Vec3, a: Vec3, b: Vec3): Vec3 {
  const ab = vsub(b, a);
  const t = vdot(vsub(p, a), ab) / vdot(ab, ab);
  return vadd(a, vscale(ab, t));
}

/** Box around points, padded by `pad` metres. */
export function boxAround(points: Vec3[], pad: number): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i] as number, (p[i] as number) - pad);
      max[i] = Math.max(max[i] as number, (p[i] as number) + pad);
    }
  }
  return { min, max };
}

/** Unit vector from a to b. */
export function dir(a: Vec3, b: Vec3): Vec3 {
  return vnorm(vsub(b, a));
}

/** Point at a + t (b - a). */
export function at(a: Vec3, b: Vec3, t: number): Vec3 {
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t, a[2] + (b[2] - a[2]) * t];
}

/** p + d * s. */
export function along(p: Vec3, d: Vec3, s: number): Vec3 {
  return [p[0] + d[0] * s, p[1] + d[1] * s, p[2] + d[2] * s];
}
