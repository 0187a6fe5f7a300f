// What the viewer shows before the 3D view is drawn, and instead of it without WebGL: the poster (a still) of the
// view and the names of the highlighted structures, so the page reads well either way.
import type { ReactNode } from "react";
import type { ViewName, ViewState } from "../lib/view-state.ts";
import type { StructureInfo } from "./types.ts";
import { VIEW_LABELS } from "./view-directions.ts";

interface Props {
  /** The figure's poster (server-rendered). */
  still?: ReactNode;
  /** The figure's own view, shown while the camera holds a free position. */
  view: ViewName;
  /** Structures known so far (at least the highlighted ones), for names and atlas links. */
  structures: StructureInfo[];
  state: ViewState;
  /** Hidden once the 3D view is drawn (kept in the page for the layout). */
  hidden: boolean;
  nameOf(id: string): string;
}

export function Placeholder({ still, view: figureView, structures, state, hidden, nameOf }: Props) {
  const view = "view" in state.camera ? state.camera.view : figureView;
  const page = (id: string) => structures.find((s) => s.id === id)?.page;
  const item = (id: string, kind: "focus" | "secondary") => (
    <li key={id} className={`av-${kind}`}>
      <span className={`av-mark av-mark-${kind}`} aria-hidden="true" />
      {page(id) ? <a href={`/anatomy/${id}/`}>{nameOf(id)}</a> : nameOf(id)}
      <span className="visually-hidden">{kind === "focus" ? " (highlighted)" : " (also marked)"}</span>
    </li>
  );
  return (
    <div className="av-placeholder" hidden={hidden}>
      <div className="av-still">{still}</div>
      {state.focus.length + state.secondary.length > 0 && (
        <div className="av-legend">
          <p className="av-legend-title">
            {state.side === "r" ? "Right" : "Left"} side, {VIEW_LABELS[view].toLowerCase()}
          </p>
          {state.quiz ? (
            <p className="av-legend-quiz">Names hidden for a quiz.</p>
          ) : (
            <ul>
              {state.focus.map((id) => item(id, "focus"))}
              {state.secondary.map((id) => item(id, "secondary"))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}
