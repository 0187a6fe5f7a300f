// Measures what a viewer shows of its targets: frames the camera as the viewer does (src/viewer/Stage3D.tsx and
// camera-presets.ts), chooses the direction and the see-through cover with the viewer's own functions
// (src/lib/visibility.ts), renders an id and depth buffer of the generated model (models/raster.ts) and counts the
// target pixels nothing opaque covers. "before" replays the viewer as it was: the named view, nothing cleared.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Box3, PerspectiveCamera, Vector3 } from "three";
import type { Manifest } from "../../models/manifest.ts";
import { perspectiveCamera } from "../../models/raster.ts";
import { type ModelNode, readModelNodes } from "../../models/read-glb.ts";
import { forEachCover, nodeCovers, pixelStacks } from "../../models/visibility.ts";
import { openingLayers } from "../../src/lib/model-parts.ts";
import { layerGroupOf, type Side, type Vec3, type ViewName } from "../../src/lib/view-state.ts";
import {
  bestDirection,
  decodeVisibility,
  figureDirection,
  nearestDirection,
  occluderNodes,
  occludesByDefault,
  targetNodes,
  type Visibility,
  type VisibilityFile,
} from "../../src/lib/visibility.ts";
import { frameBox } from "../../src/viewer/camera-presets.ts";
import { viewDirection } from "../../src/viewer/view-directions.ts";

export const modelsDir = new URL("../../public/models/", import.meta.url).pathname;

export interface LoadedModel {
  nodes: ModelNode[];
  vis: Visibility;
  boxes: Box3[];
}

const cache = new Map<string, Promise<LoadedModel>>();

/** A generated model and its visibility table (run `npm run models` first). */
export function loadModel(model: string): Promise<LoadedModel> {
  let entry = cache.get(model);
  if (!entry) {
    entry = (async () => {
      const glb = join(modelsDir, `${model}.glb`);
      const table = join(modelsDir, `${model}.visibility.json`);
      if (!existsSync(glb) || !existsSync(table)) throw new Error(`${glb} or its visibility table: run npm run models`);
      // Every file of the model (its first-load file and its parts), as the table describes them all.
      const manifest = JSON.parse(readFileSync(join(modelsDir, "manifest.json"), "utf8")) as Manifest;
      const files = manifest.files.filter((f) => f.model === model).map((f) => join(modelsDir, f.file));
      const nodes = (await Promise.all((files.length > 0 ? files : [glb]).map((f) => readModelNodes(f)))).flat();
      const vis = decodeVisibility(JSON.parse(readFileSync(table, "utf8")) as VisibilityFile);
      const boxes = nodes.map((n) => {
        const b = new Box3();
        const v = new Vector3();
        for (let i = 0; i < n.positions.length; i += 3) {
          b.expandByPoint(v.set(n.positions[i] ?? 0, n.positions[i + 1] ?? 0, n.positions[i + 2] ?? 0));
        }
        return b;
      });
      return { nodes, vis, boxes };
    })();
    cache.set(model, entry);
  }
  return entry;
}

/** One thing a reader looks at. */
export interface Scenario {
  label: string;
  model: string;
  side: Side;
  focus: string[];
  secondary: string[];
  /** "figure": a figure opens on its authored view; "show": the reader selects a structure and presses Show me. */
  kind: "figure" | "show";
  /** The figure's view, or for "show" the view the camera is in before the reader asks. */
  view: ViewName;
  /** "show": the structure selected. */
  selected?: string;
  /** Ids the figure frames (default focus and secondary). */
  frame?: string[] | undefined;
}

/** Node indices of ids on a side, as the viewer's AnatomyModel.nodesOn picks them. */
export function nodesOn(nodes: readonly ModelNode[], ids: readonly string[], side: Side): number[] {
  const out: number[] = [];
  for (const id of ids) {
    const all = nodes.flatMap((n, i) => (n.id === id ? [i] : []));
    const here = all.filter((i) => nodes[i]?.side === side || nodes[i]?.side === "m");
    out.push(...(here.length > 0 ? here : all));
  }
  return out;
}

export interface Measure {
  /** Fraction of the targets' pixels in the frame that nothing opaque covers. */
  fraction: number;
  targetPixels: number;
  direction: Vec3;
  eye: Vec3;
  target: Vec3;
  /** Node names drawn see-through. */
  cleared: string[];
  /** The figure's authored view was replaced. */
  changed: boolean;
}

export const FRAME = { width: 320, height: 240, fov: 30 };

/** Counts the targets' visible pixels from a camera; `cleared` nodes are see-through. */
export function visibleFraction(
  m: LoadedModel,
  targets: readonly number[],
  cleared: ReadonlySet<string>,
  eye: Vec3,
  target: Vec3,
  frame = FRAME,
  layers?: ReadonlySet<string>,
): { fraction: number; targetPixels: number } {
  const camera = perspectiveCamera({ eye, target, fov: frame.fov, width: frame.width, height: frame.height });
  // The skin is drawn only on referred-pain figures, and then see-through: it never hides anything. With `layers`,
  // only the layer groups the viewer shows are drawn (the others are not even loaded: src/lib/model-parts.ts).
  const drawn = m.nodes.flatMap((n, i) =>
    n.tissue === "skin" || (layers && !layers.has(layerGroupOf(n.tissue, n.layer))) ? [] : [i],
  );
  const stacks = pixelStacks(
    nodeCovers(
      drawn.map((i) => m.nodes[i] as ModelNode),
      camera,
    ),
    frame.width * frame.height,
  );
  const isTarget = new Set(targets.map((t) => drawn.indexOf(t)));
  const opaque = (k: number) => {
    const node = m.nodes[drawn[k] as number] as ModelNode;
    return !isTarget.has(k) && occludesByDefault(node.tissue) && !cleared.has(node.name);
  };
  let lastPixel = -1;
  let total = 0;
  let seen = 0;
  forEachCover(stacks, opaque, (k, occluders, pixel) => {
    // The nearest target at a pixel decides it.
    if (!isTarget.has(k) || pixel === lastPixel) return;
    lastPixel = pixel;
    total++;
    if (occluders.length === 0) seen++;
  });
  return { fraction: total ? seen / total : 0, targetPixels: total };
}

/**
 * The layer groups a figure of these structures opens with in the viewer: the viewer's own rule
 * (src/lib/model-parts.ts openingLayers), fed the structures' groups from the model's nodes instead of a payload.
 * The measured figures draw no referred-pain zone or site outline (both on the skin, which never hides anything).
 */
export function figureOpeningLayers(m: LoadedModel, ids: readonly string[], model: string): Set<string> {
  const groups = m.nodes.filter((n) => ids.includes(n.id)).map((n) => layerGroupOf(n.tissue, n.layer));
  return new Set(openingLayers({ model, groups, referredPain: false, zone: false }));
}

/** Camera position and target the viewer takes for a direction (frameBox on the framed ids). */
function place(m: LoadedModel, ids: readonly string[], side: Side, direction: Vec3, kind: Scenario["kind"]) {
  const box = new Box3();
  for (const i of nodesOn(m.nodes, ids, side)) {
    // A figure frames only what its layers draw (the skin layer is off); Show me frames the structure itself.
    if (kind === "figure" && m.nodes[i]?.tissue === "skin") continue;
    box.union(m.boxes[i] as Box3);
  }
  if (kind === "figure") {
    const size = box.getSize(new Vector3());
    const min = 0.14;
    box.expandByVector(
      new Vector3(Math.max(0, min - size.x) / 2, Math.max(0, min - size.y) / 2, Math.max(0, min - size.z) / 2),
    );
  }
  const camera = new PerspectiveCamera(FRAME.fov, FRAME.width / FRAME.height, 0.01, 40);
  const position = new Vector3();
  const target = new Vector3();
  frameBox(box, new Vector3(...direction), camera, position, target, kind === "show" ? 1.6 : 1.2);
  return { eye: position.toArray() as Vec3, target: target.toArray() as Vec3 };
}

/** What the reader sees of the targets in a scenario, with the viewer's choices ("after") or without ("before"). */
export async function measureScenario(s: Scenario, mode: "before" | "after"): Promise<Measure> {
  const m = await loadModel(s.model);
  const named = viewDirection(s.view, s.side, s.model);
  const shown = s.kind === "show" ? [s.selected ?? ""] : s.focus;
  const targets = [...new Set([...s.focus, ...(s.selected ? [s.selected] : [])])];
  let direction = named;
  let changed = false;
  if (mode === "after") {
    const nodes = targetNodes(m.vis, shown, s.side);
    if (s.kind === "show") direction = m.vis.directions[bestDirection(m.vis, nodes, named)] as Vec3;
    else {
      const chosen = figureDirection(m.vis, nodes, named);
      direction = m.vis.directions[chosen.index] as Vec3;
      changed = chosen.changed;
    }
  }
  const framed = s.kind === "show" ? shown : (s.frame ?? [...s.focus, ...s.secondary]);
  const { eye, target } = place(m, framed, s.side, direction, s.kind);
  const cleared =
    mode === "after"
      ? occluderNodes(
          m.vis,
          targetNodes(m.vis, targets, s.side),
          nearestDirection(m.vis, [eye[0] - target[0], eye[1] - target[1], eye[2] - target[2]]),
        )
      : new Set<string>();
  // A figure draws the layers it opens with (its model's first-load layers and those of what it highlights).
  const layers = s.kind === "figure" ? figureOpeningLayers(m, [...s.focus, ...s.secondary], s.model) : undefined;
  const r = visibleFraction(m, nodesOn(m.nodes, targets, s.side), cleared, eye, target, FRAME, layers);
  return { ...r, direction, eye, target, cleared: [...cleared].sort(), changed };
}

/** Minimum, median and the worst few of a list of measures. */
export function summary(values: readonly { label: string; fraction: number }[]) {
  const sorted = [...values].sort((a, b) => a.fraction - b.fraction);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]?.fraction ?? 0;
  return {
    count: sorted.length,
    min: sorted[0]?.fraction ?? 0,
    median: at(0.5),
    worst: sorted.slice(0, 5).map((v) => `${v.label} ${(v.fraction * 100).toFixed(0)}%`),
  };
}

export type { Visibility };
