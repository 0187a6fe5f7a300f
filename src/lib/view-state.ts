// The 3D viewer's shareable state and its URL-hash codec. Pure TypeScript: no DOM, no three.
//
// A hash looks like `#viewer=median-nerve&v=1&m=upper-limb&side=r&f=median-nerve&sel=median-nerve&cam=...`.
// Decoding never throws: whatever cannot be read is left out and described in `problems`, so a malformed or
// outdated link still opens the page and the viewer can say what it ignored.

/** Version written into every hash; a hash from a later version is read as far as possible. */
export const VIEW_STATE_VERSION = 1;

/** Camera presets (same names as the content schema's `view`). */
export const VIEW_NAMES = [
  "anterior",
  "posterior",
  "left",
  "right",
  "superior",
  "inferior",
  "palmar",
  "dorsal",
  "lateral",
  "medial",
] as const;
export type ViewName = (typeof VIEW_NAMES)[number];

/** Layer groups a reader can switch on and off, from the outside in; then the endangerment sites drawn on the skin. */
export const LAYER_KEYS = ["skin", "superficial", "deep", "connective", "nerve", "bone", "zone"] as const;
export type LayerKey = (typeof LAYER_KEYS)[number];

export type Side = "r" | "l";
export type Vec3 = [number, number, number];

/** Where the camera is: a named preset, or a free position looking at a target (glTF frame, metres). */
export type CameraState = { view: ViewName } | { position: Vec3; target: Vec3 };

export interface ViewState {
  /** Which viewer on the page the state belongs to. */
  viewer: string;
  /** Model file name without .glb. */
  model: string;
  side: Side;
  /** Structures drawn in the focus accent. */
  focus: string[];
  /** Structures drawn in the secondary accent. */
  secondary: string[];
  /** Selected structure, shown in the info card. */
  selected: string | null;
  /** Structures the reader hid. */
  hidden: string[];
  /** When not empty, only these structures are drawn. */
  isolated: string[];
  /** Layer groups that are drawn. */
  layers: LayerKey[];
  /** Context drawn translucent. */
  xray: boolean;
  /** Labels with leader lines for highlighted structures. */
  labels: boolean;
  /** Names hidden for a quiz: no labels, hover names or list marks of the highlighted structures until revealed. */
  quiz: boolean;
  camera: CameraState;
}

/** What a hash gave: the fields it could read, and a plain sentence per thing it had to ignore. */
export interface DecodedViewState {
  /** False when the hash is not a viewer hash at all (an ordinary #anchor): nothing to restore or report. */
  isViewState: boolean;
  state: Partial<ViewState>;
  problems: string[];
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const MAX_HASH = 4000;
const MAX_IDS = 300;
const MAX_ID_LENGTH = 80;
/** Camera coordinates beyond this (metres) are not a real view of a body. */
const MAX_COORD = 1000;
/** A link can repeat a key a thousand times; the reader gets the first few problems and a count of the rest. */
const MAX_PROBLEMS = 8;

/**
 * A piece of the link quoted back in a problem: at most `max` characters, and only printable ASCII without
 * markup characters, so a hostile link cannot put markup, control or direction-override characters into the
 * sentence (the viewer renders problems as text anyway).
 */
function quote(text: string, max: number): string {
  return [...text]
    .slice(0, max)
    .map((c) => (/^[\x20-\x7e]$/.test(c) && !/[<>"'`&\\]/.test(c) ? c : "?"))
    .join("");
}

/** The keys a viewer link may carry besides the camera (view or cam). */
export const VIEW_STATE_KEYS = [
  "viewer",
  "v",
  "m",
  "side",
  "f",
  "s",
  "sel",
  "hide",
  "iso",
  "layers",
  "xray",
  "labels",
  "quiz",
] as const;
const KNOWN_KEYS = new Set<string>(VIEW_STATE_KEYS);

export function isViewName(value: string): value is ViewName {
  return (VIEW_NAMES as readonly string[]).includes(value);
}

export function isLayerKey(value: string): value is LayerKey {
  return (LAYER_KEYS as readonly string[]).includes(value);
}

export function isStructureId(value: string): boolean {
  return value.length <= MAX_ID_LENGTH && ID.test(value);
}

/** Rounds to millimetres and removes -0 so equal views give equal links. */
function formatCoord(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return String(Object.is(r, -0) ? 0 : r);
}

function uniqueSorted(ids: readonly string[]): string[] {
  return [...new Set(ids)].sort();
}

/** Encodes a state as a URL hash (with the leading `#`). Lists are sorted, so equal states give equal hashes. */
export function encodeViewState(state: ViewState): string {
  const parts: [string, string][] = [
    ["viewer", state.viewer],
    ["v", String(VIEW_STATE_VERSION)],
    ["m", state.model],
    ["side", state.side],
  ];
  const list = (key: string, ids: readonly string[], always = false) => {
    if (always || ids.length > 0) parts.push([key, uniqueSorted(ids).join(",")]);
  };
  // Highlights are always written, even empty, so a link shows exactly what it showed, whatever the page's defaults.
  list("f", state.focus, true);
  list("s", state.secondary, true);
  if (state.selected) parts.push(["sel", state.selected]);
  list("hide", state.hidden);
  list("iso", state.isolated);
  const layers = LAYER_KEYS.filter((k) => state.layers.includes(k));
  if (layers.length !== LAYER_KEYS.length) parts.push(["layers", layers.length === 0 ? "none" : layers.join(",")]);
  if (state.xray) parts.push(["xray", "1"]);
  if (!state.labels) parts.push(["labels", "0"]);
  if (state.quiz) parts.push(["quiz", "1"]);
  if ("view" in state.camera) parts.push(["view", state.camera.view]);
  else parts.push(["cam", [...state.camera.position, ...state.camera.target].map(formatCoord).join(",")]);
  // Ids, view names and numbers need no escaping; encodeURIComponent guards the viewer key and model anyway.
  return `#${parts.map(([k, v]) => `${k}=${encodeURIComponent(v).replaceAll("%2C", ",")}`).join("&")}`;
}

/** True when a hash is meant for a viewer (starts with `viewer=`), whether or not it is readable. */
export function isViewerHash(hash: string): boolean {
  return /^#?viewer=/.test(hash);
}

/** Which viewer a hash names, without decoding the rest; null for other hashes. */
export function viewerOfHash(hash: string): string | null {
  if (!isViewerHash(hash)) return null;
  const raw = hash.replace(/^#/, "").split("&")[0]?.slice("viewer=".length) ?? "";
  const key = safeDecode(raw);
  return key !== null && isStructureId(key) ? key : null;
}

function safeDecode(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** Decodes a URL hash. Never throws; unreadable parts are reported in `problems` and left out of `state`. */
export function decodeViewState(hash: string): DecodedViewState {
  const state: Partial<ViewState> = {};
  const problems: string[] = [];
  if (typeof hash !== "string" || !isViewerHash(hash)) return { isViewState: false, state, problems };
  if (hash.length > MAX_HASH) {
    return { isViewState: true, state, problems: ["The link is too long to be a saved view; it was ignored."] };
  }
  const seen = new Set<string>();
  let cameraSeen = false;
  for (const pair of hash.replace(/^#/, "").split("&")) {
    if (pair === "") continue;
    const eq = pair.indexOf("=");
    const key = eq < 0 ? pair : pair.slice(0, eq);
    const value = safeDecode(eq < 0 ? "" : pair.slice(eq + 1));
    const shownKey = quote(key, 20);
    if (value === null) {
      problems.push(`The setting "${shownKey}" is garbled and was ignored.`);
      continue;
    }
    if (seen.has(key)) {
      problems.push(`The setting "${shownKey}" appears twice; the first was used.`);
      continue;
    }
    seen.add(key);
    if (key === "view" || key === "cam") {
      if (cameraSeen) {
        problems.push("The link gives the camera twice; the first was used.");
        continue;
      }
      cameraSeen = true;
      const camera = key === "view" ? readView(value) : readCamera(value);
      if (camera) state.camera = camera;
      else problems.push(`The camera in the link could not be read ("${quote(value, 40)}").`);
      continue;
    }
    if (!KNOWN_KEYS.has(key)) {
      problems.push(`The setting "${shownKey}" is not known to this version and was ignored.`);
      continue;
    }
    readField(key, value, state, problems);
  }
  if (state.viewer === undefined) problems.push("The link does not say which viewer it is for.");
  if (problems.length > MAX_PROBLEMS) {
    const more = problems.length - (MAX_PROBLEMS - 1);
    problems.splice(MAX_PROBLEMS - 1, Infinity, `${more} more parts of the link could not be used.`);
  }
  return { isViewState: true, state, problems };
}

function readField(key: string, value: string, state: Partial<ViewState>, problems: string[]): void {
  switch (key) {
    case "viewer":
      if (isStructureId(value)) state.viewer = value;
      else problems.push("The viewer named in the link is not a valid name.");
      return;
    case "v": {
      const v = Number(value);
      if (!Number.isInteger(v) || v < 1)
        problems.push("The link's version is unreadable; it was read as far as possible.");
      else if (v > VIEW_STATE_VERSION)
        problems.push("The link was made by a newer version; it was read as far as possible.");
      return;
    }
    case "m":
      if (isStructureId(value)) state.model = value;
      else problems.push("The model named in the link is not a valid name.");
      return;
    case "side":
      if (value === "r" || value === "l") state.side = value;
      else problems.push(`The side "${quote(value, 10)}" is not r or l.`);
      return;
    case "f":
      state.focus = readIds(value, "highlighted", problems);
      return;
    case "s":
      state.secondary = readIds(value, "secondary", problems);
      return;
    case "hide":
      state.hidden = readIds(value, "hidden", problems);
      return;
    case "iso":
      state.isolated = readIds(value, "isolated", problems);
      return;
    case "sel":
      if (value === "") state.selected = null;
      else if (isStructureId(value)) state.selected = value;
      else problems.push("The selected structure in the link is not a valid id.");
      return;
    case "layers":
      state.layers = readLayers(value, problems);
      return;
    case "xray":
    case "labels":
    case "quiz": {
      const name = { xray: "x-ray", labels: "labels", quiz: "quiz" }[key];
      if (value === "1" || value === "0") state[key] = value === "1";
      else problems.push(`The ${name} setting "${quote(value, 10)}" is not 0 or 1.`);
      return;
    }
  }
}

function readIds(value: string, what: string, problems: string[]): string[] {
  const ids: string[] = [];
  let bad = 0;
  for (const id of value.split(",")) {
    if (id === "") continue;
    if (isStructureId(id) && ids.length < MAX_IDS) ids.push(id);
    else bad++;
  }
  if (bad > 0) problems.push(`${bad} ${what} structure name${bad === 1 ? " was" : "s were"} unreadable and ignored.`);
  return uniqueSorted(ids);
}

function readLayers(value: string, problems: string[]): LayerKey[] {
  if (value === "none") return [];
  const layers: LayerKey[] = [];
  for (const name of value.split(",")) {
    if (isLayerKey(name)) {
      if (!layers.includes(name)) layers.push(name);
    } else if (name !== "") problems.push(`The layer "${quote(name, 20)}" is not known and was ignored.`);
  }
  return LAYER_KEYS.filter((k) => layers.includes(k));
}

function readView(value: string): CameraState | null {
  return isViewName(value) ? { view: value } : null;
}

function readCamera(value: string): CameraState | null {
  const parts = value.split(",");
  if (parts.length !== 6) return null;
  const n = parts.map((p) => (/^-?\d+(\.\d+)?(e-?\d+)?$/i.test(p) ? Number(p) : Number.NaN));
  if (n.some((x) => !Number.isFinite(x) || Math.abs(x) > MAX_COORD)) return null;
  const [px, py, pz, tx, ty, tz] = n as [number, number, number, number, number, number];
  // A camera sitting on its target has no direction to look in.
  if (Math.hypot(px - tx, py - ty, pz - tz) < 1e-3) return null;
  return { position: [px, py, pz], target: [tx, ty, tz] };
}

/** What the viewer knows when it applies a decoded state: the ids present and the models it can show. */
export interface ViewStateContext {
  /** Structure ids in the current model. */
  knownIds: ReadonlySet<string>;
  /** Models this viewer can switch to (the explorer offers several; a page figure only its own). */
  models: readonly string[];
}

/**
 * Merges a decoded state into a base state, dropping ids the model does not contain and a model the viewer
 * cannot show. Returns the merged state and the problems (decoding problems plus what was dropped here).
 */
export function applyViewState(
  base: ViewState,
  decoded: DecodedViewState,
  context: ViewStateContext,
): { state: ViewState; problems: string[] } {
  const problems = [...decoded.problems];
  const d = decoded.state;
  const next: ViewState = { ...base };
  if (d.model !== undefined && d.model !== base.model) {
    if (context.models.includes(d.model)) next.model = d.model;
    else problems.push(`The model "${d.model}" is not available here; showing "${base.model}".`);
  }
  if (d.side !== undefined) next.side = d.side;
  const keep = (ids: string[] | undefined, fallback: string[]) => {
    if (ids === undefined) return fallback;
    const kept = ids.filter((id) => context.knownIds.has(id));
    const dropped = ids.length - kept.length;
    if (dropped > 0) {
      problems.push(
        `${dropped} structure${dropped === 1 ? "" : "s"} named in the link ${dropped === 1 ? "is" : "are"} not in this model.`,
      );
    }
    return kept;
  };
  next.focus = keep(d.focus, base.focus);
  next.secondary = keep(d.secondary, base.secondary);
  next.hidden = keep(d.hidden, base.hidden);
  next.isolated = keep(d.isolated, base.isolated);
  if (d.selected !== undefined) {
    if (d.selected === null || context.knownIds.has(d.selected)) next.selected = d.selected;
    else problems.push(`The selected structure "${d.selected}" is not in this model.`);
  }
  if (d.layers !== undefined) next.layers = d.layers;
  if (d.xray !== undefined) next.xray = d.xray;
  if (d.labels !== undefined) next.labels = d.labels;
  if (d.quiz !== undefined) next.quiz = d.quiz;
  if (d.camera !== undefined) next.camera = d.camera;
  return { state: next, problems };
}

/** Names of the layer groups, as the viewer's controls show them. */
export const LAYER_LABELS: Record<LayerKey, string> = {
  skin: "Skin",
  superficial: "Superficial muscles",
  deep: "Deep muscles",
  connective: "Ligaments and fascia",
  nerve: "Nerves and vessels",
  bone: "Bones",
  zone: "Endangerment sites",
};

/**
 * The layer group a structure belongs to, from its tissue and depth (1 = most superficial). Muscles and tendons
 * in the outermost layer count as superficial; everything deeper as deep.
 */
export function layerGroupOf(tissue: string, layer: number): LayerKey {
  switch (tissue) {
    case "skin":
      return "skin";
    case "bone":
      return "bone";
    case "zone":
      return "zone";
    case "organ":
      return "deep";
    case "nerve":
    case "vessel":
      return "nerve";
    case "muscle":
    case "tendon":
      return layer <= 1 ? "superficial" : "deep";
    default:
      return "connective";
  }
}
