// Named bony landmarks measured on the reference surfaces (extreme points, centroids) or read from joint
// frames and markers, in each body's own frame; run.ts moves them into the world. Directions below are in
// the body frame, OpenSim convention: +x anterior, +y up, +z to the body's right (lateral for right bones).

import { add, lerp as lerpV, normalize } from "../../models/vec.ts";
import { apply, invert, mulV, type V3, type Xform } from "./math.ts";
import { bounds, centroid, extreme, type Filter, sliceCentre } from "./measure.ts";
import type { World } from "./sources.ts";

export interface LandmarkDef {
  name: string;
  /** OpenSim body (or "myo:<body>" for MyoArm bodies) whose frame `local` is in. */
  body: string;
  local: V3;
  how: string;
}

const yBelow =
  (y: number): Filter =>
  (p) =>
    p[1] < y;
const yAbove =
  (y: number): Filter =>
  (p) =>
    p[1] > y;
const yBetween =
  (a: number, b: number): Filter =>
  (p) =>
    p[1] >= Math.min(a, b) && p[1] <= Math.max(a, b);
const and =
  (...fs: Filter[]): Filter =>
  (p) =>
    fs.every((f) => f(p));

export function measureLandmarks(w: World): LandmarkDef[] {
  const out: LandmarkDef[] = [];
  const add1 = (name: string, body: string, local: V3, how: string) => out.push({ name, body, local, how });
  const S = (file: string, model: "opensim" | "neck" = "opensim", s = 1) =>
    w.surface(file, { model, scale: [s, s, s] }).points;
  const joint = (name: string) => {
    const j = w.osim.joints.find((x) => x.name === name);
    if (!j) throw new Error(`joint ${name} missing`);
    return j;
  };

  // Pelvis (r_pelvis.vtp in the pelvis frame; origin between the anterior superior iliac spines).
  {
    const P = S("r_pelvis.vtp");
    const b = bounds(P);
    add1("pelvis.asis", "pelvis", extreme(P, [1, 0.25, 0], yAbove(-0.03)), "most anterior point of the ilium");
    add1("pelvis.iliac-crest", "pelvis", extreme(P, [0, 1, 0]), "highest point of the ilium");
    add1("pelvis.iliac-tubercle", "pelvis", extreme(P, [0.3, 0.6, 1], yAbove(0)), "lateral lip of the crest");
    add1(
      "pelvis.psis",
      "pelvis",
      extreme(
        P,
        [-1, 0.1, -0.3],
        and(yAbove(-0.03), (p) => p[2] > 0.02),
      ),
      "most posterior point of the ilium",
    );
    add1("pelvis.ischial-tuberosity", "pelvis", extreme(P, [-0.35, -1, 0.1]), "lowest, posterior point of the ischium");
    add1(
      "pelvis.pubic-symphysis",
      "pelvis",
      extreme(P, [1, -0.3, -1.5], yBelow(-0.05)),
      "medial, anterior point of the pubis",
    );
    add1(
      "pelvis.pubic-tubercle",
      "pelvis",
      extreme(
        P,
        [1, 0.3, 0],
        and(yBelow(-0.05), (p) => p[2] < 0.04),
      ),
      "anterior point of the superior pubic ramus near the midline",
    );
    add1("pelvis.acetabulum-centre", "pelvis", joint("hip_r").parentFrame.p, "hip joint centre (joint frame)");
    add1(
      "pelvis.aiis",
      "pelvis",
      extreme(
        P,
        [1, -0.2, 0.2],
        and(yBetween(-0.065, -0.035), (p) => p[2] > 0.07),
      ),
      "anterior point of the ilium above the acetabulum",
    );
    add1(
      "pelvis.ischial-spine",
      "pelvis",
      extreme(P, [-0.4, 0, -1], yBetween(-0.09, -0.05)),
      "medial projection of the ischium",
    );
    void b;
  }
  // Sacrum (sacrum.vtp in the sacrum frame).
  {
    const P = S("sacrum.vtp");
    const b = bounds(P);
    const mid = (p: V3) => Math.abs(p[2]) < 0.012;
    add1("sacrum.promontory", "sacrum", extreme(P, [1, 0.8, 0], mid), "anterior lip of the first sacral body");
    add1("sacrum.apex", "sacrum", extreme(P, [0.2, -1, 0], mid), "lowest point of the sacrum");
    add1(
      "sacrum.median-crest",
      "sacrum",
      extreme(P, [-1, 0, 0], and(mid, yBetween(b.min[1] * 0.2, b.max[1] * 0.5))),
      "most posterior point in the midline",
    );
    add1("sacrum.base-centre", "sacrum", centroid(P, and(mid, yAbove(b.max[1] - 0.015))), "centre of the top surface");
    add1("sacrum.ala", "sacrum", extreme(P, [0.2, 0.4, 1]), "lateral, upper point of the wing");
    add1(
      "sacrum.auricular",
      "sacrum",
      extreme(P, [-0.3, 0, 1], yBetween(-0.02, 0.04)),
      "lateral surface facing the ilium",
    );
  }
  // Femur (r_femur.vtp; origin at the head centre).
  {
    const P = S("r_femur.vtp");
    add1("femur.head-centre", "femur_r", [0, 0, 0], "hip joint centre");
    add1("femur.greater-trochanter", "femur_r", extreme(P, [0, 0.35, 1], yAbove(-0.09)), "most lateral, upper point");
    add1(
      "femur.lesser-trochanter",
      "femur_r",
      extreme(
        P,
        [-0.7, 0, -1],
        and(yBetween(-0.085, -0.045), (p) => p[2] > 0.0),
      ),
      "posteromedial projection below the neck",
    );
    add1("femur.shaft-mid", "femur_r", sliceCentre(P, -0.215), "centre of the shaft at mid-length");
    add1(
      "femur.linea-aspera",
      "femur_r",
      extreme(P, [-1, 0, 0], yBetween(-0.23, -0.2)),
      "posterior ridge at mid-shaft",
    );
    add1(
      "femur.lateral-epicondyle",
      "femur_r",
      extreme(P, [0, 0, 1], yBelow(-0.37)),
      "most lateral point of the distal femur",
    );
    add1(
      "femur.medial-epicondyle",
      "femur_r",
      extreme(P, [0, 0, -1], yBelow(-0.37)),
      "most medial point of the distal femur",
    );
    add1(
      "femur.adductor-tubercle",
      "femur_r",
      extreme(P, [0, 0.5, -1], yBetween(-0.385, -0.35)),
      "medial point above the medial epicondyle",
    );
    const zc = centroid(P, yBelow(-0.38))[2];
    add1(
      "femur.lateral-condyle",
      "femur_r",
      extreme(
        P,
        [-0.4, -1, 0],
        and(yBelow(-0.38), (p) => p[2] > zc),
      ),
      "lowest point of the lateral condyle",
    );
    add1(
      "femur.medial-condyle",
      "femur_r",
      extreme(
        P,
        [-0.4, -1, 0],
        and(yBelow(-0.38), (p) => p[2] < zc),
      ),
      "lowest point of the medial condyle",
    );
    add1(
      "femur.patellar-surface",
      "femur_r",
      extreme(P, [1, 0, 0], yBetween(-0.42, -0.38)),
      "anterior point of the trochlear groove",
    );
    add1("femur.knee-centre", "femur_r", joint("walker_knee_r").parentFrame.p, "knee joint centre (joint frame)");
  }
  // Tibia and fibula (r_tibia.vtp, r_fibula.vtp in the tibia frame).
  {
    const T = S("r_tibia.vtp");
    const F = S("r_fibula.vtp");
    const tb = bounds(T);
    add1("tibia.plateau-centre", "tibia_r", centroid(T, yAbove(tb.max[1] - 0.008)), "centre of the tibial plateau");
    add1(
      "tibia.medial-condyle",
      "tibia_r",
      extreme(T, [0, 0, -1], yAbove(tb.max[1] - 0.045)),
      "most medial point of the proximal tibia",
    );
    add1(
      "tibia.lateral-condyle",
      "tibia_r",
      extreme(T, [0, 0, 1], yAbove(tb.max[1] - 0.045)),
      "most lateral point of the proximal tibia",
    );
    add1(
      "tibia.tuberosity",
      "tibia_r",
      extreme(T, [1, 0, 0], yBetween(tb.max[1] - 0.08, tb.max[1] - 0.04)),
      "anterior point below the plateau",
    );
    add1(
      "tibia.gerdy-tubercle",
      "tibia_r",
      extreme(T, [0.7, 0, 1], yBetween(tb.max[1] - 0.05, tb.max[1] - 0.025)),
      "anterolateral point below the lateral condyle",
    );
    add1(
      "tibia.anterior-border",
      "tibia_r",
      extreme(T, [1, 0, 0], yBetween(-0.22, -0.2)),
      "anterior crest at mid-shaft",
    );
    add1(
      "tibia.medial-surface",
      "tibia_r",
      extreme(T, [0.6, 0, -1], yBetween(-0.22, -0.2)),
      "subcutaneous medial surface at mid-shaft",
    );
    add1("tibia.shaft-mid", "tibia_r", sliceCentre(T, -0.21), "centre of the shaft at mid-length");
    add1(
      "tibia.medial-malleolus",
      "tibia_r",
      extreme(T, [0, -0.25, -1], yBelow(-0.36)),
      "most medial point of the distal tibia",
    );
    add1("tibia.ankle-centre", "tibia_r", joint("ankle_r").parentFrame.p, "ankle joint centre (joint frame)");
    const fb = bounds(F);
    add1("fibula.head", "tibia_r", centroid(F, yAbove(fb.max[1] - 0.012)), "centre of the fibular head");
    add1("fibula.neck", "tibia_r", sliceCentre(F, fb.max[1] - 0.03, 6), "narrow part below the head");
    add1("fibula.shaft-mid", "tibia_r", sliceCentre(F, -0.22, 6), "centre of the shaft at mid-length");
    add1("fibula.lateral-malleolus", "tibia_r", extreme(F, [0, -1, 0.3]), "lowest point of the fibula");
  }
  // Patella.
  {
    const P = S("r_patella.vtp");
    add1("patella.centre", "patella_r", centroid(P), "centroid of the patella");
    add1("patella.base", "patella_r", extreme(P, [0, 1, 0]), "upper border");
    add1("patella.apex", "patella_r", extreme(P, [0, -1, 0]), "lower tip");
    add1("patella.anterior", "patella_r", extreme(P, [1, 0, 0]), "most anterior point");
  }
  // Foot (r_foot.vtp in the calcaneus frame: tarsals and metatarsals; r_bofoot.vtp in the toes frame).
  {
    const P = S("r_foot.vtp");
    const Tl = S("r_talus.vtp");
    const Toe = S("r_bofoot.vtp");
    add1("calcaneus.tuberosity", "calcn_r", extreme(P, [-1, -0.2, 0]), "most posterior point of the heel");
    add1(
      "calcaneus.plantar",
      "calcn_r",
      extreme(P, [-0.3, -1, 0], (p) => p[0] < 0.05),
      "lowest point under the heel",
    );
    add1(
      "calcaneus.sustentaculum",
      "calcn_r",
      extreme(P, [0, 0.2, -1], (p) => p[0] > 0.01 && p[0] < 0.05),
      "medial shelf below the talus",
    );
    add1(
      "calcaneus.peroneal-trochlea",
      "calcn_r",
      extreme(P, [0, 0, 1], (p) => p[0] > 0.01 && p[0] < 0.06),
      "lateral point of the calcaneus",
    );
    add1("talus.head", "talus_r", extreme(Tl, [1, -0.2, 0]), "anterior point of the talus");
    add1("talus.centre", "talus_r", centroid(Tl), "centroid of the talus");
    add1(
      "navicular.tuberosity",
      "calcn_r",
      extreme(P, [0, 0, -1], (p) => p[0] > 0.06 && p[0] < 0.1),
      "medial point of the midfoot",
    );
    add1(
      "metatarsal-5.base",
      "calcn_r",
      extreme(P, [0, 0, 1], (p) => p[0] > 0.08 && p[0] < 0.13),
      "lateral tuberosity of the fifth metatarsal",
    );
    add1(
      "metatarsal-5.head",
      "calcn_r",
      extreme(P, [0.3, 0, 1], (p) => p[0] > 0.15),
      "lateral point of the fifth metatarsal head",
    );
    add1(
      "metatarsal-1.head",
      "calcn_r",
      extreme(P, [0.3, 0, -1], (p) => p[0] > 0.15),
      "medial point of the first metatarsal head",
    );
    add1(
      "foot.mtp-centre",
      "calcn_r",
      joint("mtp_r").parentFrame.p,
      "metatarsophalangeal joint axis point (joint frame)",
    );
    add1("hallux.tip", "toes_r", extreme(Toe, [1, 0, -0.4]), "tip of the big toe");
    add1("toes.little-tip", "toes_r", extreme(Toe, [1, 0, 1.2]), "tip of the little toe");
  }
  // Scapula (Mortensen 2014 scapula surface, MoBL scapula frame; origin at the acromioclavicular joint).
  {
    const P = S("rscapula.vtp", "neck");
    add1("scapula.acromion", "scapula_R", extreme(P, [0.35, 0.25, 1], yAbove(-0.03)), "lateral tip of the acromion");
    add1(
      "scapula.acromial-angle",
      "scapula_R",
      extreme(P, [-0.7, 0, 1], yAbove(-0.03)),
      "posterolateral corner of the acromion",
    );
    add1("scapula.coracoid", "scapula_R", extreme(P, [1, 0, 0]), "tip of the coracoid process");
    add1("scapula.inferior-angle", "scapula_R", extreme(P, [0, -1, 0]), "lowest point");
    add1(
      "scapula.superior-angle",
      "scapula_R",
      extreme(P, [-0.3, 1, -0.9], (p) => p[2] < -0.04),
      "upper medial corner",
    );
    add1("scapula.spine-root", "scapula_R", extreme(P, [-1, 0.15, -1]), "medial end of the spine on the medial border");
    add1(
      "scapula.glenoid-centre",
      "scapula_R",
      joint("shoulder_R").parentFrame.p,
      "glenohumeral joint centre (joint frame)",
    );
    add1("scapula.ac-joint", "scapula_R", [0, 0, 0], "acromioclavicular joint (scapula frame origin)");
  }
  // Clavicle: between the sternoclavicular joint (clavicle frame origin) and the acromioclavicular joint (the
  // scapula's weld frame); the Mortensen 2014 clavicle surface is not in this frame, so only its proportions
  // are used (conoid tubercle at 80% of the length, behind and below the axis).
  {
    const ac = joint("clavR_scapR_jnt").parentFrame.p;
    add1("clavicle.sternal-end", "clavicle_R", [0, 0, 0], "sternoclavicular joint (clavicle frame origin)");
    add1("clavicle.acromial-end", "clavicle_R", ac, "acromioclavicular joint (joint frame)");
    add1(
      "clavicle.mid",
      "clavicle_R",
      [ac[0] * 0.5 + 0.006, ac[1] * 0.5, ac[2] * 0.5],
      "mid-shaft, on its forward curve",
    );
    add1(
      "clavicle.conoid-tubercle",
      "clavicle_R",
      [ac[0] * 0.8 - 0.008, ac[1] * 0.8 - 0.006, ac[2] * 0.8],
      "underside near the lateral end",
    );
  }
  // Humerus (humerus_rv.vtp; origin at the head centre).
  {
    const P = S("humerus_rv.vtp");
    add1("humerus.head-centre", "humerus_r", [0, 0, 0], "glenohumeral joint centre");
    add1("humerus.head-top", "humerus_r", extreme(P, [0, 1, 0]), "highest point of the head");
    add1(
      "humerus.greater-tubercle",
      "humerus_r",
      extreme(P, [0.35, 0.25, 1], yAbove(-0.035)),
      "most lateral point of the proximal humerus",
    );
    add1(
      "humerus.lesser-tubercle",
      "humerus_r",
      extreme(P, [1, 0, -0.3], yBetween(-0.035, 0)),
      "anterior projection medial to the groove",
    );
    add1(
      "humerus.intertubercular-groove",
      "humerus_r",
      extreme(P, [1, 0, 0.45], yBetween(-0.04, -0.015)),
      "anterior point between the tubercles",
    );
    add1("humerus.surgical-neck", "humerus_r", sliceCentre(P, -0.052), "centre below the tubercles");
    add1(
      "humerus.deltoid-tuberosity",
      "humerus_r",
      extreme(P, [0.2, 0, 1], yBetween(-0.14, -0.1)),
      "lateral point at a third of the shaft",
    );
    add1("humerus.shaft-mid", "humerus_r", sliceCentre(P, -0.15), "centre of the shaft at mid-length");
    add1(
      "humerus.lateral-supracondylar-ridge",
      "humerus_r",
      extreme(P, [0, 0, 1], yBetween(-0.24, -0.2)),
      "lateral edge above the lateral epicondyle",
    );
    add1(
      "humerus.lateral-epicondyle",
      "humerus_r",
      extreme(P, [0, 0, 1], yBelow(-0.25)),
      "most lateral point of the distal humerus",
    );
    add1(
      "humerus.medial-epicondyle",
      "humerus_r",
      extreme(P, [0, 0, -1], yBelow(-0.25)),
      "most medial point of the distal humerus",
    );
    const zc = centroid(P, yBelow(-0.27))[2];
    add1(
      "humerus.trochlea",
      "humerus_r",
      extreme(P, [0, -1, 0], (p) => p[1] < -0.27 && p[2] < zc),
      "lowest point of the medial articular surface",
    );
    add1(
      "humerus.capitulum",
      "humerus_r",
      extreme(P, [0.6, -1, 0], (p) => p[1] < -0.26 && p[2] > zc),
      "anterior-inferior point of the lateral articular surface",
    );
    const fossa = [...P]
      .filter((p) => p[1] < -0.24 && p[1] > -0.275 && p[0] < 0)
      .sort((a, b) => Math.abs(a[2] - zc) - Math.abs(b[2] - zc));
    add1("humerus.olecranon-fossa", "humerus_r", centroid(fossa.slice(0, 4)), "posterior hollow above the trochlea");
  }
  // Forearm (ulna_rv.vtp, radius_rv.vtp): measured in the OpenSim forearm frames, moved onto the MyoArm
  // forearm by `forearmFix` (see sources.ts), so tagged with the "fix:" prefix.
  {
    const U = S("ulna_rv.vtp");
    const ub = bounds(U);
    add1("ulna.olecranon", "fix:ulna_r", extreme(U, [-0.35, 1, 0]), "top of the olecranon");
    add1(
      "ulna.olecranon-posterior",
      "fix:ulna_r",
      extreme(U, [-1, 0.2, 0], yAbove(-0.03)),
      "posterior surface of the olecranon (point of the elbow)",
    );
    add1(
      "ulna.coronoid",
      "fix:ulna_r",
      extreme(U, [1, 0, 0], yBetween(-0.035, 0)),
      "anterior tip of the coronoid process",
    );
    add1(
      "ulna.posterior-border",
      "fix:ulna_r",
      extreme(U, [-1, 0, 0], yBetween(-0.13, -0.11)),
      "subcutaneous posterior border at mid-shaft",
    );
    add1("ulna.shaft-mid", "fix:ulna_r", sliceCentre(U, -0.12, 6), "centre of the shaft at mid-length");
    add1(
      "ulna.head",
      "fix:ulna_r",
      centroid(U, yBetween(ub.min[1] + 0.004, ub.min[1] + 0.014)),
      "centre of the ulnar head",
    );
    add1("ulna.styloid", "fix:ulna_r", extreme(U, [-0.2, -1, 0]), "lowest point of the ulna");
    const R = S("radius_rv.vtp");
    const rb = bounds(R);
    add1("radius.head", "fix:radius_r", centroid(R, yAbove(rb.max[1] - 0.01)), "centre of the radial head");
    add1("radius.neck", "fix:radius_r", sliceCentre(R, rb.max[1] - 0.018, 6), "narrow part below the head");
    add1(
      "radius.tuberosity",
      "fix:radius_r",
      extreme(R, [0.6, 0, -1], yBetween(rb.max[1] - 0.045, rb.max[1] - 0.025)),
      "anteromedial tuberosity for the biceps",
    );
    add1("radius.shaft-mid", "fix:radius_r", sliceCentre(R, -0.12, 6), "centre of the shaft at mid-length");
    add1(
      "radius.lateral-surface",
      "fix:radius_r",
      extreme(R, [0, 0, 1], yBetween(-0.14, -0.1)),
      "lateral surface at mid-shaft",
    );
    add1(
      "radius.styloid",
      "fix:radius_r",
      extreme(R, [0, -0.6, 1], yBelow(rb.min[1] + 0.03)),
      "distal lateral tip of the radius",
    );
    add1(
      "radius.dorsal-tubercle",
      "fix:radius_r",
      extreme(R, [-1, 0, 0], yBetween(rb.min[1] + 0.012, rb.min[1] + 0.022)),
      "dorsal tubercle (Lister's)",
    );
    add1("radius.distal-centre", "fix:radius_r", centroid(R, yBelow(rb.min[1] + 0.012)), "centre of the distal end");
  }
  // Carpals and metacarpal bases: OpenSim hand surfaces (0.85 scale, hand_r frame) mapped onto the MyoArm hand.
  {
    const handR = (w.X.get("hand_r") as Xform).R;
    // The palm faces anterior (+x world) in the standing pose; the same direction in the hand frame:
    const palmar = normalize(mulV(invert({ R: handR, p: [0, 0, 0] }).R, [1, 0, 0]));
    const distal = normalize(mulV(invert({ R: handR, p: [0, 0, 0] }).R, [0, -1, 0]));
    const handPts = (f: string) => S(f, "opensim", 0.85);
    for (const [bone, file] of [
      ["scaphoid", "scaphoid_rvs.vtp"],
      ["lunate", "lunate_rvs.vtp"],
      ["triquetrum", "triquetrum_rvs.vtp"],
      ["pisiform", "pisiform_rvs.vtp"],
      ["trapezium", "trapezium_rvs.vtp"],
      ["trapezoid", "trapezoid_rvs.vtp"],
      ["capitate", "capitate_rvs.vtp"],
      ["hamate", "hamate_rvs.vtp"],
    ] as const) {
      const P = handPts(file);
      const c = centroid(P);
      add1(`${bone}.centre`, "hand:hand_r", c, `centroid of the ${bone}`);
      if (bone === "pisiform") add1("pisiform", "hand:hand_r", c, "centroid of the pisiform");
    }
    add1(
      "hamate.hook",
      "hand:hand_r",
      extreme(handPts("hamate_rvs.vtp"), palmar),
      "palmar tip of the hook of the hamate",
    );
    add1(
      "scaphoid.tubercle",
      "hand:hand_r",
      extreme(handPts("scaphoid_rvs.vtp"), add(palmar, mulVs(distal, 0.3))),
      "palmar tubercle of the scaphoid",
    );
    add1(
      "trapezium.tubercle",
      "hand:hand_r",
      extreme(handPts("trapezium_rvs.vtp"), palmar),
      "palmar tubercle (ridge) of the trapezium",
    );
    for (const k of [1, 2, 3, 4, 5]) {
      const P = handPts(`metacarpal${k}_rvs.vtp`);
      const c = centroid(P);
      const base = extreme(P, mulVs(distal, -1));
      add1(`metacarpal-${k}.base`, "hand:hand_r", lerpV(base, c, 0.25), `proximal end of metacarpal ${k}`);
    }
  }
  return out;
}

function mulVs(v: V3, s: number): V3 {
  return [v[0] * s, v[1] * s, v[2] * s];
}

/** World position (OpenSim convention) of a landmark definition. */
export function landmarkWorld(w: World, d: LandmarkDef): V3 {
  if (d.body.startsWith("fix:")) {
    const x = w.X.get(d.body.slice(4));
    if (!x) throw new Error(`landmark ${d.name}: unknown body ${d.body}`);
    return apply(w.forearmFix, apply(x, d.local));
  }
  if (d.body.startsWith("hand:")) {
    // The hand map takes hand_r-frame points straight to the world (a similarity fitted in sources.ts).
    const h = w.handMap;
    return apply(h.x, mulVs(d.local, h.scale));
  }
  if (d.body.startsWith("myo:")) {
    const x = w.myoX.get(d.body.slice(4));
    if (!x) throw new Error(`landmark ${d.name}: unknown body ${d.body}`);
    return apply(x, d.local);
  }
  const x = w.X.get(d.body);
  if (!x) throw new Error(`landmark ${d.name}: unknown body ${d.body}`);
  return apply(x, d.local);
}
