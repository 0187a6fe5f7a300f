// Broad flat muscle: its fascicles blended into ONE smooth sheet, thin, thinning toward its free borders
// and into aponeuroses/tendons at its ends, thickness scaled to the muscle's volume.
import type { SheetGeometry } from "../../src/schemas/geometry-soft.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { add, at, normalize, scale, smoothstep, sub } from "../vec.ts";
import { signedVolume } from "./analyse.ts";
import { resolvePath, resolvePoint, type SoftContext } from "./context.ts";
import { polylineLength, resample, trim } from "./curve.ts";
import { loftSurface, slabFromGrid, weightedArea } from "./loft.ts";
import { MeshBuilder } from "./mesh.ts";
import { boneSolids, pushGrid, pushMesh, resolveAvoid } from "./obstacles.ts";

/** Thickness weight 0..1 over the sheet (u across, v along the fibres). */
export function sheetWeight(edge: number, originTaper: number, insertionTaper: number) {
  return (u: number, v: number): number => {
    const e = edge > 0 ? smoothstep(0, edge, u) * smoothstep(0, edge, 1 - u) : 1;
    const o = originTaper > 0 ? smoothstep(0, originTaper, v) : 1;
    const i = insertionTaper > 0 ? smoothstep(0, insertionTaper, 1 - v) : 1;
    return Math.sqrt(e) * o * i;
  };
}

/**
 * Notch the origin edge between fascicles (separate slips, as in serratus anterior): each column starts
 * further along its length the farther it lies from a fascicle.
 */
export function serrate(grid: Vec3[][], origins: readonly Vec3[], depth: number): void {
  const ni = grid.length;
  // Column nearest to each fascicle's origin: the slips' tips.
  const tips = origins
    .map((o) => {
      let best = 0;
      let bestD = Infinity;
      grid.forEach((col, i) => {
        const p = col[0];
        if (!p) return;
        const d = Math.hypot(p[0] - o[0], p[1] - o[1], p[2] - o[2]);
        if (d < bestD) {
          bestD = d;
          best = i;
        }
      });
      return best;
    })
    .sort((a, b) => a - b);
  for (let i = 0; i < ni; i++) {
    let lo = -Infinity;
    let hi = Infinity;
    for (const t of tips) {
      if (t <= i) lo = t;
      if (t >= i && hi === Infinity) hi = t;
    }
    if (lo === i || hi === i || !Number.isFinite(lo) || !Number.isFinite(hi)) continue;
    const d = Math.min(i - lo, hi - i) / ((hi - lo) / 2);
    const start = depth * d ** 1.5;
    const col = grid[i];
    if (!col || start <= 0) continue;
    grid[i] = resample(trim(col, start, 1), col.length);
  }
}

/** A sheet's mean thickness stays under this fraction of its mean width (wider muscles are fanned out). */
export const SHEET_MAX_THICKNESS_RATIO = 0.3;

const rowOf = (grid: Vec3[][], j: number): Vec3[] => grid.map((col) => at(col, j));

/**
 * Fan a sheet out across, most at its origin and not at all at its insertion, until the thickness its volume needs
 * over its area is at most SHEET_MAX_THICKNESS_RATIO of its mean width (up to three times as wide). Each row is
 * extended beyond its borders along its end directions, so the fascicles' own points stay on the sheet.
 */
export function widenForVolume(grid: Vec3[][], volume: number, w: (u: number, v: number) => number): void {
  const ni = grid.length;
  const nj = at(grid, 0).length;
  const rows = Array.from({ length: nj }, (_, j) => rowOf(grid, j));
  const fits = () => {
    const widths = Array.from({ length: nj }, (_, j) => polylineLength(rowOf(grid, j)));
    const meanWidth = widths.reduce((a, b) => a + b, 0) / nj;
    return volume / weightedArea(grid, w) <= SHEET_MAX_THICKNESS_RATIO * meanWidth;
  };
  for (let s = 1.1; s <= 3.001 && !fits(); s += 0.1) {
    for (let j = 0; j < nj; j++) {
      const row = rows[j] as Vec3[];
      const f = 1 + (s - 1) * (1 - j / (nj - 1));
      const e = ((f - 1) * polylineLength(row)) / 2;
      const first = at(row, 0);
      const last = at(row, ni - 1);
      const a = normalize(sub(first, at(row, 1)));
      const b = normalize(sub(last, at(row, ni - 2)));
      const wide = resample([add(first, scale(a, e)), ...row, add(last, scale(b, e))], ni);
      for (let i = 0; i < ni; i++) (grid[i] as Vec3[])[j] = at(wide, i);
    }
  }
}

export function buildSheet(ctx: SoftContext, g: SheetGeometry): MeshData {
  const paths = g.fascicles.map((f) => resolvePath(ctx, f));
  const across = g.resolution?.around ?? Math.min(24, Math.max(8, paths.length * 3));
  const along = g.resolution?.along ?? 28;
  const minT = (g.minThicknessMm ?? 1) / 1000;
  const w = sheetWeight(g.edgeTaper ?? 0.2, g.originTaper ?? 0.05, g.insertionTaper ?? 0.1);
  const deep = g.deepToward ? resolvePoint(ctx, g.deepToward) : undefined;
  const grid = loftSurface({
    lines: paths.map((p) => p.points),
    across,
    along,
    thickness: () => 0,
    minRowWidth: (g.minWidthMm ?? 8) / 1000,
  });
  if (g.serrate)
    serrate(
      grid,
      paths.map((p) => at(p.points, 0)),
      g.serrate,
    );
  const derived = paths.map((p) => p.derived?.volumeCm3);
  const sum = derived.every((v) => v !== undefined) ? derived.reduce<number>((s, v) => s + (v ?? 0), 0) : undefined;
  const volumeCm3 = g.thicknessMm === undefined ? (g.volumeCm3 ?? sum) : undefined;
  if (g.thicknessMm === undefined && volumeCm3 === undefined)
    throw new Error("sheet needs volumeCm3, thicknessMm or derived paths with volumes");
  // A muscle whose reference fascicles span too narrow a sheet for its volume is fanned out at its origin.
  if (volumeCm3 !== undefined) widenForVolume(grid, volumeCm3 * 1e-6, w);
  // Keep the sheet's deep surface out of the bones (its ends stay on their attachments), then thicken it.
  const ends = paths
    .flatMap((p) => [p.points[0], p.points[p.points.length - 1]])
    .filter((p): p is Vec3 => p !== undefined);
  // Where its origin or insertion edge lies on the midline it attaches there as a whole (to the nuchal and
  // supraspinous ligaments, the linea alba), so the bones beneath do not push it off the midline.
  const midline = [...rowOf(grid, 0), ...rowOf(grid, along - 1)].filter((p) => Math.abs(p[0]) < 0.01);
  const pins = { points: ends, radius: 0.012, more: { points: midline, radius: 0.004 } };
  const clearance = (g.clearanceMm ?? 1) / 1000;
  const bones = boneSolids(ctx, g.avoid);
  pushGrid(grid, [...resolveAvoid(ctx, g.avoid, true), ...bones], clearance, pins);
  // A sheet is never thicker than its local width (so converging ends stay flat, not fins); within that, its
  // thickness follows its volume over its area.
  const rowWidth = Array.from({ length: along }, (_, j) => polylineLength(grid.map((col) => at(col, j))));
  const cap = (v: number): number => Math.max(minT, at(rowWidth, Math.round(v * (along - 1))));
  const thicknessAt = (T: number) => (u: number, v: number) => Math.min(cap(v), minT + (T - minT) * w(u, v));
  const slab = (T: number): MeshData => {
    const mb = new MeshBuilder();
    slabFromGrid(mb, grid, {
      thickness: thicknessAt(T),
      tendon: (v) => 1 - smoothstep(0, 0.3, w(0.5, v)),
      ...(deep ? { deep } : {}),
    });
    // Whatever of the slab still reaches into bone (its superficial side on a curved bone) comes out too.
    pushMesh(mb, bones, clearance, pins);
    return mb.toMesh();
  };
  if (g.thicknessMm !== undefined || volumeCm3 === undefined) return slab((g.thicknessMm ?? 1) / 1000);
  const target = volumeCm3 * 1e-6;
  const solve = (goal: number): number => {
    let lo = minT;
    let hi = 0.2;
    for (let it = 0; it < 50; it++) {
      const mid = (lo + hi) / 2;
      if (weightedArea(grid, thicknessAt(mid)) < goal) lo = mid;
      else hi = mid;
    }
    return (lo + hi) / 2;
  };
  // The grid's area times thickness is only a first guess on a curved sheet (its outer face is larger or smaller
  // than its inner one): measure the built slab and correct the goal.
  let goal = target;
  let mesh = slab(solve(goal));
  for (let it = 0; it < 3; it++) {
    const v = signedVolume(mesh);
    if (!(v > 0) || Math.abs(v / target - 1) < 0.03) break;
    goal *= target / v;
    mesh = slab(solve(goal));
  }
  return mesh;
}
