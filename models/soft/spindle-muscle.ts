// Spindle (fusiform) muscle: an elliptical section swept along a smooth curve through the path points,
// a belly-shaped profile scaled to the muscle's volume, tapering into flat tendons at both ends.
import type { SpindleGeometry } from "../../src/schemas/geometry-soft.ts";
import { mergeMeshes } from "../mesh.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { add, scale, smoothstep, sub } from "../vec.ts";
import { signedVolume } from "./analyse.ts";
import { type DerivedPath, resolvePath, resolvePoint, type SoftContext } from "./context.ts";
import { polylineLength, smoothCurve } from "./curve.ts";
import { MeshBuilder } from "./mesh.ts";
import { boneSolids, pushMesh, pushOut, resolveAvoid, type Solid } from "./obstacles.ts";
import { polygonAreaFactor, sweep, sweepVolume } from "./sweep.ts";

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
  let targetVolume: number | undefined;
  if (g.maxRadiusMm !== undefined) radius = g.maxRadiusMm / 1000;
  else {
    const volumeCm3 = g.volumeCm3 ?? path.derived?.volumeCm3;
    if (volumeCm3 === undefined)
      throw new Error("spindle needs volumeCm3, maxRadiusMm or a derived path with a volume");
    targetVolume = volumeCm3 * 1e-6;
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

  const toward = g.thinToward ? resolvePoint(ctx, g.thinToward) : undefined;
  const axis = g.thinAxis;
  const thinDir = toward ? (_k: number, c: Vec3): Vec3 => sub(toward, c) : axis ? (): Vec3 => axis : undefined;

  const solids = [...resolveAvoid(ctx, g.avoid, true), ...boneSolids(ctx, g.avoid)];
  const clearance = (g.clearanceMm ?? 1) / 1000;
  const ends = [path.points[0], path.points[path.points.length - 1]].filter((p): p is Vec3 => p !== undefined);
  const pins = { points: ends, radius: 0.008 };
  // Resolve bone contacts first: the belly's centre line moves out of bone (by a third of its thin half-thickness),
  // so pushing the surface out afterwards flattens the side on the bone instead of splitting the belly around it.
  const centre = clearCurve(curve, sections(radius).b, solids, clearance, profile.weight);
  const sweepBody = (r: number): MeshData => {
    const sec = sections(r);
    const mb = new MeshBuilder();
    sweep(mb, {
      curve: centre,
      halfWidth: sec.a,
      halfThick: sec.b,
      around,
      fibre: profile.s,
      tendon: profile.weight.map((w) => 1 - smoothstep(0, 0.3, w)),
      ...(thinDir ? { thinDir } : {}),
    });
    pushMesh(mb, solids, clearance, pins);
    return mb.toMesh();
  };
  // Then re-inflate: whatever the push took off is given back by widening the belly until it holds its volume.
  let body = sweepBody(radius);
  if (targetVolume !== undefined) {
    for (let it = 0; it < 5; it++) {
      const v = signedVolume(body);
      if (!(v > 0) || Math.abs(v / targetVolume - 1) < 0.02) break;
      radius *= Math.min(1.6, Math.max(0.7, Math.sqrt(targetVolume / v)));
      body = sweepBody(radius);
    }
  }

  const mb = new MeshBuilder();
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
  if (!g.slips?.length) return body;
  pushMesh(mb, solids, clearance, pins);
  return mergeMeshes([body, mb.toMesh()]);
}

/** How far a belly's centre line is kept from bone, as a fraction of its thin half-thickness. */
const CENTRE_CLEARANCE = 0.35;

/**
 * Move a centre line's belly out of the solids by the local half-thickness plus clearance (weighted by the belly
 * profile, so the tendons stay on their attachments), then smooth the displacement.
 */
export function clearCurve(
  curve: readonly Vec3[],
  halfThick: readonly number[],
  solids: readonly Solid[],
  clearance: number,
  weight: readonly number[],
): Vec3[] {
  if (solids.length === 0) return curve.slice();
  let shift: Vec3[] = curve.map((p, k) => {
    const w = smoothstep(0, 0.5, weight[k] ?? 0);
    if (w === 0) return [0, 0, 0];
    let q = p;
    for (let pass = 0; pass < 3; pass++)
      for (const s of solids) q = pushOut(s, q, clearance + CENTRE_CLEARANCE * (halfThick[k] ?? 0));
    return scale(sub(q, p), w);
  });
  for (let it = 0; it < 3; it++) {
    shift = shift.map((d, k) => {
      const a = shift[k - 1];
      const b = shift[k + 1];
      if (!a || !b) return d;
      return [(a[0] + b[0] + 2 * d[0]) / 4, (a[1] + b[1] + 2 * d[1]) / 4, (a[2] + b[2] + 2 * d[2]) / 4];
    });
  }
  return curve.map((p, k) => add(p, shift[k] ?? [0, 0, 0]));
}
