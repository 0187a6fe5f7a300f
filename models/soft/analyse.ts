// Mesh measurements used by tests and build-time checks: closedness, volume, degeneracy, distances.
import type { MeshData, Vec3 } from "../types.ts";
import { cross, dot, len, pointTriangleDistance, sub } from "../vec.ts";

/** Any indexed triangle list (a built mesh, or one read back from a file). */
type Triangles = { positions: ArrayLike<number>; indices: ArrayLike<number> };

const vtx = (m: Triangles, i: number): Vec3 => [
  m.positions[3 * i] ?? 0,
  m.positions[3 * i + 1] ?? 0,
  m.positions[3 * i + 2] ?? 0,
];

function tri(m: Triangles, f: number): [Vec3, Vec3, Vec3] {
  return [vtx(m, m.indices[3 * f] ?? 0), vtx(m, m.indices[3 * f + 1] ?? 0), vtx(m, m.indices[3 * f + 2] ?? 0)];
}

export const triangleCount = (m: MeshData): number => m.indices.length / 3;

/**
 * Edge topology: a closed, consistently oriented surface uses every directed edge exactly once and
 * its reverse exactly once. Returns the numbers of offending edges.
 */
export function edgeReport(m: MeshData): { boundary: number; nonManifold: number; flipped: number } {
  const count = new Map<string, number>();
  for (let f = 0; f < m.indices.length; f += 3) {
    for (let e = 0; e < 3; e++) {
      const a = m.indices[f + e] ?? 0;
      const b = m.indices[f + ((e + 1) % 3)] ?? 0;
      const k = `${a},${b}`;
      count.set(k, (count.get(k) ?? 0) + 1);
    }
  }
  let boundary = 0;
  let nonManifold = 0;
  let flipped = 0;
  for (const [k, c] of count) {
    const [a, b] = k.split(",");
    const rev = count.get(`${b},${a}`) ?? 0;
    if (c > 1) flipped++;
    if (rev === 0) boundary++;
    else if (rev > 1 || c > 1) nonManifold++;
  }
  return { boundary, nonManifold, flipped };
}

/** Signed enclosed volume (m^3); positive when triangles face outward. */
export function signedVolume(m: Triangles): number {
  let v = 0;
  for (let f = 0; f < m.indices.length / 3; f++) {
    const [a, b, c] = tri(m, f);
    v += dot(a, cross(b, c)) / 6;
  }
  return v;
}

/** Triangles with (near) zero area. */
export function degenerateTriangles(m: MeshData, minArea = 1e-12): number {
  let n = 0;
  for (let f = 0; f < m.indices.length / 3; f++) {
    const [a, b, c] = tri(m, f);
    if (len(cross(sub(b, a), sub(c, a))) / 2 < minArea) n++;
  }
  return n;
}

/** Fraction of triangles whose face normal disagrees with the mean of its vertex normals. */
export function normalDisagreement(m: MeshData): number {
  let bad = 0;
  const nf = m.indices.length / 3;
  for (let f = 0; f < nf; f++) {
    const [a, b, c] = tri(m, f);
    const fn = cross(sub(b, a), sub(c, a));
    let s: Vec3 = [0, 0, 0];
    for (let e = 0; e < 3; e++) {
      const i = m.indices[3 * f + e] ?? 0;
      s = [s[0] + (m.normals[3 * i] ?? 0), s[1] + (m.normals[3 * i + 1] ?? 0), s[2] + (m.normals[3 * i + 2] ?? 0)];
    }
    if (dot(fn, s) <= 0) bad++;
  }
  return nf ? bad / nf : 0;
}

export function boundingBox(m: MeshData): { min: Vec3; max: Vec3 } {
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (let i = 0; i < m.positions.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = m.positions[i + k] ?? 0;
      if (v < min[k as 0 | 1 | 2]) min[k as 0 | 1 | 2] = v;
      if (v > max[k as 0 | 1 | 2]) max[k as 0 | 1 | 2] = v;
    }
  }
  return { min, max };
}

/** Distance from a point to the surface of a mesh (0 when on it). */
export function distanceToMesh(m: MeshData, p: Vec3): number {
  let best = Infinity;
  for (let f = 0; f < m.indices.length / 3; f++) {
    const [a, b, c] = tri(m, f);
    const d = pointTriangleDistance(p, a, b, c);
    if (d < best) best = d;
  }
  return best;
}

/** Whether p lies inside a closed mesh (ray parity along +x with a slight skew). */
export function insideMesh(m: MeshData, p: Vec3): boolean {
  const dir: Vec3 = [1, 0.000123, 0.000071];
  let hits = 0;
  for (let f = 0; f < m.indices.length / 3; f++) {
    const [a, b, c] = tri(m, f);
    const e1 = sub(b, a);
    const e2 = sub(c, a);
    const h = cross(dir, e2);
    const det = dot(e1, h);
    if (Math.abs(det) < 1e-15) continue;
    const inv = 1 / det;
    const s = sub(p, a);
    const u = dot(s, h) * inv;
    if (u < 0 || u > 1) continue;
    const q = cross(s, e1);
    const v = dot(dir, q) * inv;
    if (v < 0 || u + v > 1) continue;
    if (dot(e2, q) * inv > 0) hits++;
  }
  return hits % 2 === 1;
}

/** Distance from p to the mesh, or 0 when p lies inside it. */
export function distanceToSolid(m: MeshData, p: Vec3): number {
  return insideMesh(m, p) ? 0 : distanceToMesh(m, p);
}

/** Number of connected pieces (triangles sharing vertices). */
export function componentCount(m: MeshData): number {
  const n = m.positions.length / 3;
  const parent = Array.from({ length: n }, (_, i) => i);
  const find = (i: number): number => {
    let r = i;
    while ((parent[r] ?? r) !== r) r = parent[r] ?? r;
    let c = i;
    while ((parent[c] ?? c) !== r) {
      const next = parent[c] ?? c;
      parent[c] = r;
      c = next;
    }
    return r;
  };
  for (let f = 0; f < m.indices.length; f += 3) {
    const a = find(m.indices[f] ?? 0);
    for (let e = 1; e < 3; e++) {
      const b = find(m.indices[f + e] ?? 0);
      if (a !== b) parent[b] = a;
    }
  }
  const used = new Set<number>();
  for (let i = 0; i < m.indices.length; i++) used.add(find(m.indices[i] ?? 0));
  return used.size;
}
