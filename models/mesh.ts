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

/** Concatenates meshes (the fibre attribute is kept only when every part has one of the same width). */
export function mergeMeshes(parts: MeshData[]): MeshData {
  const nv = parts.reduce((s, m) => s + m.positions.length / 3, 0);
  const ni = parts.reduce((s, m) => s + m.indices.length, 0);
  const positions = new Float32Array(nv * 3);
  const normals = new Float32Array(nv * 3);
  const indices = new Uint32Array(ni);
  const fibreWidth = parts.every((m) => m.fibre)
    ? (parts[0]?.fibre?.length ?? 0) / ((parts[0]?.positions.length ?? 3) / 3)
    : 0;
  const sameWidth =
    fibreWidth > 0 && parts.every((m) => (m.fibre?.length ?? 0) === (m.positions.length / 3) * fibreWidth);
  const fibre = sameWidth ? new Float32Array(nv * fibreWidth) : undefined;
  let vo = 0;
  let io = 0;
  for (const m of parts) {
    positions.set(m.positions, vo * 3);
    normals.set(m.normals, vo * 3);
    if (fibre && m.fibre) fibre.set(m.fibre, vo * fibreWidth);
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

/**
 * Welds and repairs a mesh so that every vertex is manifold once it is quantized: vertices closer than `weld`
 * metres (more than a quantization step) are merged, degenerate and duplicate triangles dropped, and a vertex
 * whose triangles form more than one fan (surfaces pinched together at a point, or an edge shared by more than
 * two triangles) is split, one copy per fan, each extra copy moved `nudge` metres toward its own fan so the
 * copies stay apart after quantization. Unused vertices are dropped. Deterministic. `weld` must exceed twice the
 * quantization step of the file (1.8 m / 2^14 = 0.11 mm; the overview's 13 bits 0.22 mm) so that no two kept
 * vertices meet once quantized.
 */
export function repairMesh(m: MeshData, weld = 0.00025, nudge = 0.0005): MeshData {
  // A split can leave a copy near another vertex; the next pass welds and splits again (two passes nearly always do).
  let out = m;
  for (let pass = 0; pass < 4; pass++) {
    const r = repairOnce(out, weld, nudge);
    out = r.mesh;
    if (r.splits === 0) break;
  }
  return out;
}

function repairOnce(m: MeshData, weld: number, nudge: number): { mesh: MeshData; splits: number } {
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
  // 2. Triangles on the welded vertices, without degenerate or duplicate ones.
  const tris: [number, number, number][] = [];
  const seen = new Set<string>();
  for (let t = 0; t < m.indices.length; t += 3) {
    const a = rep[m.indices[t] as number] as number;
    const b = rep[m.indices[t + 1] as number] as number;
    const c = rep[m.indices[t + 2] as number] as number;
    if (a === b || b === c || a === c) continue;
    const key = [a, b, c].sort((x, y) => x - y).join(",");
    if (seen.has(key)) continue;
    seen.add(key);
    tris.push([a, b, c]);
  }
  // 3. Split vertices whose triangles form several fans (joined only through edges with exactly two triangles).
  const edgeKey = (a: number, b: number) => (a < b ? `${a},${b}` : `${b},${a}`);
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
  const crowded = (x: number, y: number, z: number) => {
    const [cx, cy, cz] = [Math.floor(x / weld), Math.floor(y / weld), Math.floor(z / weld)];
    for (let dx = -2; dx <= 2; dx++)
      for (let dy = -2; dy <= 2; dy++)
        for (let dz = -2; dz <= 2; dz++)
          for (const j of grid.get(`${cx + dx},${cy + dy},${cz + dz}`) ?? []) {
            const d = Math.hypot(
              (positions[3 * j] as number) - x,
              (positions[3 * j + 1] as number) - y,
              (positions[3 * j + 2] as number) - z,
            );
            if (d < weld * 1.5) return true;
          }
    return false;
  };
  for (let i = 0; i < positions.length / 3; i++) add(i);
  for (const { v, fan, dir } of copies) {
    let offset: [number, number, number] = [0, 0, 0];
    for (const k of [1, 1.6, 2.4, 3.5]) {
      offset = [dir[0] * nudge * k, dir[1] * nudge * k, dir[2] * nudge * k];
      if (!crowded(p(v, 0) + offset[0], p(v, 1) + offset[1], p(v, 2) + offset[2])) break;
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
  return { mesh: out, splits: copies.length };
}
