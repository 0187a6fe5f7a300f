// Data the Astro side hands to the viewer island (serialisable), and the viewer's own shared types.
import type { ModelPart } from "../lib/model-parts.ts";
import type { LayerKey, Side, Vec3, ViewName } from "../lib/view-state.ts";

/** One structure of the model as the list, labels and info card need it. */
export interface StructureInfo {
  id: string;
  name: string;
  aliases: string[];
  tissue: string;
  /** Depth, 1 = most superficial. */
  layer: number;
  /** Layer group for the layer toggles and the list. */
  group: LayerKey;
  /** Functional group, e.g. "forearm flexors". */
  family?: string;
  origin?: string;
  insertion?: string;
  action?: string;
  innervation?: string;
  /** First sentence of the summary, for structures without attachments (nerves, ligaments). */
  blurb?: string;
  /** True when the structure has an atlas page at /anatomy/<id>/. */
  page: boolean;
  /** Models that contain it (explorer); omitted on page figures. */
  models?: string[];
}

/** A model the viewer can show (the explorer offers several). */
export interface ModelInfo {
  model: string;
  title: string;
  /** The first-load file. */
  url: string;
  /** The files loaded on demand, with the layer groups each holds (src/lib/model-parts.ts). */
  parts: ModelPart[];
}

/** A referred-pain patch, glTF frame (right side), metres. */
export interface PainPatch {
  centre: Vec3;
  radii: [number, number];
  kind: "essential" | "spillover";
}

/** An endangerment site outlined on the skin: its ellipses (right side), mirrored to the left when bilateral. */
export interface ZoneOutline {
  id: string;
  name: string;
  bilateral: boolean;
  patches: { centre: Vec3; radii: [number, number] }[];
}

/** A model's shared data file (/models/<model>.data.json): the same for every figure of the model. */
export interface ModelData {
  structures: StructureInfo[];
}

/**
 * What the island receives, as one JSON string (smaller in the page than Astro's per-value encoding): only what is
 * per figure. The model's structure list is fetched once per page (model-data.ts).
 */
export interface ViewerPayload {
  /** "figure" on content pages, "explorer" on /anatomy/explore/. */
  mode: "figure" | "explorer";
  /** Base of the hash key; the island adds -2, -3 when a page shows several viewers with the same base. */
  keyBase: string;
  model: string;
  models: ModelInfo[];
  focus: string[];
  secondary: string[];
  side: Side;
  view: ViewName;
  /** Structures the figure's camera frames, when not its focus and secondary. */
  frame?: string[];
  caption: string;
  /** The highlighted structures only, so the server render names them; the full list is in the model's data file. */
  structures: StructureInfo[];
  /** Whether the model has a skin layer (the toolbar's skin toggle, before the data file arrives). */
  hasSkin: boolean;
  /** Referred-pain zone to draw, with its owner's name and description. */
  referredPain?: { id: string; name: string; description: string; patches: PainPatch[] };
  /** Endangerment sites the "zone" layer draws: every site in the explorer, the figure's own site on a page. */
  zones?: ZoneOutline[];
}

export type ViewerStatus = "loading" | "ready" | "fallback" | "error";
