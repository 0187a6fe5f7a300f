// Which way to look so a structure is seen, and what to make see-through so nothing hides it. Reads the
// visibility table the model generator writes beside each model (models/visibility.ts): for every node and
// sampled direction, its projected area, the part of it nothing covers, and its main occluders. Pure TypeScript:
// the viewer uses it in the browser, the page builder at build time, the tests in Node.
import type { Side, Vec3 } from "./view-state.ts";

const n3 = (x: number, y: number, z: number): Vec3 => {
  const l = Math.hypot(x, y, z);
  return [x / l, y / l, z / l];
};

/**
 * Directions sampled (unit vectors from the target towards the camera, glTF frame): the 26 of a cube's faces,
 * edges and corners, with straight up and down replaced by the viewer's slightly tilted superior and inferior
 * views, plus its lateral and medial views of each side and the foot's dorsal view, so every named view is a
 * sample (tests/unit/visibility.test.ts checks this).
 */
export const SAMPLE_DIRECTIONS: readonly Vec3[] = (() => {
  const list: Vec3[] = [];
  for (const x of [-1, 0, 1]) {
    for (const y of [-1, 0, 1]) {
      for (const z of [-1, 0, 1]) {
        if (x === 0 && z === 0) continue;
        list.push(n3(x, y, z));
      }
    }
  }
  list.push(n3(0, 1, -0.03), n3(0, -1, 0.03), n3(-1, 0, 0.25), n3(1, 0, 0.25), n3(0, 0.8, 0.6));
  return list;
})();

/**
 * Whether a tissue hides what lies behind it in the viewer's default look. The skin is off by default and drawn
 * see-through when on; fascia (45-50 % opacity, a thin sheet the muscle shows through) still counts as cover, so a
 * target under it is made see-through like one under muscle.
 */
export function occludesByDefault(tissue: string): boolean {
  return tissue !== "skin";
}

/** Surfaces this close in front (metres) are touching, not covering (a capsule under the muscle blending into it). */
export const VISIBILITY_DEPTH_TOLERANCE = 0.0015;

/**
 * Occluders the table lists: per direction those covering at least `minCover` of the node, at most
 * `perDirection`; per node at most `perNode` over all directions (those covering most of it from some direction).
 */
export const VISIBILITY_LIST = { minCover: 0.04, perDirection: 8, perNode: 63 } as const;

/** The file beside each model: compact strings, decoded once per model by decodeVisibility. */
export interface VisibilityFile {
  version: 1;
  /** The sampled directions the strings follow, 4 decimals. */
  directions: Vec3[];
  /** Node names (`<id>-r`, `<id>-l`, midline `<id>`). */
  nodes: string[];
  /**
   * Per node, three characters per direction: its projected area relative to its largest, the fraction of it
   * nothing covers, and the fraction once its listed occluders are see-through; each 0..63 in ALPHABET.
   */
  stats: string[];
  /**
   * Per node: a count, its occluders' node indices (two characters each), then per direction a count and the
   * positions in that list of the occluders that cover it from there (one character each).
   */
  cover: string[];
}

/**
 * A left-side node whose right-side twin is in the table: the left side is the mirror image (x -> -x), and so is
 * the direction set, so its entries are the twin's from the mirrored direction and are not stored.
 */
function mirrorOf(name: string, nodes: readonly string[]): string | undefined {
  const twin = name.endsWith("-l") ? `${name.slice(0, -2)}-r` : undefined;
  return twin && nodes.includes(twin) ? twin : undefined;
}

/** The node on the other side (`-r` <-> `-l`); midline nodes are their own mirror image. */
function otherSide(name: string): string {
  if (name.endsWith("-r")) return `${name.slice(0, -2)}-l`;
  if (name.endsWith("-l")) return `${name.slice(0, -2)}-r`;
  return name;
}

const ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
const enc = (v: number) => ALPHABET[Math.max(0, Math.min(63, v))] as string;
const unit = (v: number) => enc(Math.round(v * 63));
const dec = (s: string, i: number) => ALPHABET.indexOf(s[i] ?? "A");

export interface VisibilityData {
  nodes: string[];
  /** node * directions + direction, each 0..1. */
  area: ArrayLike<number>;
  seen: ArrayLike<number>;
  clear: ArrayLike<number>;
  /** Per node: its occluders over all directions. */
  occluders: number[][];
  /** Per node, per direction: the occluders (of its list) covering it from there. */
  masks: number[][][];
}

export function encodeVisibility(data: VisibilityData): VisibilityFile {
  const D = SAMPLE_DIRECTIONS.length;
  return {
    version: 1,
    directions: SAMPLE_DIRECTIONS.map((v) => v.map((x) => Math.round(x * 1e4) / 1e4) as Vec3),
    nodes: data.nodes,
    stats: data.nodes.map((name, n) => {
      if (mirrorOf(name, data.nodes)) return "";
      let s = "";
      for (let d = 0; d < D; d++) {
        const k = n * D + d;
        s += unit(data.area[k] ?? 0) + unit(data.seen[k] ?? 0) + unit(data.clear[k] ?? 0);
      }
      return s;
    }),
    cover: data.nodes.map((name, n) => {
      if (mirrorOf(name, data.nodes)) return "";
      const list = data.occluders[n] ?? [];
      if (list.length > 63) throw new Error(`visibility: ${list.length} occluders for ${data.nodes[n]} (at most 63)`);
      let s = enc(list.length) + list.map((m) => enc(m >> 6) + enc(m & 63)).join("");
      for (let d = 0; d < D; d++) {
        const here = data.masks[n]?.[d] ?? [];
        s += enc(here.length) + here.map((m) => enc(list.indexOf(m))).join("");
      }
      return s;
    }),
  };
}

/** A decoded table. */
export interface Visibility {
  directions: Vec3[];
  nodes: string[];
  index: Map<string, number>;
  area: Float32Array;
  seen: Float32Array;
  clear: Float32Array;
  /** Per node, per direction: occluder node indices. */
  cover: number[][][];
}

/** Decodes a table; throws naming the problem when it does not fit the sampled directions. */
export function decodeVisibility(file: VisibilityFile): Visibility {
  const D = file.directions.length;
  if (file.version !== 1 || D !== SAMPLE_DIRECTIONS.length) {
    throw new Error(`visibility table: version ${file.version} with ${D} directions is not this viewer's`);
  }
  const N = file.nodes.length;
  const area = new Float32Array(N * D);
  const seen = new Float32Array(N * D);
  const clear = new Float32Array(N * D);
  const cover: number[][][] = [];
  for (let n = 0; n < N; n++) {
    const s = file.stats[n] ?? "";
    for (let d = 0; d < D; d++) {
      area[n * D + d] = dec(s, 3 * d) / 63;
      seen[n * D + d] = dec(s, 3 * d + 1) / 63;
      clear[n * D + d] = dec(s, 3 * d + 2) / 63;
    }
    const c = file.cover[n] ?? "";
    const count = dec(c, 0);
    const list: number[] = [];
    for (let k = 0; k < count; k++) list.push(dec(c, 1 + 2 * k) * 64 + dec(c, 2 + 2 * k));
    const lists: number[][] = [];
    for (let d = 0, i = 1 + 2 * count; d < D; d++) {
      const here = dec(c, i++);
      const active: number[] = [];
      for (let k = 0; k < here; k++) active.push(list[dec(c, i++)] as number);
      lists.push(active);
    }
    cover.push(lists);
  }
  const index = new Map(file.nodes.map((name, n) => [name, n]));
  const mirrorDirection = file.directions.map((v) => {
    const m = nearestDirection(file, [-v[0], v[1], v[2]]);
    const u = file.directions[m] as Vec3;
    if (Math.abs(u[0] + v[0]) + Math.abs(u[1] - v[1]) + Math.abs(u[2] - v[2]) > 1e-3) {
      throw new Error("visibility table: the directions are not mirror-symmetric");
    }
    return m;
  });
  for (let n = 0; n < N; n++) {
    const name = file.nodes[n] as string;
    const twin = file.stats[n] === "" ? index.get(otherSide(name)) : undefined;
    if (twin === undefined || twin === n) continue;
    for (let d = 0; d < D; d++) {
      const from = twin * D + (mirrorDirection[d] as number);
      area[n * D + d] = area[from] as number;
      seen[n * D + d] = seen[from] as number;
      clear[n * D + d] = clear[from] as number;
    }
    cover[n] = mirrorDirection.map((md) =>
      (cover[twin]?.[md] ?? []).map((m) => index.get(otherSide(file.nodes[m] as string)) ?? m),
    );
  }
  return {
    directions: file.directions,
    nodes: file.nodes,
    index,
    area,
    seen,
    clear,
    cover,
  };
}

/** The node name of a structure on a side, as the generator names nodes. */
export function nodeName(id: string, side: "r" | "l" | "m"): string {
  return side === "m" ? id : `${id}-${side}`;
}

/** Table indices of the targets' nodes on `side` (or midline; either side when the model has only the other). */
export function targetNodes(vis: Visibility, ids: Iterable<string>, side: Side): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const here = [nodeName(id, side), id].map((n) => vis.index.get(n)).filter((n) => n !== undefined);
    const other = vis.index.get(nodeName(id, side === "r" ? "l" : "r"));
    const list = here.length > 0 ? here : other !== undefined ? [other] : [];
    for (const n of list) if (!out.includes(n)) out.push(n);
  }
  return out;
}

/** The sample nearest a direction (any length). */
export function nearestDirection(vis: Pick<Visibility, "directions">, v: Vec3): number {
  let best = 0;
  let bestDot = -Infinity;
  vis.directions.forEach((d, i) => {
    const dot = d[0] * v[0] + d[1] * v[1] + d[2] * v[2];
    if (dot > bestDot) {
      bestDot = dot;
      best = i;
    }
  });
  return best;
}

/** How well the targets show from direction `d`: mean over targets of area x seen, with the cleared fraction. */
export function directionQuality(vis: Visibility, targets: readonly number[], d: number) {
  const D = vis.directions.length;
  let shown = 0;
  let area = 0;
  let seen = 0;
  let clear = 0;
  for (const n of targets) {
    const k = n * D + d;
    shown += (vis.area[k] ?? 0) * (vis.seen[k] ?? 0);
    area += vis.area[k] ?? 0;
    seen += (vis.area[k] ?? 0) * (vis.seen[k] ?? 0);
    clear += (vis.area[k] ?? 0) * (vis.clear[k] ?? 0);
  }
  const count = Math.max(1, targets.length);
  return {
    /** Mean projected area relative to each target's largest. */
    area: area / count,
    /** Area-weighted fraction nothing covers. */
    seen: area > 0 ? seen / area : 0,
    /** Area-weighted fraction shown once the listed occluders are see-through. */
    clear: area > 0 ? clear / area : 0,
    shown: shown / count,
  };
}

/** Below this cleared fraction a direction hides its targets even with their cover see-through. */
export const CLEAR_ENOUGH = 0.7;
/** A named view showing its targets at less than this part of their largest area sees them edge-on. */
const EDGE_ON = 0.3;
/**
 * Views from straight above or below the body read badly, and a view from below is one a student never has of a
 * client on a table: a handicap, so they win only when clearly better (the sole of the foot).
 */
const steepness = (v: Vec3) => (v[1] < -0.9 ? 0.6 : v[1] < -0.5 ? 0.75 : v[1] > 0.9 ? 0.7 : v[1] > 0.5 ? 0.9 : 1);

function score(vis: Visibility, targets: readonly number[], d: number): number {
  const q = directionQuality(vis, targets, d);
  const v = vis.directions[d] as Vec3;
  // Mostly what shows without help; the part the see-through cover reveals counts a little.
  return q.area * (0.75 * q.seen + 0.25 * q.clear) * steepness(v) * (q.clear >= CLEAR_ENOUGH ? 1 : 0.3);
}

const angle = (a: Vec3, b: Vec3) =>
  Math.acos(
    Math.max(-1, Math.min(1, (a[0] * b[0] + a[1] * b[1] + a[2] * b[2]) / (Math.hypot(...a) * Math.hypot(...b)))),
  );

/**
 * "Show me": the direction from which the targets show best. Among directions scoring within 10 % of the best,
 * the one nearest `current` (the camera's present direction), so the camera turns no more than it must.
 */
export function bestDirection(vis: Visibility, targets: readonly number[], current?: Vec3): number {
  const scores = vis.directions.map((_, d) => score(vis, targets, d));
  const top = Math.max(...scores);
  let best = scores.indexOf(top);
  if (current) {
    let nearest = Infinity;
    scores.forEach((s, d) => {
      const a = angle(vis.directions[d] as Vec3, current);
      if (s >= top * 0.9 && a < nearest) {
        nearest = a;
        best = d;
      }
    });
  }
  return best;
}

/**
 * A figure's direction: its authored view, unless the targets are hidden there even with their cover
 * see-through, or seen edge-on; then the best direction within 50 degrees of it (still "from the front" for a
 * front view), else the best of all. `changed` says whether the authored view was kept.
 */
export function figureDirection(
  vis: Visibility,
  targets: readonly number[],
  authored: Vec3,
): { index: number; changed: boolean } {
  const own = nearestDirection(vis, authored);
  const q = directionQuality(vis, targets, own);
  if (targets.length === 0 || (q.clear >= CLEAR_ENOUGH && q.area >= EDGE_ON)) return { index: own, changed: false };
  let best = -1;
  let bestScore = -1;
  vis.directions.forEach((v, d) => {
    if (angle(v, authored) > (50 * Math.PI) / 180) return;
    const s = score(vis, targets, d);
    if (s > bestScore) {
      bestScore = s;
      best = d;
    }
  });
  const near = best >= 0 ? directionQuality(vis, targets, best) : undefined;
  if (!near || near.clear < CLEAR_ENOUGH) best = bestDirection(vis, targets, authored);
  return { index: best, changed: best !== own };
}

/**
 * Node names to draw see-through so the targets show from direction `d`: the listed occluders of every target,
 * never a target itself.
 */
export function occluderNodes(vis: Visibility, targets: readonly number[], d: number): Set<string> {
  const out = new Set<string>();
  for (const n of targets) {
    for (const m of vis.cover[n]?.[d] ?? []) {
      if (!targets.includes(m)) out.add(vis.nodes[m] as string);
    }
  }
  return out;
}
