// Spindle (fusiform) muscle: an elliptical section swept along a smooth curve through the path points,
// a belly-shaped profile scaled to the muscle's volume, tapering into flat tendons at both ends.
import type { SpindleGeometry } from "../../src/schemas/geometry-soft.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { type DerivedPath, resolvePath, resolvePoint, type SoftContext } from "./context.ts";
import { polylineLength, smoothCurve } from "./curve.ts";
import { MeshBuilder } from "./mesh.ts";
import { pushMesh, resolveAvoid } from "./obstacles.ts";
import { polygonAreaFactor, sweep, sweepVolume } from "./sweep.ts";
import { smoothstep, sub } from "./vec.ts";

export interface SpindleProfile {
  /** Normalised arc positions of the rings. */
  s: number[];
  /** 0 in tendon, rising to 1 at the belly's peak. */
  weight: number[];
  /** Start and end of the belly (fractions). */
  belly: [number, number];
}

/** Belly weight along the muscle: 0 in the tendons, a smooth bump peaking at `peakAt` of the belly. */
export function bellyProfile(n: number, proximal: number, distal: number, peakAt = 0.5, shape = 1): SpindleProfile {
  const b0 = proximal;
  const b1 = 1 - distal;
  const s: number[] = [];
  const weight: number[] = [];
  for (let k = 0; k < n; k++) {
    const x = k / (n - 1);
    s.push(x);
    if (x <= b0 || x >= b1) {
      weight.push(0);
      continue;
    }
    const u = (x - b0) / (b1 - b0);
    // Remap so the peak sits at peakAt, then a sine bump raised to `shape`.
    const v = u < peakAt ? (0.5 * u) / peakAt : 0.5 + (0.5 * (u - peakAt)) / (1 - peakAt);
    weight.push(Math.sin(Math.PI * v) ** shape);
  }
  return { s, weight, belly: [b0, b1] };
}

/** Default tendon lengths (metres) from the derived data or simple fractions of the path length. */
function tendonLengths(
  g: SpindleGeometry,
  length: number,
  derived: DerivedPath | undefined,
): { proximal: number; distal: number } {
  let proximal = g.tendon?.proximalMm !== undefined ? g.tendon.proximalMm / 1000 : undefined;
  let distal = g.tendon?.distalMm !== undefined ? g.tendon.distalMm / 1000 : undefined;
  if (proximal === undefined || distal === undefined) {
    const total =
      derived?.tendonSlackLength !== undefined ? Math.min(derived.tendonSlackLength, 0.6 * length) : 0.15 * length;
    if (proximal === undefined && distal === undefined) {
      proximal = 0.3 * total;
      distal = 0.7 * total;
    } else if (proximal === undefined) proximal = Math.max(0, total - (distal ?? 0));
    else distal = Math.max(0, total - proximal);
  }
  return { proximal: proximal ?? 0, distal: distal ?? 0 };
}

/** Build a spindle muscle (right side). */
export function buildSpindle(ctx: SoftContext, g: SpindleGeometry): MeshData {
  const path = resolvePath(ctx, g.path);
  const along = g.resolution?.along ?? 40;
  const around = g.resolution?.around ?? 14;
  const curve = smoothCurve(path.points, along);
  const length = polylineLength(curve);
  const t = tendonLengths(g, length, path.derived);
  const minBelly = 0.2;
  let pf = t.proximal / length;
  let df = t.distal / length;
  if (pf + df > 1 - minBelly) {
    const k = (1 - minBelly) / (pf + df);
    pf *= k;
    df *= k;
  }
  const profile = bellyProfile(along, pf, df, g.peakAt ?? 0.5, g.bellyShape ?? 1);
  const flatten = g.flatten ?? 0.7;
  const tw = (g.tendon?.widthMm ?? 5) / 2000;
  const tt = (g.tendon?.thicknessMm ?? 2.5) / 2000;
  const sections = (r: number): { a: number[]; b: number[] } => ({
    a: profile.weight.map((w) => tw + (Math.max(r, tw) - tw) * w),
    b: profile.weight.map((w) => tt + (Math.max(r * flatten, tt) - tt) * w),
  });

  let radius: number;
  if (g.maxRadiusMm !== undefined) radius = g.maxRadiusMm / 1000;
  else {
    const volumeCm3 = g.volumeCm3 ?? path.derived?.volumeCm3;
    if (volumeCm3 === undefined)
      throw new Error("spindle needs volumeCm3, maxRadiusMm or a derived path with a volume");
    const target = (volumeCm3 * 1e-6) / polygonAreaFactor(around);
    let lo = tw;
    let hi = 0.25;
    for (let it = 0; it < 60; it++) {
      const mid = (lo + hi) / 2;
      const s = sections(mid);
      if (sweepVolume(curve, s.a, s.b) < target) lo = mid;
      else hi = mid;
    }
    radius = (lo + hi) / 2;
  }
  const sec = sections(radius);

  const toward = g.thinToward ? resolvePoint(ctx, g.thinToward) : undefined;
  const axis = g.thinAxis;
  const thinDir = toward ? (_k: number, c: Vec3): Vec3 => sub(toward, c) : axis ? (): Vec3 => axis : undefined;

  const mb = new MeshBuilder();
  sweep(mb, {
    curve,
    halfWidth: sec.a,
    halfThick: sec.b,
    around,
    fibre: profile.s,
    tendon: profile.weight.map((w) => 1 - smoothstep(0, 0.3, w)),
    ...(thinDir ? { thinDir } : {}),
  });

  for (const slip of g.slips ?? []) {
    const sp = resolvePath(ctx, slip.path);
    const n = Math.max(8, Math.min(40, Math.round(polylineLength(sp.points) / 0.008)));
    const c = smoothCurve(sp.points, n);
    const r = (slip.radiusMm ?? 2) / 1000;
    const f = slip.flatten ?? 0.6;
    // Slightly thinner toward the bone insertion.
    const a = c.map((_, k) => r * (1 - 0.35 * (k / (n - 1)) ** 2));
    sweep(mb, {
      curve: c,
      halfWidth: a,
      halfThick: a.map((x) => x * f),
      around: 8,
      fibre: c.map(() => 1),
      tendon: c.map(() => 1),
      ...(thinDir ? { thinDir } : {}),
    });
  }

  const ends = [path.points[0], path.points[path.points.length - 1]].filter((p): p is Vec3 => p !== undefined);
  pushMesh(mb, resolveAvoid(ctx, g.avoid, true), (g.clearanceMm ?? 1) / 1000, { points: ends, radius: 0.008 });
  return mb.toMesh();
}
