// How page scripts talk to a figure's viewer without reaching into React: a presentation step or a lesson's
// step-through asks for a view, the presentation handout asks for a still image. Both are custom events on the
// figure element ([data-anatomy-viewer]); a view request is also kept on the element, so a figure that has not
// hydrated yet (islands hydrate when scrolled near) applies it when it starts.
import { isStructureId, isViewName, type Side, type ViewName } from "../lib/view-state.ts";

export const VIEW_REQUEST_EVENT = "palpate:view-request";
export const SNAPSHOT_EVENT = "palpate:snapshot";

/** A view set from outside. A field left out keeps the figure's own (authored) value. */
export interface ViewRequest {
  focus?: string[];
  secondary?: string[];
  side?: Side;
  view?: ViewName;
  labels?: boolean;
}

/** Asks a figure for a view (the figure's own view when the request is empty). */
export function requestView(figure: HTMLElement, request: ViewRequest): void {
  figure.dataset["viewRequest"] = JSON.stringify(request);
  figure.dispatchEvent(new CustomEvent(VIEW_REQUEST_EVENT, { detail: request }));
}

/** The last request made of a figure (before or after it hydrated), or null. */
export function pendingViewRequest(figure: HTMLElement): ViewRequest | null {
  const raw = figure.dataset["viewRequest"];
  if (!raw) return null;
  try {
    return readViewRequest(JSON.parse(raw));
  } catch {
    return null;
  }
}

/** Keeps only well-formed fields of a request (it may come from page markup). */
export function readViewRequest(value: unknown): ViewRequest {
  const out: ViewRequest = {};
  if (typeof value !== "object" || value === null) return out;
  const v = value as Record<string, unknown>;
  const ids = (x: unknown) =>
    // Sorted, as the viewer keeps its lists.
    Array.isArray(x) ? x.filter((id): id is string => typeof id === "string" && isStructureId(id)).sort() : undefined;
  const focus = ids(v["focus"]);
  const secondary = ids(v["secondary"]);
  if (focus) out.focus = focus;
  if (secondary) out.secondary = secondary;
  if (v["side"] === "r" || v["side"] === "l") out.side = v["side"];
  if (typeof v["view"] === "string" && isViewName(v["view"])) out.view = v["view"];
  if (typeof v["labels"] === "boolean") out.labels = v["labels"];
  return out;
}

/**
 * A still image (PNG data URL) of what the figure shows now, or null when it has no 3D view. The viewer renders a
 * frame and reads it back in the same task, so the canvas needs no preserveDrawingBuffer.
 */
export function snapshotFigure(figure: HTMLElement): string | null {
  const detail: { image: string | null } = { image: null };
  figure.dispatchEvent(new CustomEvent(SNAPSHOT_EVENT, { detail }));
  return detail.image;
}
