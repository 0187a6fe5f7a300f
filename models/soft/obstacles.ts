// Keep-out shapes: simple stand-ins for bones that soft tissue must stay outside of.
// Named sets are defined here once (from skeleton landmarks) so records can say `avoid: [humerus]`.
import type { Obstacle } from "../../src/schemas/geometry-soft.ts";
import type { Vec3 } from "../types.ts";
import { add, closestOnSegment, closestOnTriangle, cross, dot, len, madd, normalize, scale, sub } from "../vec.ts";
import { resolvePoint, type SoftContext } from "./context.ts";

/** A resolved keep-out shape. */
export type Solid =
  | { kind: "sphere"; c: Vec3; r: number }
  | { kind: "rod"; a: Vec3; b: Vec3; r: number }
  | { kind: "ellipsoid"; c: Vec3; radii: Vec3 }
  | { kind: "plate"; a: Vec3; b: Vec3; c: Vec3; r: number }
  | { kind: "stack"; slices: { c: Vec3; rx: number; rz: number }[] }
  /** A signed distance field (the bones' own, ./bone-field.ts). */
  | { kind: "field"; f: (p: Vec3) => number }
  /** The body's left half (x > 0): a right-side structure stays out of it. */
  | { kind: "left-half" };

/** Rods joining erector spinae sections: [vertebra, [x, z] offset from its spinous process tip (m), radius (mm)]. */
function erectorColumn(levels: [string, [number, number], number][]): Obstacle[] {
  const out: Obstacle[] = [];
  for (let i = 0; i + 1 < levels.length; i++) {
    const [va, [xa, za], ra] = levels[i] as [string, [number, number], number];
    const [vb, [xb, zb], rb] = levels[i + 1] as [string, [number, number], number];
    out.push({
      rod: [
        { landmark: `vertebra-${va}.spinous-process`, offset: [xa, 0, za] },
        { landmark: `vertebra-${vb}.spinous-process`, offset: [xb, 0, zb] },
      ],
      radiusMm: Math.min(ra, rb),
    });
  }
  return out;
}

/**
 * Shared bone stand-ins, by name. Each entry is written like an inline `avoid` shape
 * (landmark names from models/skeleton.ts, radii in mm).
 */
export const NAMED_OBSTACLES: Record<string, Obstacle[]> = {
  // Rib cage: horizontal elliptical slices measured on the generated ribs and sternum (placed from the sixth
  // cervical vertebra, whose frame is not rotated, so a test skeleton without it has no rib cage).
  thorax: [
    {
      stack: [
        { centre: { segment: "vertebra-c6", at: [0, -0.018, -0.011] }, radiiMm: [60, 20] },
        { centre: { segment: "vertebra-c6", at: [0, -0.038, -0.021] }, radiiMm: [90, 40] },
        { centre: { segment: "vertebra-c6", at: [0, -0.058, -0.004] }, radiiMm: [100, 83] },
        { centre: { segment: "vertebra-c6", at: [0, -0.078, -0.001] }, radiiMm: [108, 88] },
        { centre: { segment: "vertebra-c6", at: [0, -0.098, -0.001] }, radiiMm: [128, 100] },
        { centre: { segment: "vertebra-c6", at: [0, -0.118, 0.0] }, radiiMm: [134, 105] },
        { centre: { segment: "vertebra-c6", at: [0, -0.138, 0.002] }, radiiMm: [146, 108] },
        { centre: { segment: "vertebra-c6", at: [0, -0.158, 0.004] }, radiiMm: [149, 110] },
        { centre: { segment: "vertebra-c6", at: [0, -0.178, 0.003] }, radiiMm: [159, 119] },
        { centre: { segment: "vertebra-c6", at: [0, -0.198, 0.004] }, radiiMm: [163, 122] },
        { centre: { segment: "vertebra-c6", at: [0, -0.218, 0.009] }, radiiMm: [162, 128] },
        { centre: { segment: "vertebra-c6", at: [0, -0.238, 0.011] }, radiiMm: [160, 130] },
        { centre: { segment: "vertebra-c6", at: [0, -0.258, 0.013] }, radiiMm: [157, 130] },
        { centre: { segment: "vertebra-c6", at: [0, -0.278, 0.019] }, radiiMm: [160, 126] },
        { centre: { segment: "vertebra-c6", at: [0, -0.298, 0.017] }, radiiMm: [160, 112] },
        { centre: { segment: "vertebra-c6", at: [0, -0.318, 0.009] }, radiiMm: [168, 100] },
        { centre: { segment: "vertebra-c6", at: [0, -0.338, 0.004] }, radiiMm: [168, 85] },
        { centre: { segment: "vertebra-c6", at: [0, -0.358, 0.007] }, radiiMm: [155, 62] },
        { centre: { segment: "vertebra-c6", at: [0, -0.378, 0.009] }, radiiMm: [130, 50] },
      ],
    },
  ],
  clavicle: [
    { rod: ["clavicle.sternal-end", "clavicle.mid"], radiusMm: 6 },
    { rod: ["clavicle.mid", "clavicle.acromial-end"], radiusMm: 6 },
  ],
  scapula: [
    {
      plate: [
        { landmark: "scapula.superior-angle", offset: [-0.006, -0.004, 0.006] },
        { landmark: "scapula.inferior-angle", offset: [0, 0.01, 0.004] },
        { between: ["scapula.glenoid-centre", "scapula.spine-root"], t: 0.25 },
      ],
      thicknessMm: 6,
    },
    { rod: ["scapula.spine-root", "scapula.acromial-angle"], radiusMm: 5 },
    { rod: ["scapula.acromial-angle", "scapula.acromion"], radiusMm: 6 },
    { rod: [{ between: ["scapula.glenoid-centre", "scapula.coracoid"], t: 0.3 }, "scapula.coracoid"], radiusMm: 5 },
  ],
  humerus: [
    { sphere: "humerus.head-centre", radiusMm: 23 },
    { sphere: { between: ["humerus.head-centre", "humerus.greater-tubercle"], t: 0.55 }, radiusMm: 14 },
    {
      rod: [
        "humerus.surgical-neck",
        { between: ["humerus.medial-epicondyle", "humerus.lateral-epicondyle"], t: 0.55, offset: [0, 0.035, 0] },
      ],
      radiusMm: 10,
    },
    // Distal humerus: a flat, widening plate above the epicondyles.
    {
      plate: [
        { landmark: "humerus.medial-epicondyle", offset: [-0.007, 0.002, 0] },
        { landmark: "humerus.lateral-epicondyle", offset: [0.007, 0.002, 0] },
        { between: ["humerus.shaft-mid", "humerus.olecranon-fossa"], t: 0.4 },
      ],
      thicknessMm: 16,
    },
  ],
  radius: [
    { rod: ["radius.head", "radius.shaft-mid"], radiusMm: 7 },
    { rod: ["radius.shaft-mid", { landmark: "radius.distal-centre", offset: [0, 0.012, 0] }], radiusMm: 8.5 },
  ],
  ulna: [
    { rod: ["ulna.olecranon", "ulna.coronoid"], radiusMm: 8 },
    { rod: ["ulna.coronoid", { landmark: "ulna.head", offset: [0, 0.006, 0] }], radiusMm: 6.5 },
  ],
  pelvis: [
    {
      plate: [
        { landmark: "pelvis.iliac-crest", offset: [-0.004, -0.008, 0.004] },
        { landmark: "pelvis.asis", offset: [0.006, 0, -0.008] },
        { landmark: "pelvis.acetabulum-centre", offset: [0.01, 0.03, 0] },
      ],
      thicknessMm: 10,
    },
    {
      plate: [
        { landmark: "pelvis.iliac-crest", offset: [0, -0.008, 0] },
        { landmark: "pelvis.psis", offset: [-0.004, 0, 0.008] },
        { landmark: "pelvis.acetabulum-centre", offset: [0.01, 0.03, -0.01] },
      ],
      thicknessMm: 12,
    },
    {
      rod: [
        { landmark: "pelvis.acetabulum-centre", offset: [0.01, 0, -0.012] },
        { landmark: "pelvis.ischial-tuberosity", offset: [0, 0.012, 0.008] },
      ],
      radiusMm: 12,
    },
    {
      rod: [
        { landmark: "pelvis.acetabulum-centre", offset: [0.012, 0, 0.01] },
        { landmark: "pelvis.pubic-symphysis", offset: [-0.008, 0, -0.008] },
      ],
      radiusMm: 9,
    },
    {
      plate: [
        "sacrum.ala",
        { landmark: "sacrum.apex", offset: [-0.01, 0.01, 0.01] },
        { landmark: "sacrum.base-centre", offset: [0, -0.01, -0.01] },
      ],
      thicknessMm: 24,
    },
  ],
  spine: [
    { rod: ["vertebra-c2.body-centre", "vertebra-c7.body-centre"], radiusMm: 10 },
    {
      rod: [
        { segment: "vertebra-t12", at: [0, 0, 0] },
        { segment: "vertebra-l5", at: [0, 0, 0] },
      ],
      radiusMm: 21,
    },
  ],
  // The erector spinae mass in the groove beside the spinous processes: superficial back muscles lie over it.
  // (The erector spinae, multifidus and thoracolumbar fascia records list their keep-out shapes without it.) Two
  // columns, longissimus medially and iliocostalis laterally, sized on the generated erector spinae at their
  // reference volumes (models/soft/volume.ts): how far behind and beside each spinous process they reach.
  erector: [
    ...erectorColumn([
      ["l5", [-0.025, -0.006], 20],
      ["l3", [-0.03, -0.02], 28],
      ["t12", [-0.031, -0.004], 24],
      ["t7", [-0.042, 0.027], 15],
      ["t2", [-0.058, 0.001], 12],
    ]),
    ...erectorColumn([
      ["l5", [-0.057, -0.006], 20],
      ["l3", [-0.056, -0.016], 28],
      ["t12", [-0.06, -0.005], 22],
      ["t7", [-0.069, 0.012], 15],
    ]),
  ],
  skull: [
    {
      ellipsoid: { between: ["skull.vertex", "skull.inion"], t: 0.3, offset: [0, -0.05, 0.008] },
      radiiMm: [68, 78, 88],
    },
    {
      plate: [
        { landmark: "mandible.condyle", offset: [0.008, -0.004, 0] },
        { landmark: "mandible.angle", offset: [0.008, 0.006, 0.006] },
        { landmark: "mandible.coronoid", offset: [0.008, -0.008, -0.004] },
      ],
      thicknessMm: 8,
    },
  ],
  femur: [
    { sphere: "femur.head-centre", radiusMm: 22 },
    { rod: ["femur.head-centre", { landmark: "femur.greater-trochanter", offset: [0.014, -0.004, 0] }], radiusMm: 15 },
    {
      rod: [
        { between: ["femur.head-centre", "femur.greater-trochanter"], t: 0.6, offset: [0, -0.03, 0] },
        { landmark: "femur.knee-centre", offset: [-0.012, 0.07, 0.012] },
      ],
      radiusMm: 14,
    },
    {
      rod: [
        { landmark: "femur.medial-condyle", offset: [-0.012, 0.016, 0.008] },
        { landmark: "femur.lateral-condyle", offset: [0.012, 0.016, 0.008] },
      ],
      radiusMm: 20,
    },
  ],
  patella: [{ ellipsoid: "patella.centre", radiiMm: [20, 20, 10] }],
  tibia: [
    {
      rod: [
        { landmark: "tibia.medial-condyle", offset: [-0.014, -0.014, 0.002] },
        { landmark: "tibia.lateral-condyle", offset: [0.014, -0.014, 0.002] },
      ],
      radiusMm: 16,
    },
    {
      rod: [
        { landmark: "tibia.plateau-centre", offset: [0, -0.03, 0.006] },
        { landmark: "tibia.ankle-centre", offset: [0, 0.04, 0.004] },
      ],
      radiusMm: 12,
    },
  ],
  fibula: [{ rod: ["fibula.head", { landmark: "fibula.lateral-malleolus", offset: [0, 0.01, 0] }], radiusMm: 6 }],
};

export function resolveObstacle(ctx: SoftContext, o: Obstacle): Solid {
  if ("sphere" in o) return { kind: "sphere", c: resolvePoint(ctx, o.sphere), r: o.radiusMm / 1000 };
  if ("rod" in o) {
    return { kind: "rod", a: resolvePoint(ctx, o.rod[0]), b: resolvePoint(ctx, o.rod[1]), r: o.radiusMm / 1000 };
  }
  if ("stack" in o) {
    const slices = o.stack
      .map((sl) => ({ c: resolvePoint(ctx, sl.centre), rx: sl.radiiMm[0] / 1000, rz: sl.radiiMm[1] / 1000 }))
      .sort((a, b) => a.c[1] - b.c[1]);
    return { kind: "stack", slices };
  }
  if ("plate" in o) {
    const [a, b, c] = o.plate.map((p) => resolvePoint(ctx, p)) as [Vec3, Vec3, Vec3];
    return { kind: "plate", a, b, c, r: o.thicknessMm / 2000 };
  }
  return {
    kind: "ellipsoid",
    c: resolvePoint(ctx, o.ellipsoid),
    radii: [o.radiiMm[0] / 1000, o.radiiMm[1] / 1000, o.radiiMm[2] / 1000],
  };
}

/**
 * Keep-out solids for a geometry block. Without an `avoid` list every shared stand-in whose landmarks the skeleton
 * has is used (when `byDefault`); `[]` means none.
 */
export function resolveAvoid(
  ctx: SoftContext,
  avoid: readonly (string | Obstacle)[] | undefined,
  byDefault = false,
  named: Record<string, Obstacle[]> = NAMED_OBSTACLES,
): Solid[] {
  const out: Solid[] = [];
  if (avoid === undefined) {
    if (!byDefault) return out;
    for (const list of Object.values(named)) {
      for (const o of list) {
        try {
          out.push(resolveObstacle(ctx, o));
        } catch {
          // A skeleton without these landmarks (e.g. a test skeleton) has no such bone.
        }
      }
    }
    return out;
  }
  for (const a of avoid) {
    if (typeof a === "string") {
      const list = named[a];
      if (!list) throw new Error(`unknown keep-out shape "${a}" (known: ${Object.keys(named).join(", ") || "none"})`);
      for (const o of list) out.push(resolveObstacle(ctx, o));
    } else out.push(resolveObstacle(ctx, a));
  }
  return out;
}

/** The stack's ellipse at the height of p (undefined outside its height range). */
function stackSlice(
  s: { slices: { c: Vec3; rx: number; rz: number }[] },
  y: number,
): { c: Vec3; rx: number; rz: number } | undefined {
  const sl = s.slices;
  for (let i = 0; i + 1 < sl.length; i++) {
    const a = sl[i];
    const b = sl[i + 1];
    if (!a || !b || y < a.c[1] || y > b.c[1]) continue;
    const t = b.c[1] > a.c[1] ? (y - a.c[1]) / (b.c[1] - a.c[1]) : 0;
    return {
      c: [a.c[0] + (b.c[0] - a.c[0]) * t, y, a.c[2] + (b.c[2] - a.c[2]) * t],
      rx: a.rx + (b.rx - a.rx) * t,
      rz: a.rz + (b.rz - a.rz) * t,
    };
  }
  return undefined;
}

/**
 * The bones' own field as a keep-out solid for muscles, unless the record opted out of keep-out (`avoid: []`) or the
 * context has no bones (a test skeleton).
 */
export function boneSolids(ctx: SoftContext, avoid: readonly unknown[] | undefined): Solid[] {
  const out: Solid[] = ctx.rightSideOnly ? [{ kind: "left-half" }] : [];
  if (!ctx.boneDistance || (avoid !== undefined && avoid.length === 0)) return out;
  return [...out, { kind: "field", f: ctx.boneDistance }];
}

/** Field gradient by central differences (unit length; zero where flat or undefined). */
function fieldNormal(f: (p: Vec3) => number, p: Vec3): Vec3 {
  const h = 5e-4;
  const g: Vec3 = [
    f([p[0] + h, p[1], p[2]]) - f([p[0] - h, p[1], p[2]]),
    f([p[0], p[1] + h, p[2]]) - f([p[0], p[1] - h, p[2]]),
    f([p[0], p[1], p[2] + h]) - f([p[0], p[1], p[2] - h]),
  ];
  const l = len(g);
  return Number.isFinite(l) && l > 1e-12 ? scale(g, 1 / l) : [0, 0, 0];
}

/** Signed distance (approximate for ellipsoids and stacks) from p to the solid; negative inside. */
export function solidDistance(s: Solid, p: Vec3): number {
  if (s.kind === "field") return s.f(p);
  if (s.kind === "left-half") return -p[0];
  if (s.kind === "sphere") return len(sub(p, s.c)) - s.r;
  if (s.kind === "rod") return len(sub(p, closestOnSegment(p, s.a, s.b))) - s.r;
  if (s.kind === "plate") return len(sub(p, closestOnTriangle(p, s.a, s.b, s.c))) - s.r;
  if (s.kind === "stack") {
    const e = stackSlice(s, p[1]);
    if (!e) return Infinity;
    const k = Math.hypot((p[0] - e.c[0]) / e.rx, (p[2] - e.c[2]) / e.rz);
    return (k - 1) * Math.min(e.rx, e.rz);
  }
  const d = sub(p, s.c);
  const q: Vec3 = [d[0] / s.radii[0], d[1] / s.radii[1], d[2] / s.radii[2]];
  const k = len(q);
  return (k - 1) * Math.min(s.radii[0], s.radii[1], s.radii[2]);
}

/** Move p out of the solid to `clearance` metres beyond its surface (unchanged when already outside). */
export function pushOut(s: Solid, p: Vec3, clearance: number): Vec3 {
  if (solidDistance(s, p) >= clearance) return p;
  if (s.kind === "left-half") return [-clearance, p[1], p[2]];
  if (s.kind === "field") {
    let q = p;
    for (let it = 0; it < 6; it++) {
      const d = s.f(q);
      if (!(d < clearance)) break;
      const n = fieldNormal(s.f, q);
      if (n[0] === 0 && n[1] === 0 && n[2] === 0) break;
      q = add(q, scale(n, clearance - d + 1e-4));
    }
    return q;
  }
  if (s.kind === "sphere") return add(s.c, scale(normalize(sub(p, s.c)), s.r + clearance));
  if (s.kind === "rod") {
    const c = closestOnSegment(p, s.a, s.b);
    return add(c, scale(normalize(sub(p, c)), s.r + clearance));
  }
  if (s.kind === "stack") {
    const e = stackSlice(s, p[1]);
    if (!e) return p;
    const rx = e.rx + clearance;
    const rz = e.rz + clearance;
    const k = Math.hypot((p[0] - e.c[0]) / rx, (p[2] - e.c[2]) / rz);
    if (k < 1e-9) return [e.c[0], p[1], e.c[2] + rz];
    return [e.c[0] + (p[0] - e.c[0]) / k, p[1], e.c[2] + (p[2] - e.c[2]) / k];
  }
  if (s.kind === "plate") {
    const c = closestOnTriangle(p, s.a, s.b, s.c);
    const n = normalize(cross(sub(s.b, s.a), sub(s.c, s.a)));
    const d = sub(p, c);
    const dir = len(d) > 1e-7 ? normalize(d) : dot(d, n) >= 0 ? n : scale(n, -1);
    return add(c, scale(dir, s.r + clearance));
  }
  const d = sub(p, s.c);
  const r: Vec3 = [s.radii[0] + clearance, s.radii[1] + clearance, s.radii[2] + clearance];
  const k = len([d[0] / r[0], d[1] / r[1], d[2] / r[2]]);
  if (k < 1e-9) return add(s.c, [0, r[1], 0]);
  return add(s.c, scale(d, 1 / k));
}

/** Attachment points around which the surface is left in place (it meets the bone there). */
export interface Pins {
  points: Vec3[];
  /** Radius of full pinning, metres; the push fades in over the next radius. */
  radius: number;
  /** More pins with their own (usually smaller) radius, e.g. along a sheet's attached edges. */
  more?: Pins;
}

/** How much of the push applies at p: 0 at a pin, 1 away from all pins. */
export function pinWeight(pins: Pins | undefined, p: Vec3): number {
  if (!pins) return 1;
  const more = pinWeight(pins.more, p);
  if (pins.points.length === 0) return more;
  let d = Infinity;
  for (const q of pins.points) d = Math.min(d, len(sub(p, q)));
  const t = Math.min(1, Math.max(0, (d - pins.radius) / pins.radius));
  return Math.min(more, t * t * (3 - 2 * t));
}

/** Push every vertex of a flat position array out of all solids (a few passes for overlapping solids). */
export function pushPositions(positions: number[], solids: readonly Solid[], clearance: number, pins?: Pins): void {
  if (solids.length === 0) return;
  for (let i = 0; i < positions.length; i += 3) {
    const start: Vec3 = [positions[i] ?? 0, positions[i + 1] ?? 0, positions[i + 2] ?? 0];
    const w = pinWeight(pins, start);
    if (w === 0) continue;
    let p: Vec3 = start;
    for (let pass = 0; pass < 3; pass++) {
      let moved = false;
      for (const s of solids) {
        const q = pushOut(s, p, clearance);
        if (q !== p) {
          p = q;
          moved = true;
        }
      }
      if (!moved) break;
    }
    positions[i] = start[0] + (p[0] - start[0]) * w;
    positions[i + 1] = start[1] + (p[1] - start[1]) * w;
    positions[i + 2] = start[2] + (p[2] - start[2]) * w;
  }
}

/**
 * Push a mesh's vertices out of the solids, then relax the pushed area a little (pushing alone leaves creases
 * where neighbouring vertices land on different sides), and push once more.
 */
export function pushMesh(
  mesh: { positions: number[]; indices: number[] },
  solids: readonly Solid[],
  clearance: number,
  pins?: Pins,
  smoothing = 3,
): void {
  if (solids.length === 0) return;
  const before = mesh.positions.slice();
  pushPositions(mesh.positions, solids, clearance, pins);
  const n = mesh.positions.length / 3;
  const moved = new Uint8Array(n);
  let any = false;
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < 3; k++) {
      if ((before[3 * i + k] ?? 0) !== (mesh.positions[3 * i + k] ?? 0)) {
        moved[i] = 1;
        any = true;
      }
    }
  }
  if (!any || smoothing === 0) return;
  const neighbours: Set<number>[] = Array.from({ length: n }, () => new Set<number>());
  for (let f = 0; f < mesh.indices.length; f += 3) {
    const a = mesh.indices[f] ?? 0;
    const b = mesh.indices[f + 1] ?? 0;
    const c = mesh.indices[f + 2] ?? 0;
    neighbours[a]?.add(b).add(c);
    neighbours[b]?.add(a).add(c);
    neighbours[c]?.add(a).add(b);
  }
  // Smooth the pushed vertices and a ring around them.
  const active = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    if (!moved[i]) continue;
    active[i] = 1;
    for (const j of neighbours[i] ?? []) active[j] = 1;
  }
  const p = mesh.positions;
  const weight = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    weight[i] = active[i]
      ? 0.5 * pinWeight(pins, [before[3 * i] ?? 0, before[3 * i + 1] ?? 0, before[3 * i + 2] ?? 0])
      : 0;
  }
  for (let it = 0; it < smoothing; it++) {
    const next = p.slice();
    for (let i = 0; i < n; i++) {
      const wi = weight[i] ?? 0;
      if (wi === 0) continue;
      const ns = neighbours[i];
      if (!ns || ns.size === 0) continue;
      let x = 0;
      let y = 0;
      let z = 0;
      for (const j of ns) {
        x += p[3 * j] ?? 0;
        y += p[3 * j + 1] ?? 0;
        z += p[3 * j + 2] ?? 0;
      }
      const k = 1 / ns.size;
      next[3 * i] = (1 - wi) * (p[3 * i] ?? 0) + wi * x * k;
      next[3 * i + 1] = (1 - wi) * (p[3 * i + 1] ?? 0) + wi * y * k;
      next[3 * i + 2] = (1 - wi) * (p[3 * i + 2] ?? 0) + wi * z * k;
    }
    for (let i = 0; i < p.length; i++) p[i] = next[i] ?? 0;
  }
  pushPositions(p, solids, clearance, pins);
}

/** Push a centre line's points out of the solids by their tube radius plus clearance, then relax it. */
export function pushCurve(
  curve: Vec3[],
  radii: readonly number[],
  solids: readonly Solid[],
  clearance: number,
): Vec3[] {
  if (solids.length === 0) return curve;
  let out = curve.map((p, k) => {
    let q = p;
    for (let pass = 0; pass < 3; pass++) for (const s of solids) q = pushOut(s, q, clearance + (radii[k] ?? 0));
    return q;
  });
  // Relax kinks (interior points only), then make sure the result is still clear.
  for (let it = 0; it < 2; it++) {
    out = out.map((p, k) => {
      const a = out[k - 1];
      const b = out[k + 1];
      if (!a || !b) return p;
      return [(a[0] + b[0] + 2 * p[0]) / 4, (a[1] + b[1] + 2 * p[1]) / 4, (a[2] + b[2] + 2 * p[2]) / 4] as Vec3;
    });
  }
  return out.map((p, k) => {
    let q = p;
    for (const s of solids) q = pushOut(s, q, clearance + (radii[k] ?? 0));
    return q;
  });
}

/**
 * Push a surface grid [i][j] out of the solids (a sheet's deep surface, before it is given thickness), relax the
 * pushed area within the grid, and push again.
 */
export function pushGrid(grid: Vec3[][], solids: readonly Solid[], clearance: number, pins?: Pins): void {
  if (solids.length === 0) return;
  const ni = grid.length;
  const nj = grid[0]?.length ?? 0;
  const flat: number[] = [];
  for (const col of grid) for (const p of col) flat.push(p[0], p[1], p[2]);
  const indices: number[] = [];
  const id = (i: number, j: number): number => i * nj + j;
  for (let i = 0; i + 1 < ni; i++) {
    for (let j = 0; j + 1 < nj; j++)
      indices.push(id(i, j), id(i + 1, j), id(i, j + 1), id(i + 1, j), id(i + 1, j + 1), id(i, j + 1));
  }
  pushMesh({ positions: flat, indices }, solids, clearance, pins);
  for (let i = 0; i < ni; i++) {
    const col = grid[i];
    if (!col) continue;
    for (let j = 0; j < nj; j++)
      col[j] = [flat[3 * id(i, j)] ?? 0, flat[3 * id(i, j) + 1] ?? 0, flat[3 * id(i, j) + 2] ?? 0];
  }
}

/**
 * Lay a surface grid onto a field's zero level (the surfaces of the structures beneath a sheet), moving each point
 * along the sheet's own normal there (`outward`, pointing away from the structures): out of them when it sinks in,
 * down onto them when it floats within `reach` metres, to `clearance` above their surface; less near the pins (the
 * sheet's attachments stay where they are). Moving along the sheet's normal, not toward the nearest surface, keeps a
 * sheet that starts inside a thick muscle on the muscle's outer face instead of splitting it over its edges. The
 * grid's two outer columns on each side (the sheet's free borders across) are only pushed out, not drawn down, so a sheet
 * still reaches past the muscles' edges as authored.
 */
export function layOnto(
  grid: Vec3[][],
  outward: Vec3[][],
  f: (p: Vec3) => number,
  clearance: number,
  reach: number,
  pins?: Pins,
): void {
  const step = 0.002;
  grid.forEach((col, i) => {
    for (let j = 0; j < col.length; j++) {
      const p = col[j] as Vec3;
      const n = outward[i]?.[j];
      const w = pinWeight(pins, p);
      if (!n || w <= 0) continue;
      let d = f(p);
      let q = p;
      if (d < clearance) {
        // Out along the normal until clear (at most 6 cm).
        for (let k = 0; k < 30 && d < clearance; k++) {
          q = madd(q, n, Math.max(step, clearance - d));
          d = f(q);
        }
        if (d < clearance) continue;
      } else if (d < reach && i > 1 && i < grid.length - 2) {
        // Down along the normal while that brings it closer; stays where it is if the surface is not below it.
        let t = 0;
        let best = d;
        for (let k = 0; k < 30 && best > clearance && t < reach * 1.5; k++) {
          t += Math.max(5e-4, Math.min(step, best - clearance));
          const r = madd(p, n, -t);
          const e = f(r);
          if (e >= best) break;
          best = e;
          q = r;
        }
      } else continue;
      col[j] = add(p, scale(sub(q, p), w));
    }
  });
}
