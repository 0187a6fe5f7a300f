// Muscle path wrapping at one pose, enough to keep derived paths outside the wrap surfaces the reference
// models define (cylinders, spheres, ellipsoids). A straight segment that passes through the surface is
// replaced by tangent lines and an arc on the surface, on the side the quadrant (or side site) asks for.
import { apply, invert, type V3, type Xform } from "./math.ts";

export type WrapShape =
  | { kind: "cylinder"; frame: Xform; radius: number; length: number; quadrant: string; side?: V3 }
  | { kind: "ellipsoid"; frame: Xform; radii: V3; quadrant: string; side?: V3 };

type P2 = [number, number];

/** Parses "x", "+x", "-y", "all" into an axis index and sign (null when unconstrained). */
function quadrantOf(q: string): { axis: number; sign: number } | null {
  const m = /^([+-]?)([xyz])$/.exec(q.trim().toLowerCase());
  if (!m) return null;
  return { axis: "xyz".indexOf(m[2] as string), sign: m[1] === "-" ? -1 : 1 };
}

/**
 * Tangent-arc-tangent path around a circle of radius r at the origin from A to B.
 * `prefer(dir, mid)` scores a candidate direction (+1 ccw, -1 cw) by its arc midpoint; higher wins.
 * Returns the arc points (T_A ... T_B) and the 2D lengths of the three pieces.
 */
function circleWrap(
  A: P2,
  B: P2,
  r: number,
  prefer: (mid: P2) => number,
): { arc: P2[]; l1: number; larc: number; l2: number } | null {
  const da = Math.hypot(A[0], A[1]);
  const db = Math.hypot(B[0], B[1]);
  if (da <= r * 1.0001 || db <= r * 1.0001) return null;
  const ta = Math.atan2(A[1], A[0]);
  const tb = Math.atan2(B[1], B[0]);
  const aa = Math.acos(r / da);
  const ab = Math.acos(r / db);
  const options = [1, -1].map((dir) => {
    const start = ta + dir * aa;
    const end = tb - dir * ab;
    let sweep = end - start;
    while (dir > 0 && sweep < 0) sweep += 2 * Math.PI;
    while (dir < 0 && sweep > 0) sweep -= 2 * Math.PI;
    const midAngle = start + sweep / 2;
    return { dir, start, sweep, mid: [r * Math.cos(midAngle), r * Math.sin(midAngle)] as P2 };
  });
  options.sort((o1, o2) => prefer(o2.mid) - prefer(o1.mid) || Math.abs(o1.sweep) - Math.abs(o2.sweep));
  const best = options[0];
  if (!best) return null;
  // A segment that passes through the surface wraps less than half way round; more would coil.
  if (Math.abs(best.sweep) > (200 / 180) * Math.PI) return null;
  const steps = Math.max(1, Math.ceil(Math.abs(best.sweep) / (Math.PI / 12)));
  const arc: P2[] = [];
  for (let i = 0; i <= steps; i++) {
    const t = best.start + (best.sweep * i) / steps;
    arc.push([r * Math.cos(t), r * Math.sin(t)]);
  }
  const first = arc[0] as P2;
  const last = arc[arc.length - 1] as P2;
  return {
    arc,
    l1: Math.hypot(first[0] - A[0], first[1] - A[1]),
    larc: r * Math.abs(best.sweep),
    l2: Math.hypot(B[0] - last[0], B[1] - last[1]),
  };
}

/** Closest distance from the origin to segment AB (2D) and the parameter of the closest point. */
function segmentToOrigin(A: P2, B: P2): { d: number; t: number; c: P2 } {
  const dx = B[0] - A[0];
  const dy = B[1] - A[1];
  const l2 = dx * dx + dy * dy;
  const t = l2 > 0 ? Math.min(1, Math.max(0, -(A[0] * dx + A[1] * dy) / l2)) : 0;
  const c: P2 = [A[0] + t * dx, A[1] + t * dy];
  return { d: Math.hypot(c[0], c[1]), t, c };
}

/** Points to insert between world points a and b (same frame as `frame`'s output), or [] when no wrap. */
export function wrapSegment(shape: WrapShape, frame: Xform, a: V3, b: V3): V3[] {
  const inv = invert(frame);
  const la = apply(inv, a);
  const lb = apply(inv, b);
  const quad = quadrantOf(shape.quadrant);
  if (shape.kind === "cylinder") {
    const r = shape.radius;
    const A: P2 = [la[0], la[1]];
    const B: P2 = [lb[0], lb[1]];
    const closest = segmentToOrigin(A, B);
    const wrap = closest.d < r && closest.t > 0 && closest.t < 1;
    const side = shape.side;
    const prefer = (mid: P2) =>
      side
        ? -Math.hypot(mid[0] - side[0], mid[1] - side[1])
        : quad && quad.axis < 2
          ? quad.sign * (mid[quad.axis] as number)
          : 0;
    if (!wrap) return [];
    const res = circleWrap(A, B, r, prefer);
    if (!res) return [];
    const total = res.l1 + res.larc + res.l2;
    const out: V3[] = [];
    let s = res.l1;
    res.arc.forEach((p, i) => {
      if (i > 0) s += res.larc / (res.arc.length - 1);
      const z = la[2] + ((lb[2] - la[2]) * s) / total;
      out.push(apply(frame, [p[0], p[1], z]));
    });
    // Keep only arcs whose ends lie on the cylinder's length (with some slack).
    const half = shape.length / 2 + r;
    const zs = out.map((p) => apply(inv, p)[2]);
    if (zs.some((z) => Math.abs(z) > half)) return [];
    return out;
  }
  // Ellipsoid: scale to the unit sphere, wrap in the plane through the centre and both points.
  const [rx, ry, rz] = shape.radii;
  const sa: V3 = [la[0] / rx, la[1] / ry, la[2] / rz];
  const sb: V3 = [lb[0] / rx, lb[1] / ry, lb[2] / rz];
  const na = Math.hypot(...sa);
  if (na <= 1) return [];
  const e1: V3 = [sa[0] / na, sa[1] / na, sa[2] / na];
  const bd = sb[0] * e1[0] + sb[1] * e1[1] + sb[2] * e1[2];
  const perp: V3 = [sb[0] - bd * e1[0], sb[1] - bd * e1[1], sb[2] - bd * e1[2]];
  const np = Math.hypot(...perp);
  if (np < 1e-9) return [];
  const e2: V3 = [perp[0] / np, perp[1] / np, perp[2] / np];
  const A: P2 = [na, 0];
  const B: P2 = [bd, np];
  const closest = segmentToOrigin(A, B);
  const to3 = (p: P2): V3 => [p[0] * e1[0] + p[1] * e2[0], p[0] * e1[1] + p[1] * e2[1], p[0] * e1[2] + p[1] * e2[2]];
  const side = shape.side;
  const prefer = (mid: P2) => {
    const m = to3(mid);
    if (side) return -Math.hypot(m[0] * rx - side[0], m[1] * ry - side[1], m[2] * rz - side[2]);
    return quad ? quad.sign * (m[quad.axis] as number) : 0;
  };
  const wrap = closest.d < 1 && closest.t > 0 && closest.t < 1;
  if (!wrap) return [];
  const res = circleWrap(A, B, 1, prefer);
  if (!res) return [];
  return res.arc.map((p) => {
    const s = to3(p);
    return apply(frame, [s[0] * rx, s[1] * ry, s[2] * rz]);
  });
}
