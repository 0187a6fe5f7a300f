// Signed distance functions for bone shapes (negative inside, metres) and their meshing with surface nets
// (meshSdf below), meshoptimizer simplification and gradient normals. Shapes are unions of a few primitives blended
// smoothly, so bones read as one piece of bone rather than a pile of parts.
import { MeshoptSimplifier } from "meshoptimizer";
import type { MeshData, Vec3 } from "./types.ts";
import {
  cross as vcross,
  dist as vdist,
  dot as vdot,
  len as vlen,
  lerp as vlerp,
  normalize as vnorm,
  scale as vscale,
  sub as vsub,
} from "./vec.ts";

/** A signed distance function; `bound` (a sphere containing the shape) lets unions skip far parts. */
export type Sdf = ((x: number, y: number, z: number) => number) & { bound?: { c: Vec3; r: number } };

/** Attaches a bounding sphere to an SDF. */
export function withBound(f: (x: number, y: number, z: number) => number, c: Vec3, r: number): Sdf {
  const g = f as Sdf;
  g.bound = { c, r };
  return g;
}

/** Smallest simple sphere around a set of spheres (undefined if any is unbounded). */
function boundAll(parts: Sdf[]): { c: Vec3; r: number } | undefined {
  if (parts.length === 0 || parts.some((p) => !p.bound)) return undefined;
  const bs = parts.map((p) => p.bound as { c: Vec3; r: number });
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const b of bs) {
    for (let k = 0; k < 3; k++) {
      min[k] = Math.min(min[k] as number, (b.c[k] as number) - b.r);
      max[k] = Math.max(max[k] as number, (b.c[k] as number) + b.r);
    }
  }
  const c: Vec3 = [(min[0] + max[0]) / 2, (min[1] + max[1]) / 2, (min[2] + max[2]) / 2];
  let r = 0;
  for (const b of bs) r = Math.max(r, Math.hypot(b.c[0] - c[0], b.c[1] - c[1], b.c[2] - c[2]) + b.r);
  return { c, r };
}

/** Orthonormal frame whose y axis is `up` (unit) and whose z axis leans toward `front`. Columns x, y, z. */
export function frameFromY(up: Vec3, front: Vec3): [Vec3, Vec3, Vec3] {
  const y = vnorm(up);
  let z = vsub(front, vscale(y, vdot(front, y)));
  if (vlen(z) < 1e-9) z = Math.abs(y[0]) < 0.9 ? vcross([1, 0, 0], y) : vcross([0, 0, 1], y);
  z = vnorm(z);
  const x = vcross(y, z);
  return [x, y, z];
}

// ---------- primitives (negative inside) ----------
export function sphere(c: Vec3, r: number): Sdf {
  return withBound((x, y, z) => Math.hypot(x - c[0], y - c[1], z - c[2]) - r, c, r);
}

/** Capsule with different end radii (iq's round cone), from a (radius ra) to b (radius rb). */
export function roundCone(a: Vec3, b: Vec3, ra: number, rb: number): Sdf {
  const ba = vsub(b, a);
  const l2 = vdot(ba, ba);
  const rr = ra - rb;
  const a2 = l2 - rr * rr;
  const il2 = 1 / l2;
  const rc = vlerp(a, b, 0.5);
  return withBound(
    (x, y, z) => {
      const pa0 = x - a[0];
      const pa1 = y - a[1];
      const pa2 = z - a[2];
      const yv = pa0 * ba[0] + pa1 * ba[1] + pa2 * ba[2];
      const zv = yv - l2;
      const xx0 = pa0 * l2 - ba[0] * yv;
      const xx1 = pa1 * l2 - ba[1] * yv;
      const xx2 = pa2 * l2 - ba[2] * yv;
      const x2 = xx0 * xx0 + xx1 * xx1 + xx2 * xx2;
      const y2 = yv * yv * l2;
      const z2 = zv * zv * l2;
      const k = Math.sign(rr) * rr * rr * x2;
      if (Math.sign(zv) * a2 * z2 > k) return Math.sqrt(x2 + z2) * il2 - rb;
      if (Math.sign(yv) * a2 * y2 < k) return Math.sqrt(x2 + y2) * il2 - ra;
      return (Math.sqrt(x2 * a2 * il2) + yv * rr) * il2 - ra;
    },
    rc,
    Math.sqrt(l2) / 2 + Math.max(ra, rb),
  );
}

/** Ellipsoid with semi-axes r along the given unit axes (columns); approximate distance (iq). */
export function ellipsoid(
  c: Vec3,
  r: Vec3,
  axes: [Vec3, Vec3, Vec3] = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
): Sdf {
  const [ax, ay, az] = axes;
  const f = (x: number, y: number, z: number) => {
    const d0 = x - c[0];
    const d1 = y - c[1];
    const d2 = z - c[2];
    const px = (d0 * ax[0] + d1 * ax[1] + d2 * ax[2]) / r[0];
    const py = (d0 * ay[0] + d1 * ay[1] + d2 * ay[2]) / r[1];
    const pz = (d0 * az[0] + d1 * az[1] + d2 * az[2]) / r[2];
    const k0 = Math.hypot(px, py, pz);
    const k1 = Math.hypot(px / r[0], py / r[1], pz / r[2]);
    return k1 > 0 ? (k0 * (k0 - 1)) / k1 : -Math.min(r[0], r[1], r[2]);
  };
  return withBound(f, c, Math.max(r[0], r[1], r[2]));
}

/** Rounded box with half-sizes h along the given axes. */
export function box(
  c: Vec3,
  h: Vec3,
  axes: [Vec3, Vec3, Vec3] = [
    [1, 0, 0],
    [0, 1, 0],
    [0, 0, 1],
  ],
  round = 0,
): Sdf {
  const [ax, ay, az] = axes;
  const f = (x: number, y: number, z: number) => {
    const d0 = x - c[0];
    const d1 = y - c[1];
    const d2 = z - c[2];
    const qx = Math.abs(d0 * ax[0] + d1 * ax[1] + d2 * ax[2]) - h[0] + round;
    const qy = Math.abs(d0 * ay[0] + d1 * ay[1] + d2 * ay[2]) - h[1] + round;
    const qz = Math.abs(d0 * az[0] + d1 * az[1] + d2 * az[2]) - h[2] + round;
    const out = Math.hypot(Math.max(qx, 0), Math.max(qy, 0), Math.max(qz, 0));
    return out + Math.min(Math.max(qx, qy, qz), 0) - round;
  };
  return withBound(f, c, Math.hypot(h[0], h[1], h[2]));
}

/** Torus around `axis` through c: ring radius R, tube radius r. */
export function torus(c: Vec3, axis: Vec3, R: number, r: number): Sdf {
  const n = vnorm(axis);
  return withBound(
    (x, y, z) => {
      const dx = x - c[0];
      const dy = y - c[1];
      const dz = z - c[2];
      const h = dx * n[0] + dy * n[1] + dz * n[2];
      const radial = Math.hypot(dx - n[0] * h, dy - n[1] * h, dz - n[2] * h);
      return Math.hypot(radial - R, h) - r;
    },
    c,
    R + r,
  );
}

/** A thick triangle (plate) through three points, half-thickness t (rounded edges). */
export function triangle(a: Vec3, b: Vec3, c: Vec3, t: number): Sdf {
  const ba = vsub(b, a);
  const cb = vsub(c, b);
  const ac = vsub(a, c);
  const nor = vcross(ba, ac);
  const nn = vdot(nor, nor);
  const e0 = vcross(ba, nor);
  const e1 = vcross(cb, nor);
  const e2 = vcross(ac, nor);
  const ba2 = vdot(ba, ba);
  const cb2 = vdot(cb, cb);
  const ac2 = vdot(ac, ac);
  const [ax, ay, az] = a;
  const [bx, by, bz] = b;
  const [cx, cy, cz] = c;
  const seg = (px: number, py: number, pz: number, ex: number, ey: number, ez: number, e2v: number): number => {
    const k = Math.min(1, Math.max(0, (ex * px + ey * py + ez * pz) / e2v));
    const dx = ex * k - px;
    const dy = ey * k - py;
    const dz = ez * k - pz;
    return dx * dx + dy * dy + dz * dz;
  };
  const tc: Vec3 = [(ax + bx + cx) / 3, (ay + by + cy) / 3, (az + bz + cz) / 3];
  const tr = Math.max(vdist(tc, a), vdist(tc, b), vdist(tc, c)) + t;
  return withBound(
    (x, y, z) => {
      const pax = x - ax;
      const pay = y - ay;
      const paz = z - az;
      const pbx = x - bx;
      const pby = y - by;
      const pbz = z - bz;
      const pcx = x - cx;
      const pcy = y - cy;
      const pcz = z - cz;
      const s =
        Math.sign(e0[0] * pax + e0[1] * pay + e0[2] * paz) +
        Math.sign(e1[0] * pbx + e1[1] * pby + e1[2] * pbz) +
        Math.sign(e2[0] * pcx + e2[1] * pcy + e2[2] * pcz);
      let d2: number;
      if (s < 2) {
        d2 = Math.min(
          seg(pax, pay, paz, ba[0], ba[1], ba[2], ba2),
          seg(pbx, pby, pbz, cb[0], cb[1], cb[2], cb2),
          seg(pcx, pcy, pcz, ac[0], ac[1], ac[2], ac2),
        );
      } else {
        const q = nor[0] * pax + nor[1] * pay + nor[2] * paz;
        d2 = (q * q) / nn;
      }
      return Math.sqrt(d2) - t;
    },
    tc,
    tr,
  );
}

/** A tube along a polyline with radius per point (chain of round cones). */
export function tube(points: Vec3[], radii: number[]): Sdf {
  const parts: Sdf[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    parts.push(roundCone(points[i] as Vec3, points[i + 1] as Vec3, radii[i] as number, radii[i + 1] as number));
  }
  return union(...parts);
}

/** Flattens an SDF's space: scales the distance field along a unit axis about a centre (squash < 1). */
export function squash(sdf: Sdf, c: Vec3, axis: Vec3, factor: number): Sdf {
  const n = vnorm(axis);
  const k = 1 / factor;
  return (x, y, z) => {
    const d0 = x - c[0];
    const d1 = y - c[1];
    const d2 = z - c[2];
    const h = d0 * n[0] + d1 * n[1] + d2 * n[2];
    const e = h * (k - 1);
    return sdf(x + n[0] * e, y + n[1] * e, z + n[2] * e) * Math.min(1, factor);
  };
}

// ---------- combinators ----------
export function union(...s: Sdf[]): Sdf {
  return smoothUnion(0, ...s);
}

/** Polynomial smooth minimum of two distances, blend radius k (metres). */
export function smin(a: number, b: number, k: number): number {
  if (k <= 0) return Math.min(a, b);
  const h = Math.max(k - Math.abs(a - b), 0) / k;
  return Math.min(a, b) - h * h * k * 0.25;
}

export function smoothUnion(k: number, ...s: Sdf[]): Sdf {
  const n = s.length;
  const cx = new Float64Array(n);
  const cy = new Float64Array(n);
  const cz = new Float64Array(n);
  const cr = new Float64Array(n);
  s.forEach((f, i) => {
    const b = f.bound;
    cx[i] = b ? b.c[0] : 0;
    cy[i] = b ? b.c[1] : 0;
    cz[i] = b ? b.c[2] : 0;
    cr[i] = b ? b.r : -Infinity;
  });
  const g = (x: number, y: number, z: number) => {
    let d = Infinity;
    for (let i = 0; i < n; i++) {
      // A part whose bounding sphere is further than d + k cannot change the blend: skip it.
      if (cr[i] !== -Infinity && d !== Infinity) {
        const lb = Math.hypot(x - (cx[i] as number), y - (cy[i] as number), z - (cz[i] as number)) - (cr[i] as number);
        if (lb > d + k) continue;
      }
      const v = (s[i] as Sdf)(x, y, z);
      d = d === Infinity ? v : smin(d, v, k);
    }
    return d;
  };
  const b = boundAll(s);
  return b ? withBound(g, b.c, b.r + k) : g;
}

/** Removes `b` from `a` with a blend of k. */
export function smoothSubtract(a: Sdf, b: Sdf, k: number): Sdf {
  const bb = b.bound;
  const g = (x: number, y: number, z: number) => {
    const da = a(x, y, z);
    // Far from the carved part, the shape is unchanged.
    if (bb && Math.hypot(x - bb.c[0], y - bb.c[1], z - bb.c[2]) - bb.r > k - da) return da;
    return -smin(-da, b(x, y, z), k);
  };
  return a.bound ? withBound(g, a.bound.c, a.bound.r) : g;
}

export function intersect(a: Sdf, b: Sdf): Sdf {
  const g = (x: number, y: number, z: number) => Math.max(a(x, y, z), b(x, y, z));
  return a.bound ? withBound(g, a.bound.c, a.bound.r) : g;
}

/** Half-space: inside where (p - c).n < 0. */
export function halfSpace(c: Vec3, n: Vec3): Sdf {
  const u = vnorm(n);
  return (x, y, z) => (x - c[0]) * u[0] + (y - c[1]) * u[1] + (z - c[2]) * u[2];
}

/** Only evaluates `sdf` near its bounding box (cheap far away). */
export function bounded(sdf: Sdf, min: Vec3, max: Vec3): Sdf {
  return (x, y, z) => {
    const dx = Math.max(min[0] - x, 0, x - max[0]);
    const dy = Math.max(min[1] - y, 0, y - max[1]);
    const dz = Math.max(min[2] - z, 0, z - max[2]);
    const out = Math.hypot(dx, dy, dz);
    return out > 0.004 ? out : sdf(x, y, z);
  };
}

// ---------- meshing ----------
export async function initMeshing(): Promise<void> {
  await MeshoptSimplifier.ready;
}

export interface MeshOptions {
  /** Bounding box to mesh within (world, metres). */
  min: Vec3;
  max: Vec3;
  /** Grid edge length, metres. */
  cell: number;
  /** Triangle budget after simplification. */
  triangles: number;
}

const BLOCK = 4;

/**
 * Meshes an SDF with surface nets on a grid of `cell`, evaluating the field only in blocks near the surface
 * (distance culling), then projects vertices onto the surface, simplifies to the triangle budget
 * (meshoptimizer) and takes normals from the field's gradient (smooth shading without faceting).
 */
export function meshSdf(sdf: Sdf, o: MeshOptions): MeshData {
  const h = o.cell;
  const pad = h * 2;
  const min: Vec3 = [o.min[0] - pad, o.min[1] - pad, o.min[2] - pad];
  const n = [0, 1, 2].map(
    (k) => Math.ceil(((o.max[k] as number) + pad - (min[k] as number)) / h / BLOCK) * BLOCK,
  ) as Vec3;
  const [nx, ny, nz] = n;
  const sx = nx + 1;
  const sy = ny + 1;
  const values = new Float32Array(sx * sy * (nz + 1)).fill(Number.NaN);
  const idx = (i: number, j: number, k: number) => i + sx * (j + sy * k);
  const val = (i: number, j: number, k: number): number => {
    const id = idx(i, j, k);
    let v = values[id] as number;
    if (Number.isNaN(v)) {
      v = sdf(min[0] + i * h, min[1] + j * h, min[2] + k * h);
      values[id] = v;
    }
    return v;
  };
  // Active blocks: the surface may pass through them.
  const bx = nx / BLOCK;
  const by = ny / BLOCK;
  const bz = nz / BLOCK;
  const reach = Math.sqrt(3) * (BLOCK / 2) * h * 1.6 + h;
  const active: number[] = [];
  for (let k = 0; k < bz; k++) {
    for (let j = 0; j < by; j++) {
      for (let i = 0; i < bx; i++) {
        const c = sdf(min[0] + (i + 0.5) * BLOCK * h, min[1] + (j + 0.5) * BLOCK * h, min[2] + (k + 0.5) * BLOCK * h);
        if (Math.abs(c) <= reach) active.push(i, j, k);
      }
    }
  }
  // Surface nets: one vertex per cell with a sign change.
  const cellVertex = new Map<number, number>();
  const verts: number[] = [];
  const cellId = (i: number, j: number, k: number) => i + nx * (j + ny * k);
  const EDGES = [
    [0, 1],
    [2, 3],
    [4, 5],
    [6, 7],
    [0, 2],
    [1, 3],
    [4, 6],
    [5, 7],
    [0, 4],
    [1, 5],
    [2, 6],
    [3, 7],
  ] as const;
  const corner = new Float64Array(8);
  for (let a = 0; a < active.length; a += 3) {
    const i0 = (active[a] as number) * BLOCK;
    const j0 = (active[a + 1] as number) * BLOCK;
    const k0 = (active[a + 2] as number) * BLOCK;
    for (let k = k0; k < k0 + BLOCK; k++) {
      for (let j = j0; j < j0 + BLOCK; j++) {
        for (let i = i0; i < i0 + BLOCK; i++) {
          let inside = 0;
          for (let c = 0; c < 8; c++) {
            const v = val(i + (c & 1), j + ((c >> 1) & 1), k + ((c >> 2) & 1));
            corner[c] = v;
            if (v < 0) inside++;
          }
          if (inside === 0 || inside === 8) continue;
          let px = 0;
          let py = 0;
          let pz = 0;
          let count = 0;
          for (const [e0, e1] of EDGES) {
            const v0 = corner[e0] as number;
            const v1 = corner[e1] as number;
            if (v0 < 0 === v1 < 0) continue;
            const t = v0 / (v0 - v1);
            px += (e0 & 1) + ((e1 & 1) - (e0 & 1)) * t;
            py += ((e0 >> 1) & 1) + (((e1 >> 1) & 1) - ((e0 >> 1) & 1)) * t;
            pz += ((e0 >> 2) & 1) + (((e1 >> 2) & 1) - ((e0 >> 2) & 1)) * t;
            count++;
          }
          cellVertex.set(cellId(i, j, k), verts.length / 3);
          verts.push(min[0] + (i + px / count) * h, min[1] + (j + py / count) * h, min[2] + (k + pz / count) * h);
        }
      }
    }
  }
  // Quads around every grid edge with a sign change (cells on the positive side of the edge's neighbours).
  const tris: number[] = [];
  const ijk = [0, 0, 0];
  const emit = (q0: number, q1: number, q2: number, q3: number) => {
    // Split along the shorter diagonal.
    const d02 = vdistIdx(verts, q0, q2);
    const d13 = vdistIdx(verts, q1, q3);
    if (d02 <= d13) tris.push(q0, q1, q2, q0, q2, q3);
    else tris.push(q0, q1, q3, q1, q2, q3);
  };
  for (const [cid, vid] of cellVertex) {
    void vid;
    const i = cid % nx;
    const j = Math.floor(cid / nx) % ny;
    const k = Math.floor(cid / (nx * ny));
    // Each cell owns the three edges at its min corner's +x, +y, +z... use the edges leaving corner (i+1,j+1,k+1)
    // backwards so every edge is visited once: edge from grid point g=(i,j,k) along axis a.
    for (let axis = 0; axis < 3; axis++) {
      ijk[0] = i;
      ijk[1] = j;
      ijk[2] = k;
      const b = (axis + 1) % 3;
      const c = (axis + 2) % 3;
      // Edge starts at grid point (i,j,k) shifted +1 along b and c (the cell's far corner in b and c).
      const g = [i, j, k];
      g[b] = (g[b] as number) + 1;
      g[c] = (g[c] as number) + 1;
      const g1 = [...g];
      g1[axis] = (g1[axis] as number) + 1;
      const v0 = values[idx(g[0] as number, g[1] as number, g[2] as number)] as number;
      const v1 = values[idx(g1[0] as number, g1[1] as number, g1[2] as number)] as number;
      if (Number.isNaN(v0) || Number.isNaN(v1) || v0 < 0 === v1 < 0) continue;
      // The four cells around this edge: offsets (0|1) in b and c from (i,j,k).
      const cellAt = (db: number, dc: number): number | undefined => {
        const q = [i, j, k];
        q[b] = (q[b] as number) + db;
        q[c] = (q[c] as number) + dc;
        if ((q[b] as number) >= (n[b] as number) || (q[c] as number) >= (n[c] as number)) return undefined;
        return cellVertex.get(cellId(q[0] as number, q[1] as number, q[2] as number));
      };
      const c0 = cellAt(0, 0);
      const c1 = cellAt(1, 0);
      const c2 = cellAt(1, 1);
      const c3 = cellAt(0, 1);
      if (c0 === undefined || c1 === undefined || c2 === undefined || c3 === undefined) continue;
      // e_b x e_c = e_axis: counter-clockwise seen from +axis; outward is toward the positive (outside) value.
      if (v0 < 0) emit(c0, c1, c2, c3);
      else emit(c0, c3, c2, c1);
    }
  }
  let positions = new Float32Array(verts);
  // Project onto the surface: one damped Newton step along the gradient (tetrahedral differences, 4 calls).
  const e = Math.max(h * 0.25, 0.0002);
  const grad = (x: number, y: number, z: number, out: number[]) => {
    const a = sdf(x + e, y - e, z - e);
    const b = sdf(x - e, y - e, z + e);
    const c = sdf(x - e, y + e, z - e);
    const d = sdf(x + e, y + e, z + e);
    out[0] = (a - b - c + d) / (4 * e);
    out[1] = (-a - b + c + d) / (4 * e);
    out[2] = (-a + b - c + d) / (4 * e);
    out[3] = (a + b + c + d) / 4;
  };
  const gv = [0, 0, 0, 0];
  for (let p = 0; p < positions.length; p += 3) {
    const x = positions[p] as number;
    const y = positions[p + 1] as number;
    const z = positions[p + 2] as number;
    grad(x, y, z, gv);
    const [gx = 0, gy = 0, gz = 0, d = 0] = gv;
    const g2 = gx * gx + gy * gy + gz * gz;
    if (g2 < 1e-12) continue;
    let s = d / g2;
    const stepLen = Math.abs(s) * Math.sqrt(g2);
    if (stepLen > h * 0.6) s *= (h * 0.6) / stepLen;
    positions[p] = x - gx * s;
    positions[p + 1] = y - gy * s;
    positions[p + 2] = z - gz * s;
  }
  // Weld vertices the projection brought onto the same point (they would read as seams), drop degenerate faces.
  const weld = MeshoptSimplifier.generatePositionRemap(positions, 3);
  const welded: number[] = [];
  for (let i = 0; i < tris.length; i += 3) {
    const a = weld[tris[i] as number] as number;
    const b = weld[tris[i + 1] as number] as number;
    const c = weld[tris[i + 2] as number] as number;
    if (a !== b && b !== c && a !== c) welded.push(a, b, c);
  }
  let indices = new Uint32Array(welded);
  {
    const [remap, unique] = MeshoptSimplifier.compactMesh(indices);
    const compact = new Float32Array(unique * 3);
    for (let i = 0; i < remap.length; i++) {
      const j = remap[i] as number;
      if (j === 0xffffffff) continue;
      compact[j * 3] = positions[i * 3] as number;
      compact[j * 3 + 1] = positions[i * 3 + 1] as number;
      compact[j * 3 + 2] = positions[i * 3 + 2] as number;
    }
    positions = compact;
  }
  if (indices.length / 3 > o.triangles) {
    const [simplified] = MeshoptSimplifier.simplify(indices, positions, 3, o.triangles * 3, 0.05, ["Prune"]);
    const [remap, unique] = MeshoptSimplifier.compactMesh(simplified);
    const compact = new Float32Array(unique * 3);
    for (let i = 0; i < remap.length; i++) {
      const j = remap[i] as number;
      if (j === 0xffffffff) continue;
      compact[j * 3] = positions[i * 3] as number;
      compact[j * 3 + 1] = positions[i * 3 + 1] as number;
      compact[j * 3 + 2] = positions[i * 3 + 2] as number;
    }
    positions = compact;
    indices = new Uint32Array(simplified);
  }
  // Outward normals from the distance field's gradient.
  const normals = new Float32Array(positions.length);
  for (let i = 0; i < positions.length; i += 3) {
    grad(positions[i] as number, positions[i + 1] as number, positions[i + 2] as number, gv);
    const [gx = 0, gy = 0, gz = 1] = gv;
    const l = Math.hypot(gx, gy, gz) || 1;
    normals[i] = gx / l;
    normals[i + 1] = gy / l;
    normals[i + 2] = gz / l;
  }
  return { positions, normals, indices };
}

function vdistIdx(v: number[], a: number, b: number): number {
  return Math.hypot(
    (v[a * 3] as number) - (v[b * 3] as number),
    (v[a * 3 + 1] as number) - (v[b * 3 + 1] as number),
    (v[a * 3 + 2] as number) - (v[b * 3 + 2] as number),
  );
}

/** Capped cylinder from a to b, radius r, edges rounded by `round`. */
export function cylinder(a: Vec3, b: Vec3, r: number, round = 0): Sdf {
  const ba = vsub(b, a);
  const baba = vdot(ba, ba);
  const len = Math.sqrt(baba);
  return withBound(
    (x, y, z) => {
      const px = x - a[0];
      const py = y - a[1];
      const pz = z - a[2];
      const t = (px * ba[0] + py * ba[1] + pz * ba[2]) / baba;
      const radial = Math.hypot(px - ba[0] * t, py - ba[1] * t, pz - ba[2] * t) - r + round;
      const axial = Math.abs((t - 0.5) * len) - len / 2 + round;
      const out = Math.hypot(Math.max(radial, 0), Math.max(axial, 0));
      return out + Math.min(Math.max(radial, axial), 0) - round;
    },
    vlerp(a, b, 0.5),
    Math.hypot(len / 2, r),
  );
}

/** Chain of ellipsoids along a polyline: flattened band of width `w` (along `side`) and thickness `t`. */
export function band(points: Vec3[], widths: number[], thick: number[], side: Vec3, k: number): Sdf {
  const parts: Sdf[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i] as Vec3;
    const b = points[i + 1] as Vec3;
    const n = 3;
    for (let j = 0; j < n; j++) {
      const t = (j + 0.5) / n;
      const c = vlerp(a, b, t);
      const ax = vnorm(vsub(b, a));
      const sd = vnorm(vsub(side, vscale(ax, vdot(side, ax))));
      const th = vcross(ax, sd);
      const w = (widths[i] as number) + ((widths[i + 1] as number) - (widths[i] as number)) * t;
      const h = (thick[i] as number) + ((thick[i + 1] as number) - (thick[i] as number)) * t;
      parts.push(ellipsoid(c, [w, (vdist(a, b) / n) * 0.9 + h, h], [sd, ax, th]));
    }
  }
  return smoothUnion(k, ...parts);
}

/** Mirror-symmetric shape about the plane x = 0 (the body's midline), seam blended by k. */
export function mirrorUnion(sdf: Sdf, k: number): Sdf {
  const g = (x: number, y: number, z: number) => smin(sdf(x, y, z), sdf(-x, y, z), k);
  const b = sdf.bound;
  return b ? withBound(g, [0, b.c[1], b.c[2]], Math.hypot(b.c[0], 0, 0) + b.r + k) : g;
}

/** An SDF defined in a local frame (columns = local axes in the world, origin o). */
export function inFrame(sdf: Sdf, o: Vec3, axes: [Vec3, Vec3, Vec3]): Sdf {
  const [ax, ay, az] = axes;
  return (x, y, z) => {
    const dx = x - o[0];
    const dy = y - o[1];
    const dz = z - o[2];
    return sdf(
      dx * ax[0] + dy * ax[1] + dz * ax[2],
      dx * ay[0] + dy * ay[1] + dz * ay[2],
      dx * az[0] + dy * az[1] + dz * az[2],
    );
  };
}

/** Elliptic cylinder (disc) centred at c with semi-axes rx, rz in the local xz plane, half-height hy, rounded. */
export function disc(c: Vec3, rx: number, hy: number, rz: number, round: number): Sdf {
  const f = (x: number, y: number, z: number) => {
    const px = (x - c[0]) / (rx - round);
    const pz = (z - c[2]) / (rz - round);
    const k0 = Math.hypot(px, pz);
    const k1 = Math.hypot(px / (rx - round), pz / (rz - round));
    const d2 = k1 > 0 ? (k0 * (k0 - 1)) / k1 : -(Math.min(rx, rz) - round);
    const dy = Math.abs(y - c[1]) - hy + round;
    const out = Math.hypot(Math.max(d2, 0), Math.max(dy, 0));
    return out + Math.min(Math.max(d2, dy), 0) - round;
  };
  return withBound(f, c, Math.hypot(Math.max(rx, rz), hy));
}
