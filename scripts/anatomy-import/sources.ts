// Loads the reference models once and brings them into ONE world: the OpenSim full-body model at the standing
// pose, with the MyoArm's forearm and hand (which carry the forearm and hand muscles the full-body model lacks)
// attached through the humerus frame both models share. Everything here is OpenSim convention; run.ts converts.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cross, dot, normalize, scale, sub } from "../../models/vec.ts";
import { apply, compose, fitTransform, invert, mulV, toGltfV, type V3, type Xform } from "./math.ts";
import { type MyoArm, readMyoArm } from "./myoarm.ts";
import { bodyTransforms, type OsimModel, readOsim } from "./opensim.ts";
import { readVtp, type Surface } from "./vtp.ts";

export const OPENSIM = {
  model:
    "OpenSim full-body model cyclistFullBodyMuscle (Wilkinson 2021, after Rajagopal 2016, Lai 2017, Allaire 2020, Saul 2015)",
  licence: "MIT",
  upstream: "github.com/ross-wilkinson/opensim-model-fullBodyMuscleActuated",
};
export const MYOARM = {
  model: "MyoSuite MyoArm (myo_sim, MuJoCo; after the MoBL upper-extremity model)",
  licence: "Apache-2.0",
  upstream: "github.com/MyoHub/myo_sim",
};
export const NECK = {
  model: "Mortensen 2014 head-neck model (kinematicPassengerModel, Mortensen2014_rigidTorso.osim)",
  licence: "MIT",
  upstream: "github.com/mjhmilla/kinematicPassengerModel",
};

/** Myo bodies fixed to the forearm and hand (placed through the humerus). */
export const MYO_DISTAL = new Set([
  "humerus",
  "ulna",
  "radius",
  "lunate",
  "scaphoid",
  "pisiform",
  "triquetrum",
  "capitate",
  "trapezium",
  "firstmc",
  "proximal_thumb",
  "distal_thumb",
  "trapezoid",
  "hamate",
  "secondmc",
  "proxph2",
  "midph2",
  "distph2",
  "thirdmc",
  "proxph3",
  "midph3",
  "distph3",
  "fourthmc",
  "proxph4",
  "midph4",
  "distph4",
  "fifthmc",
  "proxph5",
  "midph5",
  "distph5",
]);

export interface World {
  dir: string;
  osim: OsimModel;
  /** OpenSim body -> world (OpenSim convention, before the floor shift). */
  X: Map<string, Xform>;
  arm: MyoArm;
  /** Myo body -> world. */
  myoX: Map<string, Xform>;
  /** MyoArm pro_sup value giving the anatomical position (palm forward). */
  myoProSup: number;
  /** Maps the OpenSim forearm/hand bodies (ulna_r, radius_r, hand_r) onto the MyoArm forearm (world -> world). */
  forearmFix: Xform;
  forearmFixRms: number;
  /** Similarity from the OpenSim hand surfaces (hand_r frame) onto the MyoArm hand joints (world). */
  handMap: { x: Xform; scale: number; rms: number };
  /** Vertical shift that puts the sole on y = 0 (metres). */
  floorShift: number;
  surface: (file: string, opts?: { model?: "opensim" | "neck"; scale?: V3 }) => Surface;
}

export function sourcesDir(root: string): string {
  return process.env["ANATOMY_SOURCES"] ?? join(root, "..", "shared", "anatomy-sources");
}

function myoWorld(osimX: Map<string, Xform>, arm: MyoArm): Map<string, Xform> {
  const anchor = (name: string): { mine: string; theirs: string } => {
    if (MYO_DISTAL.has(name)) return { mine: "humerus", theirs: "humerus_r" };
    if (name === "scapula" || name === "scapphant" || name === "humphant" || name === "humphant1")
      return { mine: "scapula", theirs: "scapula_R" };
    return { mine: "clavicle", theirs: "clavicle_R" };
  };
  const out = new Map<string, Xform>();
  for (const [name, b] of arm.bodies) {
    const a = anchor(name);
    const mine = arm.bodies.get(a.mine);
    const theirs = osimX.get(a.theirs);
    if (!mine || !theirs) throw new Error(`myoarm: cannot anchor ${name}`);
    out.set(name, compose(compose(theirs, invert(mine.world)), b.world));
  }
  return out;
}

export function loadWorld(dir: string): World {
  const osimFile = join(dir, "opensim-fullbody", "cyclistFullBodyMuscle.osim");
  if (!existsSync(osimFile)) throw new Error(`${osimFile} not found (set ANATOMY_SOURCES)`);
  // Standing anatomical position: every coordinate at its default (all ~0: upright, knees straight, forearm
  // supinated, wrist neutral); checked below (palm forward, radius lateral to the ulna).
  const osim = readOsim(osimFile, {});
  const X = bodyTransforms(osim);

  // MyoArm forearm rotation: the pro_sup value that turns the palm forward (+X OpenSim = anterior) with the
  // index finger lateral to the little finger.
  const armDir = join(dir, "myosim", "arm");
  let best = { q: 0, score: -Infinity };
  for (let i = 0; i <= 64; i++) {
    const q = -Math.PI / 2 + (i / 64) * Math.PI;
    const a = readMyoArm(armDir, { pro_sup: q });
    const w = myoWorld(X, a);
    const at = (b: string) => (w.get(b) as Xform).p;
    const lateral = normalize(sub(at("secondmc"), at("fifthmc")));
    const along = normalize(sub(at("proxph3"), at("lunate")));
    const palm = cross(lateral, along); // palm normal for a right hand
    const score = dot(palm, [1, 0, 0]) + dot(lateral, [0, 0, 1]);
    if (score > best.score) best = { q, score };
  }
  const arm = readMyoArm(armDir, { pro_sup: best.q });
  const myoX = myoWorld(X, arm);

  // OpenSim forearm bodies onto the MyoArm forearm: elbow centre, radial head, wrist centre and the elbow axis.
  const elbow = osim.joints.find((j) => j.name === "elbow_r");
  if (!elbow) throw new Error("elbow_r joint missing");
  const hum = X.get("humerus_r") as Xform;
  const osimAxis = mulV(compose(hum, elbow.parentFrame).R, [0, 0, 1]);
  const myoUlna = myoX.get("ulna") as Xform;
  const myoAxis = normalize(mulV(myoUlna.R, [0.0494004, 0.0366003, 0.998108]));
  const P = (m: Map<string, Xform>, b: string) => (m.get(b) as Xform).p;
  const from: V3[] = [
    P(X, "ulna_r"),
    P(X, "radius_r"),
    P(X, "hand_r"),
    apply({ R: hum.R, p: P(X, "ulna_r") }, [0, 0, 0]).map((v, i) => v + 0.03 * (osimAxis[i] as number)) as V3,
    P(X, "ulna_r").map((v, i) => v - 0.03 * (osimAxis[i] as number)) as V3,
  ];
  const to: V3[] = [
    P(myoX, "ulna"),
    P(myoX, "radius"),
    P(myoX, "lunate"),
    P(myoX, "ulna").map((v, i) => v + 0.03 * (myoAxis[i] as number)) as V3,
    P(myoX, "ulna").map((v, i) => v - 0.03 * (myoAxis[i] as number)) as V3,
  ];
  const fix = fitTransform(from, to);

  const cache = new Map<string, Surface>();
  const surface: World["surface"] = (file, opts = {}) => {
    const sub =
      opts.model === "neck" ? join("passenger-neck", "models", "Geometry") : join("opensim-fullbody", "Geometry");
    const key = `${sub}/${file}/${opts.scale ?? ""}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const s = readVtp(join(dir, sub, file), opts.scale ?? [1, 1, 1]);
    cache.set(key, s);
    return s;
  };

  // Hand: the OpenSim hand surfaces (scaled 0.85 in the model) fitted onto the MyoArm hand joints (wrist, MCP,
  // PIP): a similarity, since the MyoArm hand is larger.
  const hs: V3 = [0.85, 0.85, 0.85];
  const handX = X.get("hand_r") as Xform;
  const toHand = invert(handX);
  const fromH: V3[] = [[0, 0, 0]];
  const toH: V3[] = [P(myoX, "lunate")];
  const wrist = P(X, "hand_r");
  /** Far end (from the wrist) of a hand surface, pulled in by `inset` metres: the distal joint centre. */
  const distalJoint = (file: string, inset: number): V3 => {
    const pts = surface(file, { scale: hs }).points.map((p) => apply(handX, p));
    const d = normalize(sub(centroidOf(pts), wrist));
    const near = pts.reduce((a, p) => (dot(sub(p, wrist), d) < dot(sub(a, wrist), d) ? p : a));
    const far = pts.reduce((a, p) => (dot(sub(p, wrist), d) > dot(sub(a, wrist), d) ? p : a));
    return apply(toHand, sub(far, scale(normalize(sub(far, near)), inset)));
  };
  const fingers = ["thumb", "index", "middle", "ring", "little"];
  for (const k of [2, 3, 4, 5]) {
    fromH.push(distalJoint(`metacarpal${k}_rvs.vtp`, 0.007));
    toH.push(P(myoX, `proxph${k}`));
    void fingers;
  }
  const handMap = fitTransform(fromH, toH, true);

  // Floor: lowest point of the foot surfaces.
  let minY = Infinity;
  for (const [file, body] of [
    ["r_foot.vtp", "calcn_r"],
    ["r_bofoot.vtp", "toes_r"],
  ] as const) {
    for (const p of surface(file).points) minY = Math.min(minY, apply(X.get(body) as Xform, p)[1]);
  }

  return {
    dir,
    osim,
    X,
    arm,
    myoX,
    myoProSup: best.q,
    forearmFix: fix.x,
    forearmFixRms: fix.rms,
    handMap,
    floorShift: -minY,
    surface,
  };
}

function centroidOf(pts: V3[]): V3 {
  const s = pts.reduce((a, p) => [a[0] + p[0], a[1] + p[1], a[2] + p[2]] as V3, [0, 0, 0] as V3);
  return scale(s, 1 / pts.length);
}

/** OpenSim-convention world point -> glTF (with the floor shift). */
export function gltf(w: World, p: V3): V3 {
  const g = toGltfV(p);
  return [g[0], g[1] + w.floorShift, g[2]];
}
