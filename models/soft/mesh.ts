// Mesh assembly for the soft-tissue builders: closed tubes from rings, closed slabs from grids,
// smooth (area-weighted) vertex normals. Merging and mirroring: models/mesh.ts.
import type { MeshData, Vec3 } from "../types.ts";
import { at, cross, scale, sub } from "../vec.ts";

/**
 * Growing triangle mesh with a per-vertex fibre attribute of two values: the coordinate along the fibres (0..1)
 * and how much the spot is tendon rather than muscle belly (0 = belly, 1 = tendon).
 */
export class MeshBuilder {
  readonly positions: number[] = [];
  readonly fibre: number[] = [];
  readonly indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }

  vertex(p: Vec3, fibre = 0, tendon = 0): number {
    this.positions.push(p[0], p[1], p[2]);
    this.fibre.push(fibre, tendon);
    return this.vertexCount - 1;
  }

  tri(a: number, b: number, c: number): void {
    this.indices.push(a, b, c);
  }

  /** Quad a-b-c-d (counter-clockwise seen from outside) as two triangles. */
  quad(a: number, b: number, c: number, d: number): void {
    this.indices.push(a, b, c, a, c, d);
  }

  position(i: number): Vec3 {
    return [at(this.positions, 3 * i), at(this.positions, 3 * i + 1), at(this.positions, 3 * i + 2)];
  }

  setPosition(i: number, p: Vec3): void {
    this.positions[3 * i] = p[0];
    this.positions[3 * i + 1] = p[1];
    this.positions[3 * i + 2] = p[2];
  }

  /**
   * A closed tube through `rings` (each ring: same vertex count, counter-clockwise around the direction of
   * travel), closed by a pole vertex at each end. `fibre[k]` is the fibre coordinate of ring k, `tendon[k]` its
   * tendon weight.
   */
  tube(
    rings: readonly Vec3[][],
    fibre: readonly number[],
    startPole: Vec3,
    endPole: Vec3,
    tendon?: readonly number[],
  ): void {
    const td = (k: number): number => (tendon ? at(tendon, k) : 0);
    const m = at(rings, 0).length;
    const base: number[] = [];
    for (let k = 0; k < rings.length; k++) {
      base.push(this.vertexCount);
      for (const p of at(rings, k)) this.vertex(p, at(fibre, k), td(k));
    }
    for (let k = 0; k + 1 < rings.length; k++) {
      const r0 = at(base, k);
      const r1 = at(base, k + 1);
      for (let j = 0; j < m; j++) {
        const j1 = (j + 1) % m;
        this.tri(r0 + j, r0 + j1, r1 + j);
        this.tri(r0 + j1, r1 + j1, r1 + j);
      }
    }
    const s = this.vertex(startPole, at(fibre, 0), td(0));
    const first = at(base, 0);
    for (let j = 0; j < m; j++) this.tri(s, first + ((j + 1) % m), first + j);
    const e = this.vertex(endPole, at(fibre, fibre.length - 1), td(fibre.length - 1));
    const last = at(base, base.length - 1);
    for (let j = 0; j < m; j++) this.tri(e, last + j, last + ((j + 1) % m));
  }

  /**
   * A closed slab between two grids `top[i][j]` and `bottom[i][j]` (i across, j along).
   * `top` must lie on the side of (d/di x d/dj). With `periodicI` the i direction wraps around
   * (a thick sleeve), otherwise the four borders are closed by side strips.
   */
  slab(
    top: readonly Vec3[][],
    bottom: readonly Vec3[][],
    fibre: readonly number[],
    periodicI = false,
    tendon?: readonly number[],
  ): void {
    const td = (j: number): number => (tendon ? at(tendon, j) : 0);
    const ni = top.length;
    const nj = at(top, 0).length;
    const T: number[][] = [];
    const B: number[][] = [];
    for (let i = 0; i < ni; i++) {
      const tr: number[] = [];
      const br: number[] = [];
      for (let j = 0; j < nj; j++) {
        tr.push(this.vertex(at(at(top, i), j), at(fibre, j), td(j)));
        br.push(this.vertex(at(at(bottom, i), j), at(fibre, j), td(j)));
      }
      T.push(tr);
      B.push(br);
    }
    const t = (i: number, j: number): number => at(at(T, periodicI ? i % ni : i), j);
    const b = (i: number, j: number): number => at(at(B, periodicI ? i % ni : i), j);
    const iMax = periodicI ? ni : ni - 1;
    for (let i = 0; i < iMax; i++) {
      for (let j = 0; j < nj - 1; j++) {
        this.tri(t(i, j), t(i + 1, j), t(i, j + 1));
        this.tri(t(i + 1, j), t(i + 1, j + 1), t(i, j + 1));
        this.tri(b(i, j), b(i, j + 1), b(i + 1, j));
        this.tri(b(i + 1, j), b(i, j + 1), b(i + 1, j + 1));
      }
      // j = 0 border (outward is -d/dj) and j = nj-1 border (outward +d/dj).
      this.tri(t(i, 0), b(i, 0), t(i + 1, 0));
      this.tri(t(i + 1, 0), b(i, 0), b(i + 1, 0));
      const l = nj - 1;
      this.tri(t(i, l), t(i + 1, l), b(i, l));
      this.tri(t(i + 1, l), b(i + 1, l), b(i, l));
    }
    if (!periodicI) {
      const l = ni - 1;
      for (let j = 0; j < nj - 1; j++) {
        // i = 0 border (outward -d/di) and i = ni-1 border (outward +d/di).
        this.tri(t(0, j), t(0, j + 1), b(0, j));
        this.tri(t(0, j + 1), b(0, j + 1), b(0, j));
        this.tri(t(l, j), b(l, j), t(l, j + 1));
        this.tri(t(l, j + 1), b(l, j), b(l, j + 1));
      }
    }
  }

  /** Append another mesh. */
  append(mesh: MeshData): void {
    const offset = this.vertexCount;
    for (let i = 0; i < mesh.positions.length; i++) this.positions.push(mesh.positions[i] ?? 0);
    const n = mesh.positions.length / 3;
    const width = mesh.fibre ? mesh.fibre.length / n : 0;
    for (let i = 0; i < n; i++) {
      this.fibre.push(
        width >= 1 ? (mesh.fibre?.[i * width] ?? 0) : 0,
        width >= 2 ? (mesh.fibre?.[i * width + 1] ?? 0) : 0,
      );
    }
    for (let i = 0; i < mesh.indices.length; i++) this.indices.push((mesh.indices[i] ?? 0) + offset);
  }

  toMesh(withFibre = true): MeshData {
    const positions = new Float32Array(this.positions);
    const indices = new Uint32Array(this.indices);
    const mesh: MeshData = { positions, normals: vertexNormals(positions, indices), indices };
    if (withFibre) mesh.fibre = new Float32Array(this.fibre);
    return mesh;
  }
}

/** Area-weighted smooth vertex normals. */
export function vertexNormals(positions: Float32Array, indices: Uint32Array): Float32Array {
  const normals = new Float64Array(positions.length);
  const p = (i: number): Vec3 => [positions[3 * i] ?? 0, positions[3 * i + 1] ?? 0, positions[3 * i + 2] ?? 0];
  for (let f = 0; f < indices.length; f += 3) {
    const a = indices[f] ?? 0;
    const b = indices[f + 1] ?? 0;
    const c = indices[f + 2] ?? 0;
    const pa = p(a);
    const n = cross(sub(p(b), pa), sub(p(c), pa));
    for (const v of [a, b, c]) {
      normals[3 * v] = (normals[3 * v] ?? 0) + n[0];
      normals[3 * v + 1] = (normals[3 * v + 1] ?? 0) + n[1];
      normals[3 * v + 2] = (normals[3 * v + 2] ?? 0) + n[2];
    }
  }
  const out = new Float32Array(positions.length);
  for (let v = 0; v < positions.length; v += 3) {
    const x = normals[v] ?? 0;
    const y = normals[v + 1] ?? 0;
    const z = normals[v + 2] ?? 0;
    const l = Math.hypot(x, y, z);
    if (l > 0) {
      out[v] = x / l;
      out[v + 1] = y / l;
      out[v + 2] = z / l;
    } else {
      out[v + 1] = 1;
    }
  }
  return out;
}

/** An elliptical ring of `m` points around `centre`: axes u (half-width a) and v (half-width b). */
export function ellipseRing(centre: Vec3, u: Vec3, v: Vec3, a: number, b: number, m: number): Vec3[] {
  const ring: Vec3[] = [];
  for (let j = 0; j < m; j++) {
    const th = (2 * Math.PI * j) / m;
    const c = Math.cos(th) * a;
    const s = Math.sin(th) * b;
    ring.push([centre[0] + u[0] * c + v[0] * s, centre[1] + u[1] * c + v[1] * s, centre[2] + u[2] * c + v[2] * s]);
  }
  return ring;
}

/** Midpoint helper for poles. */
export const centroid = (pts: readonly Vec3[]): Vec3 =>
  scale(
    pts.reduce<Vec3>((s, p) => [s[0] + p[0], s[1] + p[1], s[2] + p[2]], [0, 0, 0]),
    1 / pts.length,
  );
