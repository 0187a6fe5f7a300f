// Broad flat muscle: its fascicles blended into ONE smooth sheet, thin, thinning toward its free borders
// and into aponeuroses/tendons at its ends, thickness scaled to the muscle's volume.
import type { SheetGeometry } from "../../src/schemas/geometry-soft.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { resolvePath, resolvePoint, type SoftContext } from "./context.ts";
import { polylineLength, resample, trim } from "./curve.ts";
import { loftSurface, slabFromGrid, weightedArea } from "./loft.ts";
import { MeshBuilder } from "./mesh.ts";
import { pushGrid, resolveAvoid } from "./obstacles.ts";
import { at, smoothstep } from "./vec.ts";

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
  // Keep the sheet's deep surface out of the bones (its ends stay on their attachments), then thicken it.
  const ends = paths
    .flatMap((p) => [p.points[0], p.points[p.points.length - 1]])
    .filter((p): p is Vec3 => p !== undefined);
  pushGrid(grid, resolveAvoid(ctx, g.avoid, true), (g.clearanceMm ?? 1) / 1000, { points: ends, radius: 0.012 });
  // A sheet is never thicker than about half its local width (so converging ends stay flat, not fins).
  const rowWidth = Array.from({ length: along }, (_, j) => polylineLength(grid.map((col) => at(col, j))));
  const cap = (v: number): number => Math.max(minT, 0.35 * at(rowWidth, Math.round(v * (along - 1))));
  const thicknessAt = (T: number) => (u: number, v: number) => Math.min(cap(v), minT + (T - minT) * w(u, v));
  let thick: number;
  if (g.thicknessMm !== undefined) thick = g.thicknessMm / 1000;
  else {
    const derived = paths.map((p) => p.derived?.volumeCm3);
    const sum = derived.every((v) => v !== undefined) ? derived.reduce<number>((s, v) => s + (v ?? 0), 0) : undefined;
    const volumeCm3 = g.volumeCm3 ?? sum;
    if (volumeCm3 === undefined) throw new Error("sheet needs volumeCm3, thicknessMm or derived paths with volumes");
    const target = volumeCm3 * 1e-6;
    let lo = minT;
    let hi = 0.2;
    for (let it = 0; it < 50; it++) {
      const mid = (lo + hi) / 2;
      if (weightedArea(grid, thicknessAt(mid)) < target) lo = mid;
      else hi = mid;
    }
    thick = (lo + hi) / 2;
  }
  const mb = new MeshBuilder();
  slabFromGrid(mb, grid, {
    thickness: thicknessAt(thick),
    tendon: (v) => 1 - smoothstep(0, 0.3, w(0.5, v)),
    ...(deep ? { deep } : {}),
  });
  return mb.toMesh();
}
