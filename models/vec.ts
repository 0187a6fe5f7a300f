// Vector helpers for the generator and the importer (glTF frame, metres): the one copy (bones and their fields in
// sdf.ts and bones/, soft tissues in soft/, fit and bone-fit measures, scripts/anatomy-import), with the closest
// point on a segment and on a triangle.
import type { Vec3 } from "./types.ts";

export const add = (a: Vec3, b: Vec3): Vec3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const scale = (a: Vec3, s: number): Vec3 => [a[0] * s, a[1] * s, a[2] * s];
/** a + b * s */
export const madd = (a: Vec3, b: Vec3, s: number): Vec3 => [a[0] + b[0] * s, a[1] + b[1] * s, a[2] + b[2] * s];
export const dot = (a: Vec3, b: Vec3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: Vec3, b: Vec3): Vec3 => [
  a[1] * b[2] - a[2] * b[1],
  a[2] * b[0] - a[0] * b[2],
  a[0] * b[1] - a[1] * b[0],
];
export const len = (a: Vec3): number => Math.hypot(a[0], a[1], a[2]);
export const dist = (a: Vec3, b: Vec3): number => Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
export const lerp = (a: Vec3, b: Vec3, t: number): Vec3 => [
  a[0] + (b[0] - a[0]) * t,
  a[1] + (b[1] - a[1]) * t,
  a[2] + (b[2] - a[2]) * t,
];

/** Unit vector; `fallback` when the input is (nearly) zero. */
export function normalize(a: Vec3, fallback: Vec3 = [0, 1, 0]): Vec3 {
  const l = len(a);
  return l > 1e-12 ? [a[0] / l, a[1] / l, a[2] / l] : fallback;
}

/** Component of `v` perpendicular to the unit vector `axis`. */
export const perp = (v: Vec3, axis: Vec3): Vec3 => madd(v, axis, -dot(v, axis));

/** Any unit vector perpendicular to the unit vector `a`. */
export function anyPerp(a: Vec3): Vec3 {
  const ref: Vec3 = Math.abs(a[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0];
  return normalize(perp(ref, a));
}

/** Rotate `v` about the unit `axis` by `angle` radians (Rodrigues). */
export function rotate(v: Vec3, axis: Vec3, angle: number): Vec3 {
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const k = cross(axis, v);
  const d = dot(axis, v) * (1 - c);
  return [v[0] * c + k[0] * s + axis[0] * d, v[1] * c + k[1] * s + axis[1] * d, v[2] * c + k[2] * s + axis[2] * d];
}

/** Element `i` of an array; throws instead of returning undefined (keeps numeric code strict). */
export function at<T>(arr: readonly T[], i: number): T {
  const v = arr[i];
  if (v === undefined) throw new RangeError(`index ${i} outside 0..${arr.length - 1}`);
  return v;
}

/** Smooth 0..1 ramp. */
export function smoothstep(e0: number, e1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - e0) / (e1 - e0)));
  return t * t * (3 - 2 * t);
}

export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

/** Closest point on segment ab to p. */
export function closestOnSegment(p: Vec3, a: Vec3, b: Vec3): Vec3 {
  const ab = sub(b, a);
  const l2 = dot(ab, ab);
  const t = l2 > 0 ? Math.min(1, Math.max(0, dot(sub(p, a), ab) / l2)) : 0;
  return add(a, scale(ab, t));
}

/**
 * Offset from the closest point of triangle abc to p (Ericson, Real-Time Collision Detection 5.1.5), on plain numbers
 * so hot loops over flat arrays (models/fit.ts) allocate nothing: `t` holds the triangle's nine coordinates from `o`,
 * the offset p - closest goes to `out` (returned).
 */
export function triangleOffset(
  px: number,
  py: number,
  pz: number,
  t: ArrayLike<number>,
  o: number,
  out: number[],
): number[] {
  const ax = t[o] as number;
  const ay = t[o + 1] as number;
  const az = t[o + 2] as number;
  const abx = (t[o + 3] as number) - ax;
  const aby = (t[o + 4] as number) - ay;
  const abz = (t[o + 5] as number) - az;
  const acx = (t[o + 6] as number) - ax;
  const acy = (t[o + 7] as number) - ay;
  const acz = (t[o + 8] as number) - az;
  const apx = px - ax;
  const apy = py - ay;
  const apz = pz - az;
  const set = (x: number, y: number, z: number): number[] => {
    out[0] = x;
    out[1] = y;
    out[2] = z;
    return out;
  };
  const d1 = abx * apx + aby * apy + abz * apz;
  const d2 = acx * apx + acy * apy + acz * apz;
  if (d1 <= 0 && d2 <= 0) return set(apx, apy, apz);
  const bpx = apx - abx;
  const bpy = apy - aby;
  const bpz = apz - abz;
  const d3 = abx * bpx + aby * bpy + abz * bpz;
  const d4 = acx * bpx + acy * bpy + acz * bpz;
  if (d3 >= 0 && d4 <= d3) return set(bpx, bpy, bpz);
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const v = d1 / (d1 - d3);
    return set(apx - abx * v, apy - aby * v, apz - abz * v);
  }
  const cpx = apx - acx;
  const cpy = apy - acy;
  const cpz = apz - acz;
  const d5 = abx * cpx + aby * cpy + abz * cpz;
  const d6 = acx * cpx + acy * cpy + acz * cpz;
  if (d6 >= 0 && d5 <= d6) return set(cpx, cpy, cpz);
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const w = d2 / (d2 - d6);
    return set(apx - acx * w, apy - acy * w, apz - acz * w);
  }
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
    return set(bpx - (acx - abx) * w, bpy - (acy - aby) * w, bpz - (acz - abz) * w);
  }
  const denom = 1 / (va + vb + vc);
  const v = vb * denom;
  const w = vc * denom;
  return set(apx - abx * v - acx * w, apy - aby * v - acy * w, apz - abz * v - acz * w);
}

const scratch = [0, 0, 0];

/** Closest point on triangle abc to p. */
export function closestOnTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): Vec3 {
  triangleOffset(p[0], p[1], p[2], [...a, ...b, ...c], 0, scratch);
  return [p[0] - (scratch[0] as number), p[1] - (scratch[1] as number), p[2] - (scratch[2] as number)];
}

/** Distance from p to triangle abc. */
export function pointTriangleDistance(p: Vec3, a: Vec3, b: Vec3, c: Vec3): number {
  triangleOffset(p[0], p[1], p[2], [...a, ...b, ...c], 0, scratch);
  return Math.hypot(scratch[0] as number, scratch[1] as number, scratch[2] as number);
}
