// Build-time silhouettes for the viewer's placeholder: reads a generated model (meshopt glTF), projects each
// structure's vertices for the figure's view and keeps their outline (a convex hull, simplified), so the page
// shows a still drawing of the view before and without WebGL.
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
/** Cells across the longer side of a structure cut into pieces (outlinePieces), and corners per piece. */
const GRID_CELLS = 6;
const CELL_POINTS = 6;
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

/** Area of a polygon (shoelace), for comparing an outline with the room its points really take. */
function polygonArea(poly: P[]): number {
  let a = 0;
  for (let i = 0; i < poly.length; i++) {
    const [x1, y1] = poly[i] as P;
    const [x2, y2] = poly[(i + 1) % poly.length] as P;
    a += x1 * y2 - x2 * y1;
  }
  return Math.abs(a) / 2;
}

/**
 * The outline of a structure's projected points as one or more convex pieces. A compact structure is one hull. A
 * long, bent or branching one (a muscle with its tendons, a nerve, a tendon under the foot) would fill the whole
 * box around it as one hull, so it is cut on a grid into overlapping cells, each drawn as its own small hull: the
 * pieces follow the structure, and drawn as one path they fill as their union.
 */
export function outlinePieces(
  points: P[],
  maxPoints: number,
  /** Largest cell: a still framed on a wrist needs cells finer than a forearm muscle's own length allows. */
  maxCell = Infinity,
  /** Only the pieces that reach into this box (min x, min y, max x, max y). */
  within?: Box,
): P[][] {
  const hull = convexHull(points);
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  const cell = Math.min(Math.max(maxX - minX, maxY - minY) / GRID_CELLS, maxCell);
  if (cell <= 0) return [simplifyPolygon(hull, maxPoints)];
  const cells = new Map<string, P[]>();
  const occupied = new Set<string>();
  for (const p of points) {
    // Each point joins its cell and the neighbours it lies within half a cell of, so the pieces overlap.
    const gx = (p[0] - minX) / cell;
    const gy = (p[1] - minY) / cell;
    // Occupancy on a grid three times finer: a thin band must not seem to fill the wide cells it passes.
    occupied.add(`${Math.floor(gx * 3)},${Math.floor(gy * 3)}`);
    for (const cx of new Set([Math.floor(gx - 0.5), Math.floor(gx + 0.5)])) {
      for (const cy of new Set([Math.floor(gy - 0.5), Math.floor(gy + 0.5)])) {
        const key = `${cx},${cy}`;
        const list = cells.get(key);
        if (list) list.push(p);
        else cells.set(key, [p]);
      }
    }
  }
  const pieces = [...cells.values()]
    .filter((part) => part.length >= 3)
    .map((part) => simplifyPolygon(convexHull(part), CELL_POINTS))
    .filter((piece) => piece.length >= 3);
  // A structure that fills most of its hull (its points reach most cells under the hull) reads best as that hull.
  if (pieces.length === 0 || (occupied.size * cell * cell) / 9 >= 0.8 * polygonArea(hull)) {
    return [simplifyPolygon(hull, maxPoints)];
  }
  if (!within) return pieces;
  const [x0, y0, x1, y1] = within;
  return pieces.filter(
    (piece) =>
      piece.some(([x, y]) => x >= x0 && x <= x1 && y >= y0 && y <= y1) ||
      // A piece may span the box without a corner inside it.
      (Math.min(...piece.map((q) => q[0])) < x1 &&
        Math.max(...piece.map((q) => q[0])) > x0 &&
        Math.min(...piece.map((q) => q[1])) < y1 &&
        Math.max(...piece.map((q) => q[1])) > y0),
  );
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
  /** Structures outlined in pieces that follow them (outlinePieces) rather than as one hull. */
  detailIds: string[] = [],
): Promise<SchematicData | undefined> {
  const p = await projection({ path, direction, side, frameIds, groupOf, maxPoints, detailIds });
  if (!p) return undefined;
  const [x0, y0, x1, y1] = p.view;
  return {
    viewBox: [x0, y0, x1 - x0, y1 - y0].map((n) => Math.round(n)).join(" "),
    shapes: p.shapes.map(({ box: _, ...shape }) => shape),
  };
}

/** Corners per convex piece of a highlighted outline in a still: recognisable at the size a figure is shown. */
const STILL_PIECE_POINTS = 10;

/**
 * A page figure's still, drawn in the page itself (it shows without JavaScript): framed tightly on the framed
 * structures (it has its own box beside its legend, so it need not keep the stage's 4:3), with the highlighted
 * outlines in the page and everything else as a backdrop image shared by every figure of that model, view and
 * side (buildStillBackdrop), so a page of ten figures stays small.
 */
export async function buildStill(
  path: string | readonly string[],
  direction: Vec3,
  side: Side,
  frameIds: string[],
  highlighted: string[],
  groupOf: (id: string) => string,
  backdropHref: string,
): Promise<SchematicData | undefined> {
  const p = await projection({
    path,
    direction,
    side,
    frameIds,
    groupOf,
    maxPoints: MAX_HULL_POINTS,
    detailIds: highlighted,
  });
  if (!p) return undefined;
  const [x0, y0, x1, y1] = stillBox(p.frame);
  const shapes: SchematicData["shapes"] = [];
  for (const { box, ...shape } of p.shapes) {
    if (!shape.onSide || !highlighted.includes(shape.id)) continue;
    if (box[0] >= x1 || box[2] <= x0 || box[1] >= y1 || box[3] <= y0) continue;
    const d = shape.d
      .split("Z")
      .filter(Boolean)
      .map((piece) => {
        const points: P[] = [...piece.matchAll(/(-?\d+) (-?\d+)/g)].map(([, x, y]) => [Number(x), Number(y)]);
        const kept = simplifyPolygon(points, STILL_PIECE_POINTS);
        return kept.length >= 3 ? `M${kept.map(([x, y]) => `${x} ${y}`).join("L")}Z` : "";
      })
      .join("");
    if (d) shapes.push({ ...shape, d });
  }
  const [ax0, ay0, ax1, ay1] = p.all;
  return {
    viewBox: [x0, y0, x1 - x0, y1 - y0].map((n) => Math.round(n)).join(" "),
    shapes,
    backdrop: { href: backdropHref, x: ax0, y: ay0, width: ax1 - ax0, height: ay1 - ay0 },
  };
}

/** Calm tones of the backdrop (the image cannot read the page's styles), as the placeholder's context shapes. */
const BACKDROP_FILL: Record<string, string> = {
  bone: "#eee7d4",
  superficial: "#cdb1ab",
  deep: "#cdb1ab",
  nerve: "#ddd3a6",
};

/**
 * Every outline of a model from one view and side as an SVG image, in the still's millimetre frame (its viewBox is
 * the whole model, which buildStill places with `backdrop`). Presentation attributes only: no styles, no script.
 */
export async function buildStillBackdrop(
  path: string | readonly string[],
  direction: Vec3,
  side: Side,
  groupOf: (id: string) => string,
): Promise<string> {
  const p = await projection({
    path,
    direction,
    side,
    frameIds: [],
    groupOf,
    maxPoints: MAX_HULL_POINTS,
    detailIds: [],
  });
  if (!p) return '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"/>';
  const [x0, y0, x1, y1] = p.all.map(Math.round) as Box;
  const paths = p.shapes.map((shape) => `<path fill="${BACKDROP_FILL[shape.group] ?? "#d4cdbf"}" d="${shape.d}"/>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${x0} ${y0} ${x1 - x0} ${y1 - y0}" preserveAspectRatio="none">`,
    // The stroke is painted under the fill, so only the outer edge of each outline's pieces shows.
    // Millimetres: a still frames a wrist or a whole leg, and a fixed millimetre width suits both well enough.
    '<g stroke="#8f887a" stroke-width="1.2" stroke-linejoin="round" paint-order="stroke" opacity="0.9">',
    ...paths,
    "</g></svg>",
  ].join("");
}

/** A still's frame: the room the 3D view gives the framed structures (at least 140 mm, a quarter more), any shape. */
function stillBox([fx0, fy0, fx1, fy1]: Box): Box {
  const w = Math.max(fx1 - fx0, 140) * 1.25;
  const h = Math.max(fy1 - fy0, 140) * 1.25;
  const [cx, cy] = [(fx0 + fx1) / 2, (fy0 + fy1) / 2];
  return [cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2];
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
  /** Structures outlined in pieces (outlinePieces) rather than as one hull. */
  detailIds: string[];
}

/** A projection, made once per input for the whole build (a figure's payload and its still share one). */
function projection(input: ProjectionInput): Promise<Projection | undefined> {
  const { path, direction, side, frameIds, maxPoints, detailIds } = input;
  const key = [
    typeof path === "string" ? path : path.join(","),
    direction.join(),
    side,
    frameIds.join(),
    maxPoints,
    detailIds.join(),
  ].join("|");
  let entry = projections.get(key);
  if (!entry) {
    entry = project(input);
    projections.set(key, entry);
  }
  return entry;
}

async function project(input: ProjectionInput): Promise<Projection | undefined> {
  const { path, direction, side, frameIds, groupOf, maxPoints, detailIds } = input;
  const nodes = await readModelPoints(path);
  if (nodes.length === 0) return undefined;
  const { right, up } = viewBasis(direction);
  const has = new Map<string, Set<string>>();
  for (const n of nodes) has.set(n.id, (has.get(n.id) ?? new Set()).add(n.side));
  const shapes: Projection["shapes"] = [];
  const detailed = new Map<number, P[]>();
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
    if (detailIds.includes(node.id)) detailed.set(shapes.length, projected);
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
  // Detailed outlines follow their structure in cells no coarser than a tenth of the still's frame, and only
  // within it (framing needed every hull first).
  if (detailed.size > 0 && Number.isFinite(frame.minX)) {
    const within = stillBox([frame.minX, frame.minY, frame.maxX, frame.maxY]);
    const maxCell = Math.max(within[2] - within[0], within[3] - within[1]) / 10;
    for (const [index, projected] of detailed) {
      const shape = shapes[index];
      if (shape) shape.d = pathOf(outlinePieces(projected, maxPoints, maxCell, within));
    }
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
