// What the soft-tissue builders need from the skeleton, and how YAML points and paths become coordinates.
// Builders receive a SoftContext so unit tests can run them on synthetic skeletons.
import type { SoftPath, SoftPoint } from "../../src/schemas/geometry-soft.ts";
import type { Vec3 } from "../types.ts";
import { add, lerp } from "../vec.ts";
import { dedupe, pointAt, trim } from "./curve.ts";

/** A muscle path derived from a reference model (right side, glTF frame). */
export interface DerivedPath {
  /** Ordered path points, origin first, metres. */
  points: Vec3[];
  /** Muscle volume, cm^3, when known. */
  volumeCm3?: number;
  /** Optimal fibre length, metres, when known. */
  optimalFibreLength?: number;
  /** Tendon slack length, metres, when known. */
  tendonSlackLength?: number;
}

/** A frame of a body segment: origin and unit axes, glTF frame. */
export interface SegmentFrame {
  origin: Vec3;
  x: Vec3;
  y: Vec3;
  z: Vec3;
}

export interface SoftContext {
  /** Named landmark, right side; throws naming unknown landmarks. */
  landmark(name: string): Vec3;
  /** Derived muscle path, e.g. "myoarm:FCR"; throws naming unknown paths. */
  musclePath(source: string): DerivedPath;
  /** Frame of a body segment; throws for unknown segments. */
  segmentFrame(name: string): SegmentFrame;
  /** Signed distance to the nearest bone, metres (negative inside), when the context has bones. */
  boneDistance?: (p: Vec3) => number;
  /** The structure is one side's (built on the right): muscles keep out of the left half (x > 0). */
  rightSideOnly?: boolean;
  /**
   * Signed distance to the union of these structures as built (right side; records by id), metres, negative inside,
   * searched up to 3 cm; for sheets laid onto the muscles beneath them (`onto`). Throws naming an unknown id.
   */
  structureDistance?: (ids: readonly string[]) => (p: Vec3) => number;
}

/** Extras a point may carry for tubes. */
export interface PointExtras {
  radiusMm?: number;
  flatten?: number;
}

export function resolvePoint(ctx: SoftContext, p: SoftPoint): Vec3 {
  if (typeof p === "string") return ctx.landmark(p);
  let base: Vec3;
  if (p.landmark !== undefined) base = ctx.landmark(p.landmark);
  else if (p.between !== undefined) base = lerp(ctx.landmark(p.between[0]), ctx.landmark(p.between[1]), p.t ?? 0.5);
  else if (p.segment !== undefined && p.at !== undefined) {
    const f = ctx.segmentFrame(p.segment);
    const [a, b, c] = p.at;
    base = [
      f.origin[0] + f.x[0] * a + f.y[0] * b + f.z[0] * c,
      f.origin[1] + f.x[1] * a + f.y[1] * b + f.z[1] * c,
      f.origin[2] + f.x[2] * a + f.y[2] * b + f.z[2] * c,
    ];
  } else if (p.along !== undefined) base = pointAt(ctx.musclePath(p.along).points, p.t ?? 0.5);
  else if (p.xyz !== undefined) base = p.xyz;
  else throw new Error("point without a position");
  return p.offset ? add(base, p.offset) : base;
}

export const pointExtras = (p: SoftPoint): PointExtras =>
  typeof p === "string"
    ? {}
    : {
        ...(p.radiusMm !== undefined ? { radiusMm: p.radiusMm } : {}),
        ...(p.flatten !== undefined ? { flatten: p.flatten } : {}),
      };

export interface ResolvedPath {
  points: Vec3[];
  /** Per point tube extras (same length as points). */
  extras: PointExtras[];
  /** The derived path's data, when the path came from a reference model. */
  derived?: DerivedPath;
}

export function resolvePath(ctx: SoftContext, path: SoftPath): ResolvedPath {
  if (Array.isArray(path)) {
    return { points: path.map((p) => resolvePoint(ctx, p)), extras: path.map(pointExtras) };
  }
  const derived = ctx.musclePath(path.from);
  let pts = derived.points.slice();
  if (path.reverse) pts.reverse();
  if (path.drop) {
    const [a, b] = path.drop;
    if (a + b > pts.length - 1) throw new Error(`${path.from}: cannot drop ${a}+${b} of ${pts.length} points`);
    pts = pts.slice(a, pts.length - b);
  }
  if (path.trim) pts = trim(pts, path.trim[0], path.trim[1]);
  if (path.offset) {
    const o = path.offset;
    pts = pts.map((p) => add(p, o));
  }
  const pre = (path.prepend ?? []).map((p) => resolvePoint(ctx, p));
  const post = (path.append ?? []).map((p) => resolvePoint(ctx, p));
  const preX = (path.prepend ?? []).map(pointExtras);
  const postX = (path.append ?? []).map(pointExtras);
  const all = [...pre, ...pts, ...post];
  const extras = [...preX, ...pts.map(() => ({})), ...postX];
  // dedupe would desynchronise extras; only drop exact repeats of neighbours.
  const keptPts: Vec3[] = [];
  const keptX: PointExtras[] = [];
  all.forEach((p, i) => {
    const prev = keptPts[keptPts.length - 1];
    if (prev && dedupe([prev, p]).length === 1) return;
    keptPts.push(p);
    keptX.push(extras[i] ?? {});
  });
  return { points: keptPts, extras: keptX, derived };
}
