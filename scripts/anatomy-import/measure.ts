// Measuring helpers on reference surfaces (point clouds in a body frame).
import { add, dot, scale, sub } from "../../models/vec.ts";
import type { V3 } from "./math.ts";

export type Filter = (p: V3) => boolean;

/** The surface point furthest along `dir` (optionally among points passing `filter`). */
export function extreme(points: V3[], dir: V3, filter?: Filter): V3 {
  let best: V3 | undefined;
  let bv = -Infinity;
  for (const p of points) {
    if (filter && !filter(p)) continue;
    const v = dot(p, dir);
    if (v > bv) {
      bv = v;
      best = p;
    }
  }
  if (!best) throw new Error("extreme: no point passes the filter");
  return best;
}

/** Mean of the points passing `filter`. */
export function centroid(points: V3[], filter?: Filter): V3 {
  let s: V3 = [0, 0, 0];
  let n = 0;
  for (const p of points) {
    if (filter && !filter(p)) continue;
    s = add(s, p);
    n++;
  }
  if (n === 0) throw new Error("centroid: no point passes the filter");
  return scale(s, 1 / n);
}

export function bounds(points: V3[]): { min: V3; max: V3 } {
  const min: V3 = [Infinity, Infinity, Infinity];
  const max: V3 = [-Infinity, -Infinity, -Infinity];
  for (const p of points) {
    for (let i = 0; i < 3; i++) {
      min[i] = Math.min(min[i] as number, p[i] as number);
      max[i] = Math.max(max[i] as number, p[i] as number);
    }
  }
  return { min, max };
}

/** Points between two heights (body y). */
export function band(lo: number, hi: number): Filter {
  return (p) => p[1] >= lo && p[1] <= hi;
}

/** Largest distance of the points from the axis line through `c` along unit `axis` (a radius). */
export function radiusAbout(points: V3[], c: V3, axis: V3, filter?: Filter): number {
  let r = 0;
  for (const p of points) {
    if (filter && !filter(p)) continue;
    const d = sub(p, c);
    const along = dot(d, axis);
    const perp = sub(d, scale(axis, along));
    r = Math.max(r, Math.hypot(...perp));
  }
  return r;
}

/** Principal axis (unit) of a point cloud by power iteration on its covariance. */
export function principalAxis(points: V3[]): V3 {
  const c = centroid(points);
  const C = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (const p of points) {
    const d = sub(p, c);
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) C[i * 3 + j] = (C[i * 3 + j] as number) + (d[i] as number) * (d[j] as number);
  }
  let v: V3 = [0.3, 1, 0.2];
  for (let k = 0; k < 50; k++) {
    const w: V3 = [
      (C[0] as number) * v[0] + (C[1] as number) * v[1] + (C[2] as number) * v[2],
      (C[3] as number) * v[0] + (C[4] as number) * v[1] + (C[5] as number) * v[2],
      (C[6] as number) * v[0] + (C[7] as number) * v[1] + (C[8] as number) * v[2],
    ];
    const l = Math.hypot(...w);
    v = scale(w, 1 / l);
  }
  return v;
}

/** Centre of a section: mean of the `k` surface points nearest the plane y = `y` (robust on coarse surfaces). */
export function sliceCentre(points: V3[], y: number, k = 8): V3 {
  const near = [...points].sort((a, b) => Math.abs(a[1] - y) - Math.abs(b[1] - y)).slice(0, k);
  const c = centroid(near);
  return [c[0], y, c[2]];
}
