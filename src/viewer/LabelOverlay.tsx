// The label overlay's markup: one label and one leader line per labelled structure, hidden until the stage has
// measured and placed them (labels.ts writes their positions each frame).
import type { Ref } from "react";
import type { ViewState } from "../lib/view-state.ts";
import { LABEL_RANK } from "./label-layout.ts";
import { roleOf } from "./viewer-state.ts";

interface Props {
  ref: Ref<HTMLDivElement>;
  /** Structures to label, in the order the stage ranks ties. */
  ids: string[];
  state: ViewState;
  /** The theme, part of the version: a new theme can change the labels' size. */
  dark: boolean;
  nameOf(id: string): string;
}

export function LabelOverlay({ ref, ids, state, dark, nameOf }: Props) {
  return (
    <div ref={ref} className="av-labels" aria-hidden="true" data-version={`${ids.join(",")}|${dark}|${state.model}`}>
      <svg className="av-leaders" aria-hidden="true">
        {ids.map((id) => (
          <g key={id} data-leader={id} className={`av-leader av-${roleOf(id, state)}`}>
            <line />
            <circle r="3.5" />
          </g>
        ))}
      </svg>
      {ids.map((id) => (
        <span
          key={id}
          data-label={id}
          data-rank={
            id === state.selected
              ? LABEL_RANK.selected
              : LABEL_RANK[roleOf(id, state) === "focus" ? "focus" : "secondary"]
          }
          className={`av-label av-${roleOf(id, state)}`}
          hidden
        >
          <span className={`av-mark av-mark-${roleOf(id, state)}`} />
          {nameOf(id)}
        </span>
      ))}
    </div>
  );
}
