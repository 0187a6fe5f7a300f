// Mesh utilities for the generator: merging, mirroring, bounds, simplification to a budget.
import { MeshoptSimplifier } from "meshoptimizer";
import type { MeshData, Vec3 } from "./types.ts";

export interface Bounds {
  min: Vec3;
  max: Vec3;
}

export function emptyBounds(): Bounds {
  return { min: [Infinity, Infinity, Infinity], max: [-Infinity, -Infinity, -Infinity] };
}

export function meshBounds(m: MeshData, into: Bounds = emptyBounds()): Bounds {
  const p = m.positions;
  for (let i = 0; i < p.length; i += 3) {
    for (let k = 0; k < 3; k++) {
      const v = p[i + k] as number;
      if (v < (into.min[k] as number)) into.min[k] = v;
      if (v > (into.max[k] as number)) into.max[k] = v;
    }
  }
  return into;
}

export function unionBounds(a: Bounds, b: Bounds): Bounds {
  return {
    min: [Math.min(a.min[0], b.min[0]), Math.min(a.min[1], b.min[1]), Math.min(a.min[2], b.min[2])],
    max: [Math.max(a.max[0], b.max[0]), Math.max(a.max[1], b.max[1]), Math.max(a.max[2], b.max[2])],
  };
}

export function triangleCount(m: MeshData): number {
  return m.indices.length / 3;
}

/**
 * One mesh from several (separate parts in one node), normals as they are. The fibre attribute is kept when any part
 * has one, as wide as the widest; a part without (or with a narrower one) gets zeros.
 */
export function mergeMeshes(parts: readonly MeshData[]): MeshData {
  const nv = parts.reduce((s, m) => s + m.positions.length / 3, 0);
  const ni = parts.reduce((s, m) => s + m.indices.length, 0);
  const positions = new Float32Array(nv * 3);
  const normals = new Float32Array(nv * 3);
  const indices = new Uint32Array(ni);
  const widthOf = (m: MeshData) => (m.fibre ? m.fibre.length / (m.positions.length / 3) : 0);
  const fibreWidth = Math.max(0, ...parts.map(widthOf));
  const fibre = fibreWidth > 0 ? new Float32Array(nv * fibreWidth) : undefined;
  let vo = 0;
  let io = 0;
  for (const m of parts) {
    positions.set(m.positions, vo * 3);
    normals.set(m.normals, vo * 3);
    const w = widthOf(m);
    if (fibre && m.fibre) {
      const n = m.positions.length / 3;
      for (let v = 0; v < n; v++)
        for (let k = 0; k < w; k++) fibre[(vo + v) * fibreWidth + k] = m.fibre[v * w + k] as number;
    }
    for (let i = 0; i < m.indices.length; i++) indices[io + i] = (m.indices[i] as number) + vo;
    vo += m.positions.length / 3;
    io += m.indices.length;
  }
  const out: MeshData = { positions, normals, indices };
  if (fibre) out.fibre = fibre;
  return out;
}

/** Mirror image across the body's midline (x -> -x), winding flipped so faces stay outward. */
export function mirrorMesh(m: MeshData): MeshData {
  const positions = new Float32Array(m.positions);
  const normals = new Float32Array(m.normals);
  for (let i = 0; i < positions.length; i += 3) {
    positions[i] = -(positions[i] as number);
    normals[i] = -(normals[i] as number);
  }
  const indices = new Uint32Array(m.indices.length);
  for (let i = 0; i < indices.length; i += 3) {
    indices[i] = m.indices[i] as number;
    indices[i + 1] = m.indices[i + 2] as number;
    indices[i + 2] = m.indices[i + 1] as number;
  }
  const out: MeshData = { positions, normals, indices };
  if (m.fibre) out.fibre = new Float32Array(m.fibre);
  return out;
}

/** A midline structure whole: a mesh its builder returned as the right half (`rightHalf`) with its mirror image. */
export function wholeMidline(m: MeshData): MeshData {
  return m.rightHalf ? mergeMeshes([m, mirrorMesh(m)]) : m;
}

/** Simplifies to about `ratio` of the triangles (meshoptimizer; keeps normals and fibre of kept vertices). */
export function simplifyMesh(m: MeshData, ratio: number, maxError = 0.02): MeshData {
  const target = Math.max(12, Math.floor((m.indices.length / 3) * ratio)) * 3;
  if (target >= m.indices.length) return m;
  const [idx] = MeshoptSimplifier.simplify(m.indices, m.positions, 3, target, maxError, ["Prune"]);
  const [remap, unique] = MeshoptSimplifier.compactMesh(idx);
  const nv = m.positions.length / 3;
  const width = m.fibre ? m.fibre.length / nv : 0;
  const positions = new Float32Array(unique * 3);
  const normals = new Float32Array(unique * 3);
  const fibre = m.fibre ? new Float32Array(unique * width) : undefined;
  for (let i = 0; i < nv; i++) {
    const j = remap[i] as number;
    if (j === 0xffffffff) continue;
    for (let k = 0; k < 3; k++) {
      positions[j * 3 + k] = m.positions[i * 3 + k] as number;
      normals[j * 3 + k] = m.normals[i * 3 + k] as number;
    }
    if (fibre && m.fibre) for (let k = 0; k < width; k++) fibre[j * width + k] = m.fibre[i * width + k] as number;
  }
  const out: MeshData = { positions, normals, indices: idx };
  if (fibre) out.fibre = fibre;
  return out;
}

/** Throws with `what` when a mesh has NaN coordinates, out-of-range indices or no triangles. */
export function checkMesh(m: MeshData, what: string): void {
  const nv = m.positions.length / 3;
  if (m.indices.length === 0 || m.indices.length % 3 !== 0) throw new Error(`${what}: mesh has no triangles`);
  if (m.normals.length !== m.positions.length) throw new Error(`${what}: normals do not match positions`);
  for (const v of m.positions) if (!Number.isFinite(v)) throw new Error(`${what}: mesh has a non-finite coordinate`);
  for (const i of m.indices) if (i >= nv) throw new Error(`${what}: mesh index ${i} out of range (${nv} vertices)`);
}

/** Longest hole (boundary loop, in edges) `repairMesh` closes; the openings a weld leaves have 3 to 10. */
export const MAX_HOLE_EDGES = 24;

/**
 * Welds and repairs a mesh into a closed, manifold surface that stays manifold once quantized: vertices closer than
 * `weld` metres (more than a quantization step) are merged; degenerate triangles are dropped, and so are coincident
 * triangles facing each other (where two parts touch face to face their surfaces join there), a repeated triangle
 * kept once; a vertex whose triangles form more than one fan (surfaces pinched together at a point, or an edge shared
 * by more than two triangles) gets one copy per fan, each extra copy moved `nudge` metres toward its own fan so the
 * copies stay apart after quantization; and holes of at most `MAX_HOLE_EDGES` edges (left where a weld joined or
 * split parts) are closed with new triangles. Unused vertices are dropped. Deterministic. `weld` must exceed twice
 * the quantization step of the file (1.8 m / 2^14 = 0.11 mm; the overview's 13 bits 0.22 mm) so that no two kept
 * vertices meet once quantized.
 */
export function repairMesh(m: MeshData, weld = 0.00025, nudge = 0.0005): MeshData {
  // A split or a new patch can leave a vertex near another; the next pass welds, splits and closes again (two or
  // three passes nearly always do).
  let out = m;
  for (let pass = 0; pass < 6; pass++) {
    const r = repairOnce(out, weld, nudge);
    const f = closeHoles(r.mesh, weld);
    out = f.mesh;
    if (r.splits === 0 && f.closed === 0 && r.dropped === 0) break;
  }
  return out;
}

type Tri = [number, number, number];

/** Whether two triangles on the same three vertices list them in the same cyclic order (face the same way). */
const sameWinding = (t: Tri, u: Tri) => t[(t.indexOf(u[0]) + 1) % 3] === u[1];

const edgeKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);

function repairOnce(m: MeshData, weld: number, nudge: number): { mesh: MeshData; splits: number; dropped: number } {
  const nv = m.positions.length / 3;
  const width = m.fibre ? m.fibre.length / nv : 0;
  const p = (i: number, k: number) => m.positions[3 * i + k] as number;
  // 1. Weld: the first vertex of a cluster represents it.
  const rep = new Int32Array(nv);
  const cells = new Map<string, number[]>();
  const cellOf = (i: number) => [0, 1, 2].map((k) => Math.floor(p(i, k) / weld));
  for (let i = 0; i < nv; i++) {
    const c = cellOf(i) as [number, number, number];
    let found = -1;
    for (let dx = -1; dx <= 1 && found < 0; dx++)
      for (let dy = -1; dy <= 1 && found < 0; dy++)
        for (let dz = -1; dz <= 1 && found < 0; dz++) {
          for (const j of cells.get(`${c[0] + dx},${c[1] + dy},${c[2] + dz}`) ?? []) {
            if (Math.hypot(p(i, 0) - p(j, 0), p(i, 1) - p(j, 1), p(i, 2) - p(j, 2)) < weld) {
              found = j;
              break;
            }
          }
        }
    if (found >= 0) rep[i] = found;
    else {
      rep[i] = i;
      const key = c.join(",");
      const list = cells.get(key);
      if (list) list.push(i);
      else cells.set(key, [i]);
    }
  }
  // 2. Triangles on the welded vertices, without degenerate ones. Coincident triangles: a pair facing each other
  // (two surfaces pressed together) cancels; of several facing the same way one is kept.
  const candidates: Tri[] = [];
  const bySet = new Map<string, number[]>();
  let dropped = 0;
  for (let t = 0; t < m.indices.length; t += 3) {
    const a = rep[m.indices[t] as number] as number;
    const b = rep[m.indices[t + 1] as number] as number;
    const c = rep[m.indices[t + 2] as number] as number;
    if (a === b || b === c || a === c) {
      dropped++;
      continue;
    }
    const key = [a, b, c].sort((x, y) => x - y).join(",");
    const list = bySet.get(key);
    if (list) list.push(candidates.length);
    else bySet.set(key, [candidates.length]);
    candidates.push([a, b, c]);
  }
  const keep = new Uint8Array(candidates.length);
  for (const list of bySet.values()) {
    if (list.length === 1) {
      keep[list[0] as number] = 1;
      continue;
    }
    const up = list.filter((t) => sameWinding(candidates[t] as Tri, candidates[list[0] as number] as Tri));
    const down = list.filter((t) => !sameWinding(candidates[t] as Tri, candidates[list[0] as number] as Tri));
    const n = up.length - down.length;
    if (n > 0) keep[up[0] as number] = 1;
    else if (n < 0) keep[down[0] as number] = 1;
    dropped += list.length - (n === 0 ? 0 : 1);
  }
  const tris = candidates.filter((_, i) => keep[i] === 1);
  // 3. Split vertices whose triangles form several fans (joined only through edges with exactly two triangles).
  const edgeCount = new Map<string, number>();
  const around = new Map<number, number[]>();
  tris.forEach((tri, ti) => {
    for (let k = 0; k < 3; k++) {
      const a = tri[k] as number;
      const b = tri[(k + 1) % 3] as number;
      edgeCount.set(edgeKey(a, b), (edgeCount.get(edgeKey(a, b)) ?? 0) + 1);
      const list = around.get(a);
      if (list) list.push(ti);
      else around.set(a, [ti]);
    }
  });
  const positions: number[] = [];
  const normals: number[] = [];
  const fibre: number[] = [];
  const newIndex = new Int32Array(nv).fill(-1);
  const emit = (src: number, offset: [number, number, number]) => {
    const id = positions.length / 3;
    for (let k = 0; k < 3; k++) {
      positions.push(p(src, k) + (offset[k] as number));
      normals.push(m.normals[3 * src + k] as number);
    }
    for (let k = 0; k < width; k++) fibre.push((m.fibre as Float32Array)[src * width + k] as number);
    return id;
  };
  const corner = new Map<string, number>(); // "triangle,vertex" -> new index for split vertices
  const copies: { v: number; fan: number[]; dir: [number, number, number] }[] = [];
  const order = [...around.keys()].sort((a, b) => a - b);
  for (const v of order) {
    const list = around.get(v) as number[];
    const parent = new Map<number, number>(list.map((t) => [t, t]));
    const find = (x: number): number => {
      let r = x;
      while (parent.get(r) !== r) r = parent.get(r) as number;
      parent.set(x, r);
      return r;
    };
    const byEdge = new Map<number, number[]>();
    for (const t of list) {
      for (const w of tris[t] as number[]) {
        if (w === v || edgeCount.get(edgeKey(v, w)) !== 2) continue;
        const l = byEdge.get(w);
        if (l) l.push(t);
        else byEdge.set(w, [t]);
      }
    }
    for (const ts of byEdge.values()) if (ts.length === 2) parent.set(find(ts[0] as number), find(ts[1] as number));
    const groups = new Map<number, number[]>();
    for (const t of list) {
      const r = find(t);
      const g = groups.get(r);
      if (g) g.push(t);
      else groups.set(r, [t]);
    }
    const fans = [...groups.values()].sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
    newIndex[v] = emit(v, [0, 0, 0]);
    for (const fan of fans.slice(1)) {
      // Centre of the fan's triangles; the copy moves toward it.
      const c = [0, 0, 0];
      for (const t of fan)
        for (const w of tris[t] as number[])
          for (let k = 0; k < 3; k++) c[k] = (c[k] as number) + p(w, k) / (fan.length * 3);
      const d = [0, 1, 2].map((k) => (c[k] as number) - p(v, k));
      const len = Math.hypot(d[0] as number, d[1] as number, d[2] as number) || 1;
      copies.push({ v, fan, dir: [(d[0] as number) / len, (d[1] as number) / len, (d[2] as number) / len] });
    }
  }
  // Copies go where no other vertex is within the weld distance (further along their direction if need be).
  const grid = new Map<string, number[]>();
  const gkey = (x: number, y: number, z: number) =>
    `${Math.floor(x / weld)},${Math.floor(y / weld)},${Math.floor(z / weld)}`;
  const add = (id: number) => {
    const k = gkey(positions[3 * id] as number, positions[3 * id + 1] as number, positions[3 * id + 2] as number);
    const l = grid.get(k);
    if (l) l.push(id);
    else grid.set(k, [id]);
  };
  /** Distance from (x, y, z) to the nearest vertex, searched up to 2 weld distances (else 2 weld distances). */
  const clearance = (x: number, y: number, z: number) => {
    const [cx, cy, cz] = [Math.floor(x / weld), Math.floor(y / weld), Math.floor(z / weld)];
    let best = 2 * weld;
    for (let dx = -2; dx <= 2; dx++)
      for (let dy = -2; dy <= 2; dy++)
        for (let dz = -2; dz <= 2; dz++)
          for (const j of grid.get(`${cx + dx},${cy + dy},${cz + dz}`) ?? []) {
            const d = Math.hypot(
              (positions[3 * j] as number) - x,
              (positions[3 * j + 1] as number) - y,
              (positions[3 * j + 2] as number) - z,
            );
            if (d < best) best = d;
          }
    return best;
  };
  for (let i = 0; i < positions.length / 3; i++) add(i);
  for (const { v, fan, dir } of copies) {
    // Toward the fan's centre, further if crowded; else toward one of the fan's vertices; else the clearest of those.
    const dirs: [number, number, number][] = [dir];
    for (const t of fan)
      for (const w of tris[t] as number[]) {
        if (w === v) continue;
        const d = [0, 1, 2].map((k) => p(w, k) - p(v, k));
        const len = Math.hypot(d[0] as number, d[1] as number, d[2] as number) || 1;
        dirs.push([(d[0] as number) / len, (d[1] as number) / len, (d[2] as number) / len]);
      }
    let offset: [number, number, number] = [0, 0, 0];
    let best = -1;
    search: for (const d of dirs) {
      for (const k of d === dir ? [1, 1.6, 2.4, 3.5] : [1, 1.6]) {
        const o: [number, number, number] = [d[0] * nudge * k, d[1] * nudge * k, d[2] * nudge * k];
        const c = clearance(p(v, 0) + o[0], p(v, 1) + o[1], p(v, 2) + o[2]);
        if (c > best) {
          best = c;
          offset = o;
        }
        if (c >= weld * 1.5) break search;
      }
    }
    const id = emit(v, offset);
    add(id);
    for (const t of fan) corner.set(`${t},${v}`, id);
  }
  const indices = new Uint32Array(tris.length * 3);
  tris.forEach((tri, t) => {
    for (let k = 0; k < 3; k++) {
      const v = tri[k] as number;
      indices[t * 3 + k] = corner.get(`${t},${v}`) ?? (newIndex[v] as number);
    }
  });
  const out: MeshData = {
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices,
  };
  if (m.fibre) out.fibre = Float32Array.from(fibre);
  return { mesh: out, splits: copies.length, dropped };
}

/**
 * Closes holes of at most `MAX_HOLE_EDGES` edges: each boundary loop (split where it passes a vertex twice) becomes a
 * fan of triangles from one of its vertices whose diagonals are not edges yet, or else from a new vertex at its
 * centre. A loop whose three vertices already carry a triangle (a lone triangle's own outline) is left open.
 */
function closeHoles(m: MeshData, weld: number): { mesh: MeshData; closed: number } {
  const nt = m.indices.length / 3;
  const directed = new Map<string, number>();
  const edges = new Set<string>();
  const faces = new Set<string>();
  for (let t = 0; t < nt; t++) {
    const tri = [m.indices[3 * t], m.indices[3 * t + 1], m.indices[3 * t + 2]] as Tri;
    faces.add([...tri].sort((x, y) => x - y).join(","));
    for (let k = 0; k < 3; k++) {
      const key = `${tri[k]},${tri[(k + 1) % 3]}`;
      directed.set(key, (directed.get(key) ?? 0) + 1);
      edges.add(edgeKey(tri[k] as number, tri[(k + 1) % 3] as number));
    }
  }
  // Boundary: a directed edge a->b without its reverse b->a; the hole runs b->a, so it follows b->a's chain.
  const next = new Map<number, number[]>();
  for (const [key, n] of directed) {
    const [a, b] = key.split(",").map(Number) as [number, number];
    if (n !== 1 || directed.has(`${b},${a}`)) continue;
    const l = next.get(b);
    if (l) l.push(a);
    else next.set(b, [a]);
  }
  if (next.size === 0) return { mesh: m, closed: 0 };
  const loops: number[][] = [];
  for (const start of [...next.keys()].sort((x, y) => x - y)) {
    while ((next.get(start)?.length ?? 0) > 0) {
      // Walk until back at a vertex of the walk; the part from there on is a simple loop.
      const walk = [start];
      const at = new Map<number, number>([[start, 0]]);
      for (;;) {
        const v = walk[walk.length - 1] as number;
        const outs = next.get(v);
        if (!outs || outs.length === 0) break;
        const w = outs.shift() as number;
        const seenAt = at.get(w);
        if (seenAt !== undefined) {
          // Back at w: what the walk did since w is a loop; the walk goes on from w.
          const loop = walk.splice(seenAt);
          loops.push(loop);
          for (const u of loop) at.delete(u);
        }
        at.set(w, walk.length);
        walk.push(w);
      }
    }
  }
  const positions = Array.from(m.positions);
  const normals = Array.from(m.normals);
  const nv = m.positions.length / 3;
  const width = m.fibre ? m.fibre.length / nv : 0;
  const fibre = m.fibre ? Array.from(m.fibre) : [];
  const indices = Array.from(m.indices);
  const pos = (i: number): Vec3 => [
    positions[3 * i] as number,
    positions[3 * i + 1] as number,
    positions[3 * i + 2] as number,
  ];
  let closed = 0;
  const loose = new Set<string>();
  for (const loop of loops) {
    const n = loop.length;
    if (n < 3 || n > MAX_HOLE_EDGES) continue;
    const key = [...loop].sort((x, y) => x - y).join(",");
    if (n === 3 && faces.has(key)) {
      // The outline of a triangle whose three edges are all open: a loose flap left by a weld, dropped.
      loose.add(key);
      closed++;
      continue;
    }
    // A fan from the first vertex whose diagonals are all new edges.
    let from = -1;
    for (let s = 0; s < n && from < 0; s++) {
      const v = loop[s] as number;
      let ok = true;
      for (let k = 2; k < n - 1 && ok; k++) if (edges.has(edgeKey(v, loop[(s + k) % n] as number))) ok = false;
      if (ok) from = s;
    }
    if (from >= 0) {
      const v = loop[from] as number;
      for (let k = 1; k < n - 1; k++) {
        const a = loop[(from + k) % n] as number;
        const b = loop[(from + k + 1) % n] as number;
        indices.push(v, a, b);
        edges.add(edgeKey(v, a));
        edges.add(edgeKey(v, b));
      }
    } else {
      // A new vertex at the loop's centre (its normal and fibre the loop's mean), unless that is within the weld.
      const c: Vec3 = [0, 0, 0];
      const nrm: Vec3 = [0, 0, 0];
      const fib = new Array<number>(width).fill(0);
      for (const v of loop) {
        for (let k = 0; k < 3; k++) {
          c[k] = (c[k] as number) + (positions[3 * v + k] as number) / n;
          nrm[k] = (nrm[k] as number) + (normals[3 * v + k] as number) / n;
        }
        for (let k = 0; k < width; k++) fib[k] = (fib[k] as number) + (fibre[v * width + k] as number) / n;
      }
      if (
        loop.some((v) => {
          const q = pos(v);
          return Math.hypot(q[0] - c[0], q[1] - c[1], q[2] - c[2]) < weld;
        })
      )
        continue;
      const id = positions.length / 3;
      positions.push(...c);
      const len = Math.hypot(...nrm) || 1;
      normals.push(nrm[0] / len, nrm[1] / len, nrm[2] / len);
      fibre.push(...fib);
      for (let k = 0; k < n; k++) indices.push(id, loop[k] as number, loop[(k + 1) % n] as number);
    }
    closed++;
  }
  if (closed === 0) return { mesh: m, closed: 0 };
  const kept: number[] = [];
  for (let t = 0; t < indices.length; t += 3) {
    const tri = indices.slice(t, t + 3);
    if (t < 3 * nt && loose.has([...tri].sort((x, y) => x - y).join(","))) continue;
    kept.push(...tri);
  }
  const out: MeshData = {
    positions: Float32Array.from(positions),
    normals: Float32Array.from(normals),
    indices: Uint32Array.from(kept),
  };
  if (m.fibre) out.fibre = Float32Array.from(fibre);
  return { mesh: out, closed };
}
