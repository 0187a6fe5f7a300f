// Measures bones on the reference surfaces in the world (OpenSim convention): centroid, principal axes and
// extents, per bone or per connected piece of a multi-bone surface (foot, toes). These numbers size and
// orient the generated bones; the surfaces themselves are not kept.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cross, dot, normalize, scale, sub } from "../../models/vec.ts";
import { apply, compose, type V3, type Xform } from "./math.ts";
import { centroid, principalAxis } from "./measure.ts";
import type { World } from "./sources.ts";
import type { Surface } from "./vtp.ts";

export interface Measure {
  centre: V3;
  /** Principal axes (unit), longest first. */
  axes: [V3, V3, V3];
  /** Full extents of the surface along each axis. */
  extents: V3;
  /** Surface points (world) — used only inside the importer. */
  points: V3[];
}

export function measurePoints(points: V3[]): Measure {
  const c = centroid(points);
  const a0 = principalAxis(points);
  // Second axis: principal axis of the points projected on the plane normal to a0.
  const flat = points.map((p) => {
    const d = sub(p, c);
    return sub(d, scale(a0, dot(d, a0)));
  });
  let a1 = principalAxis(flat);
  a1 = normalize(sub(a1, scale(a0, dot(a1, a0))));
  const a2 = normalize(cross(a0, a1));
  const axes: [V3, V3, V3] = [a0, a1, a2];
  const extents = axes.map((a) => {
    let lo = Infinity;
    let hi = -Infinity;
    for (const p of points) {
      const v = dot(sub(p, c), a);
      lo = Math.min(lo, v);
      hi = Math.max(hi, v);
    }
    return hi - lo;
  }) as V3;
  return { centre: c, axes, extents, points };
}

/** World points of a mesh file attached to an OpenSim body (any body, any geometry frame), with its scale. */
export function meshWorld(w: World, file: string, map?: (p: V3) => V3): V3[] {
  for (const [name, body] of w.osim.bodies) {
    const ref = body.meshes.find((m) => m.file === file);
    if (!ref) continue;
    const X = w.X.get(name) as Xform;
    const full = compose(X, ref.frame);
    const own = join(w.dir, "opensim-fullbody", "Geometry", file);
    const model = existsSync(own) ? "opensim" : "neck";
    const s: Surface = w.surface(file, { model, scale: ref.scale });
    return s.points.map((p) => (map ? map(apply(full, p)) : apply(full, p)));
  }
  throw new Error(`no body carries mesh ${file}`);
}

/** Connected pieces of a surface (points of each), largest first. */
export function pieces(s: Surface): number[][] {
  const parent = s.points.map((_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i] as number] as number;
      i = parent[i] as number;
    }
    return i;
  };
  for (const [a, b, c] of s.triangles) {
    parent[find(a)] = find(b);
    parent[find(b)] = find(c);
  }
  const groups = new Map<number, number[]>();
  s.points.forEach((_, i) => {
    const r = find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  return [...groups.values()].sort((a, b) => b.length - a.length || (a[0] as number) - (b[0] as number));
}
