// Broad flat muscle: its fascicles blended into ONE smooth sheet, thin, thinning toward its free borders
// and into aponeuroses/tendons at its ends, thickness scaled to the muscle's volume.
import type { SheetGeometry } from "../../src/lib/geometry-soft.ts";
import type { MeshData } from "../types.ts";
import { resolvePath, resolvePoint, type SoftContext } from "./context.ts";
import { loftSurface, slabFromGrid, weightedArea } from "./loft.ts";
import { MeshBuilder } from "./mesh.ts";
import { pushPositions, resolveAvoid } from "./obstacles.ts";
import { smoothstep } from "./vec.ts";

/** Thickness weight 0..1 over the sheet (u across, v along the fibres). */
export function sheetWeight(edge: number, originTaper: number, insertionTaper: number) {
  return (u: number, v: number): number => {
    const e = edge > 0 ? smoothstep(0, edge, u) * smoothstep(0, edge, 1 - u) : 1;
    const o = originTaper > 0 ? smoothstep(0, originTaper, v) : 1;
    const i = insertionTaper > 0 ? smoothstep(0, insertionTaper, 1 - v) : 1;
    return Math.sqrt(e) * o * i;
  };
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
    minRowWidth: 0.008,
  });
  let thick: number;
  if (g.thicknessMm !== undefined) thick = g.thicknessMm / 1000;
  else {
    const derived = paths.map((p) => p.derived?.volumeCm3);
    const sum = derived.every((v) => v !== undefined) ? derived.reduce<number>((s, v) => s + (v ?? 0), 0) : undefined;
    const volumeCm3 = g.volumeCm3 ?? sum;
    if (volumeCm3 === undefined) throw new Error("sheet needs volumeCm3, thicknessMm or derived paths with volumes");
    const area = weightedArea(grid, () => 1);
    const wArea = weightedArea(grid, w);
    thick = minT + Math.max(0, volumeCm3 * 1e-6 - minT * area) / wArea;
  }
  const mb = new MeshBuilder();
  slabFromGrid(mb, grid, {
    thickness: (u, v) => minT + (thick - minT) * w(u, v),
    ...(deep ? { deep } : {}),
  });
  pushPositions(mb.positions, resolveAvoid(ctx, g.avoid), (g.clearanceMm ?? 1) / 1000);
  return mb.toMesh();
}
