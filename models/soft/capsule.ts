// Joint capsule: a thin sleeve from the rim of the socket to the neck of the moving bone, bulging over
// the joint, closed as a thick-walled tube (inner and outer walls joined at both ends).
import type { CapsuleGeometry } from "../../src/schemas/geometry-soft.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { anyPerp, cross, dot, lerp, madd, normalize, perp, rotate, scale, sub } from "../vec.ts";
import { resolvePoint, type SoftContext } from "./context.ts";
import { MeshBuilder } from "./mesh.ts";
import { pushMesh, resolveAvoid } from "./obstacles.ts";

interface Ring {
  c: Vec3;
  /** Plane normal (points from rim toward neck). */
  n: Vec3;
  /** Major axis (in plane). */
  u: Vec3;
  a: number;
  b: number;
}

function slerpDir(a: Vec3, b: Vec3, t: number): Vec3 {
  const axis = cross(a, b);
  const s = Math.hypot(...axis);
  if (s < 1e-9) return a;
  const angle = Math.atan2(s, dot(a, b));
  return normalize(rotate(a, scale(axis, 1 / s), angle * t));
}

export function buildCapsule(ctx: SoftContext, g: CapsuleGeometry): MeshData {
  const along = g.resolution?.along ?? 14;
  const around = g.resolution?.around ?? 28;
  const rimC = resolvePoint(ctx, g.rim.centre);
  const neckC = resolvePoint(ctx, g.neck.centre);
  const axis = normalize(sub(neckC, rimC));
  const ring = (spec: CapsuleGeometry["rim"], c: Vec3, defaultFacing: Vec3): Ring => {
    const n = spec.facing ? normalize(sub(resolvePoint(ctx, spec.facing), c)) : defaultFacing;
    const majorHint = spec.majorToward ? sub(resolvePoint(ctx, spec.majorToward), c) : anyPerp(n);
    const u = normalize(perp(majorHint, n), anyPerp(n));
    const [a, b] = typeof spec.radiusMm === "number" ? [spec.radiusMm, spec.radiusMm] : spec.radiusMm;
    return { c, n, u, a: a / 1000, b: b / 1000 };
  };
  const r0 = ring(g.rim, rimC, axis);
  // The neck ring's plane faces back toward the rim; keep its normal pointing the same way as the rim's.
  const r1raw = ring(g.neck, neckC, axis);
  const r1: Ring = dot(r1raw.n, r0.n) < 0 ? { ...r1raw, n: scale(r1raw.n, -1) } : r1raw;
  const bulge = (g.bulgeMm ?? 0) / 1000;
  const thick = g.thicknessMm / 1000;

  // Mid-surface rings: centre, plane and radii interpolated; the major axis is carried along.
  const outer: Vec3[][] = [];
  const inner: Vec3[][] = [];
  for (let i = 0; i < around; i++) {
    outer.push([]);
    inner.push([]);
  }
  for (let k = 0; k < along; k++) {
    const t = k / (along - 1);
    const c = lerp(r0.c, r1.c, t);
    const n = slerpDir(r0.n, r1.n, t);
    const u0 = normalize(perp(r0.u, n), anyPerp(n));
    const u1 = normalize(perp(r1.u, n), u0);
    const u = normalize(lerp(u0, dot(u0, u1) >= 0 ? u1 : scale(u1, -1), t), u0);
    const v = cross(n, u);
    const swell = bulge * Math.sin(Math.PI * t);
    const a = r0.a + (r1.a - r0.a) * t + swell;
    const b = r0.b + (r1.b - r0.b) * t + swell;
    for (let i = 0; i < around; i++) {
      const th = (2 * Math.PI * i) / around;
      const dir = normalize(madd(scale(u, Math.cos(th) * a), v, Math.sin(th) * b));
      const p = madd(madd(c, u, Math.cos(th) * a), v, Math.sin(th) * b);
      outer[i]?.push(madd(p, dir, thick / 2));
      inner[i]?.push(madd(p, dir, -thick / 2));
    }
  }
  // Grid i goes around (u toward v, counter-clockwise about n) and j along n, so d/di x d/dj points
  // outward: the outer wall is the slab's "top".
  const mb = new MeshBuilder();
  mb.slab(
    outer,
    inner,
    Array.from({ length: along }, (_, j) => j / (along - 1)),
    true,
  );
  pushMesh(mb, resolveAvoid(ctx, g.avoid), (g.clearanceMm ?? 0.5) / 1000);
  return mb.toMesh(false);
}
