// Keep-out shapes: simple stand-ins for bones that soft tissue must stay outside of.
// Named sets are defined here once (from skeleton landmarks) so records can say `avoid: [humerus]`.
import type { Obstacle } from "../../src/lib/geometry-soft.ts";
import type { Vec3 } from "../types.ts";
import { resolvePoint, type SoftContext } from "./context.ts";
import { add, dot, len, normalize, scale, sub } from "./vec.ts";

/** A resolved keep-out shape. */
export type Solid =
  | { kind: "sphere"; c: Vec3; r: number }
  | { kind: "rod"; a: Vec3; b: Vec3; r: number }
  | { kind: "ellipsoid"; c: Vec3; radii: Vec3 };

/**
 * Shared bone stand-ins, by name. Each entry is written like an inline `avoid` shape
 * (landmark names from models/skeleton.ts, radii in mm).
 */
export const NAMED_OBSTACLES: Record<string, Obstacle[]> = {};

export function resolveObstacle(ctx: SoftContext, o: Obstacle): Solid {
  if ("sphere" in o) return { kind: "sphere", c: resolvePoint(ctx, o.sphere), r: o.radiusMm / 1000 };
  if ("rod" in o) {
    return { kind: "rod", a: resolvePoint(ctx, o.rod[0]), b: resolvePoint(ctx, o.rod[1]), r: o.radiusMm / 1000 };
  }
  return {
    kind: "ellipsoid",
    c: resolvePoint(ctx, o.ellipsoid),
    radii: [o.radiiMm[0] / 1000, o.radiiMm[1] / 1000, o.radiiMm[2] / 1000],
  };
}

export function resolveAvoid(
  ctx: SoftContext,
  avoid: readonly (string | Obstacle)[] | undefined,
  named: Record<string, Obstacle[]> = NAMED_OBSTACLES,
): Solid[] {
  const out: Solid[] = [];
  for (const a of avoid ?? []) {
    if (typeof a === "string") {
      const list = named[a];
      if (!list) throw new Error(`unknown keep-out shape "${a}" (known: ${Object.keys(named).join(", ") || "none"})`);
      for (const o of list) out.push(resolveObstacle(ctx, o));
    } else out.push(resolveObstacle(ctx, a));
  }
  return out;
}

/** Closest point on segment ab to p. */
function closestOnSegment(p: Vec3, a: Vec3, b: Vec3): Vec3 {
  const ab = sub(b, a);
  const l2 = dot(ab, ab);
  const t = l2 > 0 ? Math.min(1, Math.max(0, dot(sub(p, a), ab) / l2)) : 0;
  return add(a, scale(ab, t));
}

/** Signed distance (approximate for ellipsoids) from p to the solid; negative inside. */
export function solidDistance(s: Solid, p: Vec3): number {
  if (s.kind === "sphere") return len(sub(p, s.c)) - s.r;
  if (s.kind === "rod") return len(sub(p, closestOnSegment(p, s.a, s.b))) - s.r;
  const d = sub(p, s.c);
  const q: Vec3 = [d[0] / s.radii[0], d[1] / s.radii[1], d[2] / s.radii[2]];
  const k = len(q);
  return (k - 1) * Math.min(s.radii[0], s.radii[1], s.radii[2]);
}

/** Move p out of the solid to `clearance` metres beyond its surface (unchanged when already outside). */
export function pushOut(s: Solid, p: Vec3, clearance: number): Vec3 {
  if (solidDistance(s, p) >= clearance) return p;
  if (s.kind === "sphere") return add(s.c, scale(normalize(sub(p, s.c)), s.r + clearance));
  if (s.kind === "rod") {
    const c = closestOnSegment(p, s.a, s.b);
    return add(c, scale(normalize(sub(p, c)), s.r + clearance));
  }
  const d = sub(p, s.c);
  const r: Vec3 = [s.radii[0] + clearance, s.radii[1] + clearance, s.radii[2] + clearance];
  const k = len([d[0] / r[0], d[1] / r[1], d[2] / r[2]]);
  if (k < 1e-9) return add(s.c, [0, r[1], 0]);
  return add(s.c, scale(d, 1 / k));
}

/** Push every vertex of a flat position array out of all solids (a few passes for overlapping solids). */
export function pushPositions(positions: number[], solids: readonly Solid[], clearance: number): void {
  if (solids.length === 0) return;
  for (let i = 0; i < positions.length; i += 3) {
    let p: Vec3 = [positions[i] ?? 0, positions[i + 1] ?? 0, positions[i + 2] ?? 0];
    for (let pass = 0; pass < 3; pass++) {
      let moved = false;
      for (const s of solids) {
        const q = pushOut(s, p, clearance);
        if (q !== p) {
          p = q;
          moved = true;
        }
      }
      if (!moved) break;
    }
    positions[i] = p[0];
    positions[i + 1] = p[1];
    positions[i + 2] = p[2];
  }
}
