// How well the generated structures fit: volume against target, mean thickness, how much of a structure lies
// inside bone away from its attachments, and topology. Used by the models report (models/report.ts) and tests.
import { signedVolume } from "./soft/analyse.ts";
import { type BoneDistance, unionField } from "./soft/bone-field.ts";
import type { Vec3 } from "./types.ts";
import { triangleOffset } from "./vec.ts";

/** Triangles as flat arrays (a MeshData, or a node read back from a .glb). */
export interface Triangles {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
}

const get = (m: Triangles, i: number): Vec3 => [
  m.positions[3 * i] ?? 0,
  m.positions[3 * i + 1] ?? 0,
  m.positions[3 * i + 2] ?? 0,
];

/** Signed enclosed volume, m^3 (positive for outward-facing triangles): the builders' own measure. */
export const meshVolume = (m: Triangles): number => signedVolume(m);

/** Surface area, m^2. */
export function meshArea(m: Triangles): number {
  let s = 0;
  for (let f = 0; f + 2 < m.indices.length; f += 3) {
    const a = get(m, m.indices[f] ?? 0);
    const b = get(m, m.indices[f + 1] ?? 0);
    const c = get(m, m.indices[f + 2] ?? 0);
    const u: Vec3 = [b[0] - a[0], b[1] - a[1], b[2] - a[2]];
    const w: Vec3 = [c[0] - a[0], c[1] - a[1], c[2] - a[2]];
    s += Math.hypot(u[1] * w[2] - u[2] * w[1], u[2] * w[0] - u[0] * w[2], u[0] * w[1] - u[1] * w[0]) / 2;
  }
  return s;
}

/**
 * Mean thickness 2V/A, m: a thin slab's thickness, a round cord's radius. A flat slab and a round cord of the same
 * volume and length differ here: the slab's is much smaller.
 */
export const meanThickness = (m: Triangles): number => {
  const a = meshArea(m);
  return a > 0 ? (2 * Math.abs(meshVolume(m))) / a : 0;
};

/**
 * Topology after welding vertices at the same position (within `weld` metres): boundary edges (holes), edges shared
 * by more than two triangles, and pinched vertices (whose triangles form more than one fan).
 */
export function topology(
  m: Triangles,
  weld = 1e-5,
): { boundaryEdges: number; nonManifoldEdges: number; pinched: number } {
  const ids = new Map<string, number>();
  const n = m.positions.length / 3;
  const map = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = get(m, i);
    const k = `${Math.round(p[0] / weld)},${Math.round(p[1] / weld)},${Math.round(p[2] / weld)}`;
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    map[i] = id;
  }
  const edges = new Map<string, number>();
  const faces: [number, number, number][] = [];
  for (let f = 0; f + 2 < m.indices.length; f += 3) {
    const t: [number, number, number] = [
      map[m.indices[f] ?? 0] ?? 0,
      map[m.indices[f + 1] ?? 0] ?? 0,
      map[m.indices[f + 2] ?? 0] ?? 0,
    ];
    if (t[0] === t[1] || t[1] === t[2] || t[0] === t[2]) continue;
    faces.push(t);
    for (let e = 0; e < 3; e++) {
      const a = t[e] as number;
      const b = t[(e + 1) % 3] as number;
      const k = a < b ? `${a},${b}` : `${b},${a}`;
      edges.set(k, (edges.get(k) ?? 0) + 1);
    }
  }
  let boundaryEdges = 0;
  let nonManifoldEdges = 0;
  for (const c of edges.values()) {
    if (c === 1) boundaryEdges++;
    else if (c > 2) nonManifoldEdges++;
  }
  // Pinches: a vertex's incident triangles, joined across shared edges, form more than one fan.
  const around = new Map<number, number[]>();
  faces.forEach((t, fi) => {
    for (const v of t) {
      const list = around.get(v);
      if (list) list.push(fi);
      else around.set(v, [fi]);
    }
  });
  let pinched = 0;
  for (const [v, list] of around) {
    if (list.length < 2) continue;
    const parent = list.map((_, i) => i);
    const find = (i: number): number => {
      while (parent[i] !== i) i = parent[i] = parent[parent[i] as number] as number;
      return i;
    };
    const byNeighbour = new Map<number, number>();
    list.forEach((fi, i) => {
      for (const w of faces[fi] as [number, number, number]) {
        if (w === v) continue;
        const j = byNeighbour.get(w);
        if (j === undefined) byNeighbour.set(w, i);
        else parent[find(i)] = find(j);
      }
    });
    const roots = new Set(list.map((_, i) => find(i)));
    if (roots.size > 1) pinched++;
  }
  return { boundaryEdges, nonManifoldEdges, pinched };
}

interface BinnedMesh {
  min: Vec3;
  max: Vec3;
  tris: Float64Array; // 9 numbers per triangle
  /** Triangles by xz column (for the inside test). */
  columns: Map<number, number[]>;
  /** Triangles by 3D cell (for distances). */
  cells: Map<number, number[]>;
}

const CELL = 0.004;
/** Scratch for triangleOffset. */
const offset = [0, 0, 0];
const key2 = (i: number, k: number) => i * 100_003 + k;
const key3 = (i: number, j: number, k: number) => (i * 4099 + j) * 4099 + k;

/**
 * Closed bone surfaces with a fast "how deep inside" query: inside by ray parity (upward, per bone), depth as the
 * distance to the nearest triangle (searched only as far as asked).
 */
export class BoneSet {
  private meshes: BinnedMesh[] = [];

  constructor(meshes: readonly Triangles[]) {
    for (const m of meshes) {
      const nt = Math.floor(m.indices.length / 3);
      const tris = new Float64Array(nt * 9);
      const min: Vec3 = [Infinity, Infinity, Infinity];
      const max: Vec3 = [-Infinity, -Infinity, -Infinity];
      const columns = new Map<number, number[]>();
      const cells = new Map<number, number[]>();
      for (let f = 0; f < nt; f++) {
        const lo: Vec3 = [Infinity, Infinity, Infinity];
        const hi: Vec3 = [-Infinity, -Infinity, -Infinity];
        for (let e = 0; e < 3; e++) {
          const p = get(m, m.indices[3 * f + e] ?? 0);
          for (let k = 0; k < 3; k++) {
            tris[9 * f + 3 * e + k] = p[k] as number;
            lo[k] = Math.min(lo[k] as number, p[k] as number);
            hi[k] = Math.max(hi[k] as number, p[k] as number);
            min[k] = Math.min(min[k] as number, p[k] as number);
            max[k] = Math.max(max[k] as number, p[k] as number);
          }
        }
        const c0 = lo.map((v) => Math.floor(v / CELL));
        const c1 = hi.map((v) => Math.floor(v / CELL));
        for (let i = c0[0] as number; i <= (c1[0] as number); i++) {
          for (let k = c0[2] as number; k <= (c1[2] as number); k++) {
            const key = key2(i, k);
            const list = columns.get(key);
            if (list) list.push(f);
            else columns.set(key, [f]);
            for (let j = c0[1] as number; j <= (c1[1] as number); j++) {
              const k3 = key3(i, j, k);
              const l3 = cells.get(k3);
              if (l3) l3.push(f);
              else cells.set(k3, [f]);
            }
          }
        }
      }
      if (nt > 0) this.meshes.push({ min, max, tris, columns, cells });
    }
  }

  private inside(b: BinnedMesh, p: Vec3): boolean {
    const list = b.columns.get(key2(Math.floor(p[0] / CELL), Math.floor(p[2] / CELL)));
    if (!list) return false;
    // Slightly skewed query point so the ray does not run exactly through shared edges.
    const x = p[0] + 1.3e-7;
    const z = p[2] + 0.7e-7;
    let hits = 0;
    const t = b.tris;
    for (const f of list) {
      const o = 9 * f;
      const ax = t[o] as number;
      const az = t[o + 2] as number;
      const bx = t[o + 3] as number;
      const bz = t[o + 5] as number;
      const cx = t[o + 6] as number;
      const cz = t[o + 8] as number;
      const det = (bx - ax) * (cz - az) - (cx - ax) * (bz - az);
      if (det === 0) continue;
      const u = ((x - ax) * (cz - az) - (cx - ax) * (z - az)) / det;
      const v = ((bx - ax) * (z - az) - (x - ax) * (bz - az)) / det;
      if (u < 0 || v < 0 || u + v > 1) continue;
      const y =
        (t[o + 1] as number) +
        u * ((t[o + 4] as number) - (t[o + 1] as number)) +
        v * ((t[o + 7] as number) - (t[o + 1] as number));
      if (y > p[1]) hits++;
    }
    return hits % 2 === 1;
  }

  /** Distance from p to the surface of bone b, searched up to `limit` (returns `limit` when farther). */
  private distance(b: BinnedMesh, p: Vec3, limit: number): number {
    const r = Math.ceil(limit / CELL);
    const ci = Math.floor(p[0] / CELL);
    const cj = Math.floor(p[1] / CELL);
    const ck = Math.floor(p[2] / CELL);
    let best = limit * limit;
    const seen = new Set<number>();
    for (let i = ci - r; i <= ci + r; i++) {
      for (let j = cj - r; j <= cj + r; j++) {
        for (let k = ck - r; k <= ck + r; k++) {
          const list = b.cells.get(key3(i, j, k));
          if (!list) continue;
          for (const f of list) {
            if (seen.has(f)) continue;
            seen.add(f);
            triangleOffset(p[0], p[1], p[2], b.tris, 9 * f, offset);
            const [ox, oy, oz] = offset as [number, number, number];
            const d = ox * ox + oy * oy + oz * oz;
            if (d < best) best = d;
          }
        }
      }
    }
    return Math.sqrt(best);
  }

  /** Signed distance to bone b's surface (negative inside), searched up to `limit` (else `limit`). */
  private signed(b: BinnedMesh, p: Vec3, limit: number): number {
    const d = this.distance(b, p, limit);
    const inside =
      p[0] >= b.min[0] &&
      p[1] >= b.min[1] &&
      p[2] >= b.min[2] &&
      p[0] <= b.max[0] &&
      p[1] <= b.max[1] &&
      p[2] <= b.max[2] &&
      this.inside(b, p);
    return inside ? -d : d;
  }

  private unions = new Map<number, BoneDistance>();

  /**
   * Signed distance to the nearest bone surface (negative inside), metres, searched up to `limit` (else limit): the
   * bones' union as the soft-tissue keep-out field takes it (./soft/bone-field.ts), each bone by its mesh.
   */
  signedDistance(p: Vec3, limit = 0.03): number {
    let f = this.unions.get(limit);
    if (!f) {
      const bones = this.meshes.map((b) => ({
        sdf: (x: number, y: number, z: number) => this.signed(b, [x, y, z], limit),
        min: b.min,
        max: b.max,
      }));
      f = unionField(bones, limit);
      this.unions.set(limit, f);
    }
    return Math.min(limit, f(p));
  }

  /** How deep p lies inside any bone, metres (0 outside), measured up to `limit`. */
  depth(p: Vec3, limit = 0.03): number {
    let deepest = 0;
    for (const b of this.meshes) {
      if (
        p[0] < b.min[0] ||
        p[1] < b.min[1] ||
        p[2] < b.min[2] ||
        p[0] > b.max[0] ||
        p[1] > b.max[1] ||
        p[2] > b.max[2]
      )
        continue;
      if (!this.inside(b, p)) continue;
      deepest = Math.max(deepest, this.distance(b, p, limit));
    }
    return deepest;
  }
}

export interface InsideBone {
  /** Vertices farther than `away` from every attachment point. */
  counted: number;
  /** Of those, the fraction deeper than `depth` inside a bone. */
  fraction: number;
  /** Deepest of those vertices, metres (measured up to 30 mm). */
  maxDepth: number;
}

/**
 * The part of a structure inside bone away from its attachments: vertices more than `away` (default 30 mm) from
 * every attachment point and more than `depth` (default 2 mm) inside a bone.
 */
export function insideBone(
  m: Triangles,
  bones: BoneSet,
  attachments: readonly Vec3[],
  { away = 0.03, depth = 0.002 } = {},
): InsideBone {
  let counted = 0;
  let deep = 0;
  let maxDepth = 0;
  const n = m.positions.length / 3;
  for (let i = 0; i < n; i++) {
    const p = get(m, i);
    if (attachments.some((a) => Math.hypot(p[0] - a[0], p[1] - a[1], p[2] - a[2]) <= away)) continue;
    counted++;
    const d = bones.depth(p);
    if (d > depth) deep++;
    maxDepth = Math.max(maxDepth, d);
  }
  return { counted, fraction: counted ? deep / counted : 0, maxDepth };
}
