// npm run import:anatomy: derives the numbers the model generator needs from the reference models in
// ../shared/anatomy-sources (or $ANATOMY_SOURCES) and writes them, with attribution, to models/data/:
//   skeleton.json      segments (body frames), joint centres, landmarks, measurements (glTF frame, right side)
//   muscle-paths.json  muscle and ligament paths (glTF frame, right side), volumes, fibre and tendon lengths
// The product builds from these committed files; this script is run by hand when the derivation changes.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { dist } from "../../models/vec.ts";
import { measureBones } from "./bones.ts";
import { measureCentreLines } from "./centrelines.ts";
import { type LandmarkDef, landmarkWorld, measureLandmarks } from "./landmarks.ts";
import {
  apply,
  compose,
  invert,
  mulM,
  OSIM_TO_GLTF,
  round,
  roundV,
  toGltfV,
  toGltfX,
  transpose,
  type V3,
  type Xform,
} from "./math.ts";
import { centroid as centroidOf, extreme } from "./measure.ts";
import { tendonPath } from "./myoarm.ts";
import { musclePathWorld } from "./opensim.ts";
import { gltf, loadWorld, MYOARM, NECK, OPENSIM, sourcesDir, type World } from "./sources.ts";

/** Specific tension used to turn maximum isometric force into physiological cross-section (Pa). */
export const SPECIFIC_TENSION_PA = 0.6e6;

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** OpenSim body -> segment name (right side and midline only; the left is mirrored). */
const OSIM_SEGMENTS: Record<string, string> = {
  pelvis: "pelvis",
  sacrum: "sacrum",
  femur_r: "femur",
  tibia_r: "tibia",
  patella_r: "patella",
  talus_r: "talus",
  calcn_r: "foot",
  toes_r: "toes",
  head_neck: "head",
  sternum: "sternum",
  clavicle_R: "clavicle",
  scapula_R: "scapula",
  humerus_r: "humerus",
  Abdomen: "abdomen",
};
for (let i = 1; i <= 5; i++) OSIM_SEGMENTS[`lumbar${i}`] = `vertebra-l${i}`;
for (let i = 1; i <= 12; i++) OSIM_SEGMENTS[`thoracic${i}`] = `vertebra-t${i}`;
for (let i = 1; i <= 12; i++) OSIM_SEGMENTS[`rib${i}_R`] = `rib-${i}`;

/** MyoArm body -> segment name (forearm and hand). */
const MYO_SEGMENTS: Record<string, string> = {
  ulna: "ulna",
  radius: "radius",
  lunate: "lunate",
  scaphoid: "scaphoid",
  pisiform: "pisiform",
  triquetrum: "triquetrum",
  capitate: "capitate",
  trapezium: "trapezium",
  trapezoid: "trapezoid",
  hamate: "hamate",
  firstmc: "metacarpal-1",
  secondmc: "metacarpal-2",
  thirdmc: "metacarpal-3",
  fourthmc: "metacarpal-4",
  fifthmc: "metacarpal-5",
  proximal_thumb: "proximal-phalanx-1",
  distal_thumb: "distal-phalanx-1",
};
for (let k = 2; k <= 5; k++) {
  MYO_SEGMENTS[`proxph${k}`] = `proximal-phalanx-${k}`;
  MYO_SEGMENTS[`midph${k}`] = `middle-phalanx-${k}`;
  MYO_SEGMENTS[`distph${k}`] = `distal-phalanx-${k}`;
}
/** OpenSim forearm bodies re-seated on the MyoArm forearm. */
const FIXED_SEGMENTS: Record<string, string> = { ulna_r: "ulna", radius_r: "radius", hand_r: "hand" };

interface Attribution {
  model: string;
  licence: string;
  items: string[];
}

export interface SegmentOut {
  name: string;
  origin: V3;
  /** Row-major 3x3; its columns are the segment's local x, y, z axes in the world (glTF convention). */
  rotation: number[];
  source: Attribution;
}

function segmentOut(w: World, name: string, x: Xform, source: Attribution): SegmentOut {
  const g = toGltfX(x);
  return {
    name,
    origin: roundV(gltf(w, x.p), 6),
    rotation: g.R.map((v) => round(v, 6)),
    source,
  };
}

export function buildData(w: World): { skeleton: unknown; musclePaths: unknown } {
  const segments: SegmentOut[] = [];
  const os = (items: string[]): Attribution => ({ model: OPENSIM.model, licence: OPENSIM.licence, items });
  const my = (items: string[]): Attribution => ({ model: MYOARM.model, licence: MYOARM.licence, items });
  for (const [body, name] of Object.entries(OSIM_SEGMENTS)) {
    const x = w.X.get(body);
    if (!x) throw new Error(`body ${body} missing`);
    segments.push(segmentOut(w, name, x, os([body])));
  }
  for (const [body, name] of Object.entries(MYO_SEGMENTS)) {
    const x = w.myoX.get(body);
    if (!x) throw new Error(`myoarm body ${body} missing`);
    segments.push(segmentOut(w, name, x, my([body])));
  }
  // The OpenSim hand frame (its muscles' points) re-seated on the MyoArm forearm.
  segments.push(segmentOut(w, "hand", compose(w.forearmFix, w.X.get("hand_r") as Xform), os(["hand_r"])));
  // Cervical vertebrae: geometry frames of the head_neck body.
  const head = w.osim.bodies.get("head_neck");
  const cerv: Record<string, string> = {
    head_neck_geom_frame_2: "vertebra-c6",
    head_neck_geom_frame_3: "vertebra-c5",
    head_neck_geom_frame_4: "vertebra-c4",
    head_neck_geom_frame_5: "vertebra-c3",
    head_neck_geom_frame_6: "vertebra-c2",
    head_neck_geom_frame_7: "vertebra-c1",
  };
  for (const [frame, x] of head?.frames ?? []) {
    const mesh = head?.meshes.find((m) => m.holder === frame)?.file ?? "";
    const name =
      cerv[frame] ??
      (mesh === "rotatedcerv7.vtp"
        ? "vertebra-c7"
        : mesh === "skull.vtp"
          ? "skull"
          : mesh === "jaw.vtp"
            ? "mandible"
            : "");
    if (!name) continue;
    segments.push(segmentOut(w, name, compose(w.X.get("head_neck") as Xform, x), os([`head_neck/${frame} (${mesh})`])));
  }
  segments.push(segmentOut(w, "vertebra-c7", w.X.get("head_neck") as Xform, os(["head_neck (rotatedcerv7.vtp)"])));
  segments.sort((a, b) => a.name.localeCompare(b.name));

  // Joint centres (right side and midline).
  const joints: { name: string; parent: string; child: string; centre: V3; source: Attribution }[] = [];
  const segOf = (body: string) => OSIM_SEGMENTS[body] ?? FIXED_SEGMENTS[body] ?? body;
  for (const j of w.osim.joints) {
    if (j.childBody.endsWith("_l") || j.childBody.endsWith("_L") || j.childBody.startsWith("Abd_")) continue;
    const child = w.X.get(j.childBody);
    if (!child) continue;
    let centre = apply(child, j.childFrame.p);
    if (FIXED_SEGMENTS[j.childBody] || FIXED_SEGMENTS[j.parentBody]) {
      if (j.name === "elbow_r") centre = (w.myoX.get("ulna") as Xform).p;
      else if (j.name === "radius_hand_r") centre = (w.myoX.get("lunate") as Xform).p;
      else centre = apply(w.forearmFix, centre);
    }
    joints.push({
      name: j.name,
      parent: segOf(j.parentBody),
      child: segOf(j.childBody),
      centre: roundV(gltf(w, centre), 6),
      source: os([j.name]),
    });
  }
  for (const [body, name] of Object.entries(MYO_SEGMENTS)) {
    const b = w.arm.bodies.get(body);
    if (!b || body === "ulna" || body === "radius" || body === "lunate") continue;
    if (!/ph|thumb/.test(body)) continue;
    const parent = b.parent ? (MYO_SEGMENTS[b.parent] ?? b.parent) : "";
    joints.push({
      name: `${parent}-${name}`,
      parent,
      child: name,
      centre: roundV(gltf(w, (w.myoX.get(body) as Xform).p), 6),
      source: my([body]),
    });
  }

  // Landmarks.
  const defs: LandmarkDef[] = measureLandmarks(w);
  const landmarks: Record<string, { p: V3; segment: string; how: string; source: Attribution }> = {};
  for (const d of defs) {
    const body = d.body.replace(/^(fix|hand|myo):/, "");
    const segment = d.body.startsWith("hand:")
      ? (d.name.split(".")[0] ?? "hand")
      : (OSIM_SEGMENTS[body] ?? FIXED_SEGMENTS[body] ?? MYO_SEGMENTS[body] ?? body);
    const src = d.body.startsWith("myo:") ? my([body]) : os([body]);
    if (d.name.startsWith("scapula.") || d.name.startsWith("clavicle.")) {
      src.items.push(`surface measured: ${NECK.model} (${NECK.licence})`);
    }
    landmarks[d.name] = { p: roundV(gltf(w, landmarkWorld(w, d)), 6), segment, how: d.how, source: src };
  }
  // Hand joint landmarks from the MyoArm joints.
  for (const k of [1, 2, 3, 4, 5]) {
    const p = (b: string) => roundV(gltf(w, (w.myoX.get(b) as Xform).p), 6);
    const mcp = k === 1 ? "proximal_thumb" : `proxph${k}`;
    landmarks[`metacarpal-${k}.head`] = {
      p: p(mcp),
      segment: `metacarpal-${k}`,
      how: "metacarpophalangeal joint centre",
      source: my([mcp]),
    };
    if (k === 1) {
      landmarks["proximal-phalanx-1.head"] = {
        p: p("distal_thumb"),
        segment: "proximal-phalanx-1",
        how: "interphalangeal joint centre",
        source: my(["distal_thumb"]),
      };
    } else {
      landmarks[`proximal-phalanx-${k}.head`] = {
        p: p(`midph${k}`),
        segment: `proximal-phalanx-${k}`,
        how: "proximal interphalangeal joint centre",
        source: my([`midph${k}`]),
      };
      landmarks[`middle-phalanx-${k}.head`] = {
        p: p(`distph${k}`),
        segment: `middle-phalanx-${k}`,
        how: "distal interphalangeal joint centre",
        source: my([`distph${k}`]),
      };
    }
  }
  landmarks["wrist.centre"] = {
    p: roundV(gltf(w, (w.myoX.get("lunate") as Xform).p), 6),
    segment: "radius",
    how: "radiocarpal joint centre",
    source: my(["lunate"]),
  };
  landmarks["elbow.centre"] = {
    p: roundV(gltf(w, (w.myoX.get("ulna") as Xform).p), 6),
    segment: "humerus",
    how: "elbow joint centre",
    source: my(["ulna"]),
  };
  // Markers the models place on the skin over bony points (kept as such: they lie a few mm outside the bone).
  for (const [marker, name] of [
    ["c7", "skin.c7-spinous-process"],
    ["jug", "skin.jugular-notch"],
    ["racr", "skin.acromion"],
    ["rasi", "skin.asis"],
    ["rpsi", "skin.psis"],
    ["rgt", "skin.greater-trochanter"],
    ["rlfc", "skin.lateral-femoral-epicondyle"],
    ["rmfc", "skin.medial-femoral-epicondyle"],
    ["rlmal", "skin.lateral-malleolus"],
    ["rmmal", "skin.medial-malleolus"],
    ["rcal", "skin.heel"],
    ["rmt1", "skin.metatarsal-1-head"],
    ["rmt5", "skin.metatarsal-5-head"],
    ["rtoe", "skin.toe"],
  ] as const) {
    const m = w.osim.markers.find((x) => x.name === marker);
    if (!m) continue;
    landmarks[name] = {
      p: roundV(gltf(w, apply(w.X.get(m.body) as Xform, m.local)), 6),
      segment: segOf(m.body),
      how: `motion-capture marker ${marker}`,
      source: os([`marker ${marker}`]),
    };
  }
  // Bone measurements (reference surfaces): centre, principal axes, extents.
  const measurements: Record<string, unknown> = {};
  const measured = measureBones(w);
  // Skull and mandible landmarks, measured in the world (OpenSim axes: +x anterior, +y up, +z right).
  const skullPts = measured["skull"]?.points ?? [];
  const jawPts = measured["mandible"]?.points ?? [];
  const sc = measured["skull"]?.centre ?? [0, 0, 0];
  const right = (p: V3) => p[2] > 0.025;
  const mid = (p: V3) => Math.abs(p[2]) < 0.01;
  const headMarks: [string, V3, string, string][] = [
    ["skull.vertex", extreme(skullPts, [0, 1, 0]), "highest point of the skull", "skull"],
    [
      "skull.glabella",
      extreme(skullPts, [1, 0.15, 0], (p) => mid(p) && p[1] > sc[1]),
      "most anterior point of the forehead",
      "skull",
    ],
    [
      "skull.inion",
      extreme(skullPts, [-1, -0.15, 0], (p) => mid(p) && Math.abs(p[1] - sc[1]) < 0.04),
      "external occipital protuberance",
      "skull",
    ],
    [
      "skull.mastoid-process",
      extreme(skullPts, [-0.2, -1, 0.35], (p) => right(p) && p[0] < sc[0]),
      "tip of the mastoid process",
      "skull",
    ],
    [
      "skull.zygomatic-arch",
      extreme(skullPts, [0, 0, 1], (p) => p[0] > sc[0] && p[1] < sc[1] - 0.015),
      "most lateral point of the zygomatic arch",
      "skull",
    ],
    [
      "skull.parietal-eminence",
      extreme(skullPts, [0, 0.3, 1], (p) => p[1] > sc[1]),
      "widest point of the vault",
      "skull",
    ],
    [
      "skull.nasal-tip",
      extreme(skullPts, [1, -0.3, 0], (p) => mid(p) && p[1] < sc[1]),
      "most anterior point of the nasal bones",
      "skull",
    ],
    ["mandible.mental-protuberance", extreme(jawPts, [1, -0.6, 0], mid), "chin", "mandible"],
    ["mandible.angle", extreme(jawPts, [-0.7, -1, 0.6], right), "angle of the mandible", "mandible"],
    ["mandible.condyle", extreme(jawPts, [-0.6, 1, 0], right), "head of the condylar process", "mandible"],
    [
      "mandible.coronoid",
      extreme(jawPts, [0.6, 1, 0], (p) => right(p) && p[0] > extreme(jawPts, [-0.6, 1, 0], right)[0] + 0.012),
      "tip of the coronoid process",
      "mandible",
    ],
  ];
  for (const [name, p, how, seg] of headMarks) {
    landmarks[name] = {
      p: roundV(gltf(w, p), 6),
      segment: seg,
      how,
      source: os([`${seg === "skull" ? "skull.vtp" : "jaw.vtp"} (${NECK.model}, ${NECK.licence})`]),
    };
  }
  for (const [name, m] of Object.entries(measured)) {
    measurements[name] = {
      centre: roundV(gltf(w, m.centre), 6),
      axes: m.axes.map((a) => roundV(toGltfV(a), 6)),
      extents: roundV(m.extents, 6),
      source: os([m.from]),
    };
  }

  // Muscle paths.
  const paths: Record<string, unknown> = {};
  const toSegment = (body: string): string => {
    if (FIXED_SEGMENTS[body]) return FIXED_SEGMENTS[body] as string;
    return OSIM_SEGMENTS[body] ?? body;
  };
  const isLeft = (name: string) => /(_l|_L)$/.test(name);
  for (const m of w.osim.muscles) {
    if (isLeft(m.name)) continue;
    const pts = musclePathWorld(w.osim, m, w.X);
    const points = pts.map((p) => {
      let q = p.p;
      if (FIXED_SEGMENTS[p.body]) {
        // Undo the glTF conversion, re-seat on the MyoArm forearm, convert again.
        const osimP = apply({ R: transpose(OSIM_TO_GLTF), p: [0, 0, 0] }, q);
        q = apply({ R: OSIM_TO_GLTF, p: [0, 0, 0] }, apply(w.forearmFix, osimP));
      }
      const out: { p: V3; body: string; wrap?: string } = {
        p: roundV([q[0], q[1] + w.floorShift, q[2]], 5),
        body: toSegment(p.body),
      };
      if (p.wrap) out.wrap = p.wrap;
      return out;
    });
    let length = 0;
    for (let i = 1; i < points.length; i++) length += dist(points[i - 1]?.p as V3, points[i]?.p as V3);
    paths[`opensim:${m.name}`] = {
      points,
      lengthM: round(length, 4),
      maxIsometricForceN: round(m.maxIsometricForce, 2),
      optimalFibreLengthM: round(m.optimalFiberLength, 4),
      tendonSlackLengthM: round(m.tendonSlackLength, 4),
      pennationDeg: round((m.pennationAngle * 180) / Math.PI, 1),
      volumeCm3: round(((m.maxIsometricForce * m.optimalFiberLength) / SPECIFIC_TENSION_PA) * 1e6, 1),
      source: os([m.name]),
    };
  }
  const myoToWorld = (body: string, local: V3): V3 => apply(w.myoX.get(body) as Xform, local);
  const myoFrame = (body: string): Xform => w.myoX.get(body) as Xform;
  const myoSegment = (body: string): string => {
    if (MYO_SEGMENTS[body]) return MYO_SEGMENTS[body] as string;
    if (body === "humerus") return "humerus";
    if (body === "scapula") return "scapula";
    if (body === "clavicle") return "clavicle";
    return "thorax";
  };
  const muscleOf = new Map(w.arm.muscles.map((m) => [m.tendon, m]));
  for (const t of w.arm.tendons.values()) {
    const raw = tendonPath(w.arm, t, myoToWorld, myoFrame);
    const points = raw.map((p) => {
      const g = gltf(w, p.p);
      const out: { p: V3; body: string; wrap?: string } = { p: roundV(g, 5), body: myoSegment(p.body) };
      if (p.wrap) out.wrap = p.wrap;
      return out;
    });
    let length = 0;
    for (let i = 1; i < points.length; i++) length += dist(points[i - 1]?.p as V3, points[i]?.p as V3);
    const m = muscleOf.get(t.name);
    const name = m ? m.name : t.name;
    const entry: Record<string, unknown> = { points, lengthM: round(length, 4) };
    if (m) {
      // MuJoCo muscle: optimal length L0 = (max - min actuator length) / (range max - range min).
      const L0 = (m.lengthRange[1] - m.lengthRange[0]) / (m.range[1] - m.range[0]);
      const slack = m.lengthRange[0] - m.range[0] * L0;
      entry["maxIsometricForceN"] = round(m.force, 2);
      entry["optimalFibreLengthM"] = round(L0, 4);
      entry["tendonSlackLengthM"] = round(slack, 4);
      entry["volumeCm3"] = round(((m.force * L0) / SPECIFIC_TENSION_PA) * 1e6, 1);
      entry["note"] =
        "MuJoCo muscle: optimal length derived from lengthrange and range (L0), so it includes some tendon.";
    } else {
      entry["note"] = "Passive tendon path (ligament) without muscle parameters.";
    }
    entry["source"] = my([t.name]);
    paths[`myoarm:${name}`] = entry;
  }
  // Spine: spinous process tips where the trapezius and latissimus attach (midline points, most posterior),
  // interpolated between levels that have none; cervical tips, bodies and transverse processes measured on the
  // Mortensen 2014 vertebra surfaces.
  const levels = [
    ...Array.from({ length: 12 }, (_, i) => `t${i + 1}`),
    ...Array.from({ length: 5 }, (_, i) => `l${i + 1}`),
  ];
  const tips = new Map<string, V3>();
  for (const lvl of levels) {
    let best: V3 | undefined;
    for (const [name, v] of Object.entries(paths) as [string, { points: { p: V3; body: string }[] }][]) {
      if (!/^opensim:(trap_|LD_)/.test(name)) continue;
      for (const q of v.points) {
        if (q.body !== `vertebra-${lvl}` || Math.abs(q.p[0]) > 0.006) continue;
        if (!best || q.p[2] < best[2]) best = q.p;
      }
    }
    if (best) tips.set(lvl, [0, best[1], best[2]]);
  }
  levels.forEach((lvl, i) => {
    let p = tips.get(lvl);
    let how = "midline attachment of trapezius or latissimus dorsi (most posterior)";
    if (!p) {
      // Same offset from the vertebra's frame as the nearest level that has a tip.
      const near = levels
        .map((l, j) => ({ l, d: Math.abs(j - i) }))
        .filter(({ l }) => tips.has(l))
        .sort((a, b) => a.d - b.d)[0];
      const fo = segments.find((x) => x.name === `vertebra-${near?.l}`);
      const fs = segments.find((x) => x.name === `vertebra-${lvl}`);
      const tp = near ? tips.get(near.l) : undefined;
      if (!fo || !fs || !tp) return;
      p = [0, fs.origin[1] + (tp[1] - fo.origin[1]), fs.origin[2] + (tp[2] - fo.origin[2])];
      how = `offset from the vertebra frame as at ${near?.l.toUpperCase()}`;
    }
    landmarks[`vertebra-${lvl}.spinous-process`] = {
      p: roundV(p, 6),
      segment: `vertebra-${lvl}`,
      how,
      source: os([`vertebra-${lvl}`]),
    };
  });
  for (let c = 1; c <= 7; c++) {
    const m = measured[`vertebra-c${c}`];
    if (!m) continue;
    const pts = m.points;
    const maxX = Math.max(...pts.map((p) => p[0]));
    const body =
      c === 1 ? extreme(pts, [1, 0, 0]) : centroidOf(pts.filter((p) => p[0] > maxX - 0.016 && Math.abs(p[2]) < 0.012));
    const lm = (suffix: string, p: V3, how: string) => {
      landmarks[`vertebra-c${c}.${suffix}`] = {
        p: roundV(gltf(w, p), 6),
        segment: `vertebra-c${c}`,
        how,
        source: os([`${m.from}`]),
      };
    };
    lm(
      c === 1 ? "anterior-arch" : "body-centre",
      body,
      c === 1 ? "anterior arch of the atlas" : "centre of the vertebral body",
    );
    lm(
      "spinous-process",
      extreme(pts, [-1, -0.2, 0], (p) => Math.abs(p[2]) < 0.008),
      c === 1 ? "posterior tubercle" : "tip of the spinous process",
    );
    lm("transverse-process", extreme(pts, [0, 0, 1]), "tip of the right transverse process");
  }
  const skeleton = {
    format: "palpate-skeleton/1",
    about:
      "Derived by scripts/anatomy-import from public musculoskeletal models at the standing anatomical pose. glTF frame: metres, +Y up, body faces +Z, body's right is -X. Right side and midline only; the left side is the mirror image (x -> -x).",
    sources: [
      { ...OPENSIM, commit: "see anatomy-sources/opensim-fullbody/SOURCE_COMMIT" },
      { ...MYOARM, commit: "see anatomy-sources/myosim/SOURCE_COMMIT" },
      { ...NECK, commit: "see anatomy-sources/passenger-neck/SOURCE_COMMIT" },
    ],
    pose: {
      note: "OpenSim coordinates at their default values (upright, hips and knees straight, forearm supinated, wrist neutral); MyoArm pro_sup set so the palm faces forward; floor at the lowest point of the foot.",
      myoArmProSup: round(w.myoProSup, 4),
      floorShift: round(w.floorShift, 5),
      forearmFitRms: round(w.forearmFixRms, 5),
      handFitRms: round(w.handMap.rms, 5),
      handFitScale: round(w.handMap.scale, 4),
    },
    segments,
    joints,
    landmarks: Object.fromEntries(Object.entries(landmarks).sort(([a], [b]) => a.localeCompare(b))),
    measurements: Object.fromEntries(Object.entries(measurements).sort(([a], [b]) => a.localeCompare(b))),
    centreLines: Object.fromEntries(
      Object.entries(measureCentreLines(w)).map(([bone, c]) => [
        bone,
        {
          axis: roundV(c.axis, 6),
          t: c.t,
          points: c.points.map((p) => roundV(p, 5)),
          radii: c.radii.map((r) => round(r, 5)),
          how: "section centres and mean outline radii on planes normal to the principal axis, t = 0 proximal end",
          source: os([c.from]),
        },
      ]),
    ),
  };

  const musclePaths = {
    format: "palpate-muscle-paths/1",
    about: `Muscle and ligament paths at the standing anatomical pose, glTF frame (metres, right side; mirror x for the left). Points in file order (OpenSim: usually origin first, but some models list insertion first), with active conditional points, moving points evaluated at the pose, and arcs inserted where a path passes through a wrap surface. volumeCm3 = maxIsometricForce x optimalFibreLength / ${SPECIFIC_TENSION_PA / 1e6} MPa (specific tension). Keys: "opensim:<muscle>" (full-body model), "myoarm:<muscle or ligament>" (MyoArm).`,
    specificTensionPa: SPECIFIC_TENSION_PA,
    sources: [OPENSIM, MYOARM],
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
  void invert;
  void mulM;
  return { skeleton, musclePaths };
}

/** Stable, readable JSON: two-space indent, arrays of numbers and small point objects on one line. */
export function stableJson(value: unknown): string {
  const inline = (v: unknown): boolean =>
    Array.isArray(v)
      ? v.every((x) => typeof x === "number" || typeof x === "string")
      : typeof v === "object" && v !== null && "p" in v && "body" in v;
  const write = (v: unknown, indent: string): string => {
    if (inline(v) || typeof v !== "object" || v === null) return JSON.stringify(v);
    const next = `${indent}  `;
    if (Array.isArray(v)) return `[\n${v.map((x) => next + write(x, next)).join(",\n")}\n${indent}]`;
    const entries = Object.entries(v as Record<string, unknown>);
    return `{\n${entries.map(([k, x]) => `${next}${JSON.stringify(k)}: ${write(x, next)}`).join(",\n")}\n${indent}}`;
  };
  return `${write(value, "")}\n`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = sourcesDir(root);
  const t0 = performance.now();
  const w = loadWorld(dir);
  const { skeleton, musclePaths } = buildData(w);
  const out = join(root, "models", "data");
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, "skeleton.json"), stableJson(skeleton));
  writeFileSync(join(out, "muscle-paths.json"), stableJson(musclePaths));
  console.log(
    `anatomy import: ${(skeleton as { segments: unknown[] }).segments.length} segments, ${Object.keys((skeleton as { landmarks: object }).landmarks).length} landmarks, ${Object.keys((musclePaths as { paths: object }).paths).length} paths in ${Math.round(performance.now() - t0)} ms -> models/data/`,
  );
}
