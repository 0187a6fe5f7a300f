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
