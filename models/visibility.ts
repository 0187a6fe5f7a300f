// Visibility tables: for every structure node of a model file and every sampled view direction, how much of it
// shows (id and depth buffers from models/raster.ts), and which other nodes cover it. The viewer picks the camera
// direction from which its targets are least covered and makes the rest of their cover see-through
// (src/lib/visibility.ts reads the table). Written beside each model as <model>.visibility.json.
import {
  encodeVisibility,
  occludesByDefault,
  SAMPLE_DIRECTIONS,
  VISIBILITY_DEPTH_TOLERANCE,
  VISIBILITY_LIST,
  type VisibilityFile,
} from "../src/lib/visibility.ts";
import { boxHalfExtents, orthoCamera, type Projected, type RasterCamera, rasterize, viewBasis } from "./raster.ts";
import type { Vec3 } from "./types.ts";

/** One structure node as the table needs it. */
export interface VisibilityNode {
  name: string;
  tissue: string;
  positions: Float32Array;
  indices: Uint32Array;
}

/** The pixels a node covers (its nearest front face at each), one camera. */
export interface NodeCover {
  pixels: Int32Array;
  /** Linear depth, larger is nearer. */
  depth: Float32Array;
}

/** Every node's front-face cover in one camera. */
export function nodeCovers(nodes: readonly Pick<VisibilityNode, "positions" | "indices">[], camera: RasterCamera) {
  const size = camera.width * camera.height;
  const depth = new Float32Array(size);
  const stamp = new Int32Array(size);
  const touched = new Int32Array(size);
  let count = 0;
  let current = 0;
  let projected: Projected | undefined;
  const collect = (k: number, z: number) => {
    if (stamp[k] !== current) {
      stamp[k] = current;
      depth[k] = z;
      touched[count++] = k;
    } else if (z > (depth[k] as number)) depth[k] = z;
  };
  return nodes.map((node): NodeCover => {
    current += 1;
    count = 0;
    projected = camera.project(node.positions, projected);
    rasterize(projected, node.indices, camera.width, camera.height, true, collect);
    const pixels = touched.slice(0, count);
    const d = new Float32Array(count);
    for (let i = 0; i < count; i++) d[i] = camera.linearDepth(depth[pixels[i] as number] as number);
    return { pixels, depth: d };
  });
}

/** Per pixel, the nodes covering it, nearest first (CSR layout: pixel p owns entries start[p]..start[p+1]). */
export interface PixelStacks {
  start: Int32Array;
  node: Int32Array;
  depth: Float32Array;
}

export function pixelStacks(covers: readonly NodeCover[], size: number): PixelStacks {
  const start = new Int32Array(size + 1);
  for (const c of covers) for (const p of c.pixels) start[p + 1] = (start[p + 1] as number) + 1;
  for (let p = 0; p < size; p++) start[p + 1] = (start[p + 1] as number) + (start[p] as number);
  const total = start[size] as number;
  const node = new Int32Array(total);
  const depth = new Float32Array(total);
  const fill = start.slice(0, size);
  covers.forEach((c, n) => {
    for (let i = 0; i < c.pixels.length; i++) {
      const p = c.pixels[i] as number;
      const at = fill[p] as number;
      fill[p] = at + 1;
      // Insertion keeps each pixel's list sorted nearest first (lists are short).
      let j = at;
      const z = c.depth[i] as number;
      while (j > (start[p] as number) && (depth[j - 1] as number) < z) {
        node[j] = node[j - 1] as number;
        depth[j] = depth[j - 1] as number;
        j--;
      }
      node[j] = n;
      depth[j] = z;
    }
  });
  return { start, node, depth };
}

/**
 * Calls `visit(node, occluders)` for every node at every pixel it covers, with the opaque nodes in front of it
 * there (more than the depth tolerance nearer). `occluders` is reused between calls.
 */
export function forEachCover(
  stacks: PixelStacks,
  opaque: (node: number) => boolean,
  visit: (node: number, occluders: readonly number[], pixel: number) => void,
): void {
  const { start, node, depth } = stacks;
  const occluders: number[] = [];
  for (let p = 0; p + 1 < start.length; p++) {
    const s = start[p] as number;
    const e = start[p + 1] as number;
    for (let i = s; i < e; i++) {
      occluders.length = 0;
      const z = (depth[i] as number) + VISIBILITY_DEPTH_TOLERANCE;
      for (let j = s; j < i; j++) {
        const m = node[j] as number;
        if ((depth[j] as number) > z && opaque(m) && !occluders.includes(m)) occluders.push(m);
      }
      visit(node[i] as number, occluders, p);
    }
  }
}

export interface VisibilityOptions {
  /** Metres per pixel of the id buffers. */
  pixelSize: number;
}

/** The table for one model file's nodes. */
export function buildVisibility(nodes: readonly VisibilityNode[], options: VisibilityOptions): VisibilityFile {
  const N = nodes.length;
  const D = SAMPLE_DIRECTIONS.length;
  const opaque = nodes.map((n) => occludesByDefault(n.tissue));
  const isOpaque = (m: number) => opaque[m] === true;
  const area = new Float64Array(N * D);
  const seen = new Float64Array(N * D);
  const clear = new Float64Array(N * D);
  /** Per node: its occluders over all directions; per node and direction: those active there. */
  const occluders: number[][] = [];
  const masks: number[][][] = [];
  const min: Vec3 = [Infinity, Infinity, Infinity];
  const max: Vec3 = [-Infinity, -Infinity, -Infinity];
  for (const n of nodes) {
    for (let i = 0; i < n.positions.length; i++) {
      const k = i % 3;
      const v = n.positions[i] as number;
      if (v < (min[k] as number)) min[k] = v;
      if (v > (max[k] as number)) max[k] = v;
    }
  }
  const pairs = new Int32Array(N * N);
  const perDirection: { stacks: PixelStacks; total: Int32Array; listed: [number, number][][] }[] = [];
  for (let d = 0; d < D; d++) {
    const basis = viewBasis(SAMPLE_DIRECTIONS[d] as Vec3);
    // The image spans the model's bounding box seen from this direction.
    const { centre, halfW, halfH } = boxHalfExtents(min, max, basis);
    const camera = orthoCamera({
      ...basis,
      centre,
      pixelSize: options.pixelSize,
      width: Math.ceil((2 * halfW) / options.pixelSize) + 2,
      height: Math.ceil((2 * halfH) / options.pixelSize) + 2,
    });
    const stacks = pixelStacks(nodeCovers(nodes, camera), camera.width * camera.height);
    pairs.fill(0);
    const total = new Int32Array(N);
    const free = new Int32Array(N);
    forEachCover(stacks, isOpaque, (n, occ) => {
      total[n] = (total[n] as number) + 1;
      if (occ.length === 0) free[n] = (free[n] as number) + 1;
      for (const m of occ) pairs[n * N + m] = (pairs[n * N + m] as number) + 1;
    });
    // Each node's main occluders from here: those covering a real part of it, largest first.
    const listed = nodes.map((_, n) => {
      const t = total[n] as number;
      const list: [number, number][] = [];
      if (t === 0) return list;
      for (let m = 0; m < N; m++) {
        const c = pairs[n * N + m] as number;
        if (c / t >= VISIBILITY_LIST.minCover) list.push([m, c / t]);
      }
      list.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
      return list.slice(0, VISIBILITY_LIST.perDirection);
    });
    for (let n = 0; n < N; n++) {
      const t = total[n] as number;
      area[n * D + d] = t;
      seen[n * D + d] = t ? (free[n] as number) / t : 0;
    }
    perDirection.push({ stacks, total, listed });
  }
  // Per node, one short list of occluders over all directions (those covering most of it from some direction
  // first); each direction then marks which of them cover the node from there.
  for (let n = 0; n < N; n++) {
    const sum = new Map<number, number>();
    for (const { listed } of perDirection)
      for (const [m, c] of listed[n] ?? []) sum.set(m, Math.max(sum.get(m) ?? 0, c));
    const kept = [...sum]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, VISIBILITY_LIST.perNode)
      .map(([m]) => m);
    occluders.push(kept);
    masks.push(perDirection.map(({ listed }) => kept.filter((m) => listed[n]?.some(([x]) => x === m))));
  }
  perDirection.forEach(({ stacks, total }, d) => {
    const cleared = new Int32Array(N);
    forEachCover(stacks, isOpaque, (n, occ) => {
      const list = masks[n]?.[d] ?? [];
      if (occ.every((m) => list.includes(m))) cleared[n] = (cleared[n] as number) + 1;
    });
    for (let n = 0; n < N; n++) {
      const t = total[n] as number;
      clear[n * D + d] = t ? (cleared[n] as number) / t : 0;
    }
  });
  // Areas relative to each node's largest, so a small structure weighs as much as a large one.
  for (let n = 0; n < N; n++) {
    let largest = 0;
    for (let d = 0; d < D; d++) largest = Math.max(largest, area[n * D + d] as number);
    for (let d = 0; d < D; d++) area[n * D + d] = largest ? (area[n * D + d] as number) / largest : 0;
  }
  return encodeVisibility({
    nodes: nodes.map((n) => n.name),
    area,
    seen,
    clear,
    occluders,
    masks,
  });
}
