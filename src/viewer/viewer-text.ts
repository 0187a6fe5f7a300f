// What the viewer says in words: the 3D view's accessible name (model, side, view, what is highlighted) and the
// status message over the stage (no WebGL, a failed load, a stall, a lost context, loading). Pure.
import type { ViewState } from "../lib/view-state.ts";
import type { ViewerStatus } from "./types.ts";
import { VIEW_LABELS } from "./view-directions.ts";

/** Why the 3D view is not (yet) shown, when there is a reason to give. */
export type ViewerReason = "" | "no-webgl" | "load-failed" | "context-lost";

const SIDE_WORDS = { r: "right", l: "left" } as const;

/** The stage's accessible name: what a screen reader hears on reaching the 3D view. */
export function stageLabel(state: ViewState, modelTitle: string, nameOf: (id: string) => string): string {
  const viewLabel = "view" in state.camera ? VIEW_LABELS[state.camera.view].toLowerCase() : "custom view";
  // In a quiz the names of the highlighted structures are what the reader is asked for.
  const names = (ids: string[]) =>
    state.quiz ? `${ids.length} structure${ids.length === 1 ? "" : "s"}` : ids.map(nameOf).join(", ");
  return [
    `3D model: ${modelTitle}, ${SIDE_WORDS[state.side]} side, ${viewLabel}.`,
    state.focus.length > 0 ? `Highlighted: ${names(state.focus)}.` : "",
    state.secondary.length > 0 ? `Also marked: ${names(state.secondary)}.` : "",
    state.quiz ? "Names are hidden for a quiz." : "",
    state.selected ? `Selected: ${nameOf(state.selected)}.` : "",
    state.isolated.length > 0 ? `Showing only ${state.isolated.map(nameOf).join(", ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

export interface MessageInput {
  mode: "figure" | "explorer";
  reason: ViewerReason;
  status: ViewerStatus;
  stalled: boolean;
  hydrated: boolean;
}

/** The message shown over the stage, or "" for none. */
export function statusMessage({ mode, reason, status, stalled, hydrated }: MessageInput): string {
  if (reason === "no-webgl") {
    return mode === "explorer"
      ? "Interactive 3D needs WebGL, which this browser does not offer. The list names every structure, with links to the atlas."
      : "Interactive 3D needs WebGL, which this browser does not offer. The highlighted structures are listed here.";
  }
  if (reason === "load-failed") {
    return mode === "explorer"
      ? "This 3D model could not be loaded. Try another model, or reload the page later."
      : "The 3D model could not be loaded. The highlighted structures are listed here.";
  }
  if (stalled) return "The 3D view is taking much longer than usual.";
  if (reason === "context-lost") return "Restoring the 3D view…";
  return status === "loading" && hydrated ? "Loading the 3D model…" : "";
}
