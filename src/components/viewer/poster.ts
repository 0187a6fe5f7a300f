// A figure's poster: a still image of its first 3D view (the same model files, layers, camera framing, see-through
// cover and highlight colours the viewer opens with), rendered at build time on the CPU with the generator's
// rasterizer (models/raster.ts) and encoded as WebP. No browser and no GPU: `npm start` needs none, and the same
// inputs give the same bytes. It is the figure's placeholder until WebGL draws, what shows without JavaScript or
// WebGL and in print, and the page's social preview image.
//
// Files are cached by content (.cache/posters/<hash>.webp) and served from /posters/ (the palpate-posters
// integration in astro.config.mjs copies the ones the pages name into dist/ and serves them in `astro dev`).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import sharp from "sharp";
import { Box3, PerspectiveCamera, Vector3 } from "three";
import { perspectiveCamera, rasterize, viewBasis } from "../../../models/raster.ts";
import { readModelNodes } from "../../../models/read-glb.ts";
import { vertexNormals } from "../../../models/soft/mesh.ts";
import { normalize } from "../../../models/vec.ts";
import {
  FOCUS_COLOUR,
  PAIN_COLOUR,
  SECONDARY_COLOUR,
  srgbBytes,
  tissueLook,
  ZONE_COLOUR,
} from "../../lib/tissue-colours.ts";
import type { LayerKey, Side, Vec3 } from "../../lib/view-state.ts";
import {
  decodeVisibility,
  figureDirection,
  occluderNodes,
  targetNodes,
  type Visibility,
  type VisibilityFile,
} from "../../lib/visibility.ts";
import { expandForContext, frameBox } from "../../viewer/camera-presets.ts";
import { decalAxes, nearestSurfacePoint, ZONE_REACH } from "../../viewer/decal-placement.ts";
import { viewDirection } from "../../viewer/view-directions.ts";
import { POSTER_CACHE, POSTER_URL } from "./poster-files.ts";
import { renderInPool } from "./poster-pool.ts";

/** Poster size in CSS pixels: the stage's 4:3 at the width a figure is shown in the text column. */
export const POSTER_WIDTH = 640;
export const POSTER_HEIGHT = 480;
/** A poster's byte budget (issue 14: at most 40 KB), with a margin, and the WebP qualities tried in turn to meet it. */
export const POSTER_MAX_BYTES = 36_000;
const POSTER_QUALITIES = [78, 70, 60, 50, 40];
/** Rendered this many times larger, then reduced: smooth edges without a GPU. */
const SUPERSAMPLE = 1.5;
/** The viewer's camera (Stage3D.tsx): vertical field of view and the margin of a figure's first framing. */
const FOV = 30;
const MARGIN = 1.2;
/** The renderer's own sources: a change to them draws every poster again (their hash is in each file name). */
const RENDERER_SOURCES = [
  "src/components/viewer/poster.ts",
  "models/raster.ts",
  "models/soft/mesh.ts",
  "src/lib/tissue-colours.ts",
  "src/viewer/camera-presets.ts",
  "src/viewer/decal-placement.ts",
];

export interface PosterInput {
  model: string;
  /** The model's files (first-load file and parts), on disk. */
  files: readonly string[];
  /** The model's visibility table (models/visibility.ts), if generated. */
  visibilityFile?: string;
  view: Parameters<typeof viewDirection>[0];
  side: Side;
  focus: readonly string[];
  secondary: readonly string[];
  /** Structures the camera frames (default: focus and secondary). */
  frame?: readonly string[] | undefined;
  /** Layer group of each structure id in the model (others count as connective tissue). */
  groups: ReadonlyMap<string, LayerKey>;
  /** Layer groups drawn when the figure opens (figureLayers). */
  layers: readonly LayerKey[];
  /**
   * Areas drawn on the skin as the viewer decals them (referred-pain.ts): referred pain (essential or spillover)
   * and endangerment sites, centres already on the figure's side.
   */
  patches?: readonly PosterPatch[];
  /** Structures the figure labels when it opens (focus, then secondary): the poster gives each an anchor. */
  labels?: readonly string[];
}

export interface PosterPatch {
  centre: Vec3;
  radii: readonly [number, number];
  kind: "essential" | "spillover" | "zone";
}

/** Where a label's leader line ends on the poster (poster pixels), as the viewer anchors its live labels. */
export interface PosterAnchor {
  id: string;
  x: number;
  y: number;
  /** No pixel of the structure is in sight (it lies behind others): the anchor is its projected centre. */
  behind: boolean;
}

/** What the renderer makes: the image and the label anchors. */
export interface PosterImage {
  webp: Buffer;
  anchors: PosterAnchor[];
}

export interface Poster {
  /** Site URL of the image. */
  src: string;
  width: number;
  height: number;
  anchors: PosterAnchor[];
}

type Node = Awaited<ReturnType<typeof readModelNodes>>[number];
const nodeCache = new Map<string, Promise<Node[]>>();
const visCache = new Map<string, Visibility | null>();
const fileHashes = new Map<string, string>();
const normalCache = new WeakMap<Node, Float32Array>();

function nodesOf(path: string): Promise<Node[]> {
  let entry = nodeCache.get(path);
  if (!entry) {
    entry = existsSync(path) ? readModelNodes(path) : Promise.resolve([]);
    nodeCache.set(path, entry);
  }
  return entry;
}

function visibilityOf(path: string | undefined): Visibility | null {
  if (!path || !existsSync(path)) return null;
  let vis = visCache.get(path);
  if (vis === undefined) {
    vis = decodeVisibility(JSON.parse(readFileSync(path, "utf8")) as VisibilityFile);
    visCache.set(path, vis);
  }
  return vis;
}

function hashOfFile(path: string): string {
  let h = fileHashes.get(path);
  if (h === undefined) {
    h = existsSync(path) ? createHash("sha256").update(readFileSync(path)).digest("hex").slice(0, 16) : "missing";
    fileHashes.set(path, h);
  }
  return h;
}

/** The poster's file name: a hash of everything that changes the picture. */
export function posterKey(input: PosterInput, root = process.cwd()): string {
  const hash = createHash("sha256");
  hash.update(
    JSON.stringify({
      renderer: RENDERER_SOURCES.map((f) => hashOfFile(join(root, f))),
      files: input.files.map(hashOfFile),
      vis: input.visibilityFile ? hashOfFile(input.visibilityFile) : "",
      view: input.view,
      side: input.side,
      focus: input.focus,
      secondary: input.secondary,
      frame: input.frame ?? null,
      layers: input.layers,
      patches: input.patches ?? [],
      labels: input.labels ?? [],
      size: [POSTER_WIDTH, POSTER_HEIGHT, SUPERSAMPLE],
    }),
  );
  return `${input.model}-${hash.digest("hex").slice(0, 16)}`;
}

/** The figure's poster, drawn (and cached) if needed. Undefined before the models are generated. */
export async function figurePoster(input: PosterInput, root = process.cwd()): Promise<Poster | undefined> {
  if (!input.files.some((f) => existsSync(f))) return undefined;
  const key = posterKey(input, root);
  const path = join(root, POSTER_CACHE, `${key}.webp`);
  // The anchors are kept beside the image, written first: an image in the cache always has them.
  const anchorsPath = join(root, POSTER_CACHE, `${key}.anchors.json`);
  if (!existsSync(path) || !existsSync(anchorsPath)) {
    // Pages render several at once: two figures of one view (a guide and its atlas page) share one drawing.
    let drawing = drawings.get(path);
    if (!drawing) {
      drawing = renderInPool(input, root).then(({ webp, anchors }) => {
        mkdirSync(join(root, POSTER_CACHE), { recursive: true });
        writeFileSync(anchorsPath, JSON.stringify(anchors));
        writeFileSync(path, webp);
      });
      drawings.set(path, drawing);
      drawing.finally(() => drawings.delete(path)).catch(() => undefined);
    }
    await drawing;
  }
  // Read once per build: a guide and its atlas page often show the same view.
  let anchors = anchorCache.get(anchorsPath);
  if (!anchors) {
    anchors = JSON.parse(readFileSync(anchorsPath, "utf8")) as PosterAnchor[];
    anchorCache.set(anchorsPath, anchors);
  }
  return { src: `${POSTER_URL}/${key}.webp`, width: POSTER_WIDTH, height: POSTER_HEIGHT, anchors };
}
const drawings = new Map<string, Promise<void>>();
const anchorCache = new Map<string, PosterAnchor[]>();

const rgb = (hex: string): Vec3 => srgbBytes(hex).map((b) => b / 255) as Vec3;
const OUTLINE = rgb("#1d1f22");
const FOCUS = rgb(FOCUS_COLOUR);
const PAIN = rgb(PAIN_COLOUR);
const ZONE = rgb(ZONE_COLOUR.light);
const SECONDARY = rgb(SECONDARY_COLOUR);

/** Per-pixel buffers, kept between posters (every poster has the same size). */
let scratch: ReturnType<typeof makeBuffers> | undefined;
function makeBuffers(n: number) {
  return {
    n,
    depth: new Float32Array(n),
    owner: new Int32Array(n),
    normal: new Float32Array(n * 3),
    glassDepth: new Float32Array(n),
    glassOwner: new Int32Array(n),
    glassNormal: new Float32Array(n * 3),
    // The nearest focus and secondary surfaces, which show through what lies in front (the viewer's stencil rule,
    // materials.ts): focus through anything, secondary through context.
    ghostDepth: { focus: new Float32Array(n), secondary: new Float32Array(n) },
  };
}
function buffers(n: number): ReturnType<typeof makeBuffers> {
  if (scratch?.n !== n) scratch = makeBuffers(n);
  for (const b of [scratch.depth, scratch.glassDepth, scratch.ghostDepth.focus, scratch.ghostDepth.secondary]) {
    b.fill(-Infinity);
  }
  scratch.owner.fill(-1);
  scratch.glassOwner.fill(-1);
  return scratch;
}

/** The figure's first view as WebP bytes. */
export async function renderPoster(input: PosterInput): Promise<PosterImage> {
  const W = POSTER_WIDTH * SUPERSAMPLE;
  const H = POSTER_HEIGHT * SUPERSAMPLE;
  const { side } = input;
  const layers = new Set(input.layers);
  const all = (await Promise.all(input.files.map(nodesOf))).flat();
  const highlighted = new Set([...input.focus, ...input.secondary]);
  const groupOf = (id: string): LayerKey => input.groups.get(id) ?? "connective";
  const drawn = all.filter((n) => layers.has(groupOf(n.id)) || highlighted.has(n.id));
  const sidesOf = new Map<string, Set<string>>();
  for (const n of all) sidesOf.set(n.id, (sidesOf.get(n.id) ?? new Set()).add(n.side));
  const onSide = (n: Node) => n.side === "m" || n.side === side || !sidesOf.get(n.id)?.has(side);

  // Direction: the authored view, unless the targets hide there (the viewer's figureDirection); then see-through
  // cover from that direction, as the viewer opens.
  let direction = viewDirection(input.view, side, input.model);
  const vis = visibilityOf(input.visibilityFile);
  let cover = new Set<string>();
  if (vis) {
    const targets = targetNodes(vis, input.focus, side);
    if (targets.length > 0) {
      const d = figureDirection(vis, targets, direction).index;
      direction = vis.directions[d] as Vec3;
      cover = occluderNodes(vis, targetNodes(vis, highlighted, side), d);
    }
  }

  // Framing: the viewer's own (camera-presets.ts): the box of the framed structures that are drawn (on the figure's
  // side when it has them), else of the highlighted ones (a frame on a layer the figure does not open), else of
  // everything drawn; with room around small targets.
  const frameIds = new Set(input.frame ?? [...input.focus, ...input.secondary]);
  const pick = (ids: Set<string>) => {
    const list = drawn.filter((n) => ids.has(n.id));
    const mine = list.filter(onSide);
    return mine.length > 0 ? mine : list;
  };
  let framed = pick(frameIds);
  if (framed.length === 0) framed = pick(highlighted);
  const box = new Box3();
  for (const n of framed.length > 0 ? framed : drawn) box.union(new Box3().setFromArray(n.positions));
  if (framed.length > 0) expandForContext(box);
  const eyeV = new Vector3();
  const targetV = new Vector3();
  frameBox(box, new Vector3(...direction), new PerspectiveCamera(FOV, W / H), eyeV, targetV, MARGIN);
  const eye = eyeV.toArray() as Vec3;
  const target = targetV.toArray() as Vec3;
  const camera = perspectiveCamera({ eye, target, fov: FOV, width: W, height: H });
  const basis = viewBasis([eye[0] - target[0], eye[1] - target[1], eye[2] - target[2]]);
  const focal = H / 2 / Math.tan((FOV * Math.PI) / 360);

  // One pass per node into an opaque layer and a see-through layer (nearest translucent surface per pixel).
  const { depth, owner, normal, glassDepth, glassOwner, glassNormal, ghostDepth } = buffers(W * H);
  const looks: { colour: Vec3; alpha: number; role: "focus" | "secondary" | "context" }[] = [];
  for (const [index, node] of drawn.entries()) {
    const role =
      onSide(node) && input.focus.includes(node.id)
        ? "focus"
        : onSide(node) && input.secondary.includes(node.id)
          ? "secondary"
          : "context";
    const group = groupOf(node.id);
    const look = tissueLook(node.tissue, highlighted.size > 0);
    const seeThrough = role !== "focus" && cover.has(node.name);
    const alpha = seeThrough ? 0.14 : group === "skin" ? (look.opacity ?? 0.45) : (look.opacity ?? 1);
    looks.push({
      colour: rgb(role === "focus" ? FOCUS_COLOUR : role === "secondary" ? SECONDARY_COLOUR : look.colour),
      alpha: role === "context" ? alpha : 1,
      role,
    });
    let normals = normalCache.get(node);
    if (!normals) {
      normals = vertexNormals(node.positions, node.indices);
      normalCache.set(node, normals);
    }
    const projected = camera.project(node.positions);
    const glass = (looks[index]?.alpha ?? 1) < 1;
    const [dBuf, oBuf, nBuf] = glass ? [glassDepth, glassOwner, glassNormal] : [depth, owner, normal];
    const ghost = role === "context" ? undefined : ghostDepth[role];
    rasterize(projected, node.indices, W, H, true, (px, z, wa, wb, wc, a, b, c) => {
      if (ghost && z > (ghost[px] as number)) ghost[px] = z;
      if (z <= (dBuf[px] as number)) return;
      dBuf[px] = z;
      oBuf[px] = index;
      for (let k = 0; k < 3; k++) {
        nBuf[3 * px + k] =
          wa * (normals[3 * a + k] as number) +
          wb * (normals[3 * b + k] as number) +
          wc * (normals[3 * c + k] as number);
      }
    });
  }

  const anchors = labelAnchors(input.labels ?? [], drawn, onSide, owner, W, H, (positions) =>
    camera.project(positions),
  );

  // Highlights grow by one rendered pixel (two thirds of a poster pixel) into what lies behind them, so a thin nerve
  // drawn along its whole length keeps its colour inside its outline.
  const lit = Uint8Array.from(looks, (l) => (l.role === "context" ? 0 : 1));
  // Only the rows and columns anything covers (and a few pixels around, for outlines) need compositing.
  const [x0, y0, x1, y1] = coveredBox(owner, glassOwner, W, H, 4);
  dilateHighlights(owner, depth, normal, lit, W, x0, y0, x1, y1);
  const decals = placePatches(input.patches ?? [], drawn, (n) => groupOf(n.id));

  // Shading: a soft key light from the camera's upper left, as the viewer's lights fall.
  const { toward: f, right: r } = basis;
  const light = normalize([f[0] * 0.8 - r[0] * 0.35, f[1] * 0.8 + 0.45, f[2] * 0.8 - r[2] * 0.35]);
  /** Light on a surface at a pixel: ambient, a key light and a little more where it faces the camera. */
  const lightAt = (buf: Float32Array, px: number): number => {
    const nx = buf[3 * px] as number;
    const ny = buf[3 * px + 1] as number;
    const nz = buf[3 * px + 2] as number;
    const l = Math.sqrt(nx * nx + ny * ny + nz * nz) || 1;
    const lambert = Math.max(0, (nx * light[0] + ny * light[1] + nz * light[2]) / l);
    const facing = Math.max(0, (nx * f[0] + ny * f[1] + nz * f[2]) / l);
    return 0.42 + 0.5 * lambert + 0.12 * facing;
  };

  const pixels = Buffer.alloc(W * H * 4);
  const blend = (c: Vec3, t: number, k = 1) => {
    cr += (c[0] * k - cr) * t;
    cg += (c[1] * k - cg) * t;
    cb += (c[2] * k - cb) * t;
  };
  let cr = 0;
  let cg = 0;
  let cb = 0;
  for (let px = y0 * W; px < (y1 + 1) * W; px++) {
    const col = px % W;
    if (col < x0 || col > x1) continue;
    cr = 0;
    cg = 0;
    cb = 0;
    let alpha = 0;
    const o = owner[px] as number;
    const g = glassOwner[px] as number;
    const edge = edgeOf(owner, depth, lit, px, W, H);
    if (o < 0 && g < 0 && edge === 0) continue;
    if (o < 0 && edge > 0) {
      // Outline around a highlighted structure or a body edge, drawn on the background.
      cr = OUTLINE[0];
      cg = OUTLINE[1];
      cb = OUTLINE[2];
      alpha = edge;
    }
    if (o >= 0) {
      const look = looks[o] as (typeof looks)[number];
      const k = lightAt(normal, px);
      cr = look.colour[0] * k;
      cg = look.colour[1] * k;
      cb = look.colour[2] * k;
      alpha = 1;
      if (edge > 0) blend(OUTLINE, edge);
      // (Stronger over a secondary structure than the viewer's 0.38: a still has no labels to point it out.)
      if (look.role !== "focus" && (ghostDepth.focus[px] as number) > -Infinity) {
        blend(FOCUS, look.role === "secondary" ? 0.55 : 0.38);
      } else if (look.role === "context" && (ghostDepth.secondary[px] as number) > -Infinity) blend(SECONDARY, 0.38);
    }
    if (g >= 0 && (glassDepth[px] as number) > (depth[px] as number)) {
      const look = looks[g] as (typeof looks)[number];
      blend(look.colour, alpha > 0 ? look.alpha : 1, lightAt(glassNormal, px));
      alpha += look.alpha * (1 - alpha);
    }
    if (decals.length > 0 && (o >= 0 || g >= 0)) {
      // The surface point under the pixel (the nearest of the solid and the see-through surfaces), in the world.
      const z = Math.max(depth[px] as number, glassDepth[px] as number);
      const d = 1 / z;
      const x = px % W;
      const a = ((x + 0.5 - W / 2) / focal) * d;
      const b = (-((px - x) / W + 0.5 - H / 2) / focal) * d;
      const point: Vec3 = [0, 1, 2].map(
        (k) =>
          (eye[k] as number) +
          a * (basis.right[k] as number) +
          b * (basis.up[k] as number) -
          d * (basis.toward[k] as number),
      ) as Vec3;
      for (const decal of decals) {
        const cover = decal.cover(point);
        if (cover > 0) {
          blend(decal.colour, cover);
          alpha = Math.max(alpha, cover);
        }
      }
    }
    pixels[4 * px] = Math.round(Math.min(1, cr) * 255);
    pixels[4 * px + 1] = Math.round(Math.min(1, cg) * 255);
    pixels[4 * px + 2] = Math.round(Math.min(1, cb) * 255);
    pixels[4 * px + 3] = Math.round(alpha * 255);
  }
  const reduced = await sharp(pixels, { raw: { width: W, height: H, channels: 4 } })
    .resize(POSTER_WIDTH, POSTER_HEIGHT, { kernel: "mitchell" })
    .raw()
    .toBuffer();
  // Most posters fit at the first quality; a busy one (a whole limb of thin structures) steps down until it fits.
  let webp = Buffer.alloc(0);
  for (const quality of POSTER_QUALITIES) {
    webp = await sharp(reduced, { raw: { width: POSTER_WIDTH, height: POSTER_HEIGHT, channels: 4 } })
      .webp({ quality, alphaQuality: 80, effort: 4, smartSubsample: true })
      .toBuffer();
    if (webp.length <= POSTER_MAX_BYTES) break;
  }
  return { webp, anchors };
}

/**
 * A label's anchor: the structure's own pixel nearest the centre of all its pixels in sight (so the dot lands on
 * it, even on a curved nerve), on the figure's side; for a structure wholly behind others, the projected centre of
 * its vertices. In poster pixels; structures out of the frame get none.
 */
function labelAnchors(
  ids: readonly string[],
  drawn: readonly Node[],
  onSide: (n: Node) => boolean,
  owner: Int32Array,
  W: number,
  H: number,
  project: (positions: Float32Array) => { x: Float32Array; y: Float32Array },
): PosterAnchor[] {
  // Which label each drawn node belongs to (-1: none), then one pass for every label's pixel count and centre...
  const labelOf = drawn.map((n) => (onSide(n) ? ids.indexOf(n.id) : -1));
  const sum = ids.map(() => ({ x: 0, y: 0, n: 0 }));
  for (let px = 0; px < W * H; px++) {
    const o = owner[px] as number;
    const k = o >= 0 ? (labelOf[o] as number) : -1;
    if (k < 0) continue;
    const s = sum[k] as { x: number; y: number; n: number };
    s.x += px % W;
    s.y += Math.floor(px / W);
    s.n++;
  }
  // ...and one for each label's own pixel nearest that centre.
  const best = sum.map((s) => ({ x: s.n ? s.x / s.n : 0, y: s.n ? s.y / s.n : 0, d: Infinity }));
  for (let px = 0; px < W * H; px++) {
    const o = owner[px] as number;
    const k = o >= 0 ? (labelOf[o] as number) : -1;
    if (k < 0) continue;
    const s = sum[k] as { x: number; y: number; n: number };
    const b = best[k] as { x: number; y: number; d: number };
    const x = px % W;
    const y = Math.floor(px / W);
    const d = (x - s.x / s.n) ** 2 + (y - s.y / s.n) ** 2;
    if (d < b.d) {
      b.d = d;
      b.x = x;
      b.y = y;
    }
  }
  const anchors: PosterAnchor[] = [];
  ids.forEach((id, k) => {
    const mine = drawn.filter((_, i) => labelOf[i] === k);
    if (mine.length === 0) return;
    let { x, y } = best[k] as { x: number; y: number };
    const behind = (sum[k] as { n: number }).n === 0;
    if (behind) {
      // Wholly behind others: the projected centre of its vertices, if that is in the frame.
      let n = 0;
      x = 0;
      y = 0;
      for (const node of mine) {
        const p = project(node.positions);
        for (let i = 0; i < p.x.length; i++) {
          x += p.x[i] as number;
          y += p.y[i] as number;
          n++;
        }
      }
      x /= Math.max(1, n);
      y /= Math.max(1, n);
      if (x < 0 || y < 0 || x >= W || y >= H) return;
    }
    anchors.push({ id, x: Math.round((x + 0.5) / SUPERSAMPLE), y: Math.round((y + 0.5) / SUPERSAMPLE), behind });
  });
  return anchors;
}

/**
 * How dark an outline a pixel carries (0 = none). A highlighted structure is ringed outside its own pixels, so a
 * thin nerve keeps its colour: a pixel of context (or of nothing) within two pixels of a nearer highlighted one is
 * outline. Context structures get a light line where one lies clearly in front of another.
 */
function edgeOf(owner: Int32Array, depth: Float32Array, lit: Uint8Array, px: number, W: number, H: number): number {
  const o = owner[px] as number;
  if (o >= 0 && lit[o] === 1) return 0;
  const x = px % W;
  const y = (px - x) / W;
  const z = depth[px] as number;
  let edge = 0;
  for (let k = 0; k < RING_X.length; k++) {
    const nx = x + (RING_X[k] as number);
    const ny = y + (RING_Y[k] as number);
    if (nx < 0 || ny < 0 || nx >= W || ny >= H) continue;
    const q = ny * W + nx;
    const p = owner[q] as number;
    if (p < 0 || p === o) continue;
    if (lit[p] === 1) {
      if (o < 0 || (depth[q] as number) > z) return 0.85;
    } else if (k < 4 && (o < 0 || (depth[q] as number) > z * 1.015)) edge = 0.35;
  }
  return edge;
}
/** The pixels within two steps (the first four are the direct neighbours). */
const RING_X = Int8Array.from([1, -1, 0, 0, 2, -2, 0, 0, 1, 1, -1, -1]);
const RING_Y = Int8Array.from([0, 0, 1, -1, 0, 0, 2, -2, 1, -1, 1, -1]);

/** The box (x0, y0, x1, y1) of the pixels anything covers, grown by `pad`; an empty image gives an empty box. */
function coveredBox(
  owner: Int32Array,
  glass: Int32Array,
  W: number,
  H: number,
  pad: number,
): [number, number, number, number] {
  let x0 = W;
  let y0 = H;
  let x1 = -1;
  let y1 = -1;
  for (let y = 0; y < H; y++) {
    for (let x = 0, px = y * W; x < W; x++, px++) {
      if ((owner[px] as number) < 0 && (glass[px] as number) < 0) continue;
      if (x < x0) x0 = x;
      if (x > x1) x1 = x;
      if (y < y0) y0 = y;
      y1 = y;
    }
  }
  if (x1 < 0) return [0, 0, -1, -1];
  return [Math.max(0, x0 - pad), Math.max(0, y0 - pad), Math.min(W - 1, x1 + pad), Math.min(H - 1, y1 + pad)];
}

function dilateHighlights(
  owner: Int32Array,
  depth: Float32Array,
  normal: Float32Array,
  lit: Uint8Array,
  W: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
): void {
  const from = Int32Array.from(owner);
  const N = owner.length;
  for (let px = y0 * W; px < (y1 + 1) * W; px++) {
    const x = px % W;
    if (x < x0 || x > x1) continue;
    const o = from[px] as number;
    if (o >= 0 && lit[o] === 1) continue;
    for (let k = 0; k < 4; k++) {
      const nx = x + (RING_X[k] as number);
      const q = px + (RING_X[k] as number) + (RING_Y[k] as number) * W;
      if (nx < 0 || nx >= W || q < 0 || q >= N) continue;
      const p = from[q] as number;
      if (p < 0 || lit[p] !== 1 || (o >= 0 && (depth[q] as number) <= (depth[px] as number))) continue;
      owner[px] = p;
      depth[px] = depth[q] as number;
      normal[3 * px] = normal[3 * q] as number;
      normal[3 * px + 1] = normal[3 * q + 1] as number;
      normal[3 * px + 2] = normal[3 * q + 2] as number;
      break;
    }
  }
}

/** A patch placed on the surface: how strongly it colours a surface point (0 outside), and in what colour. */
interface Decal {
  colour: Vec3;
  cover(point: Vec3): number;
}

/**
 * Places each patch where the viewer's decal lands (referred-pain.ts): at the skin vertex nearest its centre (or,
 * without skin, the nearest non-bone vertex), facing along that vertex's normal. Referred pain is hatched (dense
 * where most people feel it, sparse for spillover) with a rim; an endangerment site is a tint with a rim.
 */
function placePatches(patches: readonly PosterPatch[], drawn: readonly Node[], groupOf: (n: Node) => string): Decal[] {
  if (patches.length === 0) return [];
  const skin = drawn.filter((n) => groupOf(n) === "skin");
  const targets = skin.length > 0 ? skin : drawn.filter((n) => groupOf(n) !== "bone");
  const out: Decal[] = [];
  const surfaces = targets.map((node) => ({ positions: node.positions, normals: normalCache.get(node) }));
  for (const patch of patches) {
    const near = nearestSurfacePoint(patch.centre, surfaces, patch.kind === "zone" ? ZONE_REACH : undefined);
    if (!near) continue;
    const at = near.at;
    const { across, up, out: normal } = decalAxes(near.normal ?? [0, 0, 1]);
    const [ra, rb] = patch.radii;
    const depthReach = Math.max(0.01, Math.min(ra, rb) / 2);
    const colour = patch.kind === "zone" ? ZONE : PAIN;
    const dense = patch.kind === "essential";
    out.push({
      colour,
      cover(point) {
        const v: Vec3 = [point[0] - at[0], point[1] - at[1], point[2] - at[2]];
        const w = v[0] * normal[0] + v[1] * normal[1] + v[2] * normal[2];
        if (Math.abs(w) > depthReach) return 0;
        const x = v[0] * across[0] + v[1] * across[1] + v[2] * across[2];
        const y = v[0] * up[0] + v[1] * up[1] + v[2] * up[2];
        const r = Math.sqrt((x / ra) ** 2 + (y / rb) ** 2);
        if (r > 1) return 0;
        if (r > 0.88) return 0.95;
        if (patch.kind === "zone") return 0.22;
        // Diagonal hatching spaced in metres, as the viewer's shader draws it.
        const spacing = dense ? 0.007 : 0.012;
        const t = (x + y) / spacing;
        const line = Math.abs(t - Math.floor(t) - 0.5);
        return Math.max(line < 0.16 ? 0.85 : 0, dense ? 0.32 : 0);
      },
    });
  }
  return out;
}
