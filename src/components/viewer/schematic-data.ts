// Build-time silhouettes for the explorer's placeholder: reads a generated model (meshopt glTF), projects each
// structure's vertices for a view and keeps their outline (a convex hull, simplified), so the explorer shows a
// still drawing of its first view before and without WebGL. (Page figures show a rendered poster: poster.ts.)
import { existsSync } from "node:fs";
import { viewBasis } from "../../../models/raster.ts";
import { readModelNodes } from "../../../models/read-glb.ts";
import type { Side, Vec3 } from "../../lib/view-state.ts";
import type { SchematicData } from "../../viewer/types.ts";

interface NodePoints {
  id: string;
  side: "r" | "l" | "m";
  /** World positions, x y z interleaved (subsampled). */
  points: Float64Array;
}

const MAX_POINTS_PER_NODE = 600;
const MAX_HULL_POINTS = 28;
const cache = new Map<string, Promise<NodePoints[]>>();

/**
 * The model's structure nodes and a sample of their world-space vertices, from its files (the first-load file and
 * its parts, src/lib/model-parts.ts). Cached per file for the build.
 */
export async function readModelPoints(paths: string | readonly string[]): Promise<NodePoints[]> {
  const lists = await Promise.all(
    (typeof paths === "string" ? [paths] : paths).map((path) => {
      let entry = cache.get(path);
      if (!entry) {
        entry = loadPoints(path);
        cache.set(path, entry);
      }
      return entry;
    }),
  );
  return lists.flat();
}

async function loadPoints(path: string): Promise<NodePoints[]> {
  if (!existsSync(path)) return [];
  return (await readModelNodes(path)).map((node) => {
    const count = node.positions.length / 3;
    const step = Math.max(1, Math.ceil(count / MAX_POINTS_PER_NODE));
    const values: number[] = [];
    for (let i = 0; i < count; i += step) values.push(...node.positions.subarray(3 * i, 3 * i + 3));
    return { id: node.id, side: node.side, points: Float64Array.from(values) };
  });
}

type P = [number, number];

const cross = (o: P, a: P, b: P) => (a[0] - o[0]) * (b[1] - o[1]) - (a[1] - o[1]) * (b[0] - o[0]);

/** Convex hull (monotone chain), counter-clockwise. */
export function convexHull(points: P[]): P[] {
  const pts = [...points].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  if (pts.length < 3) return pts;
  const lower: P[] = [];
  for (const p of pts) {
    while (lower.length >= 2 && cross(lower[lower.length - 2] as P, lower[lower.length - 1] as P, p) <= 0) lower.pop();
    lower.push(p);
  }
  const upper: P[] = [];
  for (let i = pts.length - 1; i >= 0; i--) {
    const p = pts[i] as P;
    while (upper.length >= 2 && cross(upper[upper.length - 2] as P, upper[upper.length - 1] as P, p) <= 0) upper.pop();
    upper.push(p);
  }
  return [...lower.slice(0, -1), ...upper.slice(0, -1)];
}

/** Drops the points that add least area until at most `max` remain (Visvalingam). */
export function simplifyPolygon(polygon: P[], max: number): P[] {
  const poly = [...polygon];
  while (poly.length > max) {
    let smallest = Number.POSITIVE_INFINITY;
    let at = 0;
    for (let i = 0; i < poly.length; i++) {
      const a = poly[(i - 1 + poly.length) % poly.length] as P;
      const b = poly[i] as P;
      const c = poly[(i + 1) % poly.length] as P;
      const area = Math.abs(cross(a, b, c));
      if (area < smallest) {
        smallest = area;
        at = i;
      }
    }
    poly.splice(at, 1);
  }
  return poly;
}

type Box = [number, number, number, number];
interface Projection {
  /**
   * The framed view (4:3, with room), the tight box of the framed structures and the box of every outline, as
   * min x, min y, max x, max y.
   */
  view: Box;
  frame: Box;
  all: Box;
  shapes: (SchematicData["shapes"][number] & { box: Box })[];
}
const projections = new Map<string, Promise<Projection | undefined>>();

/**
 * Outlines of every structure as seen from `direction` (unit vector towards the camera), in millimetres on the
 * screen plane, framed like the 3D view's first camera: on `frameIds` (with room around) or on everything.
 */
export async function buildSchematic(
  path: string | readonly string[],
  direction: Vec3,
  side: Side,
  frameIds: string[],
  groupOf: (id: string) => string,
  /** Corners kept per outline: fewer for whole-body views, to keep the page small. */
  maxPoints = MAX_HULL_POINTS,
): Promise<SchematicData | undefined> {
  const p = await projection({ path, direction, side, frameIds, groupOf, maxPoints });
  if (!p) return undefined;
  const [x0, y0, x1, y1] = p.view;
  return {
    viewBox: [x0, y0, x1 - x0, y1 - y0].map((n) => Math.round(n)).join(" "),
    shapes: p.shapes.map(({ box: _, ...shape }) => shape),
  };
}

const pathOf = (pieces: P[][]) =>
  pieces.map((hull) => `M${hull.map(([x, y]) => `${Math.round(x)} ${Math.round(y)}`).join("L")}Z`).join("");

/** What a projection is made from: the model file, the view, the framing and the outlines' detail. */
interface ProjectionInput {
  /** The model's files. */
  path: string | readonly string[];
  /** Unit vector towards the camera. */
  direction: Vec3;
  side: Side;
  frameIds: string[];
  groupOf: (id: string) => string;
  maxPoints: number;
}

/** A projection, made once per input for the whole build (a figure's payload and its still share one). */
function projection(input: ProjectionInput): Promise<Projection | undefined> {
  const { path, direction, side, frameIds, maxPoints } = input;
  const key = [
    typeof path === "string" ? path : path.join(","),
    direction.join(),
    side,
    frameIds.join(),
    maxPoints,
  ].join("|");
  let entry = projections.get(key);
  if (!entry) {
    entry = project(input);
    projections.set(key, entry);
  }
  return entry;
}

async function project(input: ProjectionInput): Promise<Projection | undefined> {
  const { path, direction, side, frameIds, groupOf, maxPoints } = input;
  const nodes = await readModelPoints(path);
  if (nodes.length === 0) return undefined;
  const { right, up } = viewBasis(direction);
  const has = new Map<string, Set<string>>();
  for (const n of nodes) has.set(n.id, (has.get(n.id) ?? new Set()).add(n.side));
  const shapes: Projection["shapes"] = [];
  const frame = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  const all = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
  for (const node of nodes) {
    const group = groupOf(node.id);
    if (group === "skin") continue;
    const projected: P[] = [];
    let depth = 0;
    const p = node.points;
    for (let i = 0; i < p.length; i += 3) {
      const x = p[i] ?? 0;
      const y = p[i + 1] ?? 0;
      const z = p[i + 2] ?? 0;
      projected.push([
        (x * right[0] + y * right[1] + z * right[2]) * 1000,
        -(x * up[0] + y * up[1] + z * up[2]) * 1000,
      ]);
      depth += x * direction[0] + y * direction[1] + z * direction[2];
    }
    if (projected.length < 3) continue;
    const pieces = [simplifyPolygon(convexHull(projected), maxPoints)];
    // Highlights belong to the chosen side (or the midline, or whichever side the model has).
    const sides = has.get(node.id) ?? new Set();
    const onSide = node.side === "m" || node.side === side || !sides.has(side);
    const own: Box = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [x, y] of pieces.flat()) {
      own[0] = Math.min(own[0], x);
      own[1] = Math.min(own[1], y);
      own[2] = Math.max(own[2], x);
      own[3] = Math.max(own[3], y);
      all.minX = Math.min(all.minX, x);
      all.maxX = Math.max(all.maxX, x);
      all.minY = Math.min(all.minY, y);
      all.maxY = Math.max(all.maxY, y);
      if (onSide && frameIds.includes(node.id)) {
        frame.minX = Math.min(frame.minX, x);
        frame.maxX = Math.max(frame.maxX, x);
        frame.minY = Math.min(frame.minY, y);
        frame.maxY = Math.max(frame.maxY, y);
      }
    }
    shapes.push({
      id: node.id,
      onSide,
      group,
      depth: Math.round((depth / (p.length / 3)) * 1000),
      d: pathOf(pieces),
      box: own,
    });
  }
  shapes.sort((a, b) => a.depth - b.depth);
  const box = Number.isFinite(frame.minX) ? frame : all;
  // Room around a small target, as the 3D view gives it; a 4:3 frame like the stage.
  const cx = (box.minX + box.maxX) / 2;
  const cy = (box.minY + box.maxY) / 2;
  let w = Math.max(box.maxX - box.minX, box === frame ? 140 : 0) * 1.25;
  let h = Math.max(box.maxY - box.minY, box === frame ? 140 : 0) * 1.25;
  if (w / h < 4 / 3) w = (h * 4) / 3;
  else h = (w * 3) / 4;
  return {
    view: [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2],
    frame: [box.minX, box.minY, box.maxX, box.maxY],
    all: [all.minX, all.minY, all.maxX, all.maxY],
    shapes,
  };
}
