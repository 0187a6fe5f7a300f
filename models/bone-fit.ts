// Measures generated bones against reference numbers: centre lines of long bones (section centroids on planes
// across the bone), distances of points from a mesh, rigid alignment of two surfaces, and the topology checks
// (non-manifold vertices, left/right mirror distance). Used by models/report-bones.ts and the unit tests; no
// reference files are read here.
import { fitTransform, mulV, type Xform } from "../scripts/anatomy-import/math.ts";
import type { MeshData, Vec3 } from "./types.ts";
import { pointTriangleDistance } from "./vec.ts";

export interface Tri {
  positions: ArrayLike<number>;
  indices: ArrayLike<number>;
}

const sub = (a: Vec3, b: Vec3): Vec3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
const dot = (a: Vec3, b: Vec3) => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
const vert = (m: Tri, i: number): Vec3 => [
  m.positions[3 * i] as number,
  m.positions[3 * i + 1] as number,
  m.positions[3 * i + 2] as number,
];

/**
 * Section of a closed surface by the plane through `p` with unit normal `n`: the centre (mean of the cut
 * segments' midpoints weighted by their length, the centroid of the outline) and the mean radius (length-weighted
 * mean distance of the outline from that centre). Only cut segments within `near` of p count, so a neighbouring
 * part (a trochanter, a malleolus) does not pull the centre. Null when the plane misses the surface.
 */
export function section(m: Tri, p: Vec3, n: Vec3, near = Infinity): { centre: Vec3; radius: number } | null {
  const mids: [Vec3, number][] = [];
  let sx = 0;
  let sy = 0;
  let sz = 0;
  let sw = 0;
  const idx = m.indices;
  const cut: Vec3[] = [];
  for (let t = 0; t < idx.length; t += 3) {
    const a = vert(m, idx[t] as number);
    const b = vert(m, idx[t + 1] as number);
    const c = vert(m, idx[t + 2] as number);
    const da = dot(sub(a, p), n);
    const db = dot(sub(b, p), n);
    const dc = dot(sub(c, p), n);
    cut.length = 0;
    const edge = (u: Vec3, v: Vec3, du: number, dv: number) => {
      if ((du < 0 && dv >= 0) || (du >= 0 && dv < 0)) {
        const s = du / (du - dv);
        cut.push([u[0] + (v[0] - u[0]) * s, u[1] + (v[1] - u[1]) * s, u[2] + (v[2] - u[2]) * s]);
      }
    };
    edge(a, b, da, db);
    edge(b, c, db, dc);
    edge(c, a, dc, da);
    if (cut.length !== 2) continue;
    const [u, v] = cut as [Vec3, Vec3];
    const mid: Vec3 = [(u[0] + v[0]) / 2, (u[1] + v[1]) / 2, (u[2] + v[2]) / 2];
    if (Math.hypot(...sub(mid, p)) > near) continue;
    const w = Math.hypot(...sub(u, v));
    mids.push([mid, w]);
    sx += mid[0] * w;
    sy += mid[1] * w;
    sz += mid[2] * w;
    sw += w;
  }
  if (sw <= 0) return null;
  const centre: Vec3 = [sx / sw, sy / sw, sz / sw];
  let r = 0;
  for (const [mid, w] of mids) r += Math.hypot(...sub(mid, centre)) * w;
  return { centre, radius: r / sw };
}

/** Centre of the section (see `section`), or null. */
export function sectionCentre(m: Tri, p: Vec3, n: Vec3, near = Infinity): Vec3 | null {
  return section(m, p, n, near)?.centre ?? null;
}

/** A reference centre line: section planes (point on the line, plane normal) along a long bone. */
export interface CentreLine {
  /** Unit axis the planes are normal to (glTF frame). */
  axis: Vec3;
  /** Section centres, glTF frame, metres, in order along the axis. */
  points: Vec3[];
  /** Where along the bone each point is (0 = proximal end, 1 = distal end of the reference surface). */
  t: number[];
}

/** Offset (metres) of a mesh's section centres from a centre line, per point; NaN where the plane misses it. */
export function centreLineOffsets(m: Tri, line: CentreLine, near = 0.05): number[] {
  return line.points.map((p) => {
    const c = sectionCentre(m, p, line.axis, near);
    if (!c) return Number.NaN;
    const d = sub(c, p);
    const along = dot(d, line.axis);
    return Math.hypot(d[0] - line.axis[0] * along, d[1] - line.axis[1] * along, d[2] - line.axis[2] * along);
  });
}

/** Uniform grid over a mesh's triangles for nearest-point queries. */
export class TriangleGrid {
  private readonly cells = new Map<string, number[]>();
  private readonly tris: [Vec3, Vec3, Vec3][] = [];
  private readonly size: number;
  constructor(meshes: Tri[], size = 0.01) {
    this.size = size;
    for (const m of meshes) {
      for (let t = 0; t < m.indices.length; t += 3) {
        const tri: [Vec3, Vec3, Vec3] = [
          vert(m, m.indices[t] as number),
          vert(m, m.indices[t + 1] as number),
          vert(m, m.indices[t + 2] as number),
        ];
        const k = this.tris.length;
        this.tris.push(tri);
        const lo = ([0, 1, 2] as const).map((a) => Math.floor(Math.min(tri[0][a], tri[1][a], tri[2][a]) / size));
        const hi = ([0, 1, 2] as const).map((a) => Math.floor(Math.max(tri[0][a], tri[1][a], tri[2][a]) / size));
        for (let x = lo[0] as number; x <= (hi[0] as number); x++)
          for (let y = lo[1] as number; y <= (hi[1] as number); y++)
            for (let z = lo[2] as number; z <= (hi[2] as number); z++) {
              const key = `${x},${y},${z}`;
              const c = this.cells.get(key);
              if (c) c.push(k);
              else this.cells.set(key, [k]);
            }
      }
    }
  }

  get empty(): boolean {
    return this.tris.length === 0;
  }

  /** Distance from p to the nearest triangle (searching outwards ring by ring up to `max` metres). */
  distance(p: Vec3, max = 0.3): number {
    const s = this.size;
    const c = p.map((v) => Math.floor(v / s)) as Vec3;
    let best = Infinity;
    const seen = new Set<number>();
    for (let r = 0; r * s <= max + s; r++) {
      for (let x = c[0] - r; x <= c[0] + r; x++)
        for (let y = c[1] - r; y <= c[1] + r; y++)
          for (let z = c[2] - r; z <= c[2] + r; z++) {
            if (Math.max(Math.abs(x - c[0]), Math.abs(y - c[1]), Math.abs(z - c[2])) !== r) continue;
            for (const k of this.cells.get(`${x},${y},${z}`) ?? []) {
              if (seen.has(k)) continue;
              seen.add(k);
              const t = this.tris[k] as [Vec3, Vec3, Vec3];
              best = Math.min(best, pointTriangleDistance(p, t[0], t[1], t[2]));
            }
          }
      // Everything in rings beyond r is at least r cells away.
      if (best <= r * s) break;
    }
    return best;
  }
}

/**
 * Welds vertices at the same position (within `eps` metres) and counts non-manifold vertices: a vertex whose
 * triangles do not form one fan (two surfaces touching at a point) or that lies on an edge shared by more than
 * two triangles. A closed, clean surface has none.
 */
export function nonManifoldVertices(m: Tri, eps = 1e-6): number {
  const nv = m.positions.length / 3;
  const id = new Int32Array(nv);
  const seen = new Map<string, number>();
  for (let i = 0; i < nv; i++) {
    const key = [0, 1, 2].map((k) => Math.round((m.positions[3 * i + k] as number) / eps)).join(",");
    const j = seen.get(key);
    if (j === undefined) {
      seen.set(key, i);
      id[i] = i;
    } else id[i] = j;
  }
  const edges = new Map<string, number>();
  const fans = new Map<number, [number, number][]>();
  for (let t = 0; t < m.indices.length; t += 3) {
    const v = [id[m.indices[t] as number], id[m.indices[t + 1] as number], id[m.indices[t + 2] as number]] as [
      number,
      number,
      number,
    ];
    if (v[0] === v[1] || v[1] === v[2] || v[0] === v[2]) continue;
    for (let k = 0; k < 3; k++) {
      const a = v[k] as number;
      const b = v[(k + 1) % 3] as number;
      const c = v[(k + 2) % 3] as number;
      const key = a < b ? `${a},${b}` : `${b},${a}`;
      edges.set(key, (edges.get(key) ?? 0) + 1);
      const f = fans.get(a);
      if (f) f.push([b, c]);
      else fans.set(a, [[b, c]]);
    }
  }
  const bad = new Set<number>();
  for (const [key, n] of edges) {
    if (n > 2) for (const v of key.split(",")) bad.add(Number(v));
  }
  for (const [v, fan] of fans) {
    if (bad.has(v)) continue;
    // Union the fan's triangles through shared neighbours; one component means one disc (or half-disc).
    const parent = new Map<number, number>();
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r) !== undefined && parent.get(r) !== r) r = parent.get(r) as number;
      parent.set(x, r);
      return r;
    };
    for (const [b, c] of fan) {
      if (!parent.has(b)) parent.set(b, b);
      if (!parent.has(c)) parent.set(c, c);
      parent.set(find(b), find(c));
    }
    const roots = new Set([...parent.keys()].map(find));
    if (roots.size > 1) bad.add(v);
  }
  return bad.size;
}

/**
 * Largest distance (metres) between a left-side mesh and the mirror image (x -> -x) of its right twin: for every
 * left vertex, the distance to the nearest mirrored right vertex, and the other way round. 0 for an exact mirror.
 */
export function mirrorDistance(right: Tri, left: Tri): number {
  const grid = new Map<string, Vec3[]>();
  const s = 0.01;
  const key = (p: Vec3) => p.map((v) => Math.floor(v / s)).join(",");
  const mirror: Vec3[] = [];
  for (let i = 0; i < right.positions.length / 3; i++) {
    const v = vert(right, i);
    mirror.push([-v[0], v[1], v[2]]);
  }
  for (const p of mirror) {
    const k = key(p);
    const c = grid.get(k);
    if (c) c.push(p);
    else grid.set(k, [p]);
  }
  const nearest = (p: Vec3, pts: Map<string, Vec3[]>): number => {
    const c = p.map((v) => Math.floor(v / s));
    let best = Infinity;
    for (let r = 0; r < 20; r++) {
      for (let x = (c[0] as number) - r; x <= (c[0] as number) + r; x++)
        for (let y = (c[1] as number) - r; y <= (c[1] as number) + r; y++)
          for (let z = (c[2] as number) - r; z <= (c[2] as number) + r; z++) {
            if (
              Math.max(
                Math.abs(x - (c[0] as number)),
                Math.abs(y - (c[1] as number)),
                Math.abs(z - (c[2] as number)),
              ) !== r
            )
              continue;
            for (const q of pts.get(`${x},${y},${z}`) ?? []) best = Math.min(best, Math.hypot(...sub(p, q)));
          }
      if (best <= r * s) break;
    }
    return best;
  };
  let worst = 0;
  const leftPts = new Map<string, Vec3[]>();
  for (let i = 0; i < left.positions.length / 3; i++) {
    const p = vert(left, i);
    worst = Math.max(worst, nearest(p, grid));
    const k = key(p);
    const c = leftPts.get(k);
    if (c) c.push(p);
    else leftPts.set(k, [p]);
  }
  for (const p of mirror) worst = Math.max(worst, nearest(p, leftPts));
  return worst;
}

/** Mean and 95th percentile of a list of numbers. */
export function meanP95(values: number[]): { mean: number; p95: number } {
  const v = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (v.length === 0) return { mean: Number.NaN, p95: Number.NaN };
  const mean = v.reduce((s, x) => s + x, 0) / v.length;
  return { mean, p95: v[Math.min(v.length - 1, Math.floor(v.length * 0.95))] as number };
}

/** Vertex positions of a mesh as points. */
export function meshPoints(m: MeshData | Tri): Vec3[] {
  const out: Vec3[] = [];
  for (let i = 0; i < m.positions.length / 3; i++) out.push(vert(m, i));
  return out;
}

/** A rigid transform p -> R p + t (R row-major). */
function applyRigid(x: Xform, p: Vec3): Vec3 {
  const q = mulV(x.R, p);
  return [q[0] + x.p[0], q[1] + x.p[1], q[2] + x.p[2]];
}

/**
 * Surface distance of a generated bone from a reference surface after rigid alignment (ICP on nearest reference
 * vertices, `iterations` rounds, starting from the placement as built): distances of the generated vertices from
 * the reference triangles and of the reference vertices from the generated triangles, pooled.
 */
export function alignedSurfaceDistance(gen: Tri, ref: Tri, iterations = 15): { mean: number; p95: number } {
  const refPts = meshPoints(ref);
  const pointGrid = new Map<string, Vec3[]>();
  const s = 0.01;
  for (const p of refPts) {
    const k = p.map((v) => Math.floor(v / s)).join(",");
    const c = pointGrid.get(k);
    if (c) c.push(p);
    else pointGrid.set(k, [p]);
  }
  const nearestRef = (p: Vec3): Vec3 => {
    const c = p.map((v) => Math.floor(v / s)) as Vec3;
    let best: Vec3 = refPts[0] as Vec3;
    let bd = Infinity;
    for (let r = 0; r < 30; r++) {
      for (let x = c[0] - r; x <= c[0] + r; x++)
        for (let y = c[1] - r; y <= c[1] + r; y++)
          for (let z = c[2] - r; z <= c[2] + r; z++) {
            if (Math.max(Math.abs(x - c[0]), Math.abs(y - c[1]), Math.abs(z - c[2])) !== r) continue;
            for (const q of pointGrid.get(`${x},${y},${z}`) ?? []) {
              const d = Math.hypot(...sub(p, q));
              if (d < bd) {
                bd = d;
                best = q;
              }
            }
          }
      if (bd <= r * s) break;
    }
    return best;
  };
  const genPts0 = meshPoints(gen);
  let genPts = genPts0;
  for (let it = 0; it < iterations; it++) {
    const partners = genPts.map(nearestRef);
    const { x } = fitTransform(genPts0, partners);
    genPts = genPts0.map((p) => applyRigid(x, p));
  }
  const moved: Tri = { positions: genPts.flat(), indices: gen.indices };
  const refGrid = new TriangleGrid([ref], 0.01);
  const genGrid = new TriangleGrid([moved], 0.01);
  const d = [...genPts.map((p) => refGrid.distance(p)), ...refPts.map((p) => genGrid.distance(p))];
  return meanP95(d);
}
