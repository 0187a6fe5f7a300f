// Soft-tissue shapes: dispatches a record's `geometry.builder` to its builder. Called by models/build.ts for
// every non-bone record. Geometry is authored for the right side; the left side is the mirror image.

import type { AnatomyRecord } from "../../src/schemas/anatomy-record.ts";
import type { SoftGeometry, SoftPart } from "../../src/schemas/geometry-soft.ts";
import { landmark, musclePath, segmentFrame } from "../skeleton.ts";
import type { MeshData } from "../types.ts";
import { buildBand } from "./band.ts";
import { buildBursa } from "./bursa.ts";
import { buildCapsule } from "./capsule.ts";
import type { SoftContext } from "./context.ts";
import { mergeMeshes, mirrorX } from "./mesh.ts";
import { buildTube } from "./nerve.ts";
import { buildSheet } from "./sheet-muscle.ts";
import { buildSkin } from "./skin.ts";
import { buildSpindle } from "./spindle-muscle.ts";

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

/** Build a geometry block (right side) with a given context. */
export function buildSoftGeometry(ctx: SoftContext, g: SoftGeometry): MeshData {
  if (g.builder === "group") return mergeMeshes(g.parts.map((p) => buildPart(ctx, p)));
  if (g.builder === "skin") return buildSkin(ctx, g);
  return buildPart(ctx, g);
}

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
): MeshData | null {
  const g = record.geometry;
  if (!isSoft(g)) return null;
  let mesh: MeshData;
  try {
    mesh = buildSoftGeometry(ctx, g);
  } catch (error) {
    throw new Error(`${record.id}: geometry (${g.builder}): ${(error as Error).message}`);
  }
  return side === "l" && record.bilateral ? mirrorX(mesh) : mesh;
}
