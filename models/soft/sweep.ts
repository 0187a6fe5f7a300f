// Sweep an elliptical section along a smooth centre line (parallel-transport frames), closed at both ends.
import type { Vec3 } from "../types.ts";
import { at, cross, dot, madd, normalize, perp, sub } from "../vec.ts";
import { type Frame, transportFrames } from "./curve.ts";
import { ellipseRing, type MeshBuilder } from "./mesh.ts";

export interface SweepSpec {
  /** Smooth centre line, evenly resampled (first point = start). */
  curve: Vec3[];
  /** Half-width (wide axis) at ring k, metres. */
  halfWidth: number[];
  /** Half-thickness (thin axis) at ring k, metres. */
  halfThick: number[];
  /** Thin-axis direction at ring k (any length, need not be perpendicular); undefined = transported frame. */
  thinDir?: (k: number, centre: Vec3, frame: Frame) => Vec3 | undefined;
  /** Vertices per ring. */
  around: number;
  /** Fibre coordinate per ring (default: arc fraction). */
  fibre?: number[];
  /** Tendon weight per ring (default 0). */
  tendon?: number[];
}

/** Thin-axis directions along the curve, continuous in sign, falling back to transported frames. */
export function thinAxes(spec: SweepSpec, frames: Frame[]): Vec3[] {
  const out: Vec3[] = [];
  for (let k = 0; k < frames.length; k++) {
    const f = at(frames, k);
    const want = spec.thinDir?.(k, at(spec.curve, k), f);
    let d: Vec3 = f.n;
    if (want) {
      const p = perp(want, f.t);
      const l = Math.hypot(p[0], p[1], p[2]);
      if (l > 1e-6 * Math.max(1e-9, Math.hypot(want[0], want[1], want[2]))) d = normalize(p);
      else if (out.length > 0) d = normalize(perp(at(out, out.length - 1), f.t), f.n);
    }
    if (out.length > 0 && dot(d, at(out, out.length - 1)) < 0) d = [-d[0], -d[1], -d[2]];
    out.push(d);
  }
  return out;
}

/** Rings of the sweep (without caps). */
export function sweepRings(spec: SweepSpec): Vec3[][] {
  const frames = transportFrames(spec.curve);
  const thin = thinAxes(spec, frames);
  return spec.curve.map((c, k) => {
    const t = at(frames, k).t;
    const v = at(thin, k);
    const u = cross(v, t); // wide axis, so that u x v = t (rings counter-clockwise about the tangent)
    return ellipseRing(c, u, v, at(spec.halfWidth, k), at(spec.halfThick, k), spec.around);
  });
}

/** Append a closed swept tube to `mb`. */
export function sweep(mb: MeshBuilder, spec: SweepSpec): void {
  const n = spec.curve.length;
  const rings = sweepRings(spec);
  const fibre = spec.fibre ?? spec.curve.map((_, k) => k / (n - 1));
  const first = at(spec.curve, 0);
  const last = at(spec.curve, n - 1);
  const t0 = normalize(sub(at(spec.curve, 1), first));
  const t1 = normalize(sub(last, at(spec.curve, n - 2)));
  // Poles a little beyond the ends give slightly rounded caps.
  const r0 = Math.min(at(spec.halfWidth, 0), at(spec.halfThick, 0));
  const r1 = Math.min(at(spec.halfWidth, n - 1), at(spec.halfThick, n - 1));
  mb.tube(rings, fibre, madd(first, t0, -0.6 * r0), madd(last, t1, 0.6 * r1), spec.tendon);
}

/** Analytic volume of a sweep with elliptical sections (trapezoid rule), m^3. */
export function sweepVolume(
  curve: readonly Vec3[],
  halfWidth: readonly number[],
  halfThick: readonly number[],
): number {
  let v = 0;
  for (let k = 1; k < curve.length; k++) {
    const d = Math.hypot(...sub(at(curve, k), at(curve, k - 1)));
    const a0 = Math.PI * at(halfWidth, k - 1) * at(halfThick, k - 1);
    const a1 = Math.PI * at(halfWidth, k) * at(halfThick, k);
    v += ((a0 + a1) / 2) * d;
  }
  return v;
}

/** Area of a regular m-gon inscribed in an ellipse, relative to the ellipse. */
export const polygonAreaFactor = (m: number): number => (m / (2 * Math.PI)) * Math.sin((2 * Math.PI) / m);
