// The island's view state at its start and after a shared link: the figure's own state, which structures a named
// view frames, what a #viewer=... link restores, and each highlighted structure's role. Pure: no DOM, no React.
import { figureLayers } from "../lib/model-parts.ts";
import {
  applyViewState,
  decodeViewState,
  isViewerHash,
  layerGroupOf,
  type ViewState,
  viewerOfHash,
} from "../lib/view-state.ts";
import type { CameraRequest, ModelContents } from "./Stage3D.tsx";
import type { StructureInfo, ViewerPayload } from "./types.ts";
import type { ViewRequest } from "./view-request.ts";

/** The figure's own view, as its author placed it. */
export function initialState(p: ViewerPayload, viewer: string): ViewState {
  return {
    viewer,
    model: p.model,
    side: p.side,
    focus: [...p.focus].sort(),
    secondary: [...p.secondary].sort(),
    selected: null,
    hidden: [],
    isolated: [],
    // The layers of the model's first-load file and those of what the figure highlights (the rest loads when turned
    // on), with the skin under a referred-pain zone and a site's outline (src/lib/model-parts.ts).
    layers: figureLayers(p),
    xray: false,
    labels: true,
    quiz: false,
    camera: { view: p.view },
  };
}

/** Ids a named view frames: the figure's own framing while its highlights are the figure's, else the highlights. */
export function framingIds(
  payload: Pick<ViewerPayload, "frame" | "focus" | "secondary">,
  s: { focus: readonly string[]; secondary: readonly string[] },
): string[] {
  const same = (a: readonly string[], b: readonly string[]) =>
    a.length === b.length && [...a].sort().join() === [...b].sort().join();
  if (payload.frame && same(s.focus, payload.focus) && same(s.secondary, payload.secondary)) return payload.frame;
  return [...s.focus, ...s.secondary];
}

/** What a page address does to one viewer once the model's structures are known. */
export type LinkOutcome =
  /** The link names this viewer: its state (what could be used), the problems, and where the camera goes. */
  | { kind: "restore"; state: ViewState; problems: string[]; camera: CameraRequest }
  /** The link names a viewer the page no longer has (told by the page's first viewer only). */
  | { kind: "gone"; notice: string }
  /** Not a viewer link, or one for another viewer on this page. */
  | { kind: "none" };

export interface LinkContext {
  /** location.hash */
  hash: string;
  /** This viewer's key and the keys of every viewer on the page (src/viewer/viewer-keys.ts). */
  key: string;
  pageKeys: readonly string[];
  /** Whether this is the page's first viewer (the one that speaks for a link to none of them). */
  first: boolean;
  structures: readonly StructureInfo[];
  payload: ViewerPayload;
  /** The state the viewer would start in without the link. */
  start: ViewState;
}

export const GONE_NOTICE = "The link names a 3D view that is not on this page any more; showing the page's own views.";

/** Reads a shared link (#viewer=<key>&...) for one viewer. */
export function readViewLink(c: LinkContext): LinkOutcome {
  if (!isViewerHash(c.hash)) return { kind: "none" };
  const target = viewerOfHash(c.hash);
  if (target === c.key) {
    const decoded = decodeViewState(c.hash);
    const model = decoded.state.model ?? c.start.model;
    const knownIds = new Set(c.structures.filter((s) => !s.models || s.models.includes(model)).map((s) => s.id));
    const { state, problems } = applyViewState(c.start, decoded, {
      knownIds,
      models: c.payload.models.map((m) => m.model),
    });
    const cam = state.camera;
    const camera: CameraRequest =
      "view" in cam
        ? { kind: "view", view: cam.view, ids: framingIds(c.payload, state), fit: cam.view === c.payload.view }
        : { kind: "free", position: cam.position, target: cam.target };
    return { kind: "restore", state, problems, camera };
  }
  if (c.first && !c.pageKeys.includes(target ?? "")) return { kind: "gone", notice: GONE_NOTICE };
  return { kind: "none" };
}

/** How a structure of the view is drawn and labelled: highlighted, also marked, or only selected. */
export function roleOf(id: string, state: Pick<ViewState, "focus" | "secondary">): "focus" | "secondary" | "selected" {
  if (state.focus.includes(id)) return "focus";
  if (state.secondary.includes(id)) return "secondary";
  return "selected";
}

/**
 * The state a page's view request asks for (fields it leaves out keep the figure's own), on the model shown now,
 * from `base` (the figure's own state on that model); ids the model lacks are dropped and named in `problems`.
 */
export function requestedState(
  request: Omit<ViewRequest, "labels">,
  labels: boolean | undefined,
  base: ViewState,
  structures: readonly StructureInfo[],
): { state: ViewState; problems: string[] } {
  const knownIds = new Set(structures.filter((s) => !s.models || s.models.includes(base.model)).map((s) => s.id));
  return applyViewState(
    base,
    {
      isViewState: true,
      state: {
        ...(request.focus ? { focus: request.focus } : {}),
        ...(request.secondary ? { secondary: request.secondary } : {}),
        ...(request.side ? { side: request.side } : {}),
        ...(request.view ? { camera: { view: request.view } } : {}),
        ...(labels !== undefined ? { labels } : {}),
      },
      problems: [],
    },
    { knownIds, models: [base.model] },
  );
}

/**
 * The structure list of `model`: the build's list (parts not loaded yet included: they load when a structure of
 * theirs is chosen) and, once the model is drawn, the nodes it holds without a record, named from their ids.
 */
export function listedStructures(
  structures: readonly StructureInfo[],
  model: string,
  contents: ModelContents | null,
  known: ReadonlyMap<string, StructureInfo>,
  nameOf: (id: string) => string,
): StructureInfo[] {
  const listed = structures.filter((s) => !s.models || s.models.includes(model));
  if (!contents) return listed;
  const extra: StructureInfo[] = contents
    .filter((c) => !known.has(c.id))
    .map((c) => ({
      id: c.id,
      name: nameOf(c.id),
      aliases: [],
      tissue: c.tissue,
      layer: c.layer,
      group: layerGroupOf(c.tissue, c.layer),
      page: false,
    }));
  return [...listed, ...extra];
}

/**
 * Structures that get a label: the highlighted ones and the selection, with labels on and no quiz, and only those
 * the drawn model holds (`present`; null while unknown).
 */
export function labelledIds(
  state: Pick<ViewState, "labels" | "quiz" | "focus" | "secondary" | "selected">,
  present: ReadonlySet<string> | null,
): string[] {
  if (!state.labels || state.quiz) return [];
  const ids = [...state.focus, ...state.secondary];
  if (state.selected && !ids.includes(state.selected)) ids.push(state.selected);
  return ids.filter((id) => !present || present.has(id));
}
