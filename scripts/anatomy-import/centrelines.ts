// Centre lines of the long bones, measured on the reference surfaces: section planes normal to the bone's principal
// axis at fractions of its length (0 = proximal end, 1 = distal end), each with the outline's centre and mean
// radius. The generated femur is built along its centre line; the tests and models/report-bones.ts measure every
// generated long bone against these numbers. Only the numbers leave the importer.
import { section } from "../../models/bone-fit.ts";
import { dot } from "../../models/vec.ts";
import { apply, type V3 } from "./math.ts";
import { measurePoints, meshWorld } from "./parts.ts";
import { gltf, type World } from "./sources.ts";

/** Long bone -> reference surface file and whether it is re-seated on the MyoArm forearm. */
export const LONG_BONES: Record<string, { file: string; forearm?: boolean }> = {
  humerus: { file: "humerus_rv.vtp" },
  radius: { file: "radius_rv.vtp", forearm: true },
  ulna: { file: "ulna_rv.vtp", forearm: true },
  femur: { file: "r_femur.vtp" },
  tibia: { file: "r_tibia.vtp" },
  fibula: { file: "r_fibula.vtp" },
};

/** Fractions of the bone's length where sections are taken (the ends are left out: they are joints, not shaft). */
export const CENTRE_LINE_T = Array.from({ length: 17 }, (_, i) => Math.round((0.1 + i * 0.05) * 100) / 100);

export interface CentreLineOut {
  /** Unit axis, glTF frame, pointing from the distal to the proximal end. */
  axis: V3;
  t: number[];
  /** Section centres, glTF frame (floor at y = 0). */
  points: V3[];
  /** Mean distance of each section's outline from its centre, metres. */
  radii: number[];
  from: string;
}

/** Bone surface in glTF coordinates with its triangles. */
export function referenceSurface(w: World, bone: string): { positions: number[]; indices: number[]; points: V3[] } {
  const def = LONG_BONES[bone];
  if (!def) throw new Error(`no reference surface for ${bone}`);
  const map = def.forearm ? (p: V3) => apply(w.forearmFix, p) : undefined;
  const points = meshWorld(w, def.file, map).map((p) => gltf(w, p));
  const s = w.surface(def.file);
  return { positions: points.flat(), indices: s.triangles.flat(), points };
}

export function measureCentreLines(w: World): Record<string, CentreLineOut> {
  const out: Record<string, CentreLineOut> = {};
  for (const [bone, def] of Object.entries(LONG_BONES)) {
    const surf = referenceSurface(w, bone);
    const m = measurePoints(surf.points);
    const axis: V3 = m.axes[0][1] < 0 ? [-m.axes[0][0], -m.axes[0][1], -m.axes[0][2]] : m.axes[0];
    const proj = surf.points.map((p) => dot([p[0] - m.centre[0], p[1] - m.centre[1], p[2] - m.centre[2]], axis));
    const hi = Math.max(...proj);
    const lo = Math.min(...proj);
    const line: CentreLineOut = { axis, t: [], points: [], radii: [], from: def.file };
    for (const t of CENTRE_LINE_T) {
      const s = hi - t * (hi - lo);
      const p: V3 = [m.centre[0] + axis[0] * s, m.centre[1] + axis[1] * s, m.centre[2] + axis[2] * s];
      const sec = section(surf, p, axis, 0.06);
      if (!sec) continue;
      line.t.push(t);
      line.points.push(sec.centre);
      line.radii.push(sec.radius);
    }
    out[bone] = line;
  }
  return out;
}
