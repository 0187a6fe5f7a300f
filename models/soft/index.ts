// Soft-tissue shapes: dispatches a record's `geometry.builder` to its builder. Called by models/build.ts for
// every non-bone record. Geometry is authored for the right side; the left side is the mirror image.

import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { AnatomyRecord } from "../../src/schemas/anatomy-record.ts";
import type { SoftGeometry, SoftPart } from "../../src/schemas/geometry-soft.ts";
import { BoneSet } from "../fit.ts";
import { mergeMeshes, meshBounds, mirrorMesh } from "../mesh.ts";
import { loadRecords } from "../records.ts";
import { landmark, musclePath, musclePathNames, segmentFrame } from "../skeleton.ts";
import type { MeshData, Vec3 } from "../types.ts";
import { buildBand } from "./band.ts";
import { projectBoneField } from "./bone-field.ts";
import { buildBursa } from "./bursa.ts";
import { buildCapsule } from "./capsule.ts";
import { resolvePath, type SoftContext } from "./context.ts";

import { buildTube } from "./nerve.ts";
import { buildSheet } from "./sheet-muscle.ts";
import { buildSkin } from "./skin.ts";
import { buildSpindle } from "./spindle-muscle.ts";
import {
  attachmentLines,
  partVolumeTarget,
  type ReferenceVolumes,
  softParts,
  type VolumeSource,
  withTargetVolume,
} from "./volume.ts";

/** The real skeleton (models/data via models/skeleton.ts) as a builder context. */
export const skeletonContext: SoftContext = {
  landmark,
  musclePath(source) {
    const m = musclePath(source);
    return {
      points: m.points.map((p) => p.p),
      ...(m.volumeCm3 !== undefined ? { volumeCm3: m.volumeCm3 } : {}),
      ...(m.optimalFibreLengthM !== undefined ? { optimalFibreLength: m.optimalFibreLengthM } : {}),
      ...(m.tendonSlackLengthM !== undefined ? { tendonSlackLength: m.tendonSlackLengthM } : {}),
    };
  },
  segmentFrame(name) {
    const f = segmentFrame(name);
    return { origin: f.origin, x: f.axes[0], y: f.axes[1], z: f.axes[2] };
  },
  boneDistance: (p) => projectBoneField()(p),
  structureDistance: (ids) => projectStructureField(ids),
};

const structureFields = new Map<string, (p: Vec3) => number>();

/** The project's structures with these ids, built (right side), as one distance field; built once per process. */
function projectStructureField(ids: readonly string[]): (p: Vec3) => number {
  const key = ids.join(",");
  let f = structureFields.get(key);
  if (!f) {
    const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
    const byId = new Map(loadRecords(root).map((l) => [l.record.id, l.record]));
    const meshes = ids.map((id) => {
      const record = byId.get(id);
      if (!record) throw new Error(`onto: unknown structure "${id}"`);
      const mesh = buildSoftTissue(record, "r");
      if (!mesh) throw new Error(`onto: "${id}" has no soft-tissue geometry`);
      return mesh;
    });
    const set = new BoneSet(meshes);
    f = (p) => set.signedDistance(p, 0.03);
    structureFields.set(key, f);
  }
  return f;
}

/** The reference paths' volumes (models/data/muscle-paths.json), for the target-volume rule (./volume.ts). */
export const skeletonReferences: ReferenceVolumes = {
  names: musclePathNames,
  volumeCm3: (name) => musclePath(name).volumeCm3,
};

function buildPart(ctx: SoftContext, g: SoftPart): MeshData {
  switch (g.builder) {
    case "spindle":
      return buildSpindle(ctx, g);
    case "sheet":
      return buildSheet(ctx, g);
    case "band":
      return buildBand(ctx, g);
    case "capsule":
      return buildCapsule(ctx, g);
    case "bursa":
      return buildBursa(ctx, g);
    case "tube":
      return buildTube(ctx, g);
  }
}

/**
 * Build a geometry block (right side) with a given context. With `refs`, muscles are sized to their target volume
 * (./volume.ts); without, to their own volumeCm3 or their first derived path's volume.
 */
export function buildSoftGeometry(ctx: SoftContext, g: SoftGeometry, refs?: ReferenceVolumes): MeshData {
  const part = (p: SoftPart) => buildPart(ctx, refs ? withTargetVolume(p, refs) : p);
  if (g.builder === "skin") return buildSkin(ctx, g);
  const parts = g.builder === "group" ? g.parts : [g];
  const halves = parts.filter((p) => p.rightHalf).length;
  if (halves > 0 && halves < parts.length) throw new Error("rightHalf: give it on every part of the group or none");
  const mesh = g.builder === "group" ? mergeMeshes(g.parts.map(part)) : part(g);
  // The builder says when it returned only the right half of a midline structure (the generator mirrors it).
  return halves > 0 ? { ...mesh, rightHalf: true } : mesh;
}

/** How far past the midline (x > 0) a right half may reach, metres: its border's thickness. */
const HALF_PAST_MIDLINE = 0.002;

const SOFT_BUILDERS = new Set<string>(["spindle", "sheet", "band", "capsule", "bursa", "tube", "skin", "group"]);
const isSoft = (g: AnatomyRecord["geometry"]): g is SoftGeometry => g !== undefined && SOFT_BUILDERS.has(g.builder);

/**
 * Mesh of a soft-tissue record for one side, or null when the record has no soft-tissue geometry yet.
 * Midline structures (bilateral: false) are built as authored. Errors name the record.
 */
export function buildSoftTissue(
  record: AnatomyRecord,
  side: "r" | "l",
  ctx: SoftContext = skeletonContext,
  refs: ReferenceVolumes | undefined = ctx === skeletonContext ? skeletonReferences : undefined,
): MeshData | null {
  const g = record.geometry;
  if (!isSoft(g)) return null;
  let mesh: MeshData;
  try {
    mesh = buildSoftGeometry(record.bilateral ? { ...ctx, rightSideOnly: true } : ctx, g, refs);
    if (mesh.rightHalf && record.bilateral) {
      throw new Error("rightHalf: only a midline structure (bilateral: false) is authored as its right half");
    }
    const reach = meshBounds(mesh).max[0];
    if (mesh.rightHalf && reach > HALF_PAST_MIDLINE) {
      throw new Error(`rightHalf: the right half reaches ${(reach * 1000).toFixed(1)} mm past the midline`);
    }
  } catch (error) {
    throw new Error(`${record.id}: geometry (${g.builder}): ${(error as Error).message}`);
  }
  return side === "l" && record.bilateral ? mirrorMesh(mesh) : mesh;
}

/** Target volume of a record: the sum over its parts (undefined when a part has none). */
export function recordTarget(
  record: AnatomyRecord,
  refs: ReferenceVolumes = skeletonReferences,
): { cm3: number | undefined; source: VolumeSource | "mixed"; ignoredCm3: number | undefined } {
  const g = record.geometry;
  if (!g || g.builder === "bone" || g.builder === "skin")
    return { cm3: undefined, source: "none", ignoredCm3: undefined };
  const targets = softParts(g).map((p) => partVolumeTarget(p, refs));
  const sources = new Set(targets.map((t) => t.source));
  const cm3 = targets.every((t) => t.cm3 !== undefined) ? targets.reduce((s, t) => s + (t.cm3 ?? 0), 0) : undefined;
  const ignored = targets.some((t) => t.ignoredCm3 !== undefined)
    ? targets.reduce((s, t) => s + (t.ignoredCm3 ?? 0), 0)
    : undefined;
  return { cm3, source: sources.size === 1 ? ([...sources][0] ?? "none") : "mixed", ignoredCm3: ignored };
}

/** Attachment points (line ends) of a record, right side. */
export function recordAttachments(record: AnatomyRecord, ctx: SoftContext = skeletonContext): Vec3[] {
  const g = record.geometry;
  if (!g || g.builder === "bone" || g.builder === "skin") return [];
  const out: Vec3[] = [];
  for (const part of softParts(g)) {
    for (const line of attachmentLines(part)) {
      const pts = resolvePath(ctx, line).points;
      const a = pts[0];
      const b = pts[pts.length - 1];
      if (a) out.push(a);
      if (b) out.push(b);
    }
  }
  return out;
}
