// Ligaments, retinacula, flat tendons and fascia: a thin band lofted across rails, or along a centre line
// with a width, optionally arched (e.g. the transverse carpal ligament over the carpal tunnel).
import type { BandGeometry } from "../../src/schemas/geometry-soft.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { at, cross, dot, madd, normalize, perp, scale, smoothstep, sub } from "../vec.ts";
import { resolvePath, resolvePoint, type SoftContext } from "./context.ts";
import { polylineLength, smoothCurve, transportFrames } from "./curve.ts";
import { gridNormals, loftSurface, slabFromGrid } from "./loft.ts";
import { centroid, MeshBuilder } from "./mesh.ts";
import { boneSolids, layOnto, pushGrid, pushMesh, resolveAvoid } from "./obstacles.ts";

/** Rails for a band given as a centre line with a width. */
export function railsFromPath(
  curve: Vec3[],
  width0: number,
  width1: number,
  face: ((p: Vec3) => Vec3) | undefined,
  count = 2,
): Vec3[][] {
  const frames = transportFrames(curve);
  const n = curve.length;
  const rails: Vec3[][] = Array.from({ length: count }, () => []);
  let prev: Vec3 | undefined;
  curve.forEach((p, k) => {
    const f = at(frames, k);
    const fn = face ? normalize(perp(face(p), f.t), f.n) : f.n;
    let w = normalize(cross(f.t, fn));
    if (prev && w[0] * prev[0] + w[1] * prev[1] + w[2] * prev[2] < 0) w = scale(w, -1);
    prev = w;
    const width = width0 + ((width1 - width0) * k) / (n - 1);
    for (let r = 0; r < count; r++) {
      const rail = at(rails, r);
      rail.push(madd(p, w, (r / (count - 1) - 0.5) * width));
    }
  });
  return rails;
}

/** Extra gap between a band and the structures it lies on (`onto`), metres. */
const ONTO_GAP = 0.0015;

export function buildBand(ctx: SoftContext, g: BandGeometry): MeshData {
  const along = g.resolution?.along ?? 16;
  let lines: Vec3[][];
  let across = g.resolution?.around ?? 8;
  if (g.rails) {
    lines = g.rails.map((rail) => rail.map((p) => resolvePoint(ctx, p)));
  } else if (g.path && g.widthMm !== undefined) {
    const pts = resolvePath(ctx, g.path).points;
    const n = Math.max(along, Math.min(80, Math.round(polylineLength(pts) / 0.01)));
    const curve = smoothCurve(pts, n);
    const toward = g.faceToward ? resolvePoint(ctx, g.faceToward) : undefined;
    const axis = g.faceAxis;
    const face = toward ? (p: Vec3): Vec3 => sub(toward, p) : axis ? (): Vec3 => axis : undefined;
    lines = railsFromPath(curve, g.widthMm / 1000, (g.endWidthMm ?? g.widthMm) / 1000, face, 3);
    across = g.resolution?.around ?? 5;
  } else throw new Error("a band needs rails or a path with widthMm");

  const archTarget = g.archToward ? resolvePoint(ctx, g.archToward) : undefined;
  const archMm = g.archMm ?? 0;
  const mid = centroid(lines.flat());
  const archDir = archTarget ? normalize(sub(archTarget, mid)) : undefined;
  const thick = g.thicknessMm / 1000;
  const deep = g.deepToward ? resolvePoint(ctx, g.deepToward) : undefined;
  const alongN = g.rails ? along : Math.max(along, at(lines, 0).length);
  const grid = loftSurface({
    lines,
    across,
    along: alongN,
    thickness: () => thick,
    smooth: true,
    ...(archDir && archMm !== 0
      ? { displace: (u: number): Vec3 => scale(archDir, (archMm / 1000) * Math.sin(Math.PI * u)) }
      : {}),
  });
  const ends = lines.flatMap((l) => [l[0], l[l.length - 1]]).filter((p): p is Vec3 => p !== undefined);
  const clearance = (g.clearanceMm ?? 0.5) / 1000;
  if (g.onto) {
    // Laid onto the structures beneath (a fascia on its muscles), its ends in place; its thickness grows away from
    // them (toward deepToward is the deep side, which the schema requires with onto).
    if (!ctx.structureDistance) throw new Error("onto: this context has no structures to lie on");
    const f = ctx.structureDistance(g.onto);
    // Out of the bones and stand-ins first; the structures it then lies on keep out of bone themselves.
    const solids = [...resolveAvoid(ctx, g.avoid), ...boneSolids(ctx, g.avoid).filter((s) => s.kind === "field")];
    pushGrid(grid, solids, clearance, { points: ends, radius: 0.01 });
    const outward = gridNormals(grid).map((col, i) =>
      col.map((n, j) => (deep && dot(n, sub(at(at(grid, i), j), deep)) < 0 ? scale(n, -1) : n)),
    );
    // 2 mm above them: room for the simplification of both surfaces in the written files, so they do not poke through.
    // A right half stays attached along the midline (to the spinous processes).
    const midline = g.rightHalf ? lines.flat().filter((p) => Math.abs(p[0]) < 0.01) : [];
    layOnto(grid, outward, f, clearance + ONTO_GAP, (g.ontoMm ?? 10) / 1000, {
      points: ends,
      radius: 0.015,
      more: { points: midline, radius: 0.004 },
    });
    if (g.rightHalf) for (const col of grid) for (const p of col) p[0] = Math.min(p[0], 0);
  }
  const mb = new MeshBuilder();
  slabFromGrid(mb, grid, {
    thickness:
      g.section === "oval"
        ? // A cord: an elliptical section, full thickness in the middle, closing to a thin rim at the borders.
          (u) => thick * Math.max(0.12, Math.sqrt(Math.max(0, 1 - (2 * u - 1) ** 2)))
        : // A flat band, slightly thinner at the free borders so its edges look rounded.
          (u) => thick * (0.55 + 0.45 * smoothstep(0, 0.2, u) * smoothstep(0, 0.2, 1 - u)),
    ...(deep ? { deep } : {}),
  });
  if (!g.onto) {
    // Out of the stand-ins it lists, and out of the bones themselves except at its ends (where it attaches).
    pushMesh(mb, resolveAvoid(ctx, g.avoid), clearance);
    pushMesh(
      mb,
      boneSolids(ctx, g.avoid).filter((s) => s.kind === "field"),
      clearance,
      { points: ends, radius: 0.01 },
    );
  }
  return mb.toMesh(false);
}
