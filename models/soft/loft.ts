// Lofted slabs: a smooth surface through several lines (fascicles or rails), given a thickness and closed.
// Used by broad sheet muscles and by bands (ligaments, retinacula, fascia).
import type { Vec3 } from "../types.ts";
import { add, at, cross, dist, dot, len, madd, normalize, scale, sub } from "../vec.ts";
import { cumulativeLength, resample, smoothCurve } from "./curve.ts";
import { centroid, type MeshBuilder } from "./mesh.ts";

export interface LoftSpec {
  /** Lines ordered across the slab, each running along it (at least two). */
  lines: Vec3[][];
  /** Vertices across the slab. */
  across: number;
  /** Vertices along the slab. */
  along: number;
  /** Thickness (metres) at (u across, v along), both 0..1. */
  thickness: (u: number, v: number) => number;
  /** Deep side: thickness grows away from this point (otherwise on both sides of the surface). */
  deep?: Vec3;
  /** Added displacement (metres) at (u, v), e.g. an arch. */
  displace?: (u: number, v: number, p: Vec3) => Vec3;
  /** Rows narrower than this (metres) are widened to it, so converging fascicles keep a tendon width. */
  minRowWidth?: number;
  /** Smooth the lines with splines (default true); false keeps them piecewise straight. */
  smooth?: boolean;
}

/** The middle surface as a grid [i across][j along]. */
export function loftSurface(spec: LoftSpec): Vec3[][] {
  const smooth = spec.smooth ?? true;
  const lines = spec.lines.map((l) => (smooth ? smoothCurve(l, spec.along) : resample(l, spec.along)));
  // Rows across (for each j), smoothed through the lines and resampled evenly.
  const rows: Vec3[][] = [];
  for (let j = 0; j < spec.along; j++) {
    const pts = lines.map((l) => at(l, j));
    const spread = dist(at(pts, 0), at(pts, pts.length - 1));
    const across = spread > 1e-6 ? (smooth ? smoothCurve(pts, spec.across) : resample(pts, spec.across)) : undefined;
    rows.push(across ?? Array.from({ length: spec.across }, () => at(pts, 0)));
  }
  // Widen rows that are too narrow (all fascicles meeting at one insertion point).
  const minW = spec.minRowWidth ?? 0;
  if (minW > 0) {
    const dirs = rows.map((r) => sub(at(r, r.length - 1), at(r, 0)));
    for (let j = 0; j < rows.length; j++) {
      const row = at(rows, j);
      const w = cumulativeLength(row).at(-1) ?? 0;
      if (w >= minW) continue;
      // Direction from the nearest row that has one.
      let dir: Vec3 | undefined;
      for (let d = 0; d < rows.length && !dir; d++) {
        for (const jj of [j - d, j + d]) {
          const v = dirs[jj];
          if (v && len(v) > 1e-5) {
            dir = normalize(v);
            break;
          }
        }
      }
      if (!dir) continue;
      const c = centroid(row);
      const f = (minW - w) / minW;
      rows[j] = row.map((p, i) => {
        const target = madd(c, dir, (i / (row.length - 1) - 0.5) * minW);
        return add(scale(p, 1 - f), scale(target, f));
      });
    }
  }
  const grid: Vec3[][] = [];
  for (let i = 0; i < spec.across; i++) grid.push(rows.map((r) => at(r, i)));
  if (spec.displace) {
    const d = spec.displace;
    return grid.map((col, i) => col.map((p, j) => add(p, d(i / (spec.across - 1), j / (spec.along - 1), p))));
  }
  return grid;
}

/** Unit normals d/di x d/dj of a grid (central differences; degenerate spots borrow a neighbour's). */
export function gridNormals(grid: Vec3[][]): Vec3[][] {
  const ni = grid.length;
  const nj = at(grid, 0).length;
  const g = (i: number, j: number): Vec3 =>
    at(at(grid, Math.min(ni - 1, Math.max(0, i))), Math.min(nj - 1, Math.max(0, j)));
  const out: (Vec3 | undefined)[][] = [];
  for (let i = 0; i < ni; i++) {
    const col: (Vec3 | undefined)[] = [];
    for (let j = 0; j < nj; j++) {
      const di = sub(g(i + 1, j), g(i - 1, j));
      const dj = sub(g(i, j + 1), g(i, j - 1));
      const n = cross(di, dj);
      col.push(len(n) > 1e-12 ? normalize(n) : undefined);
    }
    out.push(col);
  }
  let mean: Vec3 = [0, 0, 0];
  for (const col of out) for (const n of col) if (n) mean = add(mean, n);
  const fallback = normalize(mean, [0, 0, 1]);
  return out.map((col) => col.map((n) => n ?? fallback));
}

/** Cell areas summed with a weight function of (u, v). */
export function weightedArea(grid: Vec3[][], w: (u: number, v: number) => number): number {
  const ni = grid.length;
  const nj = at(grid, 0).length;
  let s = 0;
  for (let i = 0; i + 1 < ni; i++) {
    for (let j = 0; j + 1 < nj; j++) {
      const a = at(at(grid, i), j);
      const b = at(at(grid, i + 1), j);
      const c = at(at(grid, i + 1), j + 1);
      const d = at(at(grid, i), j + 1);
      const area = (len(cross(sub(b, a), sub(d, a))) + len(cross(sub(b, c), sub(d, c)))) / 2;
      s += area * w((i + 0.5) / (ni - 1), (j + 0.5) / (nj - 1));
    }
  }
  return s;
}

/** Build the closed slab around a middle surface grid. */
export function slabFromGrid(
  mb: MeshBuilder,
  grid: Vec3[][],
  spec: Pick<LoftSpec, "thickness" | "deep"> & { tendon?: (v: number) => number },
): void {
  const ni = grid.length;
  const nj = at(grid, 0).length;
  const normals = gridNormals(grid);
  let side = 0; // +1: normals point away from the deep point; -1: toward it.
  if (spec.deep) {
    const deep = spec.deep;
    let votes = 0;
    grid.forEach((col, i) => {
      col.forEach((p, j) => {
        votes += dot(at(at(normals, i), j), sub(p, deep)) >= 0 ? 1 : -1;
      });
    });
    side = votes >= 0 ? 1 : -1;
  }
  const top: Vec3[][] = [];
  const bottom: Vec3[][] = [];
  for (let i = 0; i < ni; i++) {
    const tc: Vec3[] = [];
    const bc: Vec3[] = [];
    for (let j = 0; j < nj; j++) {
      const p = at(at(grid, i), j);
      const n = at(at(normals, i), j);
      const t = spec.thickness(i / (ni - 1), j / (nj - 1));
      const up = side === 0 ? t / 2 : side > 0 ? t : 0;
      const down = t - up;
      tc.push(madd(p, n, up));
      bc.push(madd(p, n, -down));
    }
    top.push(tc);
    bottom.push(bc);
  }
  const tendon = spec.tendon;
  mb.slab(
    top,
    bottom,
    Array.from({ length: nj }, (_, j) => j / (nj - 1)),
    false,
    tendon ? Array.from({ length: nj }, (_, j) => tendon(j / (nj - 1))) : undefined,
  );
}

/** Loft and close a slab; appended to `mb`. */
export function loft(mb: MeshBuilder, spec: LoftSpec): Vec3[][] {
  const grid = loftSurface(spec);
  slabFromGrid(mb, grid, spec);
  return grid;
}
