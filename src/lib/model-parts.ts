// Which file of a model a structure is in. A model is split by layer group: its first-load file (`<model>.glb`)
// holds the layers a viewer draws when it opens; every other group (skin, connective tissue, nerves and vessels,
// any group added later) is a part file (`<model>.<group>.glb`) fetched when the viewer first needs it. The
// generator (models/build.ts) sorts nodes with this and records the result in the manifest; the viewer reads the
// manifest's answer from its payload. Pure TypeScript.
import { LAYER_KEYS, type LayerKey, layerGroupOf } from "./view-state.ts";

/** Layer groups in a region model's first-load file: what a figure shows when it opens (besides what it highlights). */
export const FIRST_LOAD_LAYERS: readonly LayerKey[] = ["superficial", "deep", "bone"];

/** The whole-body overview (the explorer's model). */
export const OVERVIEW_MODEL = "body";
/**
 * The overview's first-load file holds only the outer muscles and the bones: with every structure of the body its
 * node list alone (glTF JSON, whatever the detail) would pass the file budget, and from outside the deep muscles are
 * covered anyway. They load when the deep layer is turned on or one of them is highlighted.
 */
const OVERVIEW_FIRST_LOAD_LAYERS: readonly LayerKey[] = ["superficial", "bone"];

/** Layer groups in a model's first-load file. */
export function firstLoadLayers(model: string): readonly LayerKey[] {
  return model === OVERVIEW_MODEL ? OVERVIEW_FIRST_LOAD_LAYERS : FIRST_LOAD_LAYERS;
}

/** The part a layer group's structures are in: "" for the first-load file, else the group's own part. */
export function partOfGroup(group: LayerKey, model = ""): string {
  return firstLoadLayers(model).includes(group) ? "" : group;
}

/** The part a structure is in, from its tissue and depth (and the model: the overview splits more). */
export function partOf(tissue: string, layer: number, model = ""): string {
  return partOfGroup(layerGroupOf(tissue, layer), model);
}

/** File name of a model's part ("" = the first-load file). */
export function partFileName(model: string, part: string): string {
  return part ? `${model}.${part}.glb` : `${model}.glb`;
}

/** Parts in file order: the first-load file, then the groups from the outside in. */
export const PART_ORDER: readonly string[] = ["", ...LAYER_KEYS];

/** What decides the layers a figure opens with, however it is read (a viewer payload; a model's nodes in tests). */
export interface OpeningFigure {
  model: string;
  /** Layer groups of what the figure highlights. */
  groups: Iterable<LayerKey>;
  /** It draws a referred-pain zone (on the skin, drawn see-through). */
  referredPain: boolean;
  /** It is a figure of an endangerment site: it draws the site's outline (on the skin). */
  zone: boolean;
}

/**
 * The layers a figure opens with: the model's first-load layers and the groups of what it highlights; the skin
 * under a referred-pain zone or a site's outline, and the outline's own layer. The one rule for the viewer, the
 * page-weight count (through figureLayers) and the tests' visibility measure (tests/support/visibility.ts).
 */
export function openingLayers(f: OpeningFigure): LayerKey[] {
  const groups = new Set<LayerKey>([...firstLoadLayers(f.model), ...f.groups]);
  if (f.referredPain || f.zone) groups.add("skin");
  if (f.zone) groups.add("zone");
  return LAYER_KEYS.filter((k) => groups.has(k));
}

/** One file of a model as a viewer sees it. */
export interface ModelPart {
  /** "" for the first-load file. */
  part: string;
  url: string;
  /** Layer groups whose structures are in it. */
  groups: LayerKey[];
}

/**
 * The files a viewer needs for what it draws: the first-load file, and each part holding a layer group that is
 * shown or a structure that is highlighted, selected or isolated (whatever its layer).
 */
export function partsNeeded(
  parts: readonly ModelPart[],
  layers: Iterable<LayerKey>,
  structureGroups: Iterable<LayerKey>,
): ModelPart[] {
  const groups = new Set<LayerKey>([...layers, ...structureGroups]);
  // Endangerment outlines are drawn on the skin: the zone layer needs the skin's file.
  if (groups.has("zone")) groups.add("skin");
  return parts.filter((p) => p.part === "" || p.groups.some((g) => groups.has(g)));
}

/** The layers a viewer opens with, read from its payload (AnatomyViewer, scripts/page-weight.ts): openingLayers. */
export function figureLayers(p: {
  mode: string;
  model: string;
  structures: readonly { group: LayerKey }[];
  referredPain?: unknown;
  zones?: readonly unknown[] | undefined;
}): LayerKey[] {
  return openingLayers({
    model: p.model,
    groups: p.structures.map((s) => s.group),
    referredPain: p.referredPain !== undefined,
    zone: p.mode === "figure" && (p.zones?.length ?? 0) > 0,
  });
}
