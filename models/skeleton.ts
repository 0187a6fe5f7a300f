// The skeleton the generator builds on: segment frames, joint centres, named bony landmarks and derived muscle
// paths, all from the committed data in models/data/ (written by `npm run import:anatomy`). glTF frame:
// metres, +Y up, body faces +Z, body's right is -X. Right side and midline only: mirror x for the left.
import { readFileSync } from "node:fs";
import type { Vec3 } from "./types.ts";

export interface Attribution {
  model: string;
  licence: string;
  items: string[];
}

interface SegmentData {
  name: string;
  origin: Vec3;
  rotation: number[];
  source: Attribution;
}

interface LandmarkData {
  p: Vec3;
  segment: string;
  how: string;
  source: Attribution;
}

interface JointData {
  name: string;
  parent: string;
  child: string;
  centre: Vec3;
  source: Attribution;
}

interface SkeletonData {
  segments: SegmentData[];
  joints: JointData[];
  landmarks: Record<string, LandmarkData>;
  pose: Record<string, unknown>;
}

/** One point of a derived muscle path. */
export interface PathPoint {
  /** Position, glTF frame, right side. */
  p: Vec3;
  /** Segment the point is fixed to (e.g. "humerus", "radius", "pelvis"). */
  body: string;
  /** Set on points inserted where the path wraps round a reference-model wrap surface. */
  wrap?: string;
}

export interface MusclePath {
  /** Points in the reference model's order (OpenSim lists some muscles insertion first). */
  points: PathPoint[];
  /** Polyline length at the standing pose, metres. */
  lengthM: number;
  maxIsometricForceN?: number;
  optimalFibreLengthM?: number;
  tendonSlackLengthM?: number;
  pennationDeg?: number;
  /** Max isometric force x optimal fibre length / specific tension (see muscle-paths.json). */
  volumeCm3?: number;
  note?: string;
  source: Attribution;
}

interface MusclePathData {
  specificTensionPa: number;
  paths: Record<string, MusclePath>;
}

function readJson<T>(file: string): T {
  const url = new URL(`./data/${file}`, import.meta.url);
  try {
    return JSON.parse(readFileSync(url, "utf8")) as T;
  } catch (error) {
    throw new Error(`models/data/${file}: cannot read (${(error as Error).message}); run \`npm run import:anatomy\``);
  }
}

let skeletonCache: SkeletonData | undefined;
let pathsCache: MusclePathData | undefined;

function skeleton(): SkeletonData {
  skeletonCache ??= readJson<SkeletonData>("skeleton.json");
  return skeletonCache;
}

function pathData(): MusclePathData {
  pathsCache ??= readJson<MusclePathData>("muscle-paths.json");
  return pathsCache;
}

/** Position of a named landmark (right side), e.g. "humerus.medial-epicondyle". Throws if unknown. */
export function landmark(name: string): Vec3 {
  const l = skeleton().landmarks[name];
  if (!l) {
    const bone = name.split(".")[0] ?? "";
    const near = landmarkNames().filter((n) => n.startsWith(`${bone}.`) || n === bone);
    throw new Error(
      `unknown landmark "${name}"${near.length ? ` (known on ${bone}: ${near.join(", ")})` : " (see models/data/skeleton.json)"}`,
    );
  }
  return [l.p[0], l.p[1], l.p[2]];
}

/** True when the landmark exists. */
export function hasLandmark(name: string): boolean {
  return name in skeleton().landmarks;
}

/** All landmark names, sorted. */
export function landmarkNames(): string[] {
  return Object.keys(skeleton().landmarks).sort();
}

/** The segment a landmark belongs to, and how it was measured. */
export function landmarkInfo(name: string): { segment: string; how: string; source: Attribution } {
  landmark(name);
  const l = skeleton().landmarks[name] as LandmarkData;
  return { segment: l.segment, how: l.how, source: l.source };
}

export interface SegmentFrame {
  name: string;
  /** Origin in the world (glTF frame). */
  origin: Vec3;
  /** The segment's local x, y, z axes in the world (unit vectors). */
  axes: [Vec3, Vec3, Vec3];
  /** Local (segment-frame, glTF-convention axes, metres) -> world. */
  toWorld(local: Vec3): Vec3;
  /** World -> local. */
  toLocal(world: Vec3): Vec3;
}

/**
 * Frame of a body segment (right side or midline), e.g. "humerus", "radius", "pelvis", "vertebra-l3", "rib-5",
 * "metacarpal-2". Local axes follow the glTF convention of the reference body frame (+y along the bone, upward
 * at the standing pose; +z anterior; -x toward the body's right), so for segments that are barely rotated a
 * local offset reads like a world offset. Throws if unknown.
 */
export function segmentFrame(name: string): SegmentFrame {
  const s = skeleton().segments.find((x) => x.name === name);
  if (!s) throw new Error(`unknown segment "${name}" (known: ${segmentNames().join(", ")})`);
  const R = s.rotation;
  const o = s.origin;
  const col = (j: number): Vec3 => [R[j] as number, R[3 + j] as number, R[6 + j] as number];
  return {
    name,
    origin: [o[0], o[1], o[2]],
    axes: [col(0), col(1), col(2)],
    toWorld: (l) => [
      o[0] + (R[0] as number) * l[0] + (R[1] as number) * l[1] + (R[2] as number) * l[2],
      o[1] + (R[3] as number) * l[0] + (R[4] as number) * l[1] + (R[5] as number) * l[2],
      o[2] + (R[6] as number) * l[0] + (R[7] as number) * l[1] + (R[8] as number) * l[2],
    ],
    toLocal: (p) => {
      const d = [p[0] - o[0], p[1] - o[1], p[2] - o[2]] as Vec3;
      return [
        (R[0] as number) * d[0] + (R[3] as number) * d[1] + (R[6] as number) * d[2],
        (R[1] as number) * d[0] + (R[4] as number) * d[1] + (R[7] as number) * d[2],
        (R[2] as number) * d[0] + (R[5] as number) * d[1] + (R[8] as number) * d[2],
      ];
    },
  };
}

/** All segment names, sorted. */
export function segmentNames(): string[] {
  return skeleton()
    .segments.map((s) => s.name)
    .sort();
}

/** Centre of a joint by its reference-model name (e.g. "hip_r", "walker_knee_r", "elbow_r"). Throws if unknown. */
export function jointCentre(name: string): Vec3 {
  const j = skeleton().joints.find((x) => x.name === name);
  if (!j)
    throw new Error(
      `unknown joint "${name}" (known: ${skeleton()
        .joints.map((x) => x.name)
        .join(", ")})`,
    );
  return [j.centre[0], j.centre[1], j.centre[2]];
}

/** All joints (name, parent and child segment, centre). */
export function joints(): readonly { name: string; parent: string; child: string; centre: Vec3 }[] {
  return skeleton().joints;
}

/**
 * A derived muscle (or ligament) path by source name: "opensim:<muscle>" (full-body model, right-side names
 * such as "opensim:DELT1", "opensim:glmax1_r", "opensim:trap_cl") or "myoarm:<muscle>" ("myoarm:FCR",
 * "myoarm:FDS3", "myoarm:coracohum_ligament"). Throws if unknown.
 */
export function musclePath(sourceName: string): MusclePath {
  const m = pathData().paths[sourceName];
  if (!m) {
    const [model = "", name = ""] = sourceName.split(":");
    const near = musclePathNames().filter(
      (n) => n.startsWith(`${model}:`) && n.toLowerCase().includes(name.toLowerCase().slice(0, 3)),
    );
    throw new Error(
      `unknown muscle path "${sourceName}"${near.length ? ` (similar: ${near.slice(0, 12).join(", ")})` : ""}`,
    );
  }
  return m;
}

/** All derived path names, sorted. */
export function musclePathNames(): string[] {
  return Object.keys(pathData().paths).sort();
}

/** Specific tension used for derived volumes (Pa). */
export function specificTensionPa(): number {
  return pathData().specificTensionPa;
}

/** Mirror a right-side point to the left side (x -> -x). */
export function mirrorX(p: Vec3): Vec3 {
  return [-p[0], p[1], p[2]];
}

/** A bone measured on the reference surfaces: centre, principal axes (longest first) and full extents. */
export interface BoneMeasurement {
  centre: Vec3;
  axes: [Vec3, Vec3, Vec3];
  extents: Vec3;
  source: Attribution;
}

/** Measurement of a reference bone surface, e.g. "femur", "cuboid", "metatarsal-1", "foot-phalanx-3". */
export function measurement(name: string): BoneMeasurement {
  const all = (skeleton() as unknown as { measurements?: Record<string, BoneMeasurement> }).measurements ?? {};
  const m = all[name];
  if (!m) throw new Error(`unknown bone measurement "${name}" (known: ${Object.keys(all).sort().join(", ")})`);
  return m;
}

/** Names of all measured bones. */
export function measurementNames(): string[] {
  return Object.keys(
    (skeleton() as unknown as { measurements?: Record<string, BoneMeasurement> }).measurements ?? {},
  ).sort();
}

/** A long bone's centre line measured on the reference surface (see scripts/anatomy-import/centrelines.ts). */
export interface CentreLineData {
  /** Unit axis from the distal to the proximal end; the section planes are normal to it. */
  axis: Vec3;
  /** Fraction of the bone's length of each section (0 = proximal end). */
  t: number[];
  points: Vec3[];
  /** Mean outline radius of each section, metres. */
  radii: number[];
  source: Attribution;
}

/** Reference centre line of a long bone: "humerus", "radius", "ulna", "femur", "tibia", "fibula". */
export function centreLine(name: string): CentreLineData {
  const all = (skeleton() as unknown as { centreLines?: Record<string, CentreLineData> }).centreLines ?? {};
  const c = all[name];
  if (!c) throw new Error(`unknown centre line "${name}" (known: ${Object.keys(all).sort().join(", ")})`);
  return c;
}

/** Names of the long bones with a reference centre line. */
export function centreLineNames(): string[] {
  return Object.keys((skeleton() as unknown as { centreLines?: Record<string, unknown> }).centreLines ?? {}).sort();
}

/** Point on a centre line at fraction t of the bone's length (linear between sections, clamped to the ends). */
export function centreLineAt(name: string, t: number): Vec3 {
  const c = centreLine(name);
  const ts = c.t;
  let i = 0;
  while (i < ts.length - 2 && t > (ts[i + 1] as number)) i++;
  const t0 = ts[i] as number;
  const t1 = ts[i + 1] as number;
  const s = Math.max(0, Math.min(1, (t - t0) / (t1 - t0)));
  const a = c.points[i] as Vec3;
  const b = c.points[i + 1] as Vec3;
  return [a[0] + (b[0] - a[0]) * s, a[1] + (b[1] - a[1]) * s, a[2] + (b[2] - a[2]) * s];
}
