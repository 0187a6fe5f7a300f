// Smooth curves through path points: centripetal Catmull-Rom, arc-length resampling, parallel-transport frames.
import type { Vec3 } from "../types.ts";
import { add, anyPerp, at, cross, dist, dot, lerp, madd, normalize, perp, rotate, scale, sub } from "../vec.ts";

/** Drop consecutive points closer than `eps` metres (they would give zero-length tangents). */
export function dedupe(points: readonly Vec3[], eps = 1e-4): Vec3[] {
  const out: Vec3[] = [];
  for (const p of points) {
    if (out.length === 0 || dist(at(out, out.length - 1), p) > eps) out.push(p);
  }
  return out;
}

export function polylineLength(points: readonly Vec3[]): number {
  let l = 0;
  for (let i = 1; i < points.length; i++) l += dist(at(points, i - 1), at(points, i));
  return l;
}

/** Cumulative arc length at each vertex. */
export function cumulativeLength(points: readonly Vec3[]): number[] {
  const out = [0];
  for (let i = 1; i < points.length; i++) out.push(at(out, i - 1) + dist(at(points, i - 1), at(points, i)));
  return out;
}

/** Point at arc-length fraction `t` (0..1) of a polyline. */
export function pointAt(points: readonly Vec3[], t: number): Vec3 {
  if (points.length === 1) return at(points, 0);
  const cum = cumulativeLength(points);
  const total = at(cum, cum.length - 1);
  const target = Math.min(1, Math.max(0, t)) * total;
  for (let i = 1; i < points.length; i++) {
    const c1 = at(cum, i);
    if (c1 >= target || i === points.length - 1) {
      const c0 = at(cum, i - 1);
      const f = c1 > c0 ? (target - c0) / (c1 - c0) : 0;
      return lerp(at(points, i - 1), at(points, i), Math.min(1, Math.max(0, f)));
    }
  }
  return at(points, points.length - 1);
}

/** `n` points evenly spaced by arc length along a polyline (ends included). */
export function resample(points: readonly Vec3[], n: number): Vec3[] {
  const cum = cumulativeLength(points);
  const total = at(cum, cum.length - 1);
  const out: Vec3[] = [];
  let seg = 1;
  for (let k = 0; k < n; k++) {
    const target = (total * k) / (n - 1);
    while (seg < points.length - 1 && at(cum, seg) < target) seg++;
    const c0 = at(cum, seg - 1);
    const c1 = at(cum, seg);
    const f = c1 > c0 ? (target - c0) / (c1 - c0) : 0;
    out.push(lerp(at(points, seg - 1), at(points, seg), Math.min(1, Math.max(0, f))));
  }
  return out;
}

/** Part of a polyline between arc-length fractions t0 < t1. */
export function trim(points: readonly Vec3[], t0: number, t1: number): Vec3[] {
  const cum = cumulativeLength(points);
  const total = at(cum, cum.length - 1);
  const a = t0 * total;
  const b = t1 * total;
  const out: Vec3[] = [pointAt(points, t0)];
  for (let i = 0; i < points.length; i++) {
    const c = at(cum, i);
    if (c > a && c < b) out.push(at(points, i));
  }
  out.push(pointAt(points, t1));
  return dedupe(out);
}

/**
 * Centripetal Catmull-Rom spline through `points` (passes through every point, no overshoot loops),
 * sampled densely and returned as `n` points evenly spaced by arc length.
 */
export function smoothCurve(points: readonly Vec3[], n: number, samplesPerSpan = 12): Vec3[] {
  const pts = dedupe(points);
  if (pts.length < 2) throw new Error("a curve needs at least two distinct points");
  if (pts.length === 2) return resample(pts, n);
  const first = at(pts, 0);
  const last = at(pts, pts.length - 1);
  // Reflected end points keep the end tangents pointing along the first/last spans.
  const ext: Vec3[] = [sub(scale(first, 2), at(pts, 1)), ...pts, sub(scale(last, 2), at(pts, pts.length - 2))];
  const dense: Vec3[] = [];
  for (let i = 1; i < ext.length - 2; i++) {
    const p0 = at(ext, i - 1);
    const p1 = at(ext, i);
    const p2 = at(ext, i + 1);
    const p3 = at(ext, i + 2);
    const t0 = 0;
    const t1 = t0 + Math.sqrt(Math.max(dist(p0, p1), 1e-9));
    const t2 = t1 + Math.sqrt(Math.max(dist(p1, p2), 1e-9));
    const t3 = t2 + Math.sqrt(Math.max(dist(p2, p3), 1e-9));
    for (let s = 0; s < samplesPerSpan; s++) {
      const t = t1 + ((t2 - t1) * s) / samplesPerSpan;
      const a1 = lerp(p0, p1, (t - t0) / (t1 - t0));
      const a2 = lerp(p1, p2, (t - t1) / (t2 - t1));
      const a3 = lerp(p2, p3, (t - t2) / (t3 - t2));
      const b1 = lerp(a1, a2, (t - t0) / (t2 - t0));
      const b2 = lerp(a2, a3, (t - t1) / (t3 - t1));
      dense.push(lerp(b1, b2, (t - t1) / (t2 - t1)));
    }
  }
  dense.push(last);
  return resample(dense, n);
}

/** Unit tangents of a polyline (central differences). */
export function tangents(points: readonly Vec3[]): Vec3[] {
  const n = points.length;
  const out: Vec3[] = [];
  for (let i = 0; i < n; i++) {
    const a = at(points, Math.max(0, i - 1));
    const b = at(points, Math.min(n - 1, i + 1));
    out.push(normalize(sub(b, a), out.length > 0 ? at(out, out.length - 1) : [0, 1, 0]));
  }
  return out;
}

export interface Frame {
  /** Unit tangent. */
  t: Vec3;
  /** Unit normal (perpendicular to t). */
  n: Vec3;
  /** Unit binormal t x n. */
  b: Vec3;
}

/** Rotation-minimising (parallel-transport) frames along a polyline. */
export function transportFrames(points: readonly Vec3[], initialNormal?: Vec3): Frame[] {
  const ts = tangents(points);
  const t0 = at(ts, 0);
  let n = initialNormal ? normalize(perp(initialNormal, t0), anyPerp(t0)) : anyPerp(t0);
  const frames: Frame[] = [];
  for (let i = 0; i < ts.length; i++) {
    const t = at(ts, i);
    if (i > 0) {
      const tp = at(ts, i - 1);
      const axis = cross(tp, t);
      const s = Math.hypot(axis[0], axis[1], axis[2]);
      if (s > 1e-9) {
        const angle = Math.atan2(s, dot(tp, t));
        n = rotate(n, scale(axis, 1 / s), angle);
      }
      n = normalize(perp(n, t), anyPerp(t));
    }
    frames.push({ t, n, b: cross(t, n) });
  }
  return frames;
}

/** Offset every point of a polyline. */
export const offsetAll = (points: readonly Vec3[], d: Vec3): Vec3[] => points.map((p) => add(p, d));

/** Laplacian smoothing of a polyline's interior points (ends fixed). */
export function relax(points: readonly Vec3[], iterations: number, weight = 0.5): Vec3[] {
  let cur = points.slice();
  for (let it = 0; it < iterations; it++) {
    const next = cur.slice();
    for (let i = 1; i < cur.length - 1; i++) {
      const mid = lerp(at(cur, i - 1), at(cur, i + 1), 0.5);
      next[i] = madd(at(cur, i), sub(mid, at(cur, i)), weight);
    }
    cur = next;
  }
  return cur;
}
