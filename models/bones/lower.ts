// Hip bone, femur, patella, tibia and fibula of the right side, blended primitives on measured landmarks.
import {
  cylinder,
  disc,
  ellipsoid,
  frameFromY,
  halfSpace,
  intersect,
  roundCone,
  type Sdf,
  smoothSubtract,
  smoothUnion,
  sphere,
  tube,
} from "../sdf.ts";
import { centreLine, centreLineAt } from "../skeleton.ts";
import { smoothCurve } from "../sweep.ts";
import type { Vec3 } from "../types.ts";
import { cross as vcross, dot as vdot, normalize as vnorm, scale as vscale, sub as vsub } from "../vec.ts";
import { along, at, type BoneShape, boxAround, dir, inward, L, onLine } from "./common.ts";

/** Smooth curve through points, resampled to n points. */
function smoothPath(points: Vec3[], n: number): Vec3[] {
  return smoothCurve(points, [], n).p;
}

const UP: Vec3 = [0, 1, 0];
const ANT: Vec3 = [0, 0, 1];
const LAT: Vec3 = [-1, 0, 0];
const MED: Vec3 = [1, 0, 0];

export function hipBone(): BoneShape {
  const ASIS = L("pelvis.asis");
  const AIIS = L("pelvis.aiis");
  const CREST = L("pelvis.iliac-crest");
  const TUB = L("pelvis.iliac-tubercle");
  const PSIS = L("pelvis.psis");
  const IT = L("pelvis.ischial-tuberosity");
  const SYM = L("pelvis.pubic-symphysis");
  const PT = L("pelvis.pubic-tubercle");
  const A = L("pelvis.acetabulum-centre");
  const AUR = L("sacrum.auricular");
  const nA = vnorm([-1, -0.55, 0.45]); // acetabulum opening: lateral, down, forward
  // Acetabulum: a cup around the femoral head.
  const cup = intersect(smoothSubtract(sphere(A, 0.032), sphere(A, 0.0262), 0.002), halfSpace(along(A, nA, 0.002), nA));
  const aTop = along(along(A, UP, 0.028), nA, -0.012);
  const aBack = along(along(A, ANT, -0.026), nA, -0.01);
  const aFront = along(along(along(A, ANT, 0.02), UP, -0.012), nA, -0.012);
  const aLow = along(along(A, UP, -0.02), nA, -0.012);
  // Ilium: a curved plate lofted between the crest and the body above the acetabulum (bowed outwards, as the
  // gluteal surface is convex), built from overlapping flattened ellipsoids so it reads as one smooth shell.
  const crestPost = along(at(CREST, PSIS, 0.55), UP, 0.012);
  const piis = along(along(along(PSIS, UP, -0.032), ANT, 0.016), LAT, 0.01);
  const notchTop = along(along(at(aBack, piis, 0.45), MED, 0.004), ANT, 0.014);
  // The crest landmarks are points on the bone's surface: the crest's tube runs one radius inside them (centred on
  // them, its rim stood 6-9 mm past the reference ilium above, in front and behind).
  const iliumC = at(at(ASIS, PSIS, 0.5), aTop, 0.4);
  const crest = [ASIS, TUB, CREST, crestPost, PSIS].map((p) => inward(p, iliumC, 0.0065));
  const lower = [AIIS, at(AIIS, aTop, 0.5), aTop, notchTop, piis];
  const crestCurve = smoothPath(crest, 9);
  const lowerCurve = smoothPath(lower, 9);
  const sheet: Sdf[] = [];
  const frontD = dir(crest[0] as Vec3, AIIS);
  const frontN = vnorm(vsub(ANT, vscale(frontD, vdot(ANT, frontD))));
  const notchD = dir(piis, notchTop);
  const notchN = vnorm(vsub([0, -1, -1], vscale(notchD, vdot([0, -1, -1], notchD))));
  const rows = 4;
  for (let i = 0; i < crestCurve.length; i++) {
    const top = crestCurve[i] as Vec3;
    const bottom = lowerCurve[i] as Vec3;
    const u = i / (crestCurve.length - 1);
    for (let j = 0; j <= rows; j++) {
      const v = j / rows;
      const bow = 0.009 * Math.sin(Math.PI * u) * Math.sin(Math.PI * Math.min(1, v * 1.2));
      const du = dir(
        crestCurve[Math.max(i - 1, 0)] as Vec3,
        crestCurve[Math.min(i + 1, crestCurve.length - 1)] as Vec3,
      );
      // The first and last columns end at the ilium's anterior and posterior borders instead of reaching past them.
      const end = i === 0 ? 1 : i === crestCurve.length - 1 ? -1 : 0;
      const c = along(along(at(top, bottom, 0.1 + v * 0.82), LAT, bow), du, end * 0.016);
      const dv = dir(top, bottom);
      const n = vnorm(vcross(du, dv));
      const span = Math.hypot(...vsub(top, bottom));
      const ax: [Vec3, Vec3, Vec3] = [du, vnorm(vcross(n, du)), n];
      sheet.push(ellipsoid(c, [0.019, (span / rows) * 0.85, 0.0038], ax));
    }
  }
  const ilium = smoothUnion(
    0.007,
    // The plates end at the anterior border between the two anterior iliac spines (they bulged 15 mm past it).
    // and above the greater sciatic notch behind.
    intersect(intersect(smoothUnion(0.01, ...sheet), halfSpace(crest[0] as Vec3, frontN)), halfSpace(piis, notchN)),
    tube(
      crestCurve,
      crestCurve.map((_, i) => 0.0062 + 0.0022 * Math.sin((Math.PI * i) / (crestCurve.length - 1))),
    ),
    tube([crest[0] as Vec3, inward(AIIS, A, 0.0058), aFront], [0.0055, 0.0058, 0.008]),
    roundCone(aTop, along(aTop, UP, 0.02), 0.015, 0.01),
    tube([piis, notchTop, aBack], [0.0075, 0.008, 0.012]),
    ellipsoid(along(at(PSIS, piis, 0.5), LAT, 0.004), [0.009, 0.02, 0.012]),
  );
  // Ischium: body down and back to the tuberosity; ramus forward to meet the inferior pubic ramus.
  const itC = inward(IT, A, 0.011);
  const spine = along(along(at(aBack, itC, 0.35), MED, 0.016), ANT, -0.01);
  const pubicBody: Vec3 = [SYM[0] - 0.009, (SYM[1] + PT[1]) / 2 - 0.012, (SYM[2] + PT[2]) / 2 - 0.004];
  // The symphysis leans back from its upper end (the pubic arch lies well behind the pubic crest).
  const symAxis = vnorm([0, 1, 0.9]);
  const ischium = smoothUnion(
    0.006,
    roundCone(aBack, itC, 0.012, 0.011),
    ellipsoid(itC, [0.011, 0.017, 0.012], frameFromY(dir(itC, aBack), ANT)),
    roundCone(at(aBack, itC, 0.35), spine, 0.006, 0.0025),
    tube([itC, along(at(itC, pubicBody, 0.5), UP, -0.008), along(pubicBody, symAxis, -0.022)], [0.0085, 0.006, 0.0065]),
  );
  // Pubis: superior ramus from the acetabulum to the pubic body at the symphysis.
  const pubis = smoothUnion(
    0.006,
    tube([aFront, at(aFront, pubicBody, 0.55), pubicBody], [0.01, 0.0075, 0.009]),
    ellipsoid(along(pubicBody, symAxis, -0.008), [0.008, 0.02, 0.0095], frameFromY(symAxis, ANT)),
    roundCone(pubicBody, inward(PT, pubicBody, 0.004), 0.007, 0.0045),
  );
  const sdf = smoothUnion(
    0.008,
    cup,
    ilium,
    ischium,
    pubis,
    roundCone(aLow, aFront, 0.011, 0.011),
    roundCone(aLow, aBack, 0.012, 0.012),
  );
  const b = boxAround([ASIS, CREST, TUB, PSIS, IT, SYM, PT, A, AUR, piis], 0.022);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0024, triangles: 3400 };
}

export function femur(): BoneShape {
  const H = L("femur.head-centre");
  const GT = L("femur.greater-trochanter");
  const LT = L("femur.lesser-trochanter");
  const SM = L("femur.shaft-mid");
  const LA = L("femur.linea-aspera");
  const LE = L("femur.lateral-epicondyle");
  const ME = L("femur.medial-epicondyle");
  const LC = L("femur.lateral-condyle");
  const MC = L("femur.medial-condyle");
  const AT = L("femur.adductor-tubercle");
  const K = L("femur.knee-centre");
  // The shaft follows the reference centre line (it bows forwards: the upper shaft lies well behind the line
  // from the knee through mid-shaft), with the reference section radii, a little full at the ends.
  const cl = centreLine("femur");
  const at_ = (t: number) => centreLineAt("femur", t);
  const radiusAt = (t: number) => {
    const i = cl.t.findIndex((x) => x >= t - 1e-9);
    return (cl.radii[Math.max(0, i)] as number) * 1.06;
  };
  const shaftT = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8];
  const topAxis = at_(0.1);
  const distal = at_(0.85);
  const u = dir(at_(0.75), at_(0.25)); // shaft axis, upward
  const gtC = inward(GT, topAxis, 0.0135);
  const neckEnd = along(at(H, gtC, 0.62), UP, -0.012);
  const ltAxis = onLine(LT, topAxis, at_(0.2));
  const proximal = smoothUnion(
    0.01,
    sphere(H, 0.0238),
    roundCone(H, neckEnd, 0.0158, 0.0195),
    ellipsoid(gtC, [0.0135, 0.024, 0.0145], frameFromY(u, ANT)),
    roundCone(along(gtC, UP, -0.02), ltAxis, 0.018, 0.016),
    roundCone(ltAxis, inward(LT, ltAxis, 0.0045), 0.009, 0.0055),
    roundCone(along(gtC, ANT, -0.006), inward(LT, ltAxis, 0.006), 0.006, 0.005),
  );
  const shaft = tube(
    [...shaftT.map(at_), distal],
    [...shaftT.map((t) => Math.min(0.0165, Math.max(0.0118, radiusAt(t)))), 0.0165],
  );
  // Linea aspera: a low ridge down the back of the middle of the shaft.
  const ridgeT = [0.3, 0.4, 0.5, 0.6, 0.7];
  const ridge = tube(
    ridgeT.map((t) => along(at_(t), ANT, -radiusAt(t) * 0.75)),
    ridgeT.map(() => 0.0042),
  );
  const la = inward(LA, SM, 0.004);
  // Condyles: from the patellar surface in front to the posterior condyles behind.
  const frontZ = L("femur.patellar-surface")[2] - 0.001;
  const backZ = Math.min(LC[2], MC[2]) - 0.018;
  const cz = (frontZ + backZ) / 2;
  const rz = (frontZ - backZ) / 2;
  const lateralC: Vec3 = [LC[0], LC[1] + 0.021, cz - 0.004];
  const medialC: Vec3 = [MC[0], MC[1] + 0.022, cz - 0.004];
  const front: Vec3 = [K[0] - 0.002, K[1] + 0.018, frontZ - 0.012];
  const condyles = smoothUnion(
    0.009,
    ellipsoid(lateralC, [0.0135, 0.021, rz * 0.86]),
    ellipsoid(medialC, [0.0145, 0.022, rz * 0.86]),
    ellipsoid(front, [0.024, 0.02, 0.012]),
    sphere(inward(LE, K, 0.006), 0.0068),
    sphere(inward(ME, K, 0.007), 0.0078),
    sphere(inward(AT, K, 0.004), 0.0048),
    roundCone(distal, along(K, UP, 0.01), 0.0175, 0.024),
  );
  let sdf: Sdf = smoothUnion(0.012, proximal, shaft, condyles, smoothUnion(0.01, ridge, sphere(la, 0.004)));
  // Trochlear groove in front, intercondylar notch behind.
  sdf = smoothSubtract(
    sdf,
    roundCone(along(front, ANT, 0.013), along(along(front, ANT, 0.011), UP, -0.03), 0.006, 0.006),
    0.004,
  );
  sdf = smoothSubtract(sdf, ellipsoid(along(along(K, ANT, -0.02), UP, -0.012), [0.0085, 0.02, 0.018]), 0.003);
  // The notch runs forward under the condyles to the lower end of the trochlea, where the anterior cruciate
  // ligament lies against its roof in extension.
  sdf = smoothSubtract(
    sdf,
    ellipsoid(along(along(along(K, ANT, 0.0), UP, -0.015), LAT, 0.004), [0.007, 0.012, 0.018]),
    0.003,
  );
  const b = boxAround([H, GT, LT, LE, ME, LC, MC, K, SM], 0.03);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0025, triangles: 2000 };
}

export function patella(): BoneShape {
  const C = L("patella.centre");
  const B = L("patella.base");
  const Ap = L("patella.apex");
  const A = L("patella.anterior");
  const v = dir(Ap, B);
  const c = at(B, Ap, 0.42);
  const f = frameFromY(v, ANT);
  const sdf = smoothUnion(
    0.006,
    ellipsoid(along(c, ANT, -0.002), [0.021, 0.02, 0.0105], f),
    roundCone(along(c, v, -0.006), inward(Ap, c, 0.004), 0.012, 0.004),
    ellipsoid(along(c, ANT, -0.007), [0.006, 0.016, 0.006], f),
  );
  void A;
  void C;
  const b = boxAround([B, Ap, c], 0.03);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0011, triangles: 420 };
}

export function tibia(): BoneShape {
  const P = L("tibia.plateau-centre");
  const MCo = L("tibia.medial-condyle");
  const LCo = L("tibia.lateral-condyle");
  const TT = L("tibia.tuberosity");
  const GR = L("tibia.gerdy-tubercle");
  const AB = L("tibia.anterior-border");
  const SM = L("tibia.shaft-mid");
  const MM = L("tibia.medial-malleolus");
  const AC = L("tibia.ankle-centre");
  const FH = L("fibula.head");
  const top = along(P, UP, -0.013);
  const halfW = Math.abs(MCo[0] - LCo[0]) / 2 - 0.002;
  const centreX = (MCo[0] + LCo[0]) / 2;
  const plateau = disc([centreX, top[1], P[2] - 0.002], halfW, 0.011, 0.024, 0.005);
  const metaphysis = roundCone(along(top, UP, -0.006), along(top, UP, -0.065), 0.024, 0.0165);
  const shaftTop = along(top, UP, -0.08);
  const distalC = along(AC, UP, 0.022);
  // Shaft along the reference centre line, widening to the ankle.
  const shaftT = [0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.86];
  const shaft = tube(
    [shaftTop, ...shaftT.map((t) => centreLineAt("tibia", t)), distalC],
    [0.0148, 0.0135, 0.0124, 0.0118, 0.0118, 0.012, 0.0125, 0.0135, 0.0165],
  );
  const crest = tube(
    [along(inward(TT, shaftTop, 0.004), UP, -0.01), inward(AB, SM, 0.0035), along(along(AC, UP, 0.09), ANT, 0.008)],
    [0.005, 0.0035, 0.004],
  );
  const lower = smoothUnion(
    0.007,
    disc([AC[0] + 0.002, AC[1] + 0.013, AC[2] + 0.001], 0.0205, 0.01, 0.0175, 0.005),
    roundCone(along(along(AC, MED, 0.015), UP, 0.02), inward(MM, AC, 0.005), 0.009, 0.0062),
  );
  let sdf: Sdf = smoothUnion(
    0.01,
    plateau,
    metaphysis,
    shaft,
    crest,
    lower,
    ellipsoid(inward(TT, shaftTop, 0.0055), [0.011, 0.014, 0.006]),
    sphere(inward(GR, top, 0.005), 0.0065),
    sphere(along(inward(FH, top, 0.006), UP, 0.004), 0.0075),
  );
  // Two shallow condylar hollows on the plateau, with the intercondylar eminence between.
  sdf = smoothSubtract(sdf, sphere([MCo[0] - 0.015, P[1] + 0.033, P[2] - 0.003], 0.034), 0.003);
  sdf = smoothSubtract(sdf, sphere([LCo[0] + 0.015, P[1] + 0.034, P[2] - 0.003], 0.034), 0.003);
  // Ankle surface.
  sdf = smoothSubtract(
    sdf,
    cylinder(along(along(AC, LAT, 0.03), UP, -0.012), along(along(AC, MED, 0.012), UP, -0.012), 0.016, 0.002),
    0.002,
  );
  const b = boxAround([P, MCo, LCo, TT, MM, AC, SM], 0.028);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0024, triangles: 1700 };
}

export function fibula(): BoneShape {
  const FH = L("fibula.head");
  const FN = L("fibula.neck");
  const FS = L("fibula.shaft-mid");
  const LM = L("fibula.lateral-malleolus");
  const v = dir(LM, FH);
  const mall = along(inward(LM, FS, 0.007), v, 0.014);
  const sdf = smoothUnion(
    0.006,
    ellipsoid(along(FH, v, -0.002), [0.011, 0.012, 0.0105], frameFromY(v, ANT)),
    roundCone(FH, FN, 0.008, 0.0062),
    tube([FN, FS, along(mall, v, 0.06), mall], [0.0062, 0.0068, 0.0066, 0.0085]),
    ellipsoid(mall, [0.0085, 0.02, 0.0095], frameFromY(v, ANT)),
  );
  void vcross;
  void vdot;
  void vscale;
  void vsub;
  const b = boxAround([FH, LM, FS], 0.022);
  return { kind: "sdf", sdf, min: b.min, max: b.max, cell: 0.0016, triangles: 800 };
}
