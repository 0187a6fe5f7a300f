// Shoulder girdle and arm bones of the right side: scapula, clavicle, humerus, radius, ulna. Shapes are blended
// primitives placed on the measured landmarks (models/data/skeleton.json).
import {
  box,
  cylinder,
  ellipsoid,
  frameFromY,
  roundCone,
  type Sdf,
  smoothSubtract,
  smoothUnion,
  sphere,
  torus,
  triangle,
  tube,
  union,
} from "../sdf.ts";
import { centreLineAt, musclePath } from "../skeleton.ts";
import { smoothCurve } from "../sweep.ts";
import type { Vec3 } from "../types.ts";
import {
  add as vadd,
  cross as vcross,
  dist as vdist,
  dot as vdot,
  normalize as vnorm,
  scale as vscale,
  sub as vsub,
} from "../vec.ts";
import { along, at, type BoneShape, boxAround, dir, inward, L, onLine } from "./common.ts";

const UP: Vec3 = [0, 1, 0];
const ANT: Vec3 = [0, 0, 1];
const LAT: Vec3 = [-1, 0, 0];

/** Component of v perpendicular to unit u, normalised. */
function perp(v: Vec3, u: Vec3): Vec3 {
  return vnorm(vsub(v, vscale(u, vdot(v, u))));
}

export function humerus(): BoneShape {
  const H = L("humerus.head-centre");
  const E = L("elbow.centre");
  const GT = L("humerus.greater-tubercle");
  const LT = L("humerus.lesser-tubercle");
  const SN = L("humerus.surgical-neck");
  const SM = L("humerus.shaft-mid");
  const DT = L("humerus.deltoid-tuberosity");
  const LE = L("humerus.lateral-epicondyle");
  const ME = L("humerus.medial-epicondyle");
  const TR = L("humerus.trochlea");
  const CAP = L("humerus.capitulum");
  const OF = L("humerus.olecranon-fossa");
  const GR = L("humerus.intertubercular-groove");
  const u = dir(E, H); // up the shaft
  const ml = perp(vsub(LE, ME), u); // toward lateral
  const ap = vcross(ml, u); // anterior or posterior: make it anterior
  const ant = vdot(ap, ANT) > 0 ? ap : vscale(ap, -1);
  const headR = 0.0215;
  // The head faces medially, up and back, away from the tubercles.
  const axisTop = onLine(GT, E, H);
  const neckC = at(H, axisTop, 0.45);
  const distal = at(LE, ME, 0.5);
  const supra = along(distal, u, 0.055);
  const shaft = tube(
    [along(SN, u, 0.012), SN, SM, along(distal, u, 0.09), supra],
    [0.0135, 0.0118, 0.0106, 0.0102, 0.0098],
  );
  const upper = smoothUnion(
    0.008,
    sphere(H, headR),
    roundCone(neckC, along(SN, u, 0.005), 0.0175, 0.0125),
    ellipsoid(inward(GT, axisTop, 0.0095), [0.0095, 0.0155, 0.0095], frameFromY(u, ml)),
    ellipsoid(inward(LT, onLine(LT, E, H), 0.0055), [0.006, 0.009, 0.0055], frameFromY(u, ant)),
    shaft,
    ellipsoid(inward(DT, onLine(DT, E, H), 0.006), [0.005, 0.016, 0.0045], frameFromY(u, ml)),
  );
  // Distal end: flattened between the supracondylar ridges, epicondyles, trochlea and capitulum.
  const trochC = along(TR, u, 0.0105);
  const capC = along(along(CAP, u, 0.009), ant, -0.004);
  const axisE = dir(ME, LE);
  const lower = smoothUnion(
    0.009,
    triangle(along(inward(LE, distal, 0.004), u, 0.003), along(inward(ME, distal, 0.004), u, 0.003), supra, 0.0058),
    roundCone(along(distal, u, 0.085), inward(LE, distal, 0.004), 0.006, 0.0055),
    roundCone(along(distal, u, 0.06), inward(ME, distal, 0.006), 0.006, 0.0075),
    sphere(inward(ME, distal, 0.0065), 0.0072),
    roundCone(along(trochC, axisE, -0.011), along(trochC, axisE, 0.004), 0.0122, 0.0098),
    sphere(capC, 0.0102),
  );
  let sdf: Sdf = smoothUnion(0.012, upper, lower);
  // Trochlear groove, fossae and bicipital groove.
  sdf = smoothSubtract(sdf, torus(along(trochC, axisE, -0.002), axisE, 0.0128, 0.0028), 0.002);
  sdf = smoothSubtract(sdf, ellipsoid(along(OF, ant, -0.006), [0.009, 0.011, 0.006], frameFromY(u, ml)), 0.004);
  sdf = smoothSubtract(sdf, sphere(along(along(trochC, u, 0.017), ant, 0.012), 0.0065), 0.003);
  sdf = smoothSubtract(
    sdf,
    roundCone(along(along(GR, ant, 0.002), u, 0.02), along(GR, u, -0.03), 0.0032, 0.0022),
    0.002,
  );
  const b = boxAround([H, GT, LT, LE, ME, TR, CAP, E, SM], 0.028);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0021, triangles: 1800 };
}

export function radius(): BoneShape {
  const RH = L("radius.head");
  const RN = L("radius.neck");
  const RT = L("radius.tuberosity");
  const RS = L("radius.shaft-mid");
  const RL = L("radius.lateral-surface");
  const RST = L("radius.styloid");
  const RDT = L("radius.dorsal-tubercle");
  const RD = L("radius.distal-centre");
  const UH = L("ulna.head");
  const a = dir(RD, RH);
  const ml = perp(vsub(RST, UH), a); // toward lateral (thumb side)
  const headTop = along(RH, a, 0.005);
  const headBot = along(RH, a, -0.006);
  const distalC = along(RD, a, 0.004);
  const distalUp = along(RD, a, 0.04);
  // The shaft bows gently outwards (laterally) between the tuberosity and the wide distal end.
  const bow = perp(vsub(RL, RS), a);
  const shaftPts = smoothCurve(
    [RN, along(onLine(RT, RD, RH), a, -0.01), vadd(RS, vscale(bow, 0.0015)), distalUp, distalC],
    [[0.0064, 0.0074, 0.0072, 0.0088, 0.011]],
    14,
  );
  let sdf: Sdf = smoothUnion(
    0.006,
    cylinder(headBot, headTop, 0.0105, 0.0025),
    roundCone(headBot, RN, 0.0075, 0.0064),
    tube(
      shaftPts.p,
      shaftPts.v.map((v) => v[0] as number),
    ),
    ellipsoid(inward(RT, onLine(RT, RD, RH), 0.0042), [0.0046, 0.0095, 0.0046], frameFromY(a, ml)),
  );
  const distalEnd = smoothUnion(
    0.008,
    ellipsoid(distalC, [0.0165, 0.0125, 0.0105], frameFromY(a, ml)),
    roundCone(along(distalC, ml, 0.008), inward(RST, distalC, 0.0028), 0.0062, 0.0028),
    ellipsoid(inward(RDT, onLine(RDT, RD, RH), 0.0025), [0.0028, 0.007, 0.0028], frameFromY(a, ml)),
  );
  sdf = smoothUnion(0.012, sdf, distalEnd);
  // Shallow cup on the head (for the capitulum), ulnar notch, concave carpal surface.
  sdf = smoothSubtract(sdf, sphere(along(headTop, a, 0.0115), 0.0105), 0.0015);
  sdf = smoothSubtract(sdf, sphere(along(UH, ml, -0.001), 0.0082), 0.002);
  sdf = smoothSubtract(sdf, ellipsoid(along(RD, a, -0.014), [0.013, 0.008, 0.008], frameFromY(a, ml)), 0.003);
  const b = boxAround([RH, RST, RD, RT, RS, RDT], 0.022);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0016, triangles: 1100 };
}

/** Where the ulna's shaft follows the reference centre line (fractions of its length from the olecranon). */
const ULNA_SHAFT_T = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.88];

export function ulna(): BoneShape {
  const OL = L("ulna.olecranon");
  const OP = L("ulna.olecranon-posterior");
  const CO = L("ulna.coronoid");
  const US = L("ulna.shaft-mid");
  const PB = L("ulna.posterior-border");
  const UH = L("ulna.head");
  const UST = L("ulna.styloid");
  const TR = L("humerus.trochlea");
  const LE = L("humerus.lateral-epicondyle");
  const ME = L("humerus.medial-epicondyle");
  const RH = L("radius.head");
  const H = L("humerus.head-centre");
  const E = L("elbow.centre");
  const top = at(OL, CO, 0.5);
  const a = dir(UH, top);
  const uh = dir(E, H);
  const axisE = dir(ME, LE);
  const trochC = along(TR, uh, 0.0105);
  const post = vnorm(vsub(OP, onLine(OP, UH, top)));
  const ml = vnorm(vcross(a, post));
  const belowNotch = along(onLine(CO, UH, top), a, -0.02);
  let sdf: Sdf = smoothUnion(
    0.008,
    roundCone(inward(OL, trochC, 0.008), along(inward(OP, trochC, 0.009), a, -0.012), 0.0085, 0.0098),
    roundCone(along(trochC, post, 0.012), belowNotch, 0.011, 0.0095),
    roundCone(belowNotch, inward(CO, belowNotch, 0.004), 0.0085, 0.0045),
    // Shaft along the reference centre line below the notch, tapering to the head.
    tube(
      [belowNotch, ...ULNA_SHAFT_T.map((t) => centreLineAt("ulna", t)), UH],
      [0.0095, ...ULNA_SHAFT_T.map((t) => 0.0078 - Math.max(0, t - 0.3) * 0.004), 0.0062],
    ),
    roundCone(along(PB, post, -0.003), along(belowNotch, post, 0.004), 0.0035, 0.006),
    sphere(UH, 0.0074),
    roundCone(UH, inward(UST, UH, 0.0022), 0.0042, 0.0022),
  );
  // Trochlear notch (wraps the trochlea) and radial notch (for the radial head).
  sdf = smoothSubtract(sdf, cylinder(along(trochC, axisE, -0.014), along(trochC, axisE, 0.012), 0.0128, 0.002), 0.002);
  sdf = smoothSubtract(sdf, cylinder(along(RH, a, -0.006), along(RH, a, 0.006), 0.011, 0.002), 0.0015);
  void ml;
  void box;
  const b = boxAround([OL, OP, CO, UH, UST, US], 0.02);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0016, triangles: 1100 };
}

export function scapula(): BoneShape {
  const AC = L("scapula.ac-joint");
  const AR = L("scapula.acromion");
  const AA = L("scapula.acromial-angle");
  const CO = L("scapula.coracoid");
  const IA = L("scapula.inferior-angle");
  const SA = L("scapula.superior-angle");
  const SR = L("scapula.spine-root");
  const H = L("humerus.head-centre");
  const medialMid = at(SR, IA, 0.5);
  const n = vnorm(vsub(H, medialMid)); // toward the glenoid, in the plane of the scapula
  const plateN = vnorm(vcross(vsub(SA, IA), n)); // plate normal (sign unknown)
  const back = vdot(plateN, ANT) < 0 ? plateN : vscale(plateN, -1); // posterior face normal
  const up = perp(UP, n);
  const gs = along(H, n, -0.0235); // glenoid articular surface
  const gn = along(gs, n, -0.009); // glenoid neck
  const latTop = along(along(gn, up, 0.011), n, -0.008);
  const latLow = along(along(gn, up, -0.014), n, -0.01);
  const sr = along(SR, back, -0.006);
  const t = 0.0024;
  // Lateral border from below the glenoid to the inferior angle, bowed back (the reference border lies up to 15 mm
  // behind the straight line at mid-height: the blade is concave in front).
  const latBorder = (u: number): Vec3 => along(at(latLow, IA, u), back, 0.014 * Math.sin(Math.PI * u));
  // Medial border through the reference insertions of levator scapulae (superior angle) and the serratus anterior
  // digitations (costal side of the border), which the thoracoscapular muscle model puts higher and more medial
  // than the head-neck model's scapula surface; the plate is a fan from the border to the lateral border.
  const end = (name: string, which: "first" | "last"): Vec3 => {
    const pts = musclePath(name).points;
    return (which === "first" ? pts[0] : pts[pts.length - 1])?.p as Vec3;
  };
  // The insertions lie up to 22 mm in front of the plane of the blade (the two muscle models' scapulae differ);
  // the border follows them in the plane but leaves the plane by at most 6 mm, so the blade stays flat where
  // subscapularis and serratus lie on it.
  const onBlade = (p: Vec3): Vec3 => {
    const off = vdot(vsub(p, sr), back);
    return along(p, back, Math.min(0.006, Math.max(-0.006, off)) - off);
  };
  const sup = onBlade(inward(end("opensim:levator_scap", "first"), IA, 0.003));
  const border = smoothCurve(
    [
      sup,
      onBlade(end("opensim:SerrAnt2_1_R", "last")),
      onBlade(end("opensim:SerrAnt3_1_R", "last")),
      onBlade(end("opensim:SerrAnt4_1_R", "last")),
      IA,
    ],
    [],
    10,
  ).p;
  // The plate: a strip between the medial border and the lateral side (glenoid neck down the lateral border to the
  // inferior angle), in few broad triangles so that it blends smooth.
  const lateral = border.map((_, i) => {
    const u = i / (border.length - 1);
    return u < 0.3 ? at(latTop, latLow, u / 0.3) : latBorder((u - 0.3) / 0.7);
  });
  const plate: Sdf[] = [];
  for (let i = 0; i + 1 < border.length; i += 2) {
    const j = Math.min(i + 2, border.length - 1);
    plate.push(triangle(border[i] as Vec3, border[j] as Vec3, lateral[j] as Vec3, t));
    plate.push(triangle(border[i] as Vec3, lateral[j] as Vec3, lateral[i] as Vec3, t));
  }
  const nearSr = border.reduce((best, q) => (vdist(q, sr) < vdist(best, sr) ? q : best), border[0] as Vec3);
  const body = smoothUnion(
    0.006,
    // A hard union: overlapping plates blended smoothly would thicken the blade where they overlap.
    union(...plate),
    triangle(nearSr, sr, latTop, t),
    tube(border, [0.0034, 0.0034, 0.0034, 0.0034, 0.0035, 0.0036, 0.0037, 0.0038, 0.004, 0.004]),
    tube([latLow, latBorder(0.25), latBorder(0.5), latBorder(0.75), IA], [0.0065, 0.0062, 0.0058, 0.0052, 0.0045]),
    roundCone(sup, along(latTop, up, 0.004), 0.0035, 0.0035),
    // Serratus anterior's upper digitations insert on the costal side of the superior angle.
    roundCone(sup, inward(end("opensim:SerrAnt1_1_R", "last"), sup, 0.006), 0.0045, 0.0035),
  );
  // Spine: a plate standing out from the back of the body, thick crest, ending in the acromion.
  const spineBase = along(along(gn, up, 0.01), n, -0.016);
  const crestMid = along(at(SR, AA, 0.55), back, 0.004);
  // A lip along the upper border of the lateral spine, where the reference acromial trapezius fibres insert (a
  // ridge only: supraspinatus passes beneath it).
  const trapAcr = inward(end("opensim:trap_acr_scap", "first"), spineBase, 0.004);
  const spine = smoothUnion(
    0.005,
    triangle(sr, spineBase, AA, 0.0022),
    tube([SR, crestMid, AA], [0.0036, 0.0046, 0.0052]),
    tube([crestMid, trapAcr, AA], [0.0036, 0.0042, 0.0048]),
  );
  const acromion = smoothUnion(
    0.004,
    triangle(AA, AR, along(AC, n, -0.004), 0.0036),
    roundCone(AA, AR, 0.0048, 0.0042),
  );
  // Coracoid: up from the superior border beside the glenoid, then forward and lateral to its tip.
  const cb = along(along(gn, up, 0.019), n, -0.004);
  const knee = along(along(cb, up, 0.012), ANT, 0.012);
  const coracoid = tube([cb, knee, inward(CO, knee, 0.0045)], [0.0062, 0.0058, 0.0045]);
  // Glenoid: a shallow pear-shaped cup facing the humeral head.
  const glenoid = ellipsoid(along(gs, n, -0.0045), [0.0065, 0.0185, 0.013], [n, up, vcross(n, up)]);
  let sdf: Sdf = smoothUnion(
    0.007,
    body,
    spine,
    acromion,
    coracoid,
    glenoid,
    roundCone(gn, along(gn, n, -0.02), 0.011, 0.006),
  );
  sdf = smoothSubtract(sdf, sphere(H, 0.0232), 0.0015);
  const b = boxAround([AC, AR, AA, CO, IA, SA, SR, gs, sup, trapAcr, ...border], 0.016);
  void LAT;
  void vdist;
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0017, triangles: 2200 };
}

export function clavicle(): BoneShape {
  const SE = L("clavicle.sternal-end");
  const AE = L("clavicle.acromial-end");
  const ax = dir(SE, AE);
  const fwd = perp(ANT, ax);
  const up = vnorm(vcross(fwd, ax));
  const upv = vdot(up, UP) > 0 ? up : vscale(up, -1);
  const len = vdist(SE, AE);
  // S-curve: convex forward medially, concave forward laterally.
  const p = (t: number, f: number) => along(along(SE, ax, t * len), fwd, f);
  const sternalEnd = along(SE, ax, 0.008);
  const medial = tube([sternalEnd, p(0.2, 0.006), p(0.45, 0.009), p(0.6, 0.005)], [0.0105, 0.0078, 0.0068, 0.0066]);
  const lateral = smoothUnion(
    0.006,
    ellipsoid(p(0.68, 0.001), [0.0078, 0.013, 0.0052], [fwd, ax, upv]),
    ellipsoid(p(0.82, -0.004), [0.0105, 0.014, 0.0048], [fwd, ax, upv]),
    ellipsoid(p(0.95, -0.002), [0.0095, 0.01, 0.0052], [fwd, ax, upv]),
    sphere(along(along(p(0.8, -0.008), upv, -0.004), fwd, 0), 0.0045),
  );
  const sdf = smoothUnion(0.008, medial, lateral, sphere(along(SE, ax, 0.009), 0.0112));
  const b = boxAround([SE, AE, p(0.45, 0.009)], 0.02);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0016, triangles: 800 };
}
