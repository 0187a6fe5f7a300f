// Measures generated bones against reference numbers: centre lines of long bones (section centroids on planes
// across the bone), distances of points from a mesh, rigid alignment of two surfaces, and the topology checks
// (non-manifold vertices, left/right mirror distance). Used by models/report-bones.ts and the unit tests; no
// reference files are read here.
import type { MeshData, Vec3 } from "./types.ts";

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
              best = Math.min(best, pointTriangle(p, t[0], t[1], t[2]));
            }
          }
      // Everything in rings beyond r is at least r cells away.
      if (best <= r * s) break;
    }
    return best;
  }
}

/** Distance from p to triangle abc. */
export function pointTriangle(p: Vec3, a: Vec3, b: Vec3, c: Vec3): number {
  // Ericson, Real-Time Collision Detection, 5.1.5.
  const ab = sub(b, a);
  const ac = sub(c, a);
  const ap = sub(p, a);
  const d1 = dot(ab, ap);
  const d2 = dot(ac, ap);
  if (d1 <= 0 && d2 <= 0) return Math.hypot(...ap);
  const bp = sub(p, b);
  const d3 = dot(ab, bp);
  const d4 = dot(ac, bp);
  if (d3 >= 0 && d4 <= d3) return Math.hypot(...bp);
  const vc = d1 * d4 - d3 * d2;
  if (vc <= 0 && d1 >= 0 && d3 <= 0) {
    const v = d1 / (d1 - d3);
    return Math.hypot(ap[0] - ab[0] * v, ap[1] - ab[1] * v, ap[2] - ab[2] * v);
  }
  const cp = sub(p, c);
  const d5 = dot(ab, cp);
  const d6 = dot(ac, cp);
  if (d6 >= 0 && d5 <= d6) return Math.hypot(...cp);
  const vb = d5 * d2 - d1 * d6;
  if (vb <= 0 && d2 >= 0 && d6 <= 0) {
    const w = d2 / (d2 - d6);
    return Math.hypot(ap[0] - ac[0] * w, ap[1] - ac[1] * w, ap[2] - ac[2] * w);
  }
  const va = d3 * d6 - d5 * d4;
  if (va <= 0 && d4 - d3 >= 0 && d5 - d6 >= 0) {
    const w = (d4 - d3) / (d4 - d3 + (d5 - d6));
    const q: Vec3 = [b[0] + (c[0] - b[0]) * w, b[1] + (c[1] - b[1]) * w, b[2] + (c[2] - b[2]) * w];
    return Math.hypot(...sub(p, q));
  }
  const denom = 1 / (va + vb + vc);
  const v = vb * denom;
  const w = vc * denom;
  return Math.hypot(ap[0] - ab[0] * v - ac[0] * w, ap[1] - ab[1] * v - ac[1] * w, ap[2] - ab[2] * w - ac[2] * w);
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

/** Rotation (row-major 3x3) and translation: p -> R p + t. */
export interface Rigid {
  R: number[];
  t: Vec3;
}

export function applyRigid(x: Rigid, p: Vec3): Vec3 {
  const R = x.R;
  return [
    (R[0] as number) * p[0] + (R[1] as number) * p[1] + (R[2] as number) * p[2] + x.t[0],
    (R[3] as number) * p[0] + (R[4] as number) * p[1] + (R[5] as number) * p[2] + x.t[1],
    (R[6] as number) * p[0] + (R[7] as number) * p[1] + (R[8] as number) * p[2] + x.t[2],
  ];
}

/** Best rigid transform taking points a onto their partners b (Horn 1987, unit quaternions; Jacobi eigen-solve). */
export function fitRigid(a: Vec3[], b: Vec3[]): Rigid {
  const n = a.length;
  const ca: Vec3 = [0, 0, 0];
  const cb: Vec3 = [0, 0, 0];
  for (let i = 0; i < n; i++)
    for (const k of [0, 1, 2] as const) {
      ca[k] += (a[i] as Vec3)[k] / n;
      cb[k] += (b[i] as Vec3)[k] / n;
    }
  const S = [0, 0, 0, 0, 0, 0, 0, 0, 0];
  for (let i = 0; i < n; i++) {
    const p = sub(a[i] as Vec3, ca);
    const q = sub(b[i] as Vec3, cb);
    for (let r = 0; r < 3; r++)
      for (let c = 0; c < 3; c++) S[r * 3 + c] = (S[r * 3 + c] as number) + (p[r] as number) * (q[c] as number);
  }
  const [xx, xy, xz, yx, yy, yz, zx, zy, zz] = S as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const N = [
    [xx + yy + zz, yz - zy, zx - xz, xy - yx],
    [yz - zy, xx - yy - zz, xy + yx, zx + xz],
    [zx - xz, xy + yx, -xx + yy - zz, yz + zy],
    [xy - yx, zx + xz, yz + zy, -xx - yy + zz],
  ];
  const { values, vectors } = jacobiEigen(N);
  let best = 0;
  for (let i = 1; i < 4; i++) if ((values[i] as number) > (values[best] as number)) best = i;
  const [w, x, y, z] = [0, 1, 2, 3].map((r) => (vectors[r] as number[])[best] as number) as [
    number,
    number,
    number,
    number,
  ];
  const R = [
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
  const rc = applyRigid({ R, t: [0, 0, 0] }, ca);
  return { R, t: sub(cb, rc) };
}

/** Eigenvalues and eigenvectors (columns) of a small symmetric matrix by cyclic Jacobi rotations. */
function jacobiEigen(A0: number[][]): { values: number[]; vectors: number[][] } {
  const n = A0.length;
  const A = A0.map((r) => [...r]);
  const V = A.map((_, i) => A.map((__, j) => (i === j ? 1 : 0)));
  const g = (m: number[][], i: number, j: number) => (m[i] as number[])[j] as number;
  const s_ = (m: number[][], i: number, j: number, v: number) => {
    (m[i] as number[])[j] = v;
  };
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) off += g(A, i, j) ** 2;
    if (off < 1e-22) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = g(A, p, q);
        if (Math.abs(apq) < 1e-30) continue;
        const theta = (g(A, q, q) - g(A, p, p)) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = g(A, k, p);
          const akq = g(A, k, q);
          s_(A, k, p, c * akp - s * akq);
          s_(A, k, q, s * akp + c * akq);
        }
        for (let k = 0; k < n; k++) {
          const apk = g(A, p, k);
          const aqk = g(A, q, k);
          s_(A, p, k, c * apk - s * aqk);
          s_(A, q, k, s * apk + c * aqk);
        }
        for (let k = 0; k < n; k++) {
          const vkp = g(V, k, p);
          const vkq = g(V, k, q);
          s_(V, k, p, c * vkp - s * vkq);
          s_(V, k, q, s * vkp + c * vkq);
        }
      }
  }
  return { values: A.map((_, i) => g(A, i, i)), vectors: V };
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
    const x = fitRigid(genPts0, partners);
    genPts = genPts0.map((p) => applyRigid(x, p));
  }
  const moved: Tri = { positions: genPts.flat(), indices: gen.indices };
  const refGrid = new TriangleGrid([ref], 0.01);
  const genGrid = new TriangleGrid([moved], 0.01);
  const d = [...genPts.map((p) => refGrid.distance(p)), ...refPts.map((p) => genGrid.distance(p))];
  return meanP95(d);
}
