// Rigid transforms for the importer: 3x3 rotation matrices (row-major arrays) and translations. Vector helpers come
// from models/vec.ts (one copy for the importer and the generator).
import type { Vec3 } from "../../models/types.ts";
import { add, dot, normalize, scale, sub } from "../../models/vec.ts";

export type V3 = Vec3;
/** Row-major 3x3 matrix. */
export type M3 = [number, number, number, number, number, number, number, number, number];

export interface Xform {
  R: M3;
  p: V3;
}

export const I3: M3 = [1, 0, 0, 0, 1, 0, 0, 0, 1];
export const IDENTITY: Xform = { R: I3, p: [0, 0, 0] };

export function mulM(a: M3, b: M3): M3 {
  const r = new Array(9).fill(0) as M3;
  for (let i = 0; i < 3; i++)
    for (let j = 0; j < 3; j++)
      r[i * 3 + j] =
        (a[i * 3] as number) * (b[j] as number) +
        (a[i * 3 + 1] as number) * (b[3 + j] as number) +
        (a[i * 3 + 2] as number) * (b[6 + j] as number);
  return r;
}

export function mulV(a: M3, v: V3): V3 {
  return [
    a[0] * v[0] + a[1] * v[1] + a[2] * v[2],
    a[3] * v[0] + a[4] * v[1] + a[5] * v[2],
    a[6] * v[0] + a[7] * v[1] + a[8] * v[2],
  ];
}

export function transpose(a: M3): M3 {
  return [a[0], a[3], a[6], a[1], a[4], a[7], a[2], a[5], a[8]];
}

/** Rotation by `angle` (radians) about unit `axis` (Rodrigues). */
export function axisAngle(axis: V3, angle: number): M3 {
  const [x, y, z] = normalize(axis);
  const c = Math.cos(angle);
  const s = Math.sin(angle);
  const t = 1 - c;
  return [
    t * x * x + c,
    t * x * y - s * z,
    t * x * z + s * y,
    t * x * y + s * z,
    t * y * y + c,
    t * y * z - s * x,
    t * x * z - s * y,
    t * y * z + s * x,
    t * z * z + c,
  ];
}

/** OpenSim body-fixed X-Y-Z Euler angles (PhysicalOffsetFrame orientation, wrap object xyz_body_rotation). */
export function eulerXYZ(a: V3): M3 {
  return mulM(mulM(axisAngle([1, 0, 0], a[0]), axisAngle([0, 1, 0], a[1])), axisAngle([0, 0, 1], a[2]));
}

export function compose(a: Xform, b: Xform): Xform {
  return { R: mulM(a.R, b.R), p: add(a.p, mulV(a.R, b.p)) };
}

export function invert(a: Xform): Xform {
  const Rt = transpose(a.R);
  return { R: Rt, p: scale(mulV(Rt, a.p), -1) };
}

export function apply(a: Xform, v: V3): V3 {
  return add(a.p, mulV(a.R, v));
}

/** OpenSim (+X anterior, +Y up, +Z right) to glTF (+Z anterior, +Y up, -X right): gltf = (-z, y, x). */
export const OSIM_TO_GLTF: M3 = [0, 0, -1, 0, 1, 0, 1, 0, 0];

export function toGltfV(v: V3): V3 {
  return mulV(OSIM_TO_GLTF, v);
}

/** A transform whose local and world coordinates are both re-expressed in the glTF convention. */
export function toGltfX(x: Xform): Xform {
  return { R: mulM(mulM(OSIM_TO_GLTF, x.R), transpose(OSIM_TO_GLTF)), p: toGltfV(x.p) };
}

/** Rounds to `digits` decimals (stable JSON). */
export function round(v: number, digits = 5): number {
  const f = 10 ** digits;
  const r = Math.round(v * f) / f;
  return Object.is(r, -0) ? 0 : r;
}

export function roundV(v: V3, digits = 5): V3 {
  return [round(v[0], digits), round(v[1], digits), round(v[2], digits)];
}

/** Eigen-decomposition of a symmetric 4x4 matrix (Jacobi); returns the eigenvector of the largest eigenvalue. */
function largestEigenvector4(m: number[][]): number[] {
  const a = m.map((r) => [...r]);
  const v = [0, 1, 2, 3].map((i) => [0, 1, 2, 3].map((j) => (i === j ? 1 : 0)));
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    for (let p = 0; p < 4; p++) for (let q = p + 1; q < 4; q++) off += (a[p]?.[q] ?? 0) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < 4; p++) {
      for (let q = p + 1; q < 4; q++) {
        const apq = a[p]?.[q] ?? 0;
        if (Math.abs(apq) < 1e-30) continue;
        const app = a[p]?.[p] ?? 0;
        const aqq = a[q]?.[q] ?? 0;
        const theta = (aqq - app) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < 4; k++) {
          const akp = a[k]?.[p] ?? 0;
          const akq = a[k]?.[q] ?? 0;
          (a[k] as number[])[p] = c * akp - s * akq;
          (a[k] as number[])[q] = s * akp + c * akq;
        }
        for (let k = 0; k < 4; k++) {
          const apk = a[p]?.[k] ?? 0;
          const aqk = a[q]?.[k] ?? 0;
          (a[p] as number[])[k] = c * apk - s * aqk;
          (a[q] as number[])[k] = s * apk + c * aqk;
        }
        for (let k = 0; k < 4; k++) {
          const vkp = v[k]?.[p] ?? 0;
          const vkq = v[k]?.[q] ?? 0;
          (v[k] as number[])[p] = c * vkp - s * vkq;
          (v[k] as number[])[q] = s * vkp + c * vkq;
        }
      }
    }
  }
  let best = 0;
  for (let i = 1; i < 4; i++) if ((a[i]?.[i] ?? 0) > (a[best]?.[best] ?? 0)) best = i;
  return [0, 1, 2, 3].map((k) => v[k]?.[best] ?? 0);
}

/**
 * Least-squares rigid (optionally similarity) transform mapping `from` points onto `to` points (Horn 1987).
 * Returns the transform and the scale (1 unless `withScale`).
 */
export function fitTransform(from: V3[], to: V3[], withScale = false): { x: Xform; scale: number; rms: number } {
  const n = from.length;
  const cf = scale(
    from.reduce((a, b) => add(a, b), [0, 0, 0] as V3),
    1 / n,
  );
  const ct = scale(
    to.reduce((a, b) => add(a, b), [0, 0, 0] as V3),
    1 / n,
  );
  const S = [0, 1, 2].map(() => [0, 0, 0]);
  let sf = 0;
  let st = 0;
  for (let i = 0; i < n; i++) {
    const a = sub(from[i] as V3, cf);
    const b = sub(to[i] as V3, ct);
    sf += dot(a, a);
    st += dot(b, b);
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) (S[r] as number[])[c] = (S[r]?.[c] ?? 0) + (a[r] as number) * (b[c] as number);
  }
  const s = (r: number, c: number) => S[r]?.[c] ?? 0;
  const N = [
    [s(0, 0) + s(1, 1) + s(2, 2), s(1, 2) - s(2, 1), s(2, 0) - s(0, 2), s(0, 1) - s(1, 0)],
    [s(1, 2) - s(2, 1), s(0, 0) - s(1, 1) - s(2, 2), s(0, 1) + s(1, 0), s(2, 0) + s(0, 2)],
    [s(2, 0) - s(0, 2), s(0, 1) + s(1, 0), -s(0, 0) + s(1, 1) - s(2, 2), s(1, 2) + s(2, 1)],
    [s(0, 1) - s(1, 0), s(2, 0) + s(0, 2), s(1, 2) + s(2, 1), -s(0, 0) - s(1, 1) + s(2, 2)],
  ];
  const [w = 1, x = 0, y = 0, z = 0] = largestEigenvector4(N);
  const R: M3 = [
    w * w + x * x - y * y - z * z,
    2 * (x * y - w * z),
    2 * (x * z + w * y),
    2 * (x * y + w * z),
    w * w - x * x + y * y - z * z,
    2 * (y * z - w * x),
    2 * (x * z - w * y),
    2 * (y * z + w * x),
    w * w - x * x - y * y + z * z,
  ];
  const k = withScale && sf > 0 ? Math.sqrt(st / sf) : 1;
  const p = sub(ct, scale(mulV(R, cf), k));
  let err = 0;
  for (let i = 0; i < n; i++) {
    const q = add(scale(mulV(R, from[i] as V3), k), p);
    err += dot(sub(q, to[i] as V3), sub(q, to[i] as V3));
  }
  return { x: { R, p }, scale: k, rms: Math.sqrt(err / n) };
}
