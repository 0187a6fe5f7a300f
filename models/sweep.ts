// Swept tubes with elliptical sections along smooth curves (ribs, costal cartilages): built directly as meshes
// (rings of vertices with analytic normals and rounded end caps) rather than through a distance field.

import type { MeshData, Vec3 } from "./types.ts";
import {
  add as vadd,
  cross as vcross,
  dot as vdot,
  len as vlen,
  normalize as vnorm,
  scale as vscale,
  sub as vsub,
} from "./vec.ts";

/** Centripetal-ish Catmull-Rom resampling of a polyline into `n` points with interpolated scalars. */
export function smoothCurve(points: Vec3[], values: number[][], n: number): { p: Vec3[]; v: number[][] } {
  const seg = points.length - 1;
  const p: Vec3[] = [];
  const v: number[][] = [];
  for (let s = 0; s < n; s++) {
    const u = (s / (n - 1)) * seg;
    const i = Math.min(Math.floor(u), seg - 1);
    const t = u - i;
    const p0 = points[Math.max(i - 1, 0)] as Vec3;
    const p1 = points[i] as Vec3;
    const p2 = points[i + 1] as Vec3;
    const p3 = points[Math.min(i + 2, seg)] as Vec3;
    const t2 = t * t;
    const t3 = t2 * t;
    const q: Vec3 = [0, 0, 0];
    for (let k = 0; k < 3; k++) {
      q[k] =
        0.5 *
        (2 * (p1[k] as number) +
          (-(p0[k] as number) + (p2[k] as number)) * t +
          (2 * (p0[k] as number) - 5 * (p1[k] as number) + 4 * (p2[k] as number) - (p3[k] as number)) * t2 +
          (-(p0[k] as number) + 3 * (p1[k] as number) - 3 * (p2[k] as number) + (p3[k] as number)) * t3);
    }
    p.push(q);
    v.push(values.map((vals) => (vals[i] as number) + ((vals[i + 1] as number) - (vals[i] as number)) * t));
  }
  return { p, v };
}

/**
 * Sweeps an ellipse (half-width `w` along the side direction, half-thickness `t` along the other) along the
 * curve. `side(i)` gives the direction of the width at point i (projected to be perpendicular to the curve).
 * Ends are closed with elliptical caps.
 */
export function sweepEllipse(
  points: Vec3[],
  w: number[],
  t: number[],
  side: (i: number) => Vec3,
  around = 12,
): MeshData {
  const n = points.length;
  const pos: number[] = [];
  const nor: number[] = [];
  const idx: number[] = [];
  const tangents = points.map((_, i) =>
    vnorm(vsub(points[Math.min(i + 1, n - 1)] as Vec3, points[Math.max(i - 1, 0)] as Vec3)),
  );
  const frames = points.map((_, i) => {
    const tg = tangents[i] as Vec3;
    let s = side(i);
    s = vsub(s, vscale(tg, vdot(s, tg)));
    if (vlen(s) < 1e-9) s = Math.abs(tg[1]) < 0.9 ? vcross(tg, [0, 1, 0]) : vcross(tg, [1, 0, 0]);
    s = vnorm(s);
    const b = vcross(tg, s);
    return { s, b };
  });
  const ring = (i: number, scale: number, shift: number) => {
    const c = vadd(points[i] as Vec3, vscale(tangents[i] as Vec3, shift));
    const { s, b } = frames[i] as { s: Vec3; b: Vec3 };
    const wi = (w[i] as number) * scale;
    const ti = (t[i] as number) * scale;
    for (let k = 0; k < around; k++) {
      const a = (k / around) * Math.PI * 2;
      const ca = Math.cos(a);
      const sa = Math.sin(a);
      const p = vadd(c, vadd(vscale(s, wi * ca), vscale(b, ti * sa)));
      // Ellipse normal: gradient of (x/w)^2 + (y/t)^2, blended toward the tangent on the caps.
      let nrm = vnorm(vadd(vscale(s, ca / Math.max(wi, 1e-6)), vscale(b, sa / Math.max(ti, 1e-6))));
      if (scale < 1)
        nrm = vnorm(
          vadd(vscale(nrm, scale), vscale(tangents[i] as Vec3, Math.sign(shift) * Math.sqrt(1 - scale * scale))),
        );
      pos.push(...p);
      nor.push(...nrm);
    }
  };
  const capRings = [0.92, 0.7, 0.38];
  // Start cap (outermost first so rings run from the tip toward the body).
  const startTip = pos.length / 3;
  const tip0 = vadd(points[0] as Vec3, vscale(tangents[0] as Vec3, -(t[0] as number)));
  pos.push(...tip0);
  nor.push(...vscale(tangents[0] as Vec3, -1));
  for (const sc of [...capRings].reverse()) ring(0, sc, -(t[0] as number) * Math.sqrt(1 - sc * sc));
  for (let i = 0; i < n; i++) ring(i, 1, 0);
  for (const sc of capRings) ring(n - 1, sc, (t[n - 1] as number) * Math.sqrt(1 - sc * sc));
  const tip1 = vadd(points[n - 1] as Vec3, vscale(tangents[n - 1] as Vec3, t[n - 1] as number));
  const endTip = pos.length / 3;
  pos.push(...tip1);
  nor.push(...(tangents[n - 1] as Vec3));
  const rings = capRings.length * 2 + n;
  const ringStart = (r: number) => startTip + 1 + r * around;
  for (let k = 0; k < around; k++) idx.push(startTip, ringStart(0) + ((k + 1) % around), ringStart(0) + k);
  for (let r = 0; r + 1 < rings; r++) {
    for (let k = 0; k < around; k++) {
      const a = ringStart(r) + k;
      const b = ringStart(r) + ((k + 1) % around);
      const c = ringStart(r + 1) + k;
      const d = ringStart(r + 1) + ((k + 1) % around);
      idx.push(a, b, d, a, d, c);
    }
  }
  for (let k = 0; k < around; k++)
    idx.push(endTip, ringStart(rings - 1) + k, ringStart(rings - 1) + ((k + 1) % around));
  // Orientation: make faces point along the normals (flip if the frame is left-handed).
  const test = (idx[3] as number) * 3;
  void test;
  const mesh: MeshData = {
    positions: new Float32Array(pos),
    normals: new Float32Array(nor),
    indices: new Uint32Array(idx),
  };
  return orientOutward(mesh);
}

/** Flips the winding when most faces point against their vertex normals. */
export function orientOutward(m: MeshData): MeshData {
  let agree = 0;
  const P = m.positions;
  const N = m.normals;
  for (let i = 0; i < m.indices.length; i += 3) {
    const a = (m.indices[i] as number) * 3;
    const b = (m.indices[i + 1] as number) * 3;
    const c = (m.indices[i + 2] as number) * 3;
    const e1: Vec3 = [
      (P[b] as number) - (P[a] as number),
      (P[b + 1] as number) - (P[a + 1] as number),
      (P[b + 2] as number) - (P[a + 2] as number),
    ];
    const e2: Vec3 = [
      (P[c] as number) - (P[a] as number),
      (P[c + 1] as number) - (P[a + 1] as number),
      (P[c + 2] as number) - (P[a + 2] as number),
    ];
    const fn = vcross(e1, e2);
    const vn: Vec3 = [
      (N[a] as number) + (N[b] as number) + (N[c] as number),
      (N[a + 1] as number) + (N[b + 1] as number) + (N[c + 1] as number),
      (N[a + 2] as number) + (N[b + 2] as number) + (N[c + 2] as number),
    ];
    agree += vdot(fn, vn) >= 0 ? 1 : -1;
  }
  if (agree >= 0) return m;
  const indices = new Uint32Array(m.indices.length);
  for (let i = 0; i < indices.length; i += 3) {
    indices[i] = m.indices[i] as number;
    indices[i + 1] = m.indices[i + 2] as number;
    indices[i + 2] = m.indices[i + 1] as number;
  }
  return { ...m, indices };
}
