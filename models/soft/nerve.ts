// Nerves and vessels: thin tubes along their course, with branches as separate tubes in one mesh.
// Points may set a local radius and flattening (e.g. the median nerve in the carpal tunnel).
import type { TubeGeometry, TubeLine } from "../../src/schemas/geometry-soft.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { at, sub } from "../vec.ts";
import { type PointExtras, resolvePath, resolvePoint, type SoftContext } from "./context.ts";
import { cumulativeLength, polylineLength, smoothCurve } from "./curve.ts";
import { MeshBuilder } from "./mesh.ts";
import { pushCurve, resolveAvoid, type Solid } from "./obstacles.ts";
import { sweep } from "./sweep.ts";

/** Interpolate a per-point value (undefined = default) along the smooth curve by arc length. */
export function interpolateAlong(
  points: readonly Vec3[],
  values: readonly (number | undefined)[],
  fallback: number,
  curve: readonly Vec3[],
): number[] {
  const cum = cumulativeLength(points);
  const total = at(cum, cum.length - 1) || 1;
  const keys: [number, number][] = [];
  values.forEach((v, i) => {
    if (v !== undefined) keys.push([at(cum, i) / total, v]);
  });
  // Ends take the default unless set, so a local change fades back.
  if (!keys.length || (keys[0]?.[0] ?? 0) > 0) keys.unshift([0, fallback]);
  if ((keys.at(-1)?.[0] ?? 1) < 1) keys.push([1, fallback]);
  const ccum = cumulativeLength(curve);
  const ctotal = at(ccum, ccum.length - 1) || 1;
  return ccum.map((c) => {
    const s = c / ctotal;
    let k = 1;
    while (k < keys.length - 1 && at(keys, k)[0] < s) k++;
    const [s0, v0] = at(keys, k - 1);
    const [s1, v1] = at(keys, k);
    const f = s1 > s0 ? Math.min(1, Math.max(0, (s - s0) / (s1 - s0))) : 0;
    // Smooth (cosine) blend between keys.
    const w = (1 - Math.cos(Math.PI * f)) / 2;
    return v0 + (v1 - v0) * w;
  });
}

/** Sweep one tube line into `mb`. */
export function sweepLine(
  ctx: SoftContext,
  mb: MeshBuilder,
  line: TubeLine,
  defaults: { radiusMm: number; along?: number | undefined; around?: number | undefined },
  solids: readonly Solid[] = [],
  clearance = 0.0005,
): void {
  const path = resolvePath(ctx, line.path);
  const pts = path.points;
  const length = polylineLength(pts);
  const radius = line.radiusMm ?? defaults.radiusMm;
  const n = defaults.along ?? Math.max(6, Math.min(90, Math.round(length / Math.max(0.007, (4 * radius) / 1000))));
  let curve = smoothCurve(pts, n);
  const extras: PointExtras[] = path.extras;
  const r = interpolateAlong(
    pts,
    extras.map((e) => e.radiusMm),
    radius,
    curve,
  );
  const f = interpolateAlong(
    pts,
    extras.map((e) => e.flatten),
    line.flatten ?? 1,
    curve,
  );
  curve = pushCurve(
    curve,
    r.map((x) => x / 1000),
    solids,
    clearance,
  );
  const toward = line.thinToward ? resolvePoint(ctx, line.thinToward) : undefined;
  const around = defaults.around ?? (radius >= 3 ? 12 : radius >= 1.8 ? 10 : 8);
  sweep(mb, {
    curve,
    halfWidth: r.map((x) => x / 1000),
    halfThick: r.map((x, k) => (x / 1000) * at(f, k)),
    around,
    fibre: curve.map(() => 0),
    ...(toward ? { thinDir: (_k: number, c: Vec3): Vec3 => sub(toward, c) } : {}),
  });
}

export function buildTube(ctx: SoftContext, g: TubeGeometry): MeshData {
  const mb = new MeshBuilder();
  const radiusMm = g.radiusMm ?? 2;
  const main: TubeLine = {
    path: g.path,
    radiusMm,
    ...(g.flatten !== undefined ? { flatten: g.flatten } : {}),
    ...(g.thinToward !== undefined ? { thinToward: g.thinToward } : {}),
  };
  const solids = resolveAvoid(ctx, g.avoid, true);
  const clearance = (g.clearanceMm ?? 0.5) / 1000;
  // Short, thick tubes (menisci, cords) may ask for more sections than the length-based default.
  const res = { along: g.resolution?.along, around: g.resolution?.around };
  sweepLine(ctx, mb, main, { radiusMm, ...res }, solids, clearance);
  for (const b of g.branches ?? [])
    sweepLine(ctx, mb, b, { radiusMm: Math.max(0.5, radiusMm * 0.6) }, solids, clearance);
  return mb.toMesh(false);
}
